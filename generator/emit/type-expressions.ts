import { propertyKey } from '../core/escape.js';
import type { Method, SdkModel } from '../model/types.js';
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
      `{ ${method.namedPathParams.map((param) => `${propertyKey(param.name)}: ${pathParamType(param.schema)}`).join('; ')} }`,
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

/** The TS type of a path parameter, from its schema's type. */
export function pathParamType(schema: Record<string, unknown>): string {
  const type = Array.isArray(schema['type'])
    ? (schema['type'] as string[]).find((item) => item !== 'null')
    : schema['type'];
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'string';
}
