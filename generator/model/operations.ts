import type { AuthScheme } from '../../templates/src/internal/auth.js';
import type { ParamStyle } from '../../templates/src/internal/params.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import { readSecurity } from './auth.js';
import { exampleTooLarge } from './examples.js';
import { examplesOf, withMockExample } from './method-examples.js';
import { variableName } from './naming.js';
import {
  admitsNoValue,
  componentRefName,
  deref,
  derefSchema,
  hasRequiredMembers,
  isObjectSchema,
  objectMembers,
  perSchema,
} from './schemas.js';
import type {
  BodyEncoding,
  HTTPMethod,
  Method,
  Param,
  ParamEncoding,
  RequestBody,
  ResponseKind,
  Schema,
} from './types.js';

export const HTTP_METHODS: readonly HTTPMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  schema?: Schema;
  content?: Record<string, { schema?: Schema }>;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

interface RawOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  tags?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
  servers?: Array<{ url: string }>;
}

/** One operation of the spec, read into the model's terms; naming (placement, type names) comes later. */
export type OperationModel = Omit<Method, 'name' | 'paramsTypeName' | 'responseTypeName'>;

/** What reading any operation needs: the document its refs point into, its security schemes, where to warn. */
export interface OperationContext {
  document: OpenAPIDocument;
  schemes: Record<string, AuthScheme>;
  warnings: string[];
}

/** The operation to read: its path (without a query its key may carry), method, path item and operation object. */
export interface RawRoute {
  path: string;
  httpMethod: HTTPMethod;
  pathItem: Record<string, unknown>;
  operation: RawOperation;
}

/** How the config and an existing SDK's api.md shape the operation's arguments. */
export interface ReadOperationOptions {
  positionalPathParams?: boolean;
  /** api.md's arguments of the method before its params: path params and, for a binary body, `body`. */
  surfaceArguments?: readonly string[];
  /** Whether api.md's method takes a params object: it keeps that argument where the spec declares no params. */
  surfaceTakesParams?: boolean;
  /** The body's media type, or the ones to leave to other methods (api.md splits the route by them). */
  body?: { mediaType?: string; exclude?: readonly string[] };
  /** The spec's path key, where it carries a query (`/things?beta=true`; `path` is then `/things`). */
  pathKey?: string;
}

/** One operation of the spec in the model's terms: params, body, responses, security, pagination left to placing. */
export function readOperation(
  { document, schemes, warnings }: OperationContext,
  { path, httpMethod, pathItem, operation }: RawRoute,
  options: ReadOperationOptions = {},
): OperationModel {
  const params = mergeParameters(document, pathItem['parameters'], operation.parameters);
  const pick = (location: string): Param[] =>
    params.filter((param) => param.in === location).map((param) => toParam(param));
  // In path order, whatever order the spec lists them in: the last is the method's own id.
  const at = (param: Param): number => {
    const index = path.indexOf(`{${param.name}}`);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const pathParams = pick('path').sort((a, b) => at(a) - at(b));
  // Parent ids of a nested resource go in the params object, the last path param stays positional (official SDKs);
  // an existing SDK's api.md says which it takes positionally, `retrieve(callSid, { ...params })`.
  let positionalPathParams = options.positionalPathParams
    ? pathParams
    : options.surfaceArguments !== undefined
      ? surfacePositional(pathParams, options.surfaceArguments)
      : pathParams.slice(-1);
  const fixedQuery = options.pathKey !== undefined ? pathKeyQuery(options.pathKey) : undefined;
  // A param the path key fixes is not the caller's to give.
  const queryParams = pick('query').filter((param) => !fixedQuery || !Object.hasOwn(fixedQuery, param.name));
  const headerParams = pick('header');
  bracketKeys(queryParams, [...pathParams, ...headerParams]);
  const declared = readBody(document, operation.requestBody, options.body);
  // fetch() cannot send a body with GET or HEAD; an optional body that can only be `{}` (Stripe's) says nothing.
  const unsendable = httpMethod === 'get' || httpMethod === 'head';
  const empty = declared !== undefined && isEmptyObject(document, declared.schema);
  const body = declared && (unsendable || (!declared.required && empty)) ? undefined : declared;
  // Parent ids named in the params object must fit beside its other members: where a param or a body field has the
  // same name, or the body is a map whose values need not be strings, they are taken positionally instead.
  const parents = pathParams.filter((param) => !positionalPathParams.includes(param));
  if (parents.length > 0 && parentsCollide(document, parents, [...queryParams, ...headerParams], body))
    positionalPathParams = pathParams;
  const namedPathParams = pathParams.filter((param) => !positionalPathParams.includes(param));
  if (declared && unsendable && !empty) {
    warnings.push(
      `${httpMethod.toUpperCase()} ${path}: a request body on ${httpMethod.toUpperCase()} cannot be sent (fetch refuses it); the SDK leaves it out`,
    );
  }
  const hasParams = queryParams.length > 0 || headerParams.length > 0;
  // A binary body beside other params is an argument of its own before them, as the official SDKs take it
  // (`update(key, body, { ...params })`), unless an existing SDK's api.md has it in the params; a lone one is the argument.
  const beside = hasParams || namedPathParams.length > 0;
  // An optional one stays in the params where a required param follows (an optional argument cannot precede it),
  // unless api.md takes it positionally; then it is typed `T | undefined` (see the emitter).
  const requiredFollows = [...namedPathParams, ...queryParams, ...headerParams].some((param) => param.required);
  const positionalBody = options.surfaceArguments?.includes('body') ?? (body?.required === true || !requiredFollows);
  if (
    body?.encoding === 'binary' &&
    beside &&
    positionalBody &&
    ![...queryParams, ...headerParams].some((param) => param.name === 'body')
  )
    body.positional = true;
  // A body that is not an object (an array, a union, a primitive) is `{ body }` in the params object, as the official
  // SDKs take it.
  const wrapped = body !== undefined && !body.isObject && !body.positional && (body.encoding !== 'binary' || beside);
  if (body?.isObject && hasParams) {
    // A body without declared fields (Kubernetes' Patch: any object) cannot be told apart from the params either.
    const fields = objectMembers(document, derefSchema(document, body.schema)).properties;
    const formFields = body.multipart
      ? Object.keys(objectMembers(document, derefSchema(document, body.multipart.schema)).properties)
      : [];
    const names = [...Object.keys(fields), ...formFields];
    body.inline =
      names.length > 0 && ![...queryParams, ...headerParams].some((param) => names.includes(param.key ?? param.name));
  }
  const paramsShape: Method['paramsShape'] =
    !body && !hasParams
      ? // An existing SDK's method that takes params the spec does not declare keeps the argument: its callers pass options after it.
        options.surfaceTakesParams && namedPathParams.length === 0
        ? 'query'
        : 'none'
      : !body
        ? headerParams.length > 0
          ? 'mixed'
          : 'query'
        : hasParams || wrapped || body.positional
          ? 'mixed'
          : 'body';
  uniqueVariables(pathParams, paramsShape, body?.positional === true);
  const requiredParam = [...namedPathParams, ...queryParams, ...headerParams].some((param) => param.required);
  // A positional body is no part of the params object.
  const paramsBody = body?.positional ? undefined : body;
  const bodyHasRequiredMembers =
    !!paramsBody && (!paramsBody.inline || hasRequiredMembers(document, paramsBody.schema));
  const paramsRequired = requiredParam || (!!paramsBody && paramsBody.required && bodyHasRequiredMembers);
  const servers = operation.servers ?? (pathItem['servers'] as Array<{ url: string }> | undefined);
  const inputs = Object.entries({ path: pathParams, query: queryParams, header: headerParams }).flatMap(
    ([where, params]) => params.map((param) => ({ what: `the ${where} param "${param.name}"`, schema: param.schema })),
  );
  const noValidInput = [...inputs, ...(body ? [{ what: 'the request body', schema: body.schema }] : [])]
    .map(({ what, schema }) => {
      const reason = admitsNoValue(document, schema);
      if (reason !== undefined) return `${what} admits no value: ${reason}`;
      // Work is bounded: an example past its budget is cut, and a call without it would not compile.
      const size = exampleTooLarge(document, schema);
      return size && `${what} has no example small enough to show: ${size}`;
    })
    .find((reason) => reason !== undefined);
  if (noValidInput)
    warnings.push(`${httpMethod.toUpperCase()} ${path}: ${noValidInput}; no example call is generated for it`);
  return {
    httpMethod,
    path,
    ...(options.pathKey !== undefined && { pathKey: options.pathKey }),
    ...(fixedQuery && Object.keys(fixedQuery).length > 0 && { fixedQuery }),
    ...(operation.operationId !== undefined && { operationId: operation.operationId }),
    ...(operation.summary !== undefined && { summary: operation.summary }),
    ...(operation.description !== undefined && { description: operation.description }),
    ...(Array.isArray(operation.tags) &&
      operation.tags.length > 0 && { tags: operation.tags.filter((tag): tag is string => typeof tag === 'string') }),
    deprecated: operation.deprecated === true,
    pathParams,
    positionalPathParams,
    namedPathParams,
    queryParams,
    headerParams,
    ...(body && { body }),
    paramsShape,
    ...(noValidInput !== undefined && { noValidInput }),
    paramsRequired,
    paramsAcceptEmpty: !requiredParam && !bodyHasRequiredMembers,
    response: withMockExample(
      document,
      { path, httpMethod },
      selectableEvents(document, readResponses(document, operation.responses ?? {}), queryParams, body),
    ),
    security: readSecurity(operation.security ?? document.security, schemes),
    ...(servers?.[0]?.url !== undefined && { server: servers[0].url }),
  };

  function toParam(param: RawParameter): Param {
    const given = param.schema ?? Object.values(param.content ?? {})[0]?.schema ?? {};
    // A path param's schema resolved: its type and values type the method's argument (`pathArgumentType`).
    const schema = param.in === 'path' ? derefSchema(document, given) : given;
    const content = param.schema === undefined ? Object.keys(param.content ?? {})[0] : undefined;
    return {
      ...(content !== undefined && { content }),
      name: param.name,
      variable: variableName(param.name),
      required: param.in === 'path' || param.required === true,
      ...(param.description !== undefined && { description: param.description }),
      deprecated: param.deprecated === true,
      schema,
      ...paramEncoding(param),
      examples: examplesOf(document, schema, param.name),
    };
  }
}

/**
 * A query param named like a list in brackets (`include[]`) is `include` in the params object, where no other param
 * has that name; the runtime sends it under the spec's name, so the brackets reach the API as the spec says.
 */
function bracketKeys(queryParams: Param[], others: Param[]): void {
  const taken = new Set([...queryParams, ...others].map((param) => param.name));
  for (const param of queryParams) {
    const key = param.name.endsWith('[]') ? param.name.slice(0, -2) : undefined;
    if (key === undefined || key === '' || key.includes('[') || key.includes(']') || taken.has(key)) continue;
    param.key = key;
    taken.add(key);
  }
}

/** The query a path key carries (`/things?beta=true&v=2`): name -> value, as a URL's query reads. */
export function pathKeyQuery(pathKey: string): Record<string, string> {
  const at = pathKey.indexOf('?');
  const out = Object.create(null) as Record<string, string>;
  if (at === -1) return out;
  for (const [name, value] of new URLSearchParams(pathKey.slice(at + 1))) if (name !== '') out[name] = value;
  return out;
}

/**
 * Whether parent ids named in the params object would not fit it: a query or header param, or a field of a body whose
 * fields sit in the params object, of the same name (`{ site_id: string } & { site_id: {...} }` admits no string), or
 * such a body with an index signature (`additionalProperties: { type: integer }`) that a string id does not satisfy.
 */
function parentsCollide(
  document: OpenAPIDocument,
  parents: Param[],
  params: Param[],
  body: RequestBody | undefined,
): boolean {
  const names = new Set(parents.map((param) => param.name));
  if (params.some((param) => names.has(param.key ?? param.name))) return true;
  if (!body?.isObject || body.encoding === 'binary') return false;
  const resolved = derefSchema(document, body.schema);
  const fields = Object.keys(objectMembers(document, resolved).properties);
  // The body's fields sit beside the params unless one shares a query or header param's name (then it is `{ body }`).
  const spread = params.length === 0 || (fields.length > 0 && !params.some((param) => fields.includes(param.name)));
  if (!spread) return false;
  if (fields.some((field) => names.has(field))) return true;
  const parts = [
    resolved,
    ...(Array.isArray(resolved['allOf'])
      ? (resolved['allOf'] as unknown[]).map((part) => derefSchema(document, part))
      : []),
  ];
  return parts.some((part) => {
    const extra = part['additionalProperties'];
    return !!extra && typeof extra === 'object' && Object.keys(extra).length > 0;
  });
}

/**
 * The path params an api.md line takes as arguments, in its order: each argument is the path param of the same name
 * in any case or spelling (`callSid`, `assistantID` for `call_sid`, `assistant_id`). Arguments it cannot match (a
 * renamed id) are the last path params not matched, as many as are left, in the path's order.
 */
function surfacePositional(pathParams: Param[], allArgs: readonly string[]): Param[] {
  const norm = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  // `update(key, body, { ...params })`: a positional body is not a path param.
  const args = allArgs.filter((arg) => arg !== 'body' || pathParams.some((param) => norm(param.name) === 'body'));
  const matched = args.map((arg) =>
    pathParams.find((param) => norm(param.name) === norm(arg) || norm(param.variable) === norm(arg)),
  );
  const rest = pathParams.filter((param) => !matched.includes(param));
  const unmatched = matched.filter((param) => param === undefined).length;
  const fill = unmatched > 0 ? rest.slice(Math.max(0, rest.length - unmatched)) : [];
  return matched.map((param) => param ?? fill.shift()).filter((param): param is Param => param !== undefined);
}

/**
 * Path params are the method's parameters, beside the params argument (`query`, `body` or `params`, named for the
 * shape) and `options`: names that would repeat one (`{a-b}` and `{a_b}`, `{options}`) get the first free number.
 */
function uniqueVariables(pathParams: Param[], shape: Method['paramsShape'], positionalBody: boolean): void {
  const taken = new Set([
    'options',
    ...(shape === 'none' ? [] : [shape === 'mixed' ? 'params' : shape]),
    ...(positionalBody ? ['body'] : []),
  ]);
  for (const param of pathParams) {
    let variable = param.variable;
    for (let n = 2; taken.has(variable); n++) variable = `${param.variable}${n}`;
    param.variable = variable;
    taken.add(variable);
  }
}

const STYLES: ReadonlySet<string> = new Set<ParamStyle>([
  'form',
  'spaceDelimited',
  'pipeDelimited',
  'deepObject',
  'label',
  'matrix',
  'simple',
]);

/** A parameter's style, explode and allowReserved, kept only where they differ from its location's default. */
function paramEncoding(param: RawParameter): { encoding?: ParamEncoding } {
  const defaultStyle = param.in === 'query' || param.in === 'cookie' ? 'form' : 'simple';
  const style = typeof param.style === 'string' && STYLES.has(param.style) ? (param.style as ParamStyle) : defaultStyle;
  const explode = typeof param.explode === 'boolean' ? param.explode : style === 'form';
  const encoding: ParamEncoding = {
    ...(style !== defaultStyle && { style }),
    // deepObject has one form only; otherwise explode matters where it is not the style's default.
    ...(style !== 'deepObject' && explode !== (style === 'form') && { explode }),
    ...(param.in === 'query' && param.allowReserved === true && { allowReserved: true }),
  };
  return Object.keys(encoding).length > 0 ? { encoding } : {};
}

/** Path-level parameters, overridden by operation-level ones of the same name and location. Cookies are left out. */
function mergeParameters(document: OpenAPIDocument, pathLevel: unknown, operationLevel: unknown): RawParameter[] {
  const byKey = new Map<string, RawParameter>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const param = deref<RawParameter>(document, item as RawParameter);
      if (!param || typeof param.name !== 'string' || param.in === 'cookie') continue;
      byKey.set(`${param.in}:${param.name}`, param);
    }
  }
  return [...byKey.values()];
}

/** Content types in the order the SDK prefers to send them. Form beats JSON: OAuth servers expect forms. */
function bodyEncoding(contentType: string): BodyEncoding | undefined {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (mime === 'application/x-www-form-urlencoded') return 'form';
  if (mime === 'application/json' || mime.endsWith('+json') || mime === '*/*') return 'json';
  if (mime === 'multipart/form-data') return 'multipart';
  if (mime.startsWith('text/')) return 'text';
  return 'binary';
}

const ENCODING_PREFERENCE: readonly BodyEncoding[] = ['form', 'json', 'multipart', 'text', 'binary'];

/** `{ type: object, properties: {}, additionalProperties: false }`: no value but `{}` fits. */
function isEmptyObject(document: OpenAPIDocument, schema: unknown): boolean {
  const resolved = derefSchema(document, schema);
  const properties = resolved['properties'];
  const noProperties =
    properties === undefined ||
    (typeof properties === 'object' && properties !== null && Object.keys(properties).length === 0);
  return (
    noProperties &&
    resolved['additionalProperties'] === false &&
    !resolved['allOf'] &&
    !resolved['oneOf'] &&
    !resolved['anyOf']
  );
}

/** The request body's media types and their schemas (empty without a body). */
export function requestContent(document: OpenAPIDocument, operation: object): Record<string, { schema?: Schema }> {
  const raw = (operation as RawOperation).requestBody;
  return (
    (raw && typeof raw === 'object'
      ? deref<{ content?: Record<string, { schema?: Schema }> }>(document, raw)?.content
      : undefined) ?? {}
  );
}

function readBody(
  document: OpenAPIDocument,
  raw: unknown,
  pick: { mediaType?: string; exclude?: readonly string[] } = {},
): RequestBody | undefined {
  const body = deref<{ required?: boolean; content?: Record<string, { schema?: Schema }> }>(document, raw as object);
  const content = body?.content;
  if (!content || Object.keys(content).length === 0) return undefined;
  const offered = Object.keys(content).filter(
    (contentType) =>
      (pick.mediaType === undefined || contentType === pick.mediaType) && !pick.exclude?.includes(contentType),
  );
  if (offered.length === 0) return undefined;
  const candidates = offered.map((contentType) => ({ contentType, encoding: bodyEncoding(contentType)! }));
  candidates.sort((a, b) => ENCODING_PREFERENCE.indexOf(a.encoding) - ENCODING_PREFERENCE.indexOf(b.encoding));
  const { contentType, encoding } = candidates[0]!;
  const schema = content[contentType]?.schema ?? {};
  const ref = componentRefName(schema);
  const isObject =
    (encoding === 'json' || encoding === 'form' || encoding === 'multipart') && isObjectSchema(document, schema);
  const renames = isObject ? bodyRenames(document, schema) : undefined;
  // A JSON object body also offered as a multipart form (for calls with files): both shapes, where both are objects.
  const form =
    encoding === 'json' && isObject && !renames
      ? candidates.find((candidate) => candidate.encoding === 'multipart')
      : undefined;
  const formSchema = form && content[form.contentType]?.schema;
  const formRef = formSchema && componentRefName(formSchema);
  const multipart =
    formSchema && isObjectSchema(document, formSchema)
      ? { mediaType: form.contentType, schema: formSchema, ...(formRef !== undefined && { ref: formRef }) }
      : undefined;
  return {
    contentType: contentType.includes('*') ? 'application/json' : contentType,
    mediaType: contentType,
    encoding,
    required: body?.required === true,
    schema,
    ...(ref !== undefined && { ref }),
    isObject,
    inline: isObject,
    ...(renames && { renames }),
    ...(multipart && { multipart }),
    examples: examplesOf(document, schema),
    hasRequiredMembers: hasRequiredMembers(document, schema),
  };
}

/** Body fields with an SDK name of their own (`x-sdk-param`, or Stainless's `x-stainless-param`): SDK name -> wire name. */
function bodyRenames(document: OpenAPIDocument, schema: Schema): Record<string, string> | undefined {
  // A schema is the body of many operations (a Graph entity's hundred members were read again for each). Shared.
  return renamesOf(document, schema, () => bodyRenamesOnce(document, schema));
}

const renamesOf = perSchema<Record<string, string> | undefined>();

function bodyRenamesOnce(document: OpenAPIDocument, schema: Schema): Record<string, string> | undefined {
  const { properties } = objectMembers(document, derefSchema(document, schema));
  const renames: Record<string, string> = {};
  for (const [wire, property] of Object.entries(properties)) {
    const own = property as Record<string, unknown> | undefined;
    const name = own?.['x-sdk-param'] ?? own?.['x-stainless-param'];
    // A rename onto another field's name would hide that field; such a rename is ignored.
    if (
      typeof name === 'string' &&
      name !== '' &&
      name !== wire &&
      !Object.hasOwn(properties, name) &&
      !Object.hasOwn(renames, name)
    )
      renames[name] = wire;
  }
  return Object.keys(renames).length > 0 ? renames : undefined;
}

function responseKind(contentType: string): ResponseKind {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (mime === 'text/event-stream') return 'sse';
  if (mime.endsWith('/json') || mime.endsWith('+json') || mime === '*/*') return 'json';
  if (mime.startsWith('text/') || mime.endsWith('+xml') || mime.endsWith('/xml')) return 'text';
  return 'binary';
}

/** The success responses: explicit 2xx codes, else `2XX`, else `default`. */
function readResponses(document: OpenAPIDocument, responses: Record<string, unknown>): Method['response'] {
  const codes = Object.keys(responses);
  let success = codes.filter((code) => /^2\d\d$/.test(code)).sort();
  if (success.length === 0) success = codes.filter((code) => code.toUpperCase() === '2XX');
  if (success.length === 0) success = codes.filter((code) => code === 'default');
  const statuses: Method['response']['statuses'] = [];
  let kind: ResponseKind = 'void';
  let events: Omit<NonNullable<Method['response']['events']>, 'param'> | undefined;
  for (const status of success) {
    const response = deref<{ content?: Record<string, { schema?: Schema }> }>(document, responses[status] as object);
    const content = response?.content ?? {};
    const contentTypes = Object.keys(content).sort((a, b) => rank(responseKind(a)) - rank(responseKind(b)));
    // Bytes or text beside an event stream (`audio/mpeg` or events, as `stream: true` asks): the bytes by default,
    // the events where a param selects them (`selectableEvents`).
    const streamed = contentTypes.find((type) => responseKind(type) === 'sse');
    const plain =
      streamed !== undefined && !contentTypes.some((type) => responseKind(type) === 'json')
        ? contentTypes.find((type) => ['binary', 'text'].includes(responseKind(type)))
        : undefined;
    const contentType = plain ?? contentTypes[0];
    if (contentType === undefined) continue;
    const schema = content[contentType]?.schema;
    const ref = componentRefName(schema);
    statuses.push({ status, contentType, ...(ref !== undefined && { ref }), ...(schema !== undefined && { schema }) });
    if (kind === 'void') {
      kind = responseKind(contentType);
      const eventsRef = plain !== undefined ? componentRefName(content[streamed!]?.schema) : undefined;
      if (plain !== undefined)
        events = { status, contentType: streamed!, ...(eventsRef !== undefined && { ref: eventsRef }) };
    }
  }
  return { kind, statuses, ...(events && { events: { ...events, param: '' } }) };
}

/**
 * Keeps a response's event-stream alternative only where a boolean `stream` param (query, or a field of a body taken
 * inline) selects it; otherwise the method answers with its other type alone, which is what it asks for by default.
 */
function selectableEvents(
  document: OpenAPIDocument,
  response: Method['response'],
  queryParams: Param[],
  body: RequestBody | undefined,
): Method['response'] {
  if (!response.events) return response;
  const { events, ...rest } = response;
  const isBoolean = (schema: unknown): boolean => {
    const type = derefSchema(document, schema)['type'];
    return type === 'boolean' || (Array.isArray(type) && type.includes('boolean'));
  };
  const inQuery = queryParams.some((param) => param.name === 'stream' && isBoolean(param.schema));
  const fields =
    body?.isObject && body.inline && !body.positional
      ? objectMembers(document, derefSchema(document, body.schema)).properties
      : {};
  const inBody = !body?.renames && Object.hasOwn(fields, 'stream') && isBoolean(fields['stream']);
  return inQuery || inBody ? { ...rest, events: { ...events, param: 'stream' } } : rest;
}

function rank(kind: ResponseKind): number {
  return ['json', 'sse', 'text', 'binary', 'void'].indexOf(kind);
}
