import { admitsNoValue, derefSchema, hasRequiredMembers, isRef, perSchema } from './schemas.js';
import type { Schema } from './types.js';

/** Stands for uploadable bytes (`format: binary`); printed as a `File` in example code. */
export class BinaryExample {
  constructor(readonly fileName = 'example.txt') {}
}

/** Which members an example includes: only the required ones, or every writable one. */
export type ExampleMode = 'required' | 'all';

const FORMAT_EXAMPLES: Record<string, string> = {
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
  'date-time': '2025-01-01T00:00:00Z',
  date: '2025-01-01',
  time: '12:00:00',
  email: 'user@example.com',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
  ipv6: '::1',
};

/**
 * How many values one example may hold. Shared `$ref`s expand once per use: a schema whose three required members
 * refer to the next of thirteen such schemas has 3^13 leaves (a 2.8 kB spec took 79 s and 4 GB). Real examples hold
 * a few hundred values at most; past the budget the example is cut (see `exampleValue`).
 */
export const EXAMPLE_BUDGET = 2_000;
/** How deep an example nests, whatever the schema: recursion that objects and arrays do not end (unions) ends here. */
const MAX_EXAMPLE_DEPTH = 24;

/** Thrown inside an example's expansion when it is past its budget: stops the work at once. */
class ExampleTooLarge extends Error {}

interface Expansion {
  document: unknown;
  /** Values the example may still hold. */
  left: number;
  /** How deep objects show every member in an `all` example; deeper, only the required ones. */
  allDepth: number;
}

/**
 * How many values an example with every member may hold before its nested objects show only their required members.
 * Graph's entities have a hundred members down their `allOf` chains, each referring to another such entity: shown
 * in full two levels deep, each call of a test held a thousand lines (97 MB of tests, most of the generator's time).
 */
export const FULL_EXAMPLE_BUDGET = 500;

/**
 * A value that satisfies `schema`, for generated tests and README examples. Prefers what the spec offers
 * (`const`, `enum`, `example`, `default`), then builds one from the type and its bounds. An example with every member
 * (`all`) that is past the budget is the one with only the required members; one with only the required members past
 * it is `undefined`: `exampleTooLarge` has told the model so, and no call shows it.
 */
export function exampleValue(document: unknown, schema: unknown, mode: ExampleMode, name?: string): unknown {
  // Each entity of a large spec is the body of several operations and shown twice per call (tests, README): built once.
  // The value is shared: callers copy it before they change it.
  return (mode === 'all' ? fullExamplesOf : requiredExamplesOf)(
    document,
    derefSchema(document, schema),
    () => buildExample(document, schema, mode, name),
    name ?? '',
  );
}

/** Examples by schema and name, one map per mode (a key made of both would be a new string on every call). */
const requiredExamplesOf = perSchema<unknown>();
const fullExamplesOf = perSchema<unknown>();

function buildExample(document: unknown, schema: unknown, mode: ExampleMode, name?: string): unknown {
  // Every member two levels deep; past its budget, every member of the value itself; past that, the required ones.
  const attempts =
    mode === 'all'
      ? [
          { left: FULL_EXAMPLE_BUDGET, allDepth: 2 },
          { left: EXAMPLE_BUDGET, allDepth: 0 },
        ]
      : [{ left: EXAMPLE_BUDGET, allDepth: 2 }];
  for (const attempt of attempts) {
    try {
      return build({ document, ...attempt }, schema, mode, 0, name);
    } catch (error) {
      if (!(error instanceof ExampleTooLarge)) throw error;
    }
  }
  return mode === 'all' ? exampleValue(document, schema, 'required', name) : undefined;
}

/** Why no example of `schema` with its required members can be shown, if none can: it is past the budget. */
export function exampleTooLarge(document: unknown, schema: unknown): string | undefined {
  // No example is `undefined` otherwise (a spec's `const` or `example` is JSON); the one built here is kept for the call.
  if (exampleValue(document, schema, 'required') !== undefined) return undefined;
  return `its smallest example holds more than ${EXAMPLE_BUDGET.toLocaleString('en-US')} values or nests deeper than ${MAX_EXAMPLE_DEPTH} levels`;
}

/** `name`: what the member is called, for a string example that says what it is. */
function build(expansion: Expansion, schema: unknown, mode: ExampleMode, depth: number, name?: string): unknown {
  if (--expansion.left < 0 || depth > MAX_EXAMPLE_DEPTH) throw new ExampleTooLarge();
  const { document } = expansion;
  const resolved = derefSchema(document, schema);
  // Deep down, an array is empty and an object without required members is `{}`; one with them is too deep to show.
  if (depth > 12 && primaryType(resolved) === 'array') return [];
  if (depth > 12 && primaryType(resolved) === 'object') {
    if (hasRequiredMembers(document, resolved)) throw new ExampleTooLarge();
    return {};
  }
  if (Object.hasOwn(resolved, 'const')) return resolved['const'];
  const enumValues = resolved['enum'];
  if (Array.isArray(enumValues) && enumValues.length > 0)
    return enumValues.find((value) => value !== null) ?? enumValues[0];
  if (resolved['format'] === 'binary') return new BinaryExample();
  // Spec examples and defaults are used when they fit the schema's type (specs ship `example: null` on strings).
  const fits = (value: unknown): boolean =>
    value !== undefined &&
    isScalarOrFlat(value) &&
    matchesType(resolved, value) &&
    itemsMatch(document, resolved, value);
  if (fits(resolved['example'])) return resolved['example'];
  const examples = resolved['examples'];
  if (Array.isArray(examples) && examples.length > 0 && fits(examples[0])) return examples[0];
  if (fits(resolved['default'])) return resolved['default'];
  const composite = (resolved['oneOf'] ?? resolved['anyOf']) as unknown[] | undefined;
  if (Array.isArray(composite) && composite.length > 0) {
    // An object whose oneOf options only add constraints (`required`, `not`) to its own properties: one merged object.
    if (resolved['properties'] !== undefined) {
      const option = derefSchema(document, composite[0]);
      const optionProperties = Object.entries((option['properties'] ?? {}) as Record<string, Schema>).filter(
        ([, property]) => !('not' in property),
      );
      const merged = {
        type: 'object',
        properties: { ...(resolved['properties'] as Record<string, unknown>), ...Object.fromEntries(optionProperties) },
        required: [
          ...((resolved['required'] as string[] | undefined) ?? []),
          ...((option['required'] as string[] | undefined) ?? []),
        ],
      };
      return withDiscriminator(
        resolved,
        composite[0],
        objectExample(expansion, merged, depth > expansion.allDepth ? 'required' : mode, depth, true),
      );
    }
    const value = build(expansion, composite[0], mode, depth + 1);
    return withDiscriminator(resolved, composite[0], value);
  }
  if (Array.isArray(resolved['allOf'])) {
    const merged = mergeAllOf(document, resolved);
    if (merged) return objectExample(expansion, merged, depth > expansion.allDepth ? 'required' : mode, depth);
    const pinned = pinnedValue(document, resolved);
    if (pinned) return pinned.value;
    // Parts whose types meet only in `null` (a property one level of a chain defines as a nullable string and another
    // as a nullable reference: TypeScript intersects them), `null` is the one value that compiles.
    const allowed = kindsOf(document, resolved);
    if (allowed.size === 1 && allowed.has('null')) return null;
    // A union among the parts: its example, with the plain object parts' members on top (the discriminator value
    // openapi-typescript pins, say). A union of bare constraints (DigitalOcean's `anyOf: [{ required: [inbound_rules] },
    // ...]`) says which members must be there, not what the value is.
    const parts = (resolved['allOf'] as unknown[]).map((part) => derefSchema(document, part));
    const isPlain = (part: Schema): boolean =>
      !!part['properties'] && !part['oneOf'] && !part['anyOf'] && !part['allOf'];
    const says = (part: Schema): boolean =>
      ['type', 'items', 'properties', 'oneOf', 'anyOf', 'allOf', 'enum', 'const'].some((key) => key in part);
    const options = (part: Schema): unknown[] | undefined => (part['oneOf'] ?? part['anyOf']) as unknown[] | undefined;
    const constraints = (part: Schema): boolean =>
      !!options(part)?.every((option) => !isRef(option) && !says(derefSchema(document, option)));
    const candidates = parts.filter((part) => !isPlain(part) && !constraints(part));
    const base = candidates.find(says) ?? candidates[0];
    const value = base ? build(expansion, base, mode, depth + 1) : {};
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const plain = parts.filter(isPlain);
    const out = record(Object.entries(value));
    for (const part of plain)
      for (const [name, member] of Object.entries(
        objectExample(expansion, part, depth > expansion.allDepth ? 'required' : mode, depth),
      ))
        setMember(out, name, member);
    for (const union of parts.filter(constraints)) {
      const first = derefSchema(document, options(union)![0]);
      for (const name of (first['required'] as string[] | undefined) ?? []) {
        const member = plain.map((part) => ownMember(part['properties'], name)).find((schema) => schema !== undefined);
        if (!Object.hasOwn(out, name) && member !== undefined)
          setMember(out, name, build(expansion, member, mode, depth + 1, name));
      }
    }
    return out;
  }
  switch (primaryType(resolved)) {
    case 'object':
      return objectExample(expansion, resolved, depth > expansion.allDepth ? 'required' : mode, depth);
    case 'array': {
      if (depth > 4) return [];
      const min = typeof resolved['minItems'] === 'number' ? resolved['minItems'] : 1;
      return Array.from({ length: Math.max(1, Math.min(min, 3)) }, () =>
        build(expansion, resolved['items'] ?? {}, mode, depth + 1),
      );
    }
    case 'integer':
    case 'number':
      return numberExample(resolved);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return resolved['format'] === 'binary' ? new BinaryExample() : stringExample(resolved, name);
  }
}

/**
 * The value an `allOf` of scalar parts pins with a `const` or `enum`, nested `allOf`s followed: one every such part
 * allows. A property that several levels of an `allOf` chain define is such an `allOf` once merged: Graph's
 * `@odata.type` is the base's plain string (its `default` the base's name) and, in the part openapi-typescript adds
 * for the derived schema, the one value the discriminator demands (`'#microsoft.graph.user'`), which the type pins.
 * When no value is allowed by all, the last part's wins: the most derived one, which openapi-typescript's
 * `Omit<Parent, '@odata.type'> & { '@odata.type': ... }` keeps.
 */
function pinnedValue(document: unknown, schema: Schema): { value: unknown } | undefined {
  // Kept per schema: Graph's `@odata.type` is such an allOf in every entity, and each entity is in many examples.
  return pinnedOf(document, schema, () => pinnedValueOnce(document, schema));
}

const pinnedOf = perSchema<{ value: unknown } | undefined>();

function pinnedValueOnce(document: unknown, schema: Schema): { value: unknown } | undefined {
  const lists: unknown[][] = [];
  const collect = (part: Schema, depth: number): void => {
    if (Object.hasOwn(part, 'const')) lists.push([part['const']]);
    else if (Array.isArray(part['enum']) && part['enum'].length > 0) lists.push(part['enum'] as unknown[]);
    if (Array.isArray(part['allOf']) && depth < 8)
      for (const inner of part['allOf'] as unknown[]) collect(derefSchema(document, inner), depth + 1);
  };
  collect(schema, 0);
  if (lists.length === 0) return undefined;
  const allowedByAll = lists[0]!.find((value) => lists.every((list) => list.includes(value)));
  return { value: allowedByAll !== undefined ? allowedByAll : lists.at(-1)![0] };
}

type ValueKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';
const ANY_KIND: ReadonlySet<ValueKind> = new Set(['string', 'number', 'boolean', 'object', 'array', 'null']);

const kindsMemo = perSchema<ReadonlySet<ValueKind>>();

function kindsOf(document: unknown, schema: unknown): ReadonlySet<ValueKind> {
  const resolved = derefSchema(document, schema);
  return kindsMemo(document, resolved, () => valueKinds(document, resolved, 0));
}

/**
 * The JSON kinds of value a schema admits: `allOf` parts intersect, `oneOf`/`anyOf` options unite, `nullable` and
 * `type: [.., 'null']` add `null`. Empty when no value satisfies it. Conservative: what it cannot tell is any kind.
 */
function valueKinds(document: unknown, schema: unknown, depth: number): ReadonlySet<ValueKind> {
  const resolved = derefSchema(document, schema);
  if (depth > 8) return ANY_KIND;
  const ofValue = (value: unknown): ValueKind =>
    value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as ValueKind);
  if (Object.hasOwn(resolved, 'const')) return new Set([ofValue(resolved['const'])]);
  if (Array.isArray(resolved['enum']) && resolved['enum'].length > 0)
    return new Set((resolved['enum'] as unknown[]).map(ofValue));
  const types = Array.isArray(resolved['type'])
    ? (resolved['type'] as unknown[])
    : resolved['type'] !== undefined
      ? [resolved['type']]
      : undefined;
  let kinds: Set<ValueKind> = types
    ? new Set(
        types.flatMap((type) =>
          type === 'integer' ? ['number' as const] : ANY_KIND.has(type as ValueKind) ? [type as ValueKind] : [],
        ),
      )
    : new Set(ANY_KIND);
  if (types && resolved['nullable'] === true) kinds.add('null');
  const within = (other: ReadonlySet<ValueKind>): void =>
    void (kinds = new Set([...kinds].filter((kind) => other.has(kind))));
  const options = (resolved['oneOf'] ?? resolved['anyOf']) as unknown[] | undefined;
  if (Array.isArray(options) && options.length > 0) {
    const union = new Set<ValueKind>(options.flatMap((option) => [...valueKinds(document, option, depth + 1)]));
    if (resolved['nullable'] === true) union.add('null');
    within(union);
  }
  if (Array.isArray(resolved['allOf']))
    for (const part of resolved['allOf'] as unknown[]) within(valueKinds(document, part, depth + 1));
  return kinds;
}

/** A oneOf option's example carries the discriminator value that selects that option. */
function withDiscriminator(parent: Schema, option: unknown, value: unknown): unknown {
  const discriminator = parent['discriminator'] as
    | { propertyName?: string; mapping?: Record<string, string> }
    | undefined;
  if (!discriminator?.propertyName || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  const ref = (option as { $ref?: unknown } | null)?.$ref;
  const mapped = Object.entries(discriminator.mapping ?? {}).find(([, target]) => target === ref)?.[0];
  const implicit = typeof ref === 'string' ? ref.split('/').pop() : undefined;
  // An explicit mapping decides; without one, a value the option's own schema gave (an enum) is kept.
  const current = (value as Record<string, unknown>)[discriminator.propertyName];
  const key =
    mapped ?? (current !== undefined && !isPlaceholder(current, discriminator.propertyName) ? undefined : implicit);
  if (key === undefined) return value;
  const out = record(Object.entries(value));
  setMember(out, discriminator.propertyName, key);
  return out;
}

/**
 * One object schema from an `allOf` of object schemas (nested ones and `$ref`s followed): the union of the properties,
 * a property defined by several parts being all of them (an empty `{}` adds nothing), and the union of the required
 * names.
 */
function mergeAllOf(document: unknown, schema: Schema): Schema | undefined {
  return mergedOf(document, schema, () => mergeParts(document, schema, 0, new Set()));
}

const mergedOf = perSchema<Schema | undefined>();

function mergeParts(document: unknown, schema: Schema, depth: number, seen: Set<unknown>): Schema | undefined {
  const properties = record([]);
  const required = new Set<string>();
  const parts = [schema, ...((schema['allOf'] as unknown[] | undefined) ?? [])];
  for (const [index, raw] of parts.entries()) {
    let part = index === 0 ? { ...schema, allOf: undefined } : derefSchema(document, raw);
    // A part already merged adds nothing again (`allOf: [A, A, A]` must not be walked three times per level).
    if (index > 0 && seen.has(part)) continue;
    seen.add(part);
    if (index > 0 && Array.isArray(part['allOf']) && depth < 8) {
      const inner = mergeParts(document, part, depth + 1, seen);
      if (!inner) return undefined;
      // A merged copy: the document's own schema must stay as it is (the model is built from it more than once).
      part = { ...part, properties: inner['properties'], required: inner['required'] };
    } else if (
      index > 0 &&
      (part['oneOf'] ||
        part['anyOf'] ||
        part['enum'] ||
        Object.hasOwn(part, 'const') ||
        (part['type'] !== undefined && part['type'] !== 'object'))
    )
      return undefined;
    for (const [name, property] of Object.entries((part['properties'] ?? {}) as Record<string, unknown>)) {
      // A property both parts define is both (Linode narrows `rules.inbound`, an array, with `required` alone).
      if (!Object.hasOwn(properties, name) || isEmptySchema(properties[name])) setMember(properties, name, property);
      else if (!isEmptySchema(property) && property !== properties[name])
        setMember(properties, name, { allOf: [properties[name], property] });
    }
    if (Array.isArray(part['required'])) (part['required'] as string[]).forEach((name) => required.add(name));
  }
  return { type: 'object', properties, required: [...required] };
}

function isEmptySchema(schema: unknown): boolean {
  if (!schema) return true;
  if (typeof schema !== 'object') return false;
  // Without listing the keys: every property of every level of every allOf chain is asked about.
  for (const key in schema) if (Object.hasOwn(schema, key)) return false;
  return true;
}

/**
 * An example of an object schema's members. What it holds depends only on the schema, the mode, the depth and how deep
 * objects show every member, so it is kept per those and shared (examples are read only): a Graph entity is a member
 * of hundreds of others, and its example at a depth was built again for each (140,000 builds of 14,000 distinct ones).
 * A kept example still costs its parent's budget what building it cost, so every example is cut exactly where it was.
 * `fresh`: the schema is a merge made for this call alone, which no later call asks about again.
 */
function objectExample(
  expansion: Expansion,
  schema: Schema,
  mode: ExampleMode,
  depth: number,
  fresh = false,
): Record<string, unknown> {
  if (fresh) return buildObjectExample(expansion, schema, mode, depth);
  let built = false;
  const kept = objectExamplesOf(
    expansion.document,
    schema,
    () => {
      built = true;
      const before = expansion.left;
      const value = buildObjectExample(expansion, schema, mode, depth);
      return { value, cost: before - expansion.left };
    },
    // Depths stay under MAX_EXAMPLE_DEPTH + 2 (< 32) and the full depth is 0 or 2: one number for the three.
    (mode === 'all' ? 1 : 0) + 2 * depth + 64 * expansion.allDepth,
  );
  // Built just now, the budget is spent already; kept from before, it is spent here as building it would have been.
  if (!built) {
    expansion.left -= kept.cost;
    if (expansion.left < 0) throw new ExampleTooLarge();
  }
  return kept.value;
}

/** Object examples by schema, mode, depth and full depth, with the budget each took (see `objectExample`). */
const objectExamplesOf = perSchema<{ value: Record<string, unknown>; cost: number }>();

function buildObjectExample(
  expansion: Expansion,
  schema: Schema,
  mode: ExampleMode,
  depth: number,
): Record<string, unknown> {
  const out = record([]);
  const { names, properties } = shownMembers(expansion.document, schema);
  for (const name of names[mode]) setMember(out, name, build(expansion, properties[name], mode, depth + 1, name));
  return out;
}

/**
 * The members an example of an object schema shows, in order, per mode; kept per schema: a Graph entity's hundred
 * members were filtered again for each of its many uses, to find the one it requires.
 */
function shownMembers(
  document: unknown,
  schema: Schema,
): { names: Record<ExampleMode, string[]>; properties: Record<string, Schema> } {
  return shownOf(document, schema, () => {
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
    // Names only, the schemas looked up as needed: a pair per member of every entity was a fifth of the model's memory.
    const names: Record<ExampleMode, string[]> = { required: [], all: [] };
    for (const [name, property] of Object.entries(properties)) {
      if (required.has(name)) {
        names.required.push(name);
        names.all.push(name);
        continue;
      }
      // Read-only members are the server's to set; a required one is still in the type the SDK takes (Jira's `key`).
      if (derefSchema(document, property)['readOnly'] === true) continue;
      // An optional member no value fits (an allOf of string and integer) is better left out.
      if (admitsNoValue(document, property) !== undefined || kindsOf(document, property).size === 0) continue;
      names.all.push(name);
    }
    return { names, properties };
  });
}

const shownOf = perSchema<{ names: Record<ExampleMode, string[]>; properties: Record<string, Schema> }>();

function primaryType(schema: Schema): string | undefined {
  const type = schema['type'];
  if (Array.isArray(type)) return (type as string[]).find((item) => item !== 'null') ?? 'null';
  if (typeof type === 'string') return type;
  if (
    schema['properties'] !== undefined ||
    (schema['additionalProperties'] !== undefined && schema['additionalProperties'] !== false)
  )
    return 'object';
  if (schema['items'] !== undefined) return 'array';
  return undefined;
}

function numberExample(schema: Schema): number {
  const min =
    typeof schema['minimum'] === 'number'
      ? schema['minimum']
      : typeof schema['exclusiveMinimum'] === 'number'
        ? schema['exclusiveMinimum'] + 1
        : undefined;
  const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : undefined;
  let value = min ?? 1;
  if (max !== undefined && value > max) value = max;
  return schema['type'] === 'integer' ? Math.ceil(value) : value;
}

function stringExample(schema: Schema, name = ''): string {
  const format = typeof schema['format'] === 'string' ? schema['format'] : '';
  let value =
    (Object.hasOwn(FORMAT_EXAMPLES, format) ? FORMAT_EXAMPLES[format] : undefined) ??
    patterned(schema['pattern'], nameExample(name));
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
  if (value.length < minLength) value = value.padEnd(minLength, 'x');
  if (value.length > maxLength) value = value.slice(0, maxLength);
  return value;
}

/** Values a reader recognises for what a string member is called, in order; the first whose pattern matches the name wins. */
const NAME_EXAMPLES: Array<[RegExp, string]> = [
  [/e-?mail/i, 'user@example.com'],
  [/(^|_|[a-z])(ur[il]|href|link|website|endpoint)s?$/i, 'https://example.com'],
  [/(^|_|[a-z])(uuid|guid)$/i, '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e'],
  [/(^|_)(created|updated|deleted|expires|modified)(_at|_on)?$|(_at|At|timestamp)$/, '2025-01-01T00:00:00Z'],
  [/(^|_|[a-z])(date|day)$/i, '2025-01-01'],
  [/phone|mobile|(^|_)(to|from)$/i, '+15555550100'],
  [/(^|_|[a-z])(first_?name|given_?name)$/i, 'Jane'],
  [/(^|_|[a-z])(last_?name|family_?name|surname)$/i, 'Doe'],
  [/(^|_|[a-z])(user_?name|login|handle)$/i, 'jane.doe'],
  [/(^|_|[a-z])(name|title|label)$/i, 'My example'],
  [/(^|_|[a-z])country(_code)?$/i, 'US'],
  [/(^|_|[a-z])currency$/i, 'USD'],
  [/(^|_|[a-z])(locale|language|lang)$/i, 'en-US'],
  [/(^|_|[a-z])(timezone|time_zone|tz)$/i, 'UTC'],
  [/(^|_|[a-z])(color|colour)$/i, '#3366ff'],
  [/(^|_|[a-z])(ip|ip_address)$/i, '127.0.0.1'],
  [/(^|_|[a-z])(host|hostname|domain)$/i, 'example.com'],
  [/(^|_|[a-z])(password|secret)$/i, 'correct-horse-battery-staple'],
  [/token$/i, 'example-token'],
  [/(^|_|[a-z])key$/i, 'my-api-key'],
  [/(^|_|[a-z])(id|ids)$/i, 'abc123'],
  [/(^|_|[a-z])(description|summary|text|message|body|comment|note)s?$/i, 'An example description'],
  [/(^|_|[a-z])(path|file_?name)$/i, 'example.txt'],
];

/** Short strings of common shapes, tried against a pattern the name's example does not match. */
const PATTERN_CANDIDATES = ['abc123', 'example', 'ABC', '123', 'a', 'A1', 'abc-123', 'abc_123'];

/** The preferred value when it matches the spec's pattern (or there is none), else the first candidate that does. */
function patterned(pattern: unknown, preferred: string): string {
  if (typeof pattern !== 'string') return preferred;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    return preferred;
  }
  // Patterns are the spec's to satisfy; when no short candidate does, the old placeholder is as good as any.
  return [preferred, ...PATTERN_CANDIDATES].find((candidate) => regex.test(candidate)) ?? 'string';
}

/** Whether a value is one stringExample made up (from the name, or none), not one the schema gave (enum, const, example). */
function isPlaceholder(value: unknown, name: string): boolean {
  return value === nameExample(name) || value === nameExample('') || value === 'string';
}

/** A string example for a member with no format, enum or example: from its name, never just `string`. */
function nameExample(name: string): string {
  // A spec has a few thousand member names and an example for each of their millions of uses.
  let value = nameExamples.get(name);
  if (value === undefined) nameExamples.set(name, (value = nameExampleOf(name)));
  return value;
}

const nameExamples = new Map<string, string>();

function nameExampleOf(name: string): string {
  for (const [pattern, value] of NAME_EXAMPLES) if (pattern.test(name)) return value;
  // Any other name: a word that says what it is (`status` -> `example status`).
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.[\]]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? `example ${words}` : 'example';
}

function matchesType(schema: Schema, value: unknown): boolean {
  const types = Array.isArray(schema['type'])
    ? (schema['type'] as string[])
    : typeof schema['type'] === 'string'
      ? [schema['type']]
      : [];
  if (types.length === 0) return value !== null || schema['nullable'] === true;
  const actual =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'integer'
            : 'number'
          : typeof value;
  if (actual === 'null') return types.includes('null') || schema['nullable'] === true;
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/** An array example's items fit the items' type and enum (SendGrid's integer ids come with `['recipient_id1']`). */
function itemsMatch(document: unknown, schema: Schema, value: unknown): boolean {
  if (!Array.isArray(value) || schema['items'] === undefined) return true;
  const items = derefSchema(document, schema['items']);
  const allowed = Array.isArray(items['enum']) ? (items['enum'] as unknown[]) : undefined;
  return value.every((item) => matchesType(items, item) && (!allowed || allowed.includes(item)));
}

/** Spec examples that are plain values (not nested structures that may not match a sub-schema). */
function isScalarOrFlat(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}

/** An example object: spec names are its keys, so it has no prototype (`__proto__`, `constructor` are plain keys). */
function record(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of entries) setMember(out, key, value);
  return out;
}

/**
 * Sets a member of a `record()` by its spec name. Without a prototype, there is no `__proto__` setter to call:
 * assigning `__proto__` makes an own property like any other name (and costs a fifth of `defineProperty`).
 */
function setMember(target: Record<string, unknown>, name: string, value: unknown): void {
  target[name] = value;
}

/** A schema's own property schema by name; `undefined` for names only the prototype has (`constructor`). */
function ownMember(properties: unknown, name: string): unknown {
  return properties && typeof properties === 'object' && Object.hasOwn(properties, name)
    ? (properties as Record<string, unknown>)[name]
    : undefined;
}
