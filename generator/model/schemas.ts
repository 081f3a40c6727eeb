import { resolvePointer } from '../load/refs.js';
import type { Schema } from './types.js';

const COMPONENT_SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** Follows `$ref`s until a schema that is not a reference (bounded, so a ref cycle cannot hang). */
export function derefSchema(document: unknown, schema: unknown): Schema {
  let current = schema;
  for (let hops = 0; hops < 32 && isRef(current); hops++) current = resolvePointer(document, current.$ref);
  return current && typeof current === 'object' ? (current as Schema) : {};
}

/** Follows a `$ref` of any component kind (parameter, request body, response). */
export function deref<T>(document: unknown, value: T | { $ref: string }): T | undefined {
  let current: unknown = value;
  for (let hops = 0; hops < 32 && isRef(current); hops++) current = resolvePointer(document, current.$ref);
  return current as T | undefined;
}

export function isRef(value: unknown): value is { $ref: string } {
  return !!value && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** The component name when `schema` is exactly `{ $ref: '#/components/schemas/Name' }`. */
export function componentRefName(schema: unknown): string | undefined {
  if (!isRef(schema)) return undefined;
  const match = COMPONENT_SCHEMA_REF.exec(schema.$ref);
  return match ? decodeURIComponent(match[1]!).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** Whether a schema describes a JSON object (its fields can be spread into a params object). */
export function isObjectSchema(document: unknown, schema: unknown, depth = 0): boolean {
  const resolved = derefSchema(document, schema);
  if (depth > 8) return false;
  const type = resolved['type'];
  if (type === 'object' || (Array.isArray(type) && type.length === 1 && type[0] === 'object')) return true;
  if (type === undefined && resolved['properties'] !== undefined) return true;
  const allOf = resolved['allOf'];
  return Array.isArray(allOf) && allOf.length > 0 && allOf.every((part) => isObjectSchema(document, part, depth + 1));
}

/** Whether a schema has required members, so a value of it cannot be `{}`. */
export function hasRequiredMembers(document: unknown, schema: unknown, depth = 0): boolean {
  const resolved = derefSchema(document, schema);
  if (depth > 8) return false;
  if (Array.isArray(resolved['required']) && resolved['required'].length > 0) return true;
  const allOf = resolved['allOf'];
  if (Array.isArray(allOf) && allOf.some((part) => hasRequiredMembers(document, part, depth + 1))) return true;
  // A union where every option requires something cannot be `{}` either.
  const options = resolved['oneOf'] ?? resolved['anyOf'];
  return Array.isArray(options) && options.length > 0 && options.every((option) => hasRequiredMembers(document, option, depth + 1));
}

/** Properties and required names of an object schema, `allOf` parts merged. */
export function objectMembers(document: unknown, schema: Schema, depth = 0): { properties: Record<string, unknown>; required: Set<string> } {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const part of Array.isArray(schema['allOf']) && depth < 8 ? (schema['allOf'] as unknown[]) : []) {
    const members = objectMembers(document, derefSchema(document, part), depth + 1);
    Object.assign(properties, members.properties);
    members.required.forEach((name) => required.add(name));
  }
  Object.assign(properties, (schema['properties'] ?? {}) as Record<string, unknown>);
  if (Array.isArray(schema['required'])) (schema['required'] as string[]).forEach((name) => required.add(name));
  return { properties, required };
}

/**
 * Why no value can satisfy a schema, if none can: a required member that leads back to the schema it is in (a tree
 * whose every node requires a parent node) or an `allOf` of parts whose types exclude each other (string and
 * number). Such a schema types as a type no finite value has; the generator says so instead of emitting a call that
 * cannot compile. `undefined` when a value exists (or the analysis cannot tell).
 */
export function admitsNoValue(document: unknown, schema: unknown, stack: unknown[] = []): string | undefined {
  const resolved = derefSchema(document, schema);
  if (stack.includes(resolved)) return 'a required member leads back to the schema it is in, without end';
  if (stack.length > 16 || resolved['nullable'] === true || (Array.isArray(resolved['type']) && resolved['type'].includes('null'))) return undefined;
  const parts = Array.isArray(resolved['allOf']) ? (resolved['allOf'] as unknown[]).map((part) => derefSchema(document, part)) : [];
  const types = new Set([resolved, ...parts].flatMap((part) => (typeof part['type'] === 'string' ? [part['type'] === 'integer' ? 'number' : part['type']] : [])));
  if (types.size > 1) return `its allOf parts have types that exclude each other (${[...types].sort().join(', ')})`;
  // Unions and arrays can be satisfied by another option or by `[]`; only required members must exist.
  if (resolved['oneOf'] !== undefined || resolved['anyOf'] !== undefined) return undefined;
  const { properties, required } = objectMembers(document, resolved);
  for (const name of required) {
    const member = properties[name];
    if (member === undefined) continue;
    const reason = admitsNoValue(document, member, [...stack, resolved]);
    if (reason !== undefined) return reason;
  }
  return undefined;
}
