// Reading a spec, from a file, a URL or stdin, and running the loading passes (load/passes.ts) over it.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SpecError } from '../core/errors.js';
import type { OpenAPIDocument } from '../core/openapi-document.js';
import { type LoadSpecOptions, type LoadState, runLoadPasses } from './passes.js';
import { fetchSpec, isURL, readStdin } from './read-input.js';
import { parseSourceDocument, type SourceDocument } from './source-document.js';

/** A loaded OpenAPI 3.x document, checked to be one, with every local `$ref` known to resolve. */
export interface LoadedSpec {
  source: SourceDocument;
  document: OpenAPIDocument;
}

export type { OpenAPIDocument } from '../core/openapi-document.js';
export type { LoadSpecOptions } from './passes.js';

/**
 * A spec from a file (relative to `cwd`), an http(s) URL or stdin (`-`); `shown` is its name in messages. A spec from a
 * URL or stdin must be one document: its `$ref`s to other files are not followed.
 */
export async function loadSpecInput(
  spec: string,
  cwd: string,
  shown: string,
  options: LoadSpecOptions = {},
): Promise<LoadedSpec> {
  if (isURL(spec)) return loadSpecText(await fetchSpec(spec), undefined, shown, options);
  if (spec === '-') return loadSpecText(await readStdin(), undefined, shown, options);
  return loadSpec(resolve(cwd, spec), shown, options);
}

/**
 * Reads, parses and checks a spec file (and repairs it, where `options.repair` says); every problem is a `SpecError`
 * naming the place. `$ref`s to other files are
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
  const source = parseSourceDocument(displayName, text, SpecError);
  const state: LoadState = { text, file, displayName, options, source, parsed: source.data };
  const document = await runLoadPasses(state);
  return { source: state.source, document };
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
