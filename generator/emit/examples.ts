import { propertyKey, stringLiteral } from '../core/escape.js';
import { BinaryExample, type ExampleMode } from '../model/examples.js';
import type { Method, Param } from '../model/types.js';
import { pathExample } from './type-expressions.js';

/** The arguments of an example call of `method`: path values, then the params object (if any), as TS source. */
export function exampleArguments(method: Method, mode: ExampleMode): string[] {
  // Tests and the README ask for each method's call several times (a test per mode, a comparison of the two).
  let byMode = argumentsOf.get(method);
  if (!byMode) argumentsOf.set(method, (byMode = new Map()));
  let args = byMode.get(mode);
  if (!args) byMode.set(mode, (args = buildArguments(method, mode)));
  return [...args];
}

const argumentsOf = new WeakMap<Method, Map<ExampleMode, string[]>>();

function buildArguments(method: Method, mode: ExampleMode): string[] {
  // Path arguments are typed from the schema (pathArgumentType), so the example follows that type.
  const args = method.positionalPathParams.map((param) => valueSource(pathExample(param, true)));
  // api.md's `update(key, body, { ...params })`: the body is an argument of its own.
  if (method.body?.positional && (mode === 'all' || method.body.required || method.paramsRequired)) {
    args.push(valueSource(method.body.examples[mode]));
  }
  const params = exampleParams(method, mode);
  if (params !== undefined) args.push(params instanceof Source ? params.text : valueSource(params));
  return args;
}

/** A params object already written as source (see `splicedParams`). */
class Source {
  constructor(readonly text: string) {}
}

/**
 * A param given by `content` is sent as that media type's text of its schema's value (`filter={"a":1}`), and is
 * typed `string` (openapi-typescript's type of such a param): its example is the value's JSON text.
 */
function contentValue(param: Param, value: unknown): unknown {
  return param.content === undefined || typeof value === 'string' || value === undefined
    ? value
    : JSON.stringify(value);
}

function exampleParams(method: Method, mode: ExampleMode): unknown | Source {
  // Keyed by spec names: no prototype, and members defined, so `__proto__` is a param like any other.
  const fields = Object.create(null) as Record<string, unknown>;
  const set = (name: string, value: unknown): void =>
    void Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
  for (const param of method.namedPathParams) {
    set(param.name, pathExample(param, false));
  }
  if (method.paramsShape === 'none') return Object.keys(fields).length > 0 ? fields : undefined;
  for (const param of [...method.queryParams, ...method.headerParams]) {
    if (mode === 'all' || param.required) set(param.key ?? param.name, contentValue(param, param.examples[mode]));
  }
  let body: unknown;
  // Beside query, header or parent-id params, an object body's fields are part of the params type even when the body is
  // optional, so its required fields are too.
  const besideOthers = method.paramsShape === 'mixed' || method.namedPathParams.length > 0;
  const bodyFieldsRequired = besideOthers && method.body?.inline === true && method.body.hasRequiredMembers;
  if (method.body && !method.body.positional && (mode === 'all' || method.body.required || bodyFieldsRequired))
    body = method.body.examples[mode];
  const renames = Object.entries(method.body?.renames ?? {});
  if (renames.length > 0 && body && typeof body === 'object' && !Array.isArray(body)) {
    // Renamed fields appear under their SDK names, in their place.
    const wireToName = new Map(renames.map(([name, wire]) => [wire, name]));
    body = Object.fromEntries(Object.entries(body).map(([key, value]) => [wireToName.get(key) ?? key, value]));
  }
  if (method.paramsShape === 'body' && method.namedPathParams.length === 0)
    return body ?? (method.paramsRequired ? {} : undefined);
  if (body !== undefined) {
    if (method.body?.inline && body && typeof body === 'object') {
      const spliced = renames.length === 0 ? splicedParams(fields, body) : undefined;
      if (spliced) return spliced;
      for (const [name, value] of Object.entries(body)) set(name, value);
    } else set(method.body?.key ?? 'body', body);
  }
  return Object.keys(fields).length === 0 && !method.paramsRequired ? undefined : fields;
}

/**
 * The params object of `fields` with the body's members after them, as source: the body's own source (kept per
 * example, see `valueSource`) spliced in, not its members printed again for every operation that takes it. Where the
 * two objects would not simply follow each other (a member of both names, or a name that is an array index, which
 * objects order first), undefined: the caller builds the object.
 */
function splicedParams(fields: Record<string, unknown>, body: object): Source | undefined {
  if (Array.isArray(body) || body instanceof BinaryExample) return undefined;
  const names = Object.keys(body);
  if (names.length === 0 || names.some((name) => Object.hasOwn(fields, name) || isIndexName(name))) return undefined;
  const before = Object.keys(fields);
  if (before.some(isIndexName)) return undefined;
  // `{ a: 1, b: 2 }`: the members' text between the braces.
  const members = valueSource(body).slice(2, -2);
  const entries = before.map(
    (name) => `${propertyKey(name)}: ${valueSource(fields[name], Object.hasOwn(Object.prototype, name))}`,
  );
  return new Source(`{ ${[...entries, members].join(', ')} }`);
}

/** A name an object orders before all others, by number (an array index: `0`, `42`). */
function isIndexName(name: string): boolean {
  return /^(?:0|[1-9][0-9]*)$/.test(name) && Number(name) < 2 ** 32 - 1;
}

/**
 * A JSON value as a TS expression; keys that are identifiers go unquoted. Under a key that names a member of
 * `Object.prototype` (`constructor`, `toString`), TypeScript types the value without the contextual type of an index
 * signature, so its strings would widen to `string`: there each leaf keeps its literal type (`as const`).
 */
export function valueSource(value: unknown, literalLeaves = false): string {
  const leaf = (text: string): string => (literalLeaves ? `${text} as const` : text);
  if (value === undefined) return 'undefined';
  if (value instanceof BinaryExample) return `new File(['Example data'], ${stringLiteral(value.fileName)})`;
  if (typeof value === 'string') return leaf(stringLiteral(value));
  // JSON's numbers only: YAML's `.inf` and `.nan` would print as `null`.
  if (typeof value === 'number') return leaf(Number.isFinite(value) ? String(value) : '0');
  if (typeof value === 'boolean') return leaf(String(value));
  if (value === null || typeof value !== 'object') return 'null';
  const kept = sources[literalLeaves ? 1 : 0];
  let source = kept.get(value);
  if (source === undefined) kept.set(value, (source = compositeSource(value, literalLeaves)));
  return source;
}

/**
 * The source of each array and object printed, by the value: the model's examples are shared and read only, and a
 * schema's example is printed in the call of every operation that takes or nests it (a Graph entity, hundreds).
 */
const sources = [new WeakMap<object, string>(), new WeakMap<object, string>()] as const;

function compositeSource(value: object, literalLeaves: boolean): string {
  if (Array.isArray(value)) return `[${value.map((item) => valueSource(item, literalLeaves)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, item]) => `${propertyKey(key)}: ${valueSource(item, literalLeaves || Object.hasOwn(Object.prototype, key))}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}
