import type { OpenAPIDocument } from '../core/openapi-document.js';
import { resolvePointer } from './refs.js';

type Node = Record<string | number, unknown>;

/**
 * A discriminator without a `mapping` selects each option by the option's schema *name*, and openapi-typescript types
 * the option's discriminator property so (`role: "DeveloperMessage"`). Where the option itself declares the value
 * (`role: { enum: [developer] }` or `const: developer`), the API sends and expects that value, and the name types
 * the property as something no valid message has. Such an option gets the mapping entry the spec left implicit
 * (`developer: '#/components/schemas/DeveloperMessage'`), so that every reader of the document (openapi-typescript,
 * the model's examples) types and fills the property with the declared value. Explicit entries are kept as they are.
 *
 * Called on every node of the document: for a discriminated `oneOf`/`anyOf` of refs, and for a schema that extends a
 * discriminated one through `allOf` (`Dog: { allOf: [$ref Pet, ...] }`, found at `pointer`).
 */
export function completeDiscriminatorMapping(document: OpenAPIDocument, node: Node, pointer: string): void {
  const own = discriminatorOf(node);
  if (own) {
    for (const option of [...asArray(node['oneOf']), ...asArray(node['anyOf'])]) {
      const ref = refOf(option);
      if (ref === undefined) continue;
      const declared = declaredValues(document, resolvePointer(document, ref), own.propertyName);
      addEntries(own, ref, declared.length > 0 ? declared : inheritedValues(document, ref, own.propertyName));
    }
  }
  for (const part of asArray(node['allOf'])) {
    const ref = refOf(part);
    const parent = ref === undefined ? undefined : discriminatorOf(resolvePointer(document, ref));
    // The parent's own property is not the child's declaration: only the child's members and other parts count.
    if (parent) addEntries(parent, pointer, declaredValues(document, node, parent.propertyName, ref));
  }
}

interface Discriminator {
  propertyName: string;
  mapping?: Record<string, unknown>;
}

function addEntries(discriminator: Discriminator, ref: string, values: string[]): void {
  if (values.length === 0) return;
  const mapping = discriminator.mapping ?? {};
  // Already mapped (by ref, or by a bare name the repair turns into one): the spec said it, nothing is added.
  const name = ref.split('/').pop();
  if (
    Object.values(mapping).some(
      (target) => target === ref || (typeof target === 'string' && !target.includes('/') && target === name),
    )
  )
    return;
  const free = values.filter((value) => !Object.hasOwn(mapping, value));
  if (free.length === 0) return;
  for (const value of free) mapping[value] = ref;
  discriminator.mapping = mapping;
}

/**
 * The values a schema declares for a property: a string `const`, or an `enum` of exactly one string, in its own
 * `properties` or those of its `allOf` parts (the part at `skip`, the discriminated parent, left out).
 */
function declaredValues(document: OpenAPIDocument, schema: unknown, property: string, skip?: string): string[] {
  const visit = (current: unknown, depth: number, skipped?: string): string[] => {
    const resolved = follow(document, current);
    if (!resolved || depth > 6) return [];
    const properties = resolved['properties'];
    if (properties && typeof properties === 'object' && Object.hasOwn(properties, property)) {
      const member = follow(document, (properties as Node)[property]);
      if (member) {
        if (typeof member['const'] === 'string') return [member['const']];
        const values = member['enum'];
        if (Array.isArray(values) && values.length === 1 && typeof values[0] === 'string') return [values[0]];
      }
    }
    for (const part of asArray(resolved['allOf'])) {
      if (skipped !== undefined && refOf(part) === skipped) continue;
      const found = visit(part, depth + 1);
      if (found.length > 0) return found;
    }
    return [];
  };
  return visit(schema, 0, skip);
}

/**
 * The values a discriminated base the option extends maps it to (Graph's `user`, an `allOf` child of `entity`, whose
 * mapping gives it `#microsoft.graph.user`): a union that names the option without a mapping means the same value,
 * where the schema name would contradict it (the option's type would be `never`).
 */
function inheritedValues(document: OpenAPIDocument, ref: string, property: string): string[] {
  const seen = new Set<string>();
  const queue = [ref];
  while (queue.length > 0 && seen.size < 64) {
    const current = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const schema = follow(document, { $ref: current });
    for (const part of asArray(schema?.['allOf'])) {
      const parentRef = refOf(part);
      if (parentRef === undefined) continue;
      const parent = discriminatorOf(resolvePointer(document, parentRef));
      if (parent?.propertyName === property) {
        const values = Object.entries(parent.mapping ?? {})
          .filter(([, target]) => target === ref || target === ref.split('/').pop())
          .map(([value]) => value);
        if (values.length > 0) return values;
      }
      queue.push(parentRef);
    }
  }
  return [];
}

function follow(document: OpenAPIDocument, value: unknown): Node | undefined {
  let current = value;
  for (let hops = 0; hops < 16; hops++) {
    const ref = refOf(current);
    if (ref === undefined) break;
    current = ref.startsWith('#/') ? resolvePointer(document, ref) : undefined;
  }
  return current && typeof current === 'object' && !Array.isArray(current) ? (current as Node) : undefined;
}

function discriminatorOf(value: unknown): Discriminator | undefined {
  const discriminator = value && typeof value === 'object' ? (value as Node)['discriminator'] : undefined;
  if (!discriminator || typeof discriminator !== 'object') return undefined;
  const name = (discriminator as Node)['propertyName'];
  const mapping = (discriminator as Node)['mapping'];
  if (typeof name !== 'string' || name === '' || (mapping !== undefined && (!mapping || typeof mapping !== 'object')))
    return undefined;
  return discriminator as Discriminator;
}

function refOf(value: unknown): string | undefined {
  const ref = value && typeof value === 'object' ? (value as Node)['$ref'] : undefined;
  return typeof ref === 'string' ? ref : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
