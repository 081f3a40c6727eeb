// The example values the emitters show of an operation, resolved here so that they read the model and not the spec:
// each param's and the body's example in both modes, and the body a mock server answers the call with.
import { BinaryExample, exampleValue } from './examples.js';
import { deref, derefSchema } from './schemas.js';
import type { ExampleValues, HTTPMethod, Method, Schema } from './types.js';

/** A spec example larger than this (as JSON) gives way to one built from the schema: the tests' data stays small. */
const MAX_EXAMPLE_CHARS = 16_000;

/** The schema's example with its required members, and with every member (`name`: what the value is called). */
export function examplesOf(document: unknown, schema: Schema, name?: string): ExampleValues {
  return {
    required: exampleValue(document, schema, 'required', name),
    all: exampleValue(document, schema, 'all', name),
  };
}

/**
 * The response with the body a mock serves for its first success status, where it has one to show: not for a
 * response without a success body, nor bytes (served as the mock's own), nor any response to HEAD.
 */
export function withMockExample(
  document: unknown,
  route: { path: string; httpMethod: HTTPMethod },
  response: Method['response'],
): Method['response'] {
  const success = response.statuses[0];
  if (!success || response.kind === 'void' || response.kind === 'binary' || route.httpMethod === 'head')
    return response;
  return { ...response, example: responseExample(document, route, success) };
}

/**
 * The body a mock serves for the first success status: the spec's example of it where the spec gives one of the
 * schema's kind (and not too large), else one built from the schema.
 */
function responseExample(
  document: unknown,
  route: { path: string; httpMethod: HTTPMethod },
  success: Method['response']['statuses'][number],
): unknown {
  const schema = success.schema ?? {};
  const given = specExample(document, route, success.status, success.contentType);
  if (
    given !== undefined &&
    fitsKind(derefSchema(document, schema), given) &&
    JSON.stringify(given).length <= MAX_EXAMPLE_CHARS
  )
    return given;
  const built = exampleValue(document, schema, 'all');
  return built !== undefined ? built : (given ?? {});
}

/** The media type's `example`, or its first `examples` entry's `value`. */
function specExample(
  document: unknown,
  route: { path: string; httpMethod: HTTPMethod },
  status: string,
  contentType: string | undefined,
): unknown {
  const paths = (document as Record<string, unknown>)['paths'] as Record<string, unknown> | undefined;
  const item = deref<Record<string, unknown>>(document, paths?.[route.path] as Record<string, unknown>);
  const raw = item?.[route.httpMethod] as { responses?: Record<string, unknown> } | undefined;
  const response = deref<{ content?: Record<string, unknown> }>(document, raw?.responses?.[status] as object);
  const media =
    contentType === undefined
      ? undefined
      : (response?.content?.[contentType] as { example?: unknown; examples?: Record<string, unknown> } | undefined);
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  const example = first === undefined ? undefined : deref<{ value?: unknown }>(document, first as object);
  return example?.value;
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
 * The JSON text of an example, uploads standing for their file name. The model's examples are shared (by the schemas
 * and responses that have them) and read only: they are written out with this rather than copied (on a Graph-sized
 * spec, a JSON copy of every response's example held for the whole run was ~80 MB).
 */
export function exampleJSON(value: unknown, space?: number): string | undefined {
  return JSON.stringify(value, exampleReplacer, space);
}

function exampleReplacer(_key: string, item: unknown): unknown {
  return item instanceof BinaryExample ? item.fileName : item;
}
