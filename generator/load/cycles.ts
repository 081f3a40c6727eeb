import { SpecError } from '../core/errors.js';
import type { OpenAPIDocument } from '../core/openapi-document.js';
import { resolvePointer } from './refs.js';
import type { SourceDocument } from './source-document.js';
import { joinPointer, splitPointer } from './source-document.js';

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** Keywords whose schemas openapi-typescript writes in the schema's own type, not inside an object type literal. */
const DIRECT_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems'];

interface Edge {
  /** The schema the reference leads to. */
  target: string;
  /** Where the reference is, to replace it: its holder and key (the `$ref` object is `holder[key]`). */
  holder: Record<string | number, unknown>;
  key: string | number;
  pointer: string;
}

/**
 * Schemas that are their own type with no object in between (`A: { $ref: A }`; A -> B -> A; `Cat: allOf [Pet]` where
 * `Pet: oneOf [Cat, Dog]`; `N: { items: N }`) become, in openapi-typescript's output, type aliases that refer to
 * themselves, which TypeScript rejects (TS2502). Recursion through a property is fine (`{ next?: Node }`): only the
 * references openapi-typescript writes outside object literals count (`$ref`, `allOf`/`oneOf`/`anyOf`, `items`,
 * `prefixItems`). One depth-first walk finds a set of references whose removal leaves no cycle; each becomes `{}`
 * (`unknown`), with a warning. The walk starts at unions, so that in the common `Pet: oneOf [Cat, Dog]`,
 * `Cat: allOf [Pet, ...]` it is Cat's reference to Pet that goes (Cat keeps its own members; Pet stays the union).
 */
export function breakSchemaCycles(document: OpenAPIDocument, warnings: string[]): void {
  const schemas = document.components?.['schemas'];
  if (!schemas || typeof schemas !== 'object') return;
  const names = Object.keys(schemas);
  const edges = new Map<string, Edge[]>(names.map((name) => [name, directRefs(schemas, name)]));
  const isUnion = (name: string): boolean => {
    const schema = schemas[name] as Record<string, unknown> | null;
    return !!schema && typeof schema === 'object' && (Array.isArray(schema['oneOf']) || Array.isArray(schema['anyOf']));
  };
  const state = new Map<string, 'open' | 'done'>();
  for (const start of [...names.filter(isUnion), ...names.filter((name) => !isUnion(name))]) {
    if (state.has(start)) continue;
    // Iterative: a chain of thousands of schemas must not overflow the stack.
    const path: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
    state.set(start, 'open');
    while (path.length > 0) {
      const frame = path.at(-1)!;
      const edge = edges.get(frame.name)![frame.next++];
      if (!edge) {
        state.set(frame.name, 'done');
        path.pop();
        continue;
      }
      const seen = state.get(edge.target);
      if (seen === 'done' || !edges.has(edge.target)) continue;
      if (seen === 'open') {
        const cycle = [
          ...path.slice(path.findIndex((item) => item.name === edge.target)).map((item) => item.name),
          edge.target,
        ];
        edge.holder[edge.key] = {};
        warnings.push(
          `${edge.pointer}: the $ref to "${edge.target}" closes a cycle of schemas with no object between them (${cycle.join(' -> ')}), which no TypeScript type can express; it is typed as unknown`,
        );
        continue;
      }
      state.set(edge.target, 'open');
      path.push({ name: edge.target, next: 0 });
    }
  }
}

/** The component schemas a schema refers to directly (see `DIRECT_LISTS`), in document order. */
function directRefs(schemas: Record<string, unknown>, name: string): Edge[] {
  const out: Edge[] = [];
  const seen = new Set<unknown>();
  const visit = (holder: Record<string | number, unknown>, key: string | number, pointer: string): void => {
    const node = holder[key];
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') {
      const match = SCHEMA_REF.exec(ref);
      const target = match ? splitPointer(`/${decode(match[1]!)}`)[0] : undefined;
      if (target !== undefined && Object.hasOwn(schemas, target)) out.push({ target, holder, key, pointer });
      return;
    }
    for (const list of DIRECT_LISTS) {
      const parts = record[list];
      if (Array.isArray(parts))
        parts.forEach((_, index) =>
          visit(parts as unknown as Record<number, unknown>, index, `${pointer}/${list}/${index}`),
        );
    }
    if (record['items'] && typeof record['items'] === 'object' && !Array.isArray(record['items']))
      visit(record, 'items', `${pointer}/items`);
  };
  visit(schemas, name, `#/components/schemas${joinPointer([name])}`);
  return out;
}

function decode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/**
 * Components other than schemas that are nothing but a `$ref` leading back to themselves (`P: { $ref: P }` among
 * parameters) describe nothing; no repair can guess what was meant. A SpecError at the first one.
 */
export function checkRefCycles(source: SourceDocument): void {
  const components = (source.data as OpenAPIDocument).components;
  if (!components || typeof components !== 'object') return;
  // Refs known to lead to something: each chain is walked once, however many entries share it.
  const ending = new Set<string>();
  for (const [section, entries] of Object.entries(components)) {
    if (section === 'schemas' || !entries || typeof entries !== 'object') continue;
    for (const name of Object.keys(entries)) {
      const start = `#/components${joinPointer([section, name])}`;
      const chain = [start];
      let node: unknown = entries[name];
      while (node && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string') {
        const ref = (node as { $ref: string }).$ref;
        if (ending.has(ref)) break;
        if (chain.includes(ref)) {
          throw new SpecError(
            source.locate(`${start.slice(1)}/$ref`),
            `$ref cycle: ${[...chain, ref].join(' -> ')}; references that lead only to each other describe nothing`,
          );
        }
        chain.push(ref);
        node = resolvePointer(source.data, ref);
      }
      chain.forEach((pointer) => ending.add(pointer));
    }
  }
}
