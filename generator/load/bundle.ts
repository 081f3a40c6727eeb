import { dirname, join, relative } from 'node:path';
import { type SourceLocation, SpecError } from '../core/errors.js';
import {
  fetchRef,
  oneLine,
  quote,
  type RefPolicy,
  RefRefusal,
  type RefTarget,
  readRefFile,
  refTarget,
} from './ref-confinement.js';
import { findRefTo, forEachRef, resolvePointer } from './refs.js';
import { joinPointer, parseSourceDocument, type SourceDocument } from './source-document.js';

/** Whether any `$ref` of the document points to another file (or URL), not into this one. */
export function hasExternalRefs(data: unknown): boolean {
  return forEachRef(data, (ref) => !ref.startsWith('#'));
}

/**
 * A multi-file spec as one document, by Redocly's bundler (`@redocly/openapi-core`, which openapi-typescript also
 * uses): every `$ref` to another file becomes a local one, the referenced parts move under `components`.
 * Redocly decides which refs to follow, but not what they may read: its resolver is replaced by one that checks every
 * target against `policy` before opening it (load/ref-confinement.ts) and reads or fetches it itself.
 * A ref that is refused, or whose file is missing or does not parse, is a `SpecError` at that `$ref`.
 */
export async function bundleExternalRefs(
  file: string,
  text: string,
  source: SourceDocument,
  policy: RefPolicy,
): Promise<unknown> {
  const { BaseResolver, Source, bundle, createConfig } = await import('@redocly/openapi-core');
  const config = await createConfig({}, { extends: [] });
  // Per target (Redocly's cache key): what it is, the first ref that led to it, and the text read.
  const targets = new Map<string, RefTarget>();
  const origins = new Map<string, { base: string; ref: string }>();
  const texts = new Map<string, string>([[file, text]]);

  class ConfinedResolver extends BaseResolver {
    override resolveExternalRef(base: string | null, ref: string): string {
      const from = base ?? file;
      const target = refTarget(policy, from, ref);
      // A refused ref gets a key of its own, so its error names it and not another ref to the same place.
      const key =
        target.kind === 'file'
          ? target.path
          : target.kind === 'url'
            ? target.url.href
            : `\u0000refused\u0000${from}\u0000${ref}`;
      if (!targets.has(key)) {
        targets.set(key, target);
        origins.set(key, { base: from, ref });
      }
      return key;
    }

    override async loadExternalRef(absoluteRef: string): Promise<InstanceType<typeof Source>> {
      const target = targets.get(absoluteRef);
      if (target === undefined || target.kind === 'refused')
        throw new RefRefusal(target?.problem ?? 'was not checked before reading');
      if (target.kind === 'file') {
        const body = (await readRefFile(policy, target.path)).replace(/\r\n/g, '\n');
        texts.set(absoluteRef, body);
        return new Source(absoluteRef, body);
      }
      const { body, mimeType } = await fetchRef(policy, target.url);
      texts.set(absoluteRef, body);
      return new Source(absoluteRef, body, mimeType);
    }
  }

  const resolver = new ConfinedResolver(config.resolve);
  const result = await bundle({
    config,
    doc: { source: new Source(file, text), parsed: source.data },
    externalRefResolver: resolver,
    dereference: false,
    removeUnusedComponents: false,
  }).catch((error: unknown) => ({ error }));
  // Named as the spec is named (relative to where the user runs the command); URLs as they are.
  // A file's name comes from a ref, so it may hold a newline: escaped, the message stays one line.
  const display = (path: string): string =>
    oneLine(
      /^https?:/.test(path)
        ? path
        : join(dirname(source.file), relative(dirname(file), path))
            .split('\\')
            .join('/'),
    );
  // Where the ref that led to a target is written: its file, line and column, and pointer.
  const locateRef = (origin: { base: string; ref: string }): SourceLocation => {
    let document: SourceDocument | undefined = origin.base === file ? source : undefined;
    const baseText = texts.get(origin.base);
    if (!document && baseText !== undefined) {
      try {
        document = parseSourceDocument(display(origin.base), baseText);
      } catch {
        // Redocly parsed it, so this does not happen; the file name alone will do.
      }
    }
    const pointer = document && findRefTo(document.data, origin.ref);
    return document && pointer !== undefined ? document.locate(pointer) : { file: display(origin.base) };
  };
  // The resolver remembers every target it tried, in the order the refs were met; the first failure is reported.
  for (const [key, attempt] of resolver.cache) {
    const outcome: unknown = await attempt.catch((error: unknown) => error);
    if (!(outcome instanceof Error)) continue;
    const origin = origins.get(key) ?? { base: file, ref: key };
    const { originalError, line, col } = outcome as Error & { originalError?: Error; line?: number; col?: number };
    if (typeof line === 'number' && !Number.isNaN(line)) {
      // js-yaml's own words, without the absolute path and position it appends (both are in front already).
      const problem = (originalError?.message ?? outcome.message).split('\n')[0]!.replace(/ in ".*$/, '');
      throw new SpecError(
        { file: display(key), line, column: col ?? 1 },
        `not valid YAML or JSON (referenced from ${display(origin.base)}): ${problem}`,
      );
    }
    let problem =
      outcome instanceof RefRefusal
        ? outcome.problem
        : `cannot be read: ${(originalError ?? outcome).message.split('\n')[0]}`;
    // A missing file is named as the user would look for it (the ref is relative to the file it is in).
    const target = targets.get(key);
    if (problem.startsWith('cannot be read') && target?.kind === 'file')
      problem = `points to ${display(target.path)}, which ${problem}`;
    throw new SpecError(locateRef(origin), `$ref ${quote(origin.ref)} ${problem}`);
  }
  if ('error' in result) {
    // Redocly gives up on a chain of refs that comes back to where it started; name the chain.
    const parsed = new Map<string, SourceDocument | undefined>([[file, source]]);
    const documentAt = (key: string): SourceDocument | undefined => {
      if (!parsed.has(key)) {
        const body = texts.get(key);
        let document: SourceDocument | undefined;
        try {
          document = body === undefined ? undefined : parseSourceDocument(display(key), body);
        } catch {
          document = undefined;
        }
        parsed.set(key, document);
      }
      return parsed.get(key);
    };
    const cycle = findRefCycle([...texts.keys()], documentAt, (from, uri) =>
      uri === null ? from : resolver.resolveExternalRef(from, uri),
    );
    if (cycle) {
      const hops = cycle.chain.map(({ key, fragment }) => `${display(key)}${fragment === '' ? '' : `#${fragment}`}`);
      throw new SpecError(
        documentAt(cycle.key)!.locate(cycle.pointer),
        `$ref ${quote(cycle.ref)} starts a cycle of $refs that never reaches a value: ${oneLine(hops.join(' -> '))}`,
      );
    }
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new SpecError(
      { file: source.file },
      `the $refs to other files could not be bundled: ${oneLine(message.split('\n')[0]!)}`,
    );
  }
  return result.bundle.parsed as unknown;
}

interface RefCycle {
  /** The document, pointer and value of the first $ref of the cycle. */
  key: string;
  pointer: string;
  ref: string;
  /** Where each ref of the chain leads: a document and a fragment. */
  chain: Array<{ key: string; fragment: string }>;
}

/**
 * The first `$ref` (in `keys`' order, then document order) whose chain of refs to refs comes back to one it has
 * passed, with the chain. `targetOf` maps a ref's file part to its document's key (null: the same document).
 */
function findRefCycle(
  keys: string[],
  documentAt: (key: string) => SourceDocument | undefined,
  targetOf: (from: string, uri: string | null) => string,
): RefCycle | undefined {
  for (const key of keys) {
    const document = documentAt(key);
    if (!document) continue;
    let found: RefCycle | undefined;
    forEachRef(document.data, (ref, path) => {
      const chain: Array<{ key: string; fragment: string }> = [];
      const seen = new Set<string>();
      let at = { key, ref };
      for (;;) {
        const [uri = '', fragment = ''] = at.ref.split(/#(.*)/s);
        const target = targetOf(at.key, uri === '' ? null : uri);
        chain.push({ key: target, fragment });
        const id = `${target}#${fragment}`;
        if (seen.has(id)) {
          found = { key, pointer: joinPointer([...path, '$ref']), ref, chain };
          return true;
        }
        seen.add(id);
        const node = resolvePointer(documentAt(target)?.data, `#${fragment}`) as Record<string, unknown> | undefined;
        const next = node !== null && typeof node === 'object' ? node['$ref'] : undefined;
        if (typeof next !== 'string') return false;
        at = { key: target, ref: next };
      }
    });
    if (found) return found;
  }
  return undefined;
}
