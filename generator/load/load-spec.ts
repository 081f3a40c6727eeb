import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SpecError } from '../core/errors.js';
import type { OpenAPIDocument } from '../core/openapi-document.js';
import { bundleExternalRefs, hasExternalRefs } from './bundle.js';
import { checkRefCycles } from './cycles.js';
import { createRefPolicy, type RefLimits } from './ref-confinement.js';
import { checkRefs } from './refs.js';
import { checkDepth, checkShape } from './shape.js';
import { parseSourceDocument, type SourceDocument } from './source-document.js';

/** A loaded OpenAPI 3.x document, checked to be one, with every local `$ref` known to resolve. */
export interface LoadedSpec {
  source: SourceDocument;
  document: OpenAPIDocument;
}

export type { OpenAPIDocument } from '../core/openapi-document.js';

export interface LoadSpecOptions {
  /**
   * Folders (absolute) and http(s) URL prefixes `$ref`s may read besides the spec's own folder (see
   * `resolveAllowRefs` in load/ref-confinement.ts).
   */
  allowRefs?: readonly string[];
  /** Size and time limits of what refs read (defaults: DEFAULT_REF_LIMITS). */
  refLimits?: Partial<RefLimits>;
}

/**
 * Reads, parses and checks a spec file; every problem is a `SpecError` naming the place. `$ref`s to other files are
 * bundled in (load/bundle.ts), confined to the spec's folder unless `options.allowRefs` widens it. Swagger 2.0 is
 * converted to OpenAPI 3 by swagger2openapi (positions in errors then refer to the converted document's pointers).
 */
export async function loadSpec(file: string, displayName = file, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  return loadSpecText(await readText(file, displayName), file, displayName, options);
}

/**
 * A spec whose text is already read. `file` is where its relative `$ref`s point from; `undefined` for a spec fetched
 * from a URL or read from stdin, which must then be one document (nothing else is fetched on its say-so).
 */
export async function loadSpecText(
  text: string,
  file: string | undefined,
  displayName: string,
  options: LoadSpecOptions = {},
): Promise<LoadedSpec> {
  let source = parseSourceDocument(displayName, text, SpecError);
  // Before anything walks it: a walk that recurses per level must not meet a document 10,000 levels deep.
  checkDepth(source);
  const parsed = source.data;
  if (hasExternalRefs(source.data)) {
    if (file === undefined)
      throw new SpecError(
        source.locate(''),
        'refers to other files ($ref), which are not followed for a spec read from a URL or stdin: bundle it into one document',
      );
    const policy = await createRefPolicy(file, dirname(displayName) || '.', options.allowRefs, options.refLimits);
    source = { ...source, data: await bundleExternalRefs(file, text, source, policy) };
  }
  const data = source.data as Record<string, unknown> | null;
  if (data && typeof data === 'object' && !Array.isArray(data) && data['swagger'] === '2.0') {
    source = { ...source, data: await convertSwagger2(source) };
  }
  // Other files bundled in, or a conversion from Swagger 2.0, make a new document.
  if (source.data !== parsed) checkDepth(source);
  const document = checkOpenAPI(source);
  checkShape(source);
  checkRefs(source);
  checkRefCycles(source);
  return { source, document };
}

async function convertSwagger2(source: SourceDocument): Promise<unknown> {
  try {
    // patch: fix small defects swagger2openapi knows; warnOnly: report, do not throw, on the rest.
    // Loaded only for Swagger documents: most specs never need it.
    const { default: swagger2openapi } = await import('swagger2openapi');
    const { openapi } = await swagger2openapi.convertObj(
      source.data as Parameters<typeof swagger2openapi.convertObj>[0],
      { patch: true, warnOnly: true, resolve: false },
    );
    return openapi;
  } catch (error) {
    throw new SpecError(
      source.locate(''),
      `Swagger 2.0 document could not be converted to OpenAPI 3: ${(error as Error).message}`,
    );
  }
}

async function readText(file: string, displayName: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : `cannot be read (${code ?? String(error)})`;
    throw new SpecError({ file: displayName }, reason);
  }
}

function checkOpenAPI(source: SourceDocument): OpenAPIDocument {
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new SpecError(source.locate(''), 'not an OpenAPI document: expected a mapping at the top level');
  }
  const record = data as Record<string, unknown>;
  if ('swagger' in record) {
    throw new SpecError(
      source.locate('/swagger'),
      `Swagger ${String(record['swagger'])} documents are not supported (Swagger 2.0 is converted; this is not 2.0)`,
    );
  }
  const version = record['openapi'];
  if (typeof version !== 'string' || !/^3\.[01]\.\d+/.test(version)) {
    const where = 'openapi' in record ? '/openapi' : '';
    const found = 'openapi' in record ? `"openapi: ${String(version)}"` : 'no "openapi" field';
    throw new SpecError(source.locate(where), `not an OpenAPI 3.0 or 3.1 document: found ${found}`);
  }
  const info = record['info'];
  if (!info || typeof info !== 'object' || typeof (info as Record<string, unknown>)['title'] !== 'string') {
    throw new SpecError(source.locate('info' in record ? '/info' : ''), 'the "info" object with a "title" is required');
  }
  const paths = record['paths'];
  if (paths !== undefined && (paths === null || typeof paths !== 'object' || Array.isArray(paths))) {
    throw new SpecError(source.locate('/paths'), '"paths" must be a mapping of path templates to path items');
  }
  return record as OpenAPIDocument;
}
