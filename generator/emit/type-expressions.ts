import type { Method, SdkModel } from '../model/types.js';
import { literal } from './source.js';

/** Type names of component schemas, by their key under `components.schemas`. */
export function modelNames(model: SdkModel): Map<string, string> {
  return new Map(model.models.map((named) => [named.key, named.typeName]));
}

/** `paths["/oauth_clients"]["post"]`: the operation's entry in openapi-typescript's output. */
function operationType(method: Method): string {
  return `paths[${literal(method.path)}][${literal(method.httpMethod)}]`;
}

/** Response status keys as openapi-typescript writes them: numbers for codes, strings for `2XX`/`default`. */
function statusKey(status: string): string {
  return /^\d+$/.test(status) ? status : literal(status);
}

/**
 * The params type of a method: the query object, the body, or both joined. Bodies that are plain `$ref`s name their
 * model (`OAuthClientCreateRequest`); everything else indexes openapi-typescript's `paths` type.
 */
export function paramsTypeExpression(method: Method, models: ReadonlyMap<string, string>): string {
  const op = operationType(method);
  const parts: string[] = [];
  if (method.queryParams.length > 0) parts.push(`NonNullable<${op}['parameters']['query']>`);
  if (method.headerParams.length > 0) parts.push(`NonNullable<${op}['parameters']['header']>`);
  if (method.body) {
    const named = method.body.ref !== undefined ? models.get(method.body.ref) : undefined;
    const bodyType = named ?? `NonNullable<${op}['requestBody']>['content'][${literal(method.body.mediaType)}]`;
    parts.push(method.body.inline || method.paramsShape === 'body' ? bodyType : `{ body${method.body.required ? '' : '?'}: ${bodyType} }`);
  }
  return parts.join(' & ');
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

/** The TS type of a path parameter, from its schema's type. */
export function pathParamType(schema: Record<string, unknown>): string {
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[]).find((item) => item !== 'null') : schema['type'];
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'string';
}
