import type { OpenAPIDocument } from './load-spec.js';
import { resolvePointer } from './refs.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Fixes defects real specs ship with, in place, each with a warning: what the generator cannot leave as is but can
 * repair without guessing. Duplicate `operationId`s (Telnyx has `ListPhoneNumbers` twice) would make
 * openapi-typescript emit two `operations` members of one name (TS2300); the later ones get a numeric suffix.
 */
export function repairSpec(document: OpenAPIDocument, warnings: string[]): void {
  repairOperationIds(document, warnings);
  requiredOnlyAllOfParts(document);
  repairDiscriminatorMappings(document, warnings);
  inlineRefsIntoPaths(document);
}

/**
 * A `$ref` into `#/paths/...` (DigitalOcean reuses response schemas that way) becomes, in openapi-typescript's output,
 * an index into its `paths` type by a key that type does not have. The referenced schema is put in the ref's place.
 */
function inlineRefsIntoPaths(document: OpenAPIDocument): void {
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((item, index) => [index, item]) : Object.entries(node as Record<string, unknown>);
    for (const [key, value] of entries) {
      if (key === 'example' || key === 'examples') continue;
      const ref = (value as { $ref?: unknown } | null)?.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/paths/')) {
        let target: unknown = value;
        for (let hops = 0; hops < 16 && typeof (target as { $ref?: unknown } | null)?.$ref === 'string' && String((target as { $ref: string }).$ref).startsWith('#/paths/'); hops++) {
          target = resolvePointer(document, (target as { $ref: string }).$ref);
        }
        if (target !== undefined) (node as Record<string | number, unknown>)[key] = target;
      }
      visit((node as Record<string | number, unknown>)[key]);
    }
  };
  visit(document.paths);
  visit(document.components);
}

/**
 * Discriminator mappings may name a schema (`Cat`) instead of referencing it; they are turned into references, which
 * the type generator needs. Mappings that lead nowhere (another file, a missing schema) are dropped with a warning.
 */
function repairDiscriminatorMappings(document: OpenAPIDocument, warnings: string[]): void {
  const schemas = document.components?.['schemas'] ?? {};
  const seen = new Set<unknown>();
  const visit = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${path}/${index}`));
    const record = node as Record<string, unknown>;
    const mapping = (record['discriminator'] as { mapping?: Record<string, unknown> } | undefined)?.mapping;
    if (mapping && typeof mapping === 'object') {
      for (const [key, target] of Object.entries(mapping)) {
        if (typeof target !== 'string') continue;
        if (!target.includes('/') && !target.includes('#') && target in schemas) mapping[key] = `#/components/schemas/${target}`;
        else if (!target.startsWith('#/') || resolvePointer(document, target) === undefined) {
          delete mapping[key];
          warnings.push(`${path}/discriminator/mapping/${key}: "${target}" does not resolve in this document; the mapping entry is ignored`);
        }
      }
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'example' && key !== 'examples') visit(value, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  visit(document.paths, '#/paths');
  visit(document.components, '#/components');
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
