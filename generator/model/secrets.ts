import { derefSchema } from './schemas.js';

/**
 * Names of schema properties that hold secrets: marked `writeOnly` or `format: password` anywhere under
 * `components.schemas` and request bodies. Logs mask these fields.
 */
export function collectSecretFields(document: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 40 || node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item) => visit(item, depth + 1));
      return;
    }
    const record = node as Record<string, unknown>;
    const properties = record['properties'];
    if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
      for (const [name, property] of Object.entries(properties as Record<string, unknown>)) {
        const resolved = derefSchema(document, property);
        if (resolved['writeOnly'] === true || resolved['format'] === 'password') found.add(name);
      }
    }
    // Own keys without an entries array per node, and leaves skipped before the call (most of a spec's values).
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const value = record[key];
      if (
        value !== null &&
        typeof value === 'object' &&
        key !== 'example' &&
        key !== 'examples' &&
        !key.startsWith('x-')
      )
        visit(value, depth + 1);
    }
  };
  visit(document['components'], 0);
  visit(document['paths'], 0);
  return [...found].sort();
}
