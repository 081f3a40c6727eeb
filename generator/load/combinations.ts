import { MAX_UNION_MEMBERS } from '../core/limits.js';
import type { OpenAPIDocument } from '../core/openapi-document.js';
import { resolvePointer } from './refs.js';
import { childPointer } from './source-document.js';

type Node = Record<string, unknown>;

/**
 * Widens, in place, every schema whose union would pass `MAX_UNION_MEMBERS` (the first along each chain of refs, so
 * the schemas built on it stay precise) to an unconstrained schema, typed `unknown`, with a warning naming it and
 * the count. Named intermediate types would not help: TypeScript expands an intersection when it resolves the name.
 */
export function boundCombinations(document: OpenAPIDocument, warnings: string[]): void {
  const sizes = new Map<Node, number>();
  const pointers = new Map<Node, string>();
  const active = new Set<Node>();

  const size = (value: unknown, pointer: string): number => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return 1;
    const node = value as Node;
    if (typeof node['$ref'] === 'string') {
      const ref = node['$ref'];
      return ref.startsWith('#') ? size(resolvePointer(document, ref), ref) : 1;
    }
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // A cycle counts once; cycles.ts has made every one of them typeable already.
    if (active.has(node)) return 1;
    active.add(node);
    // Only a node that combines (oneOf, anyOf, allOf, enum) can exceed the limit and be named in a warning.
    if (
      (node['oneOf'] !== undefined ||
        node['anyOf'] !== undefined ||
        node['allOf'] !== undefined ||
        node['enum'] !== undefined) &&
      !pointers.has(node)
    )
      pointers.set(node, pointer);
    let total = 1;
    for (const key of ['oneOf', 'anyOf'] as const) {
      const members = node[key];
      if (Array.isArray(members) && members.length > 0)
        total *= members.reduce(
          (sum: number, member, index) => sum + size(member, childPointer(childPointer(pointer, key), index)),
          0,
        );
    }
    const parts = node['allOf'];
    if (Array.isArray(parts))
      parts.forEach((part, index) => (total *= size(part, childPointer(childPointer(pointer, 'allOf'), index))));
    if (Array.isArray(node['enum']) && node['enum'].length > 0) total *= node['enum'].length;
    active.delete(node);
    if (total > MAX_UNION_MEMBERS) {
      warnings.push(
        `${pointers.get(node)}: combines ${total > 1e9 ? 'over a billion' : total.toLocaleString('en-US')} alternatives (allOf over oneOf/anyOf), more than TypeScript can represent in one type; it is typed as unknown`,
      );
      const description = node['description'];
      for (const key of Object.keys(node)) delete node[key];
      if (typeof description === 'string') node['description'] = description;
      total = 1;
    }
    sizes.set(node, total);
    return total;
  };

  // Every schema where openapi-typescript writes a type: the components first (their pointers name them best).
  const walk = (value: unknown, pointer: string, depth: number): void => {
    if (value === null || typeof value !== 'object' || depth > 200) return;
    if (!Array.isArray(value)) size(value, pointer);
    for (const [key, child] of Object.entries(value)) {
      if (key === 'example' || key === 'examples') continue;
      walk(child, childPointer(pointer, key), depth + 1);
    }
  };
  walk(document.components, '#/components', 0);
  walk(document.paths, '#/paths', 0);
}
