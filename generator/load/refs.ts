import { SpecError } from '../core/errors.js';
import { joinPointer, type SourceDocument, splitPointer } from './source-document.js';

/** Follows a local JSON pointer (`#/components/schemas/Pet`) in `root`; `undefined` when it leads nowhere. */
export function resolvePointer(root: unknown, ref: string): unknown {
  let node = root;
  for (const token of splitPointer(decodeFragment(ref))) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/**
 * Checks every `$ref` in the document: a local one must lead to a value; an external one (another file or URL)
 * is reported, since bundling is the loader's job before this point. Throws a `SpecError` at the first broken one.
 */
export function checkRefs(source: SourceDocument): void {
  // A spec refers to a few thousand targets a hundred thousand times (Graph): each is resolved once.
  const resolves = new Set<string>();
  forEachRef(source.data, (ref, path) => {
    if (resolves.has(ref)) return false;
    const refPointer = (): string => joinPointer([...path, '$ref']);
    if (!ref.startsWith('#')) {
      // The loader bundles other files in; what is left is a reference the bundler could not follow (a URL, say).
      throw new SpecError(
        source.locate(refPointer()),
        `$ref "${ref}" points outside this file and could not be bundled`,
      );
    }
    if (resolvePointer(source.data, ref) === undefined) {
      throw new SpecError(
        source.locate(refPointer()),
        `$ref "${ref}" does not resolve: ${missingPart(source.data, ref)}`,
      );
    }
    resolves.add(ref);
    return false;
  });
}

/**
 * Calls `visit` with every `$ref` of the document (not those that are data: see `isInsideExample`) and the path of
 * the object holding it; stops, returning true, at the first call that returns true.
 */
export function forEachRef(
  data: unknown,
  visit: (ref: string, path: ReadonlyArray<string | number>) => boolean,
): boolean {
  // Each entry links to its parent: a node's path is built only when it holds a `$ref` (copying it at every level
  // was most of this walk on a Graph-sized spec).
  const stack: Entry[] = [{ node: data, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { node } = entry;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push({ node: item, parent: entry, key: index }));
      continue;
    }
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') {
      const path = pathOf(entry);
      if (!isInsideExample(path) && visit(ref, path)) return true;
    }
    // Own keys without an entries array per node (a million nodes on a Graph-sized spec, walked twice).
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const value = record[key];
      if (value !== null && typeof value === 'object') stack.push({ node: value, parent: entry, key });
    }
  }
  return false;
}

interface Entry {
  node: unknown;
  parent: Entry | undefined;
  key: string | number;
}

function pathOf(entry: Entry): Array<string | number> {
  const path: Array<string | number> = [];
  for (let at: Entry | undefined = entry; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

const DATA_KEYS = new Set(['example', 'default', 'enum', 'const']);

/** Inside `example`, `default`, `enum`, `const`, an Example Object's `value` or an `x-` extension, `$ref` is data. */
function isInsideExample(path: readonly (string | number)[]): boolean {
  return path.some((token, index) => {
    if (typeof token !== 'string' || path[index - 1] === 'properties') return false;
    if (DATA_KEYS.has(token) || token.startsWith('x-')) return true;
    return token === 'value' && path[index - 2] === 'examples';
  });
}

function missingPart(root: unknown, ref: string): string {
  const tokens = splitPointer(decodeFragment(ref));
  let node = root;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) {
      return `there is no "${token}" in #${joinPointer(tokens.slice(0, index))}`;
    }
    node = (node as Record<string, unknown>)[token];
  }
  return 'it leads to nothing';
}

/** A ref's fragment with %-escapes decoded (left as is when they are malformed). */
export function decodeFragment(ref: string): string {
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}

/**
 * The pointer to the first value in `data` (document order) that refers to the document `uri`: a `$ref`, an example's
 * `externalValue` or, failing those, any string (a discriminator mapping) whose part before `#` is `uri`.
 * For error messages about a ref the bundler followed; `undefined` when none is found.
 */
export function findRefTo(data: unknown, uri: string): string | undefined {
  const matches = (value: unknown): boolean =>
    typeof value === 'string' && (value === uri || value.startsWith(`${uri}#`));
  let fallback: string | undefined;
  // Depth-first with an explicit stack (children pushed in reverse), so deep documents cannot overflow the call stack.
  const stack: Array<{ node: unknown; path: (string | number)[] }> = [{ node: data, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const entries: Array<[string | number, unknown]> = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    for (const key of ['$ref', 'externalValue']) {
      if (!Array.isArray(node) && matches((node as Record<string, unknown>)[key])) return joinPointer([...path, key]);
    }
    for (const [key, value] of entries)
      if (fallback === undefined && matches(value)) fallback = joinPointer([...path, key]);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, value] = entries[index]!;
      if (value !== null && typeof value === 'object') stack.push({ node: value, path: [...path, key] });
    }
  }
  return fallback;
}
