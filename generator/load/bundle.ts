import { dirname, join, relative } from 'node:path';
import { SpecError } from '../errors.js';
import { forEachRef } from './refs.js';
import type { SourceDocument } from './source-document.js';

/** Whether any `$ref` of the document points to another file (or URL), not into this one. */
export function hasExternalRefs(data: unknown): boolean {
  return forEachRef(data, (ref) => !ref.startsWith('#'));
}

/**
 * A multi-file spec as one document, by Redocly's bundler (`@redocly/openapi-core`, which openapi-typescript also
 * uses): every `$ref` to another file becomes a local one, the referenced parts move under `components`.
 * A referenced file that is missing or does not parse is a `SpecError` naming it and the file that refers to it.
 */
export async function bundleExternalRefs(file: string, text: string, source: SourceDocument): Promise<unknown> {
  const { BaseResolver, Source, bundle, createConfig } = await import('@redocly/openapi-core');
  const config = await createConfig({}, { extends: [] });
  const resolver = new BaseResolver(config.resolve);
  const result = await bundle({
    config,
    doc: { source: new Source(file, text), parsed: source.data },
    externalRefResolver: resolver,
    dereference: false,
    removeUnusedComponents: false,
  }).catch((error: unknown) => ({ error }));
  // The resolver remembers every file it tried; a failure there is the user's broken reference.
  for (const [path, attempt] of resolver.cache) {
    const outcome: unknown = await attempt.catch((error: unknown) => error);
    if (!(outcome instanceof Error)) continue;
    // Named as the spec is named (relative to where the user runs the command).
    const where = join(dirname(source.file), relative(dirname(file), path)).split('\\').join('/');
    const { originalError, line, col } = outcome as Error & { originalError?: NodeJS.ErrnoException; line?: number; col?: number };
    if (typeof line === 'number') {
      // js-yaml's own words, without the absolute path and position it appends (both are in front already).
      const problem = (originalError?.message ?? outcome.message).split('\n')[0]!.replace(/ in ".*$/, '');
      throw new SpecError({ file: where, line, column: col ?? 1 }, `not valid YAML or JSON (referenced from ${source.file}): ${problem}`);
    }
    const reason = originalError?.code === 'ENOENT' ? 'file not found' : (originalError?.message ?? outcome.message);
    throw new SpecError({ file: source.file }, `a $ref points to ${where}, which cannot be read: ${reason}`);
  }
  if ('error' in result) throw result.error;
  return result.bundle.parsed as unknown;
}
