// What the generated tests' mock server (templates/tests/mock-server.ts) checks of each call and answers it with,
// worked out at generation time from the spec, so that the package's tests never load the spec itself.
import { serializePath } from '../../templates/src/internal/params.js';
import { BinaryExample, type ExampleMode } from '../model/examples.js';
import { exampleJSON } from '../model/method-examples.js';
import type { Method, Param } from '../model/types.js';
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

/** The bytes a binary response is served as. */
export const BINARY_BODY = 'Example data';

/**
 * The request an example call of `method` sends (see emit/examples.ts, whose values it follows): the method, the
 * path template, the required query and header params and the content type of its body, if it sends one; and the
 * path as sent, its params filled in.
 */
export function expectedRequest(method: Method, mode: ExampleMode): { expected: ExpectedRequest; sentPath: string } {
  // A query or fragment in a path key (`/?Action=Run`, `/#Action=Run`) is no part of the path the request goes to.
  const [template = '/'] = method.path.split(/[?#]/);
  const expected: ExpectedRequest = { method: method.httpMethod.toUpperCase(), path: template };
  // The params the spec requires, which every call sends. Object values go on the wire under their members' names or
  // the param's, by its style: only their presence in the call is certain, so they are left out of what the mock checks.
  const sends = (param: Param): unknown => (param.required ? param.examples[mode] : undefined);
  const query = method.queryParams
    .filter((param) => carries(sends(param)) && !isPlainObject(sends(param)))
    .map((param) => param.name);
  const headers = method.headerParams.filter((param) => carries(sends(param))).map((param) => param.name);
  if (query.length > 0) expected.query = query;
  if (headers.length > 0) expected.headers = headers;
  if (method.body && sendsBody(method, mode))
    expected.body = method.body.encoding === 'multipart' ? 'multipart/form-data' : method.body.contentType;
  // The same for both of a method's calls (the path values do not depend on the mode): worked out once.
  let sent = sentPaths.get(method);
  if (sent === undefined) sentPaths.set(method, (sent = sentPath(method, template)));
  return { expected, sentPath: sent };
}

const sentPaths = new WeakMap<Method, string>();

/** Whether the example call sends a body (the decision of emit/examples.ts's `exampleParams`, and what the runtime sends). */
function sendsBody(method: Method, mode: ExampleMode): boolean {
  const body = method.body!;
  const besideOthers = method.paramsShape === 'mixed' || method.namedPathParams.length > 0;
  const fieldsRequired = besideOthers && body.inline && body.hasRequiredMembers;
  const included =
    body.required || (body.positional ? mode === 'all' || method.paramsRequired : mode === 'all' || fieldsRequired);
  const value = body.examples[mode];
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
function sentPath(method: Method, template: string): string {
  const values = Object.create(null) as Record<string, unknown>;
  const styles = Object.create(null) as Record<string, NonNullable<Param['encoding']>>;
  for (const param of method.pathParams) {
    // As emit/examples.ts gives them: positional ones typed from the schema, named ones as strings where they are.
    values[param.name] = pathExample(param, method.positionalPathParams.includes(param));
    if (param.encoding) styles[param.name] = param.encoding;
  }
  const path = serializePath(template, values, styles);
  return new URL(`http://127.0.0.1${path.startsWith('/') ? '' : '/'}${path}`).pathname;
}

/**
 * The response the mock serves for `method`: its first success status with its content type, and a body of that
 * type: the spec's example of it where the spec gives one of the schema's kind, else one built from the schema.
 */
export function mockResponse(method: Method): MockResponse {
  const success = method.response.statuses[0];
  const kind = responseKind(method);
  if (kind === 'void' || !success) return { status: 204 };
  // 204 and 205 carry no body: a spec that gives them one is served as a 200.
  const declared = /^\d{3}$/.test(success.status) ? Number(success.status) : 200;
  const status = declared === 204 || declared === 205 ? 200 : declared;
  const contentType =
    success.contentType && !success.contentType.includes('*') ? success.contentType : DEFAULT_CONTENT_TYPES[kind];
  if (kind === 'binary') return { status, contentType, body: BINARY_BODY };
  // Resolved with the model (model/method-examples.ts): the spec's example where it fits, else one built. Shared and
  // read only: written out as JSON by exampleJSON, never changed.
  const value = method.response.example;
  if (kind === 'sse') return { status, contentType, body: [value] };
  if (kind === 'text')
    return { status, contentType, body: typeof value === 'string' && value !== '' ? value : exampleJSON(value) };
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
