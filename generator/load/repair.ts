import type { OpenAPIDocument } from './load-spec.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Fixes defects real specs ship with, in place, each with a warning: what the generator cannot leave as is but can
 * repair without guessing. Duplicate `operationId`s (Telnyx has `ListPhoneNumbers` twice) would make
 * openapi-typescript emit two `operations` members of one name (TS2300); the later ones get a numeric suffix.
 */
export function repairSpec(document: OpenAPIDocument, warnings: string[]): void {
  repairOperationIds(document, warnings);
  requiredOnlyAllOfParts(document);
}

/**
 * `allOf: [Base, { type: object, required: [name] }]` (Telnyx's NetworkCreate) says "Base, with name required".
 * A bare `{ type: object, title }` part (PublicInternetGatewayCreate) says nothing more than Base.
 * openapi-typescript turns a property-less object into `Record<string, never>`, which no value satisfies; listing the
 * required names as properties of any type keeps the meaning and types as `Base & { name: unknown }`.
 */
function requiredOnlyAllOfParts(document: OpenAPIDocument): void {
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    if (Array.isArray(record['allOf'])) {
      for (const part of record['allOf'] as Array<Record<string, unknown>>) {
        const bare = part && typeof part === 'object' && !('$ref' in part) && part['properties'] === undefined && part['additionalProperties'] === undefined && !part['oneOf'] && !part['anyOf'] && !part['allOf'] && !part['items'];
        if (!bare) continue;
        if (Array.isArray(part['required'])) part['properties'] = Object.fromEntries((part['required'] as string[]).map((name) => [name, {}]));
        else if (part['type'] === 'object') delete part['type']; // `{ type: object, title }` adds nothing to the allOf
      }
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'example' && key !== 'examples') visit(value);
  };
  visit(document.paths);
  visit(document.components);
}

function repairOperationIds(document: OpenAPIDocument, warnings: string[]): void {
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
