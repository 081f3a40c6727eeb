import { resolvePointer } from '../load/refs.js';
import type { Schema } from './types.js';

const COMPONENT_SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** Follows `$ref`s until a schema that is not a reference (bounded, so a ref cycle cannot hang). */
export function derefSchema(document: unknown, schema: unknown): Schema {
  let current = schema;
  for (let hops = 0; hops < 32 && isRef(current); hops++) current = resolveRef(document, current.$ref);
  return current && typeof current === 'object' ? (current as Schema) : {};
}

const resolvedRefs = new WeakMap<object, Map<string, unknown>>();

/**
 * `resolvePointer`, kept per document and ref: Graph's entities are reached through the same few thousand refs
 * millions of times (examples, members, kinds), and splitting and decoding the pointer each time was a tenth of the
 * model's and emitters' time. The model and the emitters read the document and never change it.
 */
function resolveRef(document: unknown, ref: string): unknown {
  if (!document || typeof document !== 'object') return resolvePointer(document, ref);
  let byRef = resolvedRefs.get(document);
  if (!byRef) resolvedRefs.set(document, (byRef = new Map()));
  if (byRef.has(ref)) return byRef.get(ref);
  const target = resolvePointer(document, ref);
  byRef.set(ref, target);
  return target;
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
export function isObjectSchema(document: unknown, schema: unknown, depth = 0, known: Known = []): boolean {
  const resolved = derefSchema(document, schema);
  if (depth > 8) return false;
  return remembered(known, depth, resolved, () => isObjectSchemaOnce(document, resolved, depth, known));
}

/**
 * Answers about a schema at a depth, within one question: a schema many parts share (`allOf: [A, A, A]` where each A
 * is alike) is looked at once per depth, not once per way there (3^depth). By depth, as the answer may depend on it.
 */
type Known = Array<Map<Schema, boolean>>;

function remembered(known: Known, depth: number, schema: Schema, answer: () => boolean): boolean {
  const atDepth = (known[depth] ??= new Map());
  let result = atDepth.get(schema);
  if (result === undefined) atDepth.set(schema, (result = answer()));
  return result;
}

function isObjectSchemaOnce(document: unknown, resolved: Schema, depth: number, known: Known): boolean {
  const type = resolved['type'];
  if (type === 'object' || (Array.isArray(type) && type.length === 1 && type[0] === 'object')) return true;
  if (type === undefined && resolved['properties'] !== undefined) return true;
  const allOf = resolved['allOf'];
  return (
    Array.isArray(allOf) && allOf.length > 0 && allOf.every((part) => isObjectSchema(document, part, depth + 1, known))
  );
}

/** Whether a schema has required members, so a value of it cannot be `{}`. */
export function hasRequiredMembers(document: unknown, schema: unknown, depth = 0, known: Known = []): boolean {
  const resolved = derefSchema(document, schema);
  if (depth > 8) return false;
  return remembered(known, depth, resolved, () => hasRequiredMembersOnce(document, resolved, depth, known));
}

function hasRequiredMembersOnce(document: unknown, resolved: Schema, depth: number, known: Known): boolean {
  if (Array.isArray(resolved['required']) && resolved['required'].length > 0) return true;
  const allOf = resolved['allOf'];
  if (Array.isArray(allOf) && allOf.some((part) => hasRequiredMembers(document, part, depth + 1, known))) return true;
  // A union where every option requires something cannot be `{}` either.
  const options = resolved['oneOf'] ?? resolved['anyOf'];
  return (
    Array.isArray(options) &&
    options.length > 0 &&
    options.every((option) => hasRequiredMembers(document, option, depth + 1, known))
  );
}

/**
 * Answers that depend only on a schema object and the document it is in, kept per document. On the largest specs
 * (Graph: 4,000 schemas in `allOf` chains eight deep, each used by dozens of operations) recomputing them on every use
 * was most of the generator's time. The model reads the document and never changes it, so an answer stays true while
 * the document lives. `key` tells apart answers that also depend on an argument (an example's mode); a number, or a
 * string the caller already has, costs no new string per call.
 */
export function perSchema<V>(): (document: unknown, schema: object, compute: () => V, key?: string | number) => V {
  const byDocument = new WeakMap<object, Kept<V>>();
  // The document of the last call (held weakly, as the map holds it): generation asks about one document millions of times.
  let last: { document: WeakRef<object>; kept: Kept<V> } | undefined;
  forgetters.push((document) => {
    byDocument.delete(document);
    if (last?.document.deref() === document) last = undefined;
  });
  return (document, schema, compute, key = '') => {
    if (!document || typeof document !== 'object') return compute();
    let kept = last?.document.deref() === document ? last.kept : byDocument.get(document);
    if (!kept) byDocument.set(document, (kept = { plain: new WeakMap(), keyed: new WeakMap() }));
    if (last?.kept !== kept) last = { document: new WeakRef(document), kept };
    // Most answers have no key: kept beside the schema itself, without a map of keys for each (a Graph-sized spec
    // made 200,000 of them).
    if (key === '') {
      const answer = kept.plain.get(schema);
      if (answer !== undefined) return (answer === NONE ? undefined : answer) as V;
      const value = compute();
      kept.plain.set(schema, value === undefined ? NONE : value);
      return value;
    }
    let answers = kept.keyed.get(schema);
    if (!answers) kept.keyed.set(schema, (answers = new Map()));
    // One lookup for a kept answer; `has` only tells a kept `undefined` from none.
    const answer = answers.get(key);
    if (answer !== undefined || answers.has(key)) return answer as V;
    const value = compute();
    answers.set(key, value);
    return value;
  };
}

/** How each perSchema cache lets go of one document's answers. */
const forgetters: Array<(document: object) => void> = [];

/**
 * Lets go of every answer kept about `document` (they are asked again if needed, and come out the same). Once the
 * model is built the emitters read the model, not the spec: on a Graph-sized spec the answers kept while building it
 * (merged allOf chains, the members each example shows, examples by depth) were ~60 MB held through emitting.
 */
export function forgetSchemaAnswers(document: object): void {
  for (const forget of forgetters) forget(document);
}

/** One document's answers: those without a key by schema, the others by schema and key. */
interface Kept<V> {
  plain: WeakMap<object, V | typeof NONE>;
  keyed: WeakMap<object, Map<string | number, V>>;
}

/** Stands for a kept `undefined` (a WeakMap's `get` gives `undefined` for no entry too). */
const NONE: unique symbol = Symbol('none');

export interface ObjectMembers {
  properties: Record<string, unknown>;
  required: Set<string>;
}

const membersOf = perSchema<ObjectMembers>();

/** Properties and required names of an object schema, `allOf` parts merged. Shared: callers must not change it. */
export function objectMembers(document: unknown, schema: Schema): ObjectMembers {
  return membersOf(document, schema, () => collectMembers(document, schema, 0, new Set()));
}

function collectMembers(document: unknown, schema: Schema, depth: number, seen: Set<Schema>): ObjectMembers {
  // Keyed by spec names: no prototype, so `constructor` is a member only when the schema has one.
  const properties = Object.create(null) as Record<string, unknown>;
  const required = new Set<string>();
  const add = (members: object): void => {
    for (const [name, member] of Object.entries(members))
      Object.defineProperty(properties, name, { value: member, enumerable: true, writable: true, configurable: true });
  };
  for (const part of Array.isArray(schema['allOf']) && depth < 8 ? (schema['allOf'] as unknown[]) : []) {
    // A part already merged adds nothing again (`allOf: [A, A, A]` must not be walked three times per level).
    const resolved = derefSchema(document, part);
    if (seen.has(resolved)) continue;
    seen.add(resolved);
    const members = collectMembers(document, resolved, depth + 1, seen);
    add(members.properties);
    members.required.forEach((name) => required.add(name));
  }
  const own = schema['properties'];
  if (own && typeof own === 'object') add(own);
  if (Array.isArray(schema['required']))
    (schema['required'] as unknown[]).forEach((name) => typeof name === 'string' && required.add(name));
  return { properties, required };
}

/**
 * Why no value can satisfy a schema, if none can: a required member that leads back to the schema it is in (a tree
 * whose every node requires a parent node) or an `allOf` of parts whose types exclude each other (string and
 * number). Such a schema types as a type no finite value has; the generator says so instead of emitting a call that
 * cannot compile. `undefined` when a value exists (or the analysis cannot tell).
 */
export function admitsNoValue(document: unknown, schema: unknown): string | undefined {
  const resolved = derefSchema(document, schema);
  return noValueOf(document, resolved, () => noValue(document, resolved, [], new Set()));
}

const noValueOf = perSchema<string | undefined>();

/**
 * A depth-first walk of required members: `stack` holds the schemas on the way here, `done` those already walked
 * without finding a reason (a schema that many members share is walked once: their number may grow exponentially).
 */
function noValue(document: unknown, schema: unknown, stack: Schema[], done: Set<Schema>): string | undefined {
  const resolved = derefSchema(document, schema);
  if (stack.includes(resolved)) return 'a required member leads back to the schema it is in, without end';
  if (
    done.has(resolved) ||
    stack.length > 64 ||
    resolved['nullable'] === true ||
    (Array.isArray(resolved['type']) && resolved['type'].includes('null'))
  )
    return undefined;
  const parts = Array.isArray(resolved['allOf'])
    ? (resolved['allOf'] as unknown[]).map((part) => derefSchema(document, part))
    : [];
  const types = new Set(
    [resolved, ...parts].flatMap((part) =>
      typeof part['type'] === 'string' ? [part['type'] === 'integer' ? 'number' : part['type']] : [],
    ),
  );
  if (types.size > 1) return `its allOf parts have types that exclude each other (${[...types].sort().join(', ')})`;
  // Unions and arrays can be satisfied by another option or by `[]`; only required members must exist.
  if (resolved['oneOf'] === undefined && resolved['anyOf'] === undefined) {
    const { properties, required } = objectMembers(document, resolved);
    stack.push(resolved);
    for (const name of required) {
      const member = properties[name];
      const reason = member === undefined ? undefined : noValue(document, member, stack, done);
      if (reason !== undefined) return reason;
    }
    stack.pop();
  }
  done.add(resolved);
  return undefined;
}
