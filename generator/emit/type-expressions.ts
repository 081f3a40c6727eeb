import { propertyKey } from '../core/escape.js';
import { MAX_UNION_MEMBERS } from '../core/limits.js';
import type { Method, Param, SdkModel } from '../model/types.js';
import { literal } from './source.js';

/**
 * The runtime's upload type, as the schema types name it (schema-types-transform.mjs's UPLOADABLE; the two are held
 * equal by schema-types.test.ts). Not imported from there: that module loads openapi-typescript and the TypeScript
 * compiler, which only the schema types worker needs (in the main thread, 0.7 s and 70 MB on every generation).
 */
export const UPLOADABLE = 'Uploadable';

/** Type names of component schemas, by their key under `components.schemas`. */
export function modelNames(model: SdkModel): Map<string, string> {
  return new Map(model.models.map((named) => [named.key, named.typeName]));
}

/**
 * The operation's type in openapi-typescript's output: `operations['CreateOAuthClient']` when it has an operationId
 * (openapi-typescript moves those there, writing `#` as `/`), else its entry under `paths`. The operations entry is
 * also the shorter way for the compiler, one indexed access less per alias.
 */
function operationType(method: Method): string {
  const id = method.operationId;
  if (typeof id === 'string' && id !== '') return `operations[${literal(id.replace(/#/g, '/'))}]`;
  return `paths[${literal(method.pathKey ?? method.path)}][${literal(method.httpMethod)}]`;
}

/** Response status keys as openapi-typescript writes them: numbers for codes, strings for `2XX`/`default`. */
function statusKey(status: string): string {
  return /^\d+$/.test(status) ? status : literal(status);
}

/**
 * The params type of a method: the query object, the body, or both joined. Bodies that are plain `$ref`s name their
 * model (`OAuthClientCreateRequest`); everything else indexes openapi-typescript's `operations` (or `paths`) type.
 */
export function paramsTypeExpression(method: Method, models: ReadonlyMap<string, string>): string {
  const op = operationType(method);
  const parts: string[] = [];
  if (method.namedPathParams.length > 0)
    parts.push(
      `{ ${method.namedPathParams.map((param) => `${propertyKey(param.name)}: ${pathArgumentType(method, param)}`).join('; ')} }`,
    );
  if (method.queryParams.length > 0) parts.push(queryTypeExpression(method, op));
  if (method.headerParams.length > 0) parts.push(`NonNullable<${op}['parameters']['header']>`);
  if (method.body && !method.body.positional) {
    const bodyType = bodyTypeExpression(method, models);
    parts.push(
      method.body.inline || method.paramsShape === 'body'
        ? bodyType
        : `{ ${propertyKey(method.body.key ?? 'body')}${method.body.required ? '' : '?'}: ${bodyType} }`,
    );
  }
  // Params an existing SDK's method takes that the spec does not declare (`--surface`): none are typed.
  return parts.join(' & ') || 'Record<string, never>';
}

/** The type of the request body: its model, else indexed out of openapi-typescript's operation type. */
export function bodyTypeExpression(method: Method, models: ReadonlyMap<string, string>): string {
  const body = method.body!;
  const named = body.ref !== undefined ? models.get(body.ref) : undefined;
  // The types module writes an inline binary body as the runtime's `Uploadable`: named so, it reads as written by hand.
  if (named === undefined && uploadsBinary(method)) return UPLOADABLE;
  const jsonType =
    named ?? `NonNullable<${operationType(method)}['requestBody']>['content'][${literal(body.mediaType)}]`;
  // Also offered as a multipart form: either shape (the runtime sends multipart when the call carries a file).
  const form = body.multipart;
  const formType =
    form &&
    ((form.ref !== undefined ? models.get(form.ref) : undefined) ??
      `NonNullable<${operationType(method)}['requestBody']>['content'][${literal(form.mediaType)}]`);
  const bodyType = formType !== undefined && formType !== jsonType ? `(${jsonType} | ${formType})` : jsonType;
  // Renamed fields (`x-sdk-param`) take their SDK names; the runtime sends their wire names.
  return renamedType(bodyType, body.renames ?? {});
}

/**
 * The query params' type: openapi-typescript's, with params keyed otherwise in the params object (`include[]` as
 * `include`) under their keys. A param the path key fixes (`/things?beta=true`) is not the caller's to give.
 */
function queryTypeExpression(method: Method, op: string): string {
  const query = `NonNullable<${op}['parameters']['query']>`;
  const fixed = Object.keys(method.fixedQuery ?? {});
  const given = fixed.length > 0 ? `Omit<${query}, ${fixed.map((name) => literal(name)).join(' | ')}>` : query;
  return renamedType(
    given,
    Object.fromEntries(
      method.queryParams.flatMap((param) => (param.key !== undefined ? [[param.key, param.name]] : [])),
    ),
  );
}

/** `type` with members renamed (new name -> name in `type`), each keeping its optionality. */
function renamedType(type: string, renames: Record<string, string>): string {
  const entries = Object.entries(renames);
  if (entries.length === 0) return type;
  const wire = entries.map(([, name]) => literal(name)).join(' | ');
  // A homomorphic mapped type keeps each field's optionality under its new name.
  const remap = entries.map(([name, from]) => `K extends ${literal(from)} ? ${literal(name)} : `).join('');
  return `Omit<${type}, ${wire}> & { [K in keyof ${type} as ${remap}never]: ${type}[K] }`;
}

/** Whether the method's body is an inline binary string (not nullable), which the types module types `Uploadable`. */
export function uploadsBinary(method: Method): boolean {
  const schema = method.body?.ref === undefined ? method.body?.schema : undefined;
  if (!schema || schema['format'] !== 'binary') return false;
  const types = Array.isArray(schema['type']) ? (schema['type'] as unknown[]) : [schema['type']];
  return types.includes('string') && !types.includes('null');
}

/** The type a method resolves to: the union of its success bodies. */
export function responseTypeExpression(method: Method, models: ReadonlyMap<string, string>): string {
  const op = operationType(method);
  const members = method.response.statuses.map(({ status, contentType, ref }) => {
    const named = ref !== undefined ? models.get(ref) : undefined;
    return named ?? `${op}['responses'][${statusKey(status)}]['content'][${literal(contentType ?? '')}]`;
  });
  return [...new Set(members)].join(' | ') || 'void';
}

/** The type of one event of a method that also streams events (`response.events`): its model, or the spec's type. */
export function eventTypeExpression(method: Method, models: ReadonlyMap<string, string>): string {
  const events = method.response.events!;
  const named = events.ref !== undefined ? models.get(events.ref) : undefined;
  return (
    named ??
    `${operationType(method)}['responses'][${statusKey(events.status)}]['content'][${literal(events.contentType)}]`
  );
}

/** How a path param is typed as an argument: a primitive, the union of its `enum`, or the spec's own type. */
export type PathParamKind = 'string' | 'number' | 'boolean' | 'enum' | 'structured';

/**
 * The kind of a path param's type. Listed values (`enum`) type it as their union whatever `type` says, as
 * openapi-typescript's types do (`type: string` with `enum: [1, 2]` is `1 | 2`); arrays and objects (written by the
 * param's style) keep the spec's type; anything else is its primitive type, `string` by default.
 */
export function pathParamType(schema: Record<string, unknown>): PathParamKind {
  if (enumValues(schema) !== undefined) return 'enum';
  const type = Array.isArray(schema['type'])
    ? (schema['type'] as string[]).find((item) => item !== 'null')
    : schema['type'];
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'array' || type === 'object') return 'structured';
  return 'string';
}

/** The values a path param's `enum` lists (no `null`), when they are all strings, numbers or booleans. */
export function enumValues(schema: Record<string, unknown>): unknown[] | undefined {
  if (!Array.isArray(schema['enum'])) return undefined;
  const values = [...new Set((schema['enum'] as unknown[]).filter((value) => value !== null))];
  const primitive = (value: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof value);
  return values.length > 0 && values.length <= MAX_UNION_MEMBERS && values.every(primitive) ? values : undefined;
}

/**
 * The type of a path param as a method's argument: its primitive type, the union of the values its `enum` lists
 * (`'business' | 'financial'`), or for arrays and objects the spec's own type of the param, so that what the method
 * takes is what the spec's types take (a value the API does not list fails to compile).
 */
export function pathArgumentType(method: Method, param: Param): string {
  const kind = pathParamType(param.schema);
  if (kind === 'enum')
    return enumValues(param.schema)!
      .map((value) => (typeof value === 'string' ? literal(value) : String(value)))
      .join(' | ');
  if (kind === 'structured')
    return `NonNullable<${operationType(method)}['parameters']['path']>[${literal(param.name)}]`;
  return kind;
}

/**
 * A path param's example as its argument type takes it: text for a string, a listed value for an enum, `1` for a
 * positional number whose example is not one; arrays and objects with all their members.
 */
export function pathExample(param: Param, positional: boolean): unknown {
  const { schema } = param;
  const kind = pathParamType(schema);
  // An array or object of required members only may be empty, and a path segment may not.
  const value = param.examples[kind === 'structured' ? 'all' : 'required'];
  if (kind === 'string' && typeof value !== 'string') return exampleText(value);
  if (kind === 'number' && positional && typeof value !== 'number') return 1;
  if (kind === 'enum') {
    const values = enumValues(schema)!;
    return values.includes(value) ? value : values[0];
  }
  return value;
}

/**
 * An example as the string a path param of type `string` takes. An object example (a path param with an object
 * schema) has no prototype, so `String()` would throw: it is written as JSON.
 */
function exampleText(value: unknown): string {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : String(value);
}
