import type { OpenAPIDocument } from '../core/openapi-document.js';
import { boundCombinations } from './combinations.js';
import { breakSchemaCycles } from './cycles.js';
import { completeDiscriminatorMapping } from './discriminator-values.js';
import { resolvePointer } from './refs.js';
import { childPointer, splitPointer } from './source-document.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Fixes defects real specs ship with, in place, each with a warning: what the generator cannot leave as is but can
 * repair without guessing. Duplicate `operationId`s (Telnyx has `ListPhoneNumbers` twice) would make
 * openapi-typescript emit two `operations` members of one name (TS2300); the later ones get a numeric suffix.
 */
export function repairSpec(document: OpenAPIDocument, warnings: string[]): void {
  repairOperationIds(document, warnings);
  // One walk over the document serves the schema repairs; each looks at one node at a time.
  const inlineDeepRefs = deepRefInliner(document);
  forEachNode(document, (node, pointer, isMap) => {
    // A map's keys are names (a property may be called `properties` or `allOf`): only the ref repair applies.
    if (!isMap) {
      dropBooleanRequired(node);
      requiredOnlyAllOfParts(node);
      requiredOnlyAlternatives(node);
      widenAdditionalProperties(node);
      unwrapDiscriminatedAllOf(document, node);
      repairDiscriminatorMapping(document, node, pointer, warnings);
      completeDiscriminatorMapping(document, node, pointer);
    }
    inlineDeepRefs(node, pointer, isMap);
  });
  // After the walk: refs it inlined or hoisted are part of the graph.
  breakSchemaCycles(document, warnings);
  boundCombinations(document, warnings);
}

type Node = Record<string | number, unknown>;

/** Keys whose value maps names (of properties, schemas, media types...) to objects: its own keys are not keywords. */
const NAME_MAPS = new Set([
  ...['properties', 'patternProperties', 'dependentSchemas', 'definitions', '$defs'],
  ...[
    'schemas',
    'responses',
    'parameters',
    'requestBodies',
    'headers',
    'content',
    'encoding',
    'callbacks',
    'links',
    'pathItems',
  ],
]);

/**
 * Calls `visit` on every object and array under `paths` and `components`, once each, before its children (so children
 * it replaces are walked as replaced); example values are data and skipped. `isMap` says the node maps names to
 * objects (`properties`, `components.schemas`), so a key like `additionalProperties` in it is a property's name; what
 * a map holds is never a map itself (a property named `properties` is a schema).
 */
function forEachNode(document: OpenAPIDocument, visit: (node: Node, pointer: string, isMap: boolean) => void): void {
  const seen = new Set<unknown>();
  const walk = (value: unknown, pointer: string, isMap: boolean): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const node = value as Node;
    visit(node, pointer, isMap);
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
    for (const key of keys) {
      if (!isMap && (key === 'example' || key === 'examples')) continue;
      walk(node[key], childPointer(pointer, key), !isMap && typeof key === 'string' && NAME_MAPS.has(key));
    }
  };
  walk(document.paths, '#/paths', false);
  walk(document.components, '#/components', false);
}

/**
 * A `$ref` into `#/paths/...` (DigitalOcean reuses response schemas that way) or into the inside of a component
 * (`#/components/parameters/Id/schema`, `#/components/schemas/Pet/allOf/0`: Codat, Linode, D&D 5e) becomes, in
 * openapi-typescript's output, an index into its types by a key they do not have (`['schema']`, `['allOf']`).
 * The referenced value is put in the ref's place; when it contains the ref itself (Codat's recursive
 * `#/components/schemas/Report/definitions/reportComponent`), it becomes a schema of its own under a name from the
 * pointer (`reportComponent`), once, and the refs point there.
 */
function deepRefInliner(document: OpenAPIDocument): (node: Node, pointer: string, isMap: boolean) => void {
  // The schemas hoisted so far, by the pointer refs led to: each once, however many refs lead there.
  const hoisted = new Map<string, string>();
  return (node, pointer, isMap) => {
    for (const key of Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node)) {
      if ((!isMap && (key === 'example' || key === 'examples')) || !isDeepRef(node[key])) continue;
      const here = childPointer(pointer, key);
      let target: unknown = node[key];
      let cyclic = false;
      for (let hops = 0; hops < 16 && isDeepRef(target); hops++) {
        cyclic ||= `${here}/`.startsWith(`${target.$ref}/`);
        target = resolvePointer(document, target.$ref);
      }
      if (target === undefined) continue;
      if (!cyclic) node[key] = target;
      else
        node[key] = {
          $ref: `#/components/schemas/${hoist(document, (node[key] as { $ref: string }).$ref, target, hoisted)}`,
        };
    }
  };
}

/** Puts a schema found inside another under `components.schemas`, named after its pointer; returns the name. */
function hoist(document: OpenAPIDocument, ref: string, target: unknown, hoisted: Map<string, string>): string {
  const known = hoisted.get(ref);
  if (known !== undefined) return known;
  const schemas = ((document.components ??= {})['schemas'] ??= {}) as Record<string, unknown>;
  const tokens = splitPointer(ref); // components, schemas, <name>, ...
  const last = [...tokens].reverse().find((token) => !/^\d+$/.test(token) && !SCHEMA_KEYWORDS.has(token)) ?? 'Schema';
  let name = last;
  for (let suffix = 2; Object.hasOwn(schemas, name); suffix++)
    name = `${tokens[2] ?? 'Schema'}_${last}${suffix === 2 ? '' : suffix}`;
  schemas[name] = target;
  hoisted.set(ref, name);
  return name;
}

const SCHEMA_KEYWORDS = new Set([
  'properties',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'additionalProperties',
  'definitions',
  '$defs',
  'schema',
  'content',
]);

/** A ref openapi-typescript cannot express: into `#/paths`, or deeper than `#/components/<section>/<name>`. */
function isDeepRef(value: unknown): value is { $ref: string } {
  const ref = (value as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== 'string') return false;
  return ref.startsWith('#/paths/') || (ref.startsWith('#/components/') && ref.split('/').length > 4);
}

/**
 * Discriminator mappings may name a schema (`Cat`) instead of referencing it; they are turned into references, which
 * the type generator needs. Mappings that lead nowhere (another file, a missing schema) are dropped with a warning.
 */
function repairDiscriminatorMapping(document: OpenAPIDocument, node: Node, pointer: string, warnings: string[]): void {
  const mapping = (node['discriminator'] as { mapping?: Record<string, unknown> } | undefined)?.mapping;
  if (!mapping || typeof mapping !== 'object') return;
  const schemas = document.components?.['schemas'] ?? {};
  for (const [key, target] of Object.entries(mapping)) {
    if (typeof target !== 'string') continue;
    if (!target.includes('/') && !target.includes('#') && Object.hasOwn(schemas, target))
      mapping[key] = `#/components/schemas/${target}`;
    else if (!target.startsWith('#/') || resolvePointer(document, target) === undefined) {
      delete mapping[key];
      warnings.push(
        `${pointer}/discriminator/mapping/${key}: "${target}" does not resolve in this document; the mapping entry is ignored`,
      );
    }
  }
}

/**
 * `properties: { empty: boolean }` beside `additionalProperties: { type: array }` types, in openapi-typescript, as
 * `{ empty?: boolean } & { [key: string]: string[] }`: `empty` can be neither set nor read (TypeScript wants every
 * property to fit the index signature). The extra members' schema becomes "that, or any of the declared properties",
 * as a hand-written type would say (`[key: string]: string[] | boolean`). Validation is not the SDK's job.
 */
function widenAdditionalProperties(node: Node): void {
  const extra = node['additionalProperties'];
  const properties = node['properties'];
  if (
    !extra ||
    typeof extra !== 'object' ||
    Object.keys(extra).length === 0 ||
    !properties ||
    typeof properties !== 'object'
  )
    return;
  const declared = Object.values(properties as Record<string, unknown>).filter(
    (schema) => schema && typeof schema === 'object',
  );
  if (declared.length > 0) node['additionalProperties'] = { anyOf: [extra, ...declared] };
}

/**
 * `PostCheck: { allOf: [$ref CheckDiscriminator] }` (InfluxDB), where the one part is a discriminated union, is that
 * union. openapi-typescript reads it as a subtype instead: `{ type: 'PostCheck' } & Omit<Deadman | Threshold, 'type'>`,
 * which keeps only the members all options share, so no option can be sent. The part's ref takes the allOf's place.
 */
function unwrapDiscriminatedAllOf(document: OpenAPIDocument, node: Node): void {
  const allOf = node['allOf'];
  if (!Array.isArray(allOf) || allOf.length !== 1 || 'nullable' in node || 'properties' in node || 'required' in node)
    return;
  const ref = (allOf[0] as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== 'string') return;
  const target = resolvePointer(document, ref) as Node | undefined;
  if (!target || !target['discriminator'] || !(Array.isArray(target['oneOf']) || Array.isArray(target['anyOf'])))
    return;
  delete node['allOf'];
  delete node['type'];
  node['$ref'] = ref;
}

/**
 * `required: true` on an object schema is Swagger 2's habit for parameters, meaningless on a schema; openapi-typescript
 * fails on it (`required.includes is not a function`). It goes, as openapi-typescript ignores it on other schemas.
 */
function dropBooleanRequired(node: Node): void {
  if (typeof node['required'] !== 'boolean') return;
  if (node['properties'] !== undefined || node['type'] === 'object' || node['allOf'] !== undefined)
    delete node['required'];
}

/**
 * `allOf: [Base, { type: object, required: [name] }]` (Telnyx's NetworkCreate) says "Base, with name required".
 * A bare `{ type: object, title }` part (PublicInternetGatewayCreate) says nothing more than Base.
 * openapi-typescript types a property-less part as an open record, which drops the requirement; listing the required
 * names as properties of any type keeps the meaning and types as `Base & { name: unknown }`.
 */
function requiredOnlyAllOfParts(node: Node): void {
  if (!Array.isArray(node['allOf'])) return;
  for (const part of node['allOf'] as Array<Record<string, unknown>>) {
    const bare =
      part &&
      typeof part === 'object' &&
      !('$ref' in part) &&
      part['properties'] === undefined &&
      part['additionalProperties'] === undefined &&
      !part['oneOf'] &&
      !part['anyOf'] &&
      !part['allOf'] &&
      !part['items'];
    if (!bare) continue;
    if (Array.isArray(part['required']))
      part['properties'] = Object.fromEntries((part['required'] as string[]).map((name) => [name, {}]));
    else if (part['type'] === 'object') delete part['type']; // `{ type: object, title }` adds nothing to the allOf
  }
}

/**
 * `{ properties: {...}, anyOf: [{ required: [a] }, { required: [b] }] }` (GitHub's Pages update) says "at least one of
 * these": a validation rule, no shape. openapi-typescript types each required-only option as `unknown`, and the union
 * with `unknown` is `unknown`, so the body lost every property. Without the rule the body is the object it describes.
 */
function requiredOnlyAlternatives(node: Node): void {
  if (node['properties'] === null || typeof node['properties'] !== 'object') return;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = node[key];
    if (!Array.isArray(options) || options.length === 0) continue;
    const requiredOnly = options.every(
      (option) =>
        option !== null &&
        typeof option === 'object' &&
        !Array.isArray(option) &&
        Array.isArray((option as Node)['required']) &&
        Object.keys(option as Node).every((name) => ['required', 'description', 'title'].includes(name)),
    );
    if (requiredOnly) delete node[key];
  }
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
        warnings.push(
          `${method.toUpperCase()} ${path}: operationId "${id}" is used more than once; this one is treated as "${unique}"`,
        );
      }
    }
  }
}
