import type { OpenAPIDocument } from './load-spec.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Fixes defects real specs ship with, in place, each with a warning: what the generator cannot leave as is but can
 * repair without guessing. Duplicate `operationId`s (Telnyx has `ListPhoneNumbers` twice) would make
 * openapi-typescript emit two `operations` members of one name (TS2300); the later ones get a numeric suffix.
 */
export function repairSpec(document: OpenAPIDocument, warnings: string[]): void {
  const seen = new Map<string, number>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as { operationId?: unknown } | undefined;
      if (!operation || typeof operation.operationId !== 'string') continue;
      const id = operation.operationId;
      const count = (seen.get(id) ?? 0) + 1;
      seen.set(id, count);
      if (count > 1) {
        let unique = `${id}_${count}`;
        while (seen.has(unique)) unique = `${unique}_`;
        seen.set(unique, 1);
        operation.operationId = unique;
        warnings.push(`${method.toUpperCase()} ${path}: operationId "${id}" is used more than once; this one is treated as "${unique}"`);
      }
    }
  }
}
