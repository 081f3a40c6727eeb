// What the generated tests' mock server (templates/tests/mock-server.ts) checks of each call and answers it with,
// worked out at generation time from the spec, so that the package's tests never load the spec itself.
import { serializePath } from '../../templates/src/internal/params.js';
import { BinaryExample, type ExampleMode, exampleValue } from '../model/examples.js';
import { deref, derefSchema, hasRequiredMembers } from '../model/schemas.js';
import type { Method, Param, SdkModel } from '../model/types.js';
import { pathExample } from './type-expressions.js';

/** The request the mock expects of one test's call (`ExpectedRequest` in mock-server.ts). */
export interface ExpectedRequest {
  method: string;
  /** The operation's path template. */
  path: string;
  query?: string[];
  headers?: string[];
  body?: string;
}

/** The response the mock answers an operation with (`MockResponse` in mock-server.ts). */
export interface MockResponse {
  status: number;
  contentType?: string;
  body?: unknown;
}

/** A spec example larger than this (as JSON) gives way to one built from the schema: the tests' data stays small. */
const MAX_EXAMPLE_CHARS = 16_000;

/** The bytes a binary response is served as. */
export const BINARY_BODY = 'Example data';

/**
 * The request an example call of `method` sends (see emit/examples.ts, whose values it follows): the method, the
 * path template, the required query and header params and the content type of its body, if it sends one; and the
 * path as sent, its params filled in.
 */
export function expectedRequest(
  model: SdkModel,
  method: Method,
  mode: ExampleMode,
): { expected: ExpectedRequest; sentPath: string } {
  const document = model.document;
  // A query or fragment in a path key (`/?Action=Run`, `/#Action=Run`) is no part of the path the request goes to.
  const [template = '/'] = method.path.split(/[?#]/);
  const expected: ExpectedRequest = { method: method.httpMethod.toUpperCase(), path: template };
  // The params the spec requires, which every call sends. Object values go on the wire under their members' names or
  // the param's, by its style: only their presence in the call is certain, so they are left out of what the mock checks.
  const sends = (param: Param): unknown =>
    param.required ? exampleValue(document, param.schema, mode, param.name) : undefined;
  const query = method.queryParams
    .filter((param) => carries(sends(param)) && !isPlainObject(sends(param)))
    .map((param) => param.name);
  const headers = method.headerParams.filter((param) => carries(sends(param))).map((param) => param.name);
  if (query.length > 0) expected.query = query;
  if (headers.length > 0) expected.headers = headers;
  if (method.body && sendsBody(model, method, mode))
    expected.body = method.body.encoding === 'multipart' ? 'multipart/form-data' : method.body.contentType;
  return { expected, sentPath: sentPath(model, method, template) };
}

/** Whether the example call sends a body (the decision of emit/examples.ts's `exampleParams`, and what the runtime sends). */
function sendsBody(model: SdkModel, method: Method, mode: ExampleMode): boolean {
  const body = method.body!;
  const besideOthers = method.paramsShape === 'mixed' || method.namedPathParams.length > 0;
  const fieldsRequired = besideOthers && body.inline && hasRequiredMembers(model.document, body.schema);
  const included =
    body.required || (body.positional ? mode === 'all' || method.paramsRequired : mode === 'all' || fieldsRequired);
  const value = exampleValue(model.document, body.schema, mode);
  // A form body of empty objects and lists encodes to nothing at all.
  if (body.encoding === 'form') return included && fills(value);
  // Otherwise the runtime sends at least `{}` (JSON) or an empty form (multipart) for a body the spec requires.
  return body.required || (included && carries(value));
}

/** A value with something in it at any depth: a form encodes nothing for `{ a: {}, b: [] }`. */
function fills(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some(fills);
  if (isPlainObject(value)) return Object.values(value).some(fills);
  return true;
}

/** A value that puts something on the wire: not absent, and not an empty list or object (those send nothing). */
function carries(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof BinaryExample);
}

/** The path the example call sends: the template with the example's path values, as a URL encodes it. */
function sentPath(model: SdkModel, method: Method, template: string): string {
  const values = Object.create(null) as Record<string, unknown>;
  const styles = Object.create(null) as Record<string, NonNullable<Param['encoding']>>;
  for (const param of method.pathParams) {
    // As emit/examples.ts gives them: positional ones typed from the schema, named ones as strings where they are.
    values[param.name] = pathExample(model, param, method.positionalPathParams.includes(param));
    if (param.encoding) styles[param.name] = param.encoding;
  }
  const path = serializePath(template, values, styles);
  return new URL(`http://127.0.0.1${path.startsWith('/') ? '' : '/'}${path}`).pathname;
}

/**
 * The response the mock serves for `method`: its first success status with its content type, and a body of that
 * type: the spec's example of it where the spec gives one of the schema's kind, else one built from the schema.
 */
export function mockResponse(model: SdkModel, method: Method): MockResponse {
  const success = method.response.statuses[0];
  const kind = responseKind(method);
  if (kind === 'void' || !success) return { status: 204 };
  // 204 and 205 carry no body: a spec that gives them one is served as a 200.
  const declared = /^\d{3}$/.test(success.status) ? Number(success.status) : 200;
  const status = declared === 204 || declared === 205 ? 200 : declared;
  const contentType =
    success.contentType && !success.contentType.includes('*') ? success.contentType : DEFAULT_CONTENT_TYPES[kind];
  if (kind === 'binary') return { status, contentType, body: BINARY_BODY };
  const value = responseExample(model, method, success);
  if (kind === 'sse') return { status, contentType, body: [value] };
  if (kind === 'text')
    return { status, contentType, body: typeof value === 'string' && value !== '' ? value : JSON.stringify(value) };
  return { status, contentType, body: value };
}

/** How the SDK reads the response: as the spec says, but a response to HEAD never has a body, whatever the spec says. */
export function responseKind(method: Method): Method['response']['kind'] {
  return method.httpMethod === 'head' ? 'void' : method.response.kind;
}

const DEFAULT_CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  text: 'text/plain',
  binary: 'application/octet-stream',
  sse: 'text/event-stream',
};

function responseExample(model: SdkModel, method: Method, success: Method['response']['statuses'][number]): unknown {
  const schema = success.schema ?? {};
  const given = specExample(model.document, method, success.status, success.contentType);
  if (
    given !== undefined &&
    fitsKind(derefSchema(model.document, schema), given) &&
    JSON.stringify(given).length <= MAX_EXAMPLE_CHARS
  )
    return given;
  const built = plainExample(exampleValue(model.document, schema, 'all'));
  return built !== undefined ? built : (given ?? {});
}

/** The media type's `example`, or its first `examples` entry's `value`. */
function specExample(
  document: Record<string, unknown>,
  method: Method,
  status: string,
  contentType: string | undefined,
): unknown {
  const paths = document['paths'] as Record<string, unknown> | undefined;
  const item = deref<Record<string, unknown>>(document, paths?.[method.path] as Record<string, unknown>);
  const operation = item?.[method.httpMethod] as { responses?: Record<string, unknown> } | undefined;
  const response = deref<{ content?: Record<string, unknown> }>(document, operation?.responses?.[status] as object);
  const media =
    contentType === undefined
      ? undefined
      : (response?.content?.[contentType] as { example?: unknown; examples?: Record<string, unknown> } | undefined);
  if (!media) return undefined;
  if (media.example !== undefined) return plain(media.example);
  const first = Object.values(media.examples ?? {})[0];
  const example = first === undefined ? undefined : deref<{ value?: unknown }>(document, first as object);
  return example?.value === undefined ? undefined : plain(example.value);
}

/** Whether an example is of the kind the schema's `type` says (specs ship a list's example for its item, say). */
function fitsKind(schema: Record<string, unknown>, value: unknown): boolean {
  const types = Array.isArray(schema['type'])
    ? (schema['type'] as unknown[])
    : schema['type'] === undefined
      ? []
      : [schema['type']];
  if (types.length === 0) return true;
  const kind =
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value;
  if (kind === 'null') return types.includes('null') || schema['nullable'] === true;
  return types.some((type) => type === kind || (type === 'integer' && kind === 'number'));
}

/**
 * plain() of an example built from a schema, once per example: the examples are kept per schema, and a large API's
 * operations share their response schemas (Graph's 11,000 operations, 4,000 schemas). The copy is shared by the
 * responses of those operations, which only read it.
 */
function plainExample(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return plain(value);
  let copy = plainCopies.get(value);
  if (copy === undefined) plainCopies.set(value, (copy = plain(value)));
  return copy;
}

const plainCopies = new WeakMap<object, unknown>();

/** A JSON copy of an example: uploads stand for their file name, and nothing is shared with the model's values. */
function plain(value: unknown): unknown {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value, (_key, item: unknown) => (item instanceof BinaryExample ? item.fileName : item));
  return json === undefined ? undefined : JSON.parse(json);
}
