// Copied from templates/src/internal/response.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

import type { RawResponse } from '../core/api-promise.js';
import { TelnyxError } from '../core/error.js';

/** How a successful response body is read, decided from the spec's response content type. */
export type ResponseKind = 'json' | 'text' | 'binary' | 'sse' | 'void';

/** V8's longest string (2^29 - 24 UTF-16 units): a text body longer than this cannot be read as a string. */
export const MAX_TEXT_BYTES = 0x1fffffe8;

/** The default `maxResponseSize`: far above any JSON page, far below what would exhaust a process's memory. */
export const DEFAULT_MAX_RESPONSE_SIZE = 104_857_600; // 100 MB; a literal, as arithmetic would be kept by bundlers

/**
 * Reads a body the way `kind` needs it, for the request loop to do inside the request's timeout. Server-sent events
 * are left to stream; binary bodies are read whole, unbounded (a download is as large as the file: stream it with
 * `asResponse()` to bound memory). Text and JSON stop at `maxSize` bytes while they stream, so a body that never ends
 * cannot exhaust memory: a larger announced `content-length` is refused before a byte is read.
 */
export function readBody(
  response: Response,
  kind: ResponseKind,
  maxSize = DEFAULT_MAX_RESPONSE_SIZE,
): Promise<string | Blob | undefined> {
  if (kind === 'sse') return Promise.resolve(undefined);
  if (kind === 'binary') return response.blob();
  return readText(response, maxSize);
}

/** The body as text, at most `maxSize` bytes (counted as they arrive), cancelled and refused past it. */
export function readText(response: Response, maxSize = DEFAULT_MAX_RESPONSE_SIZE): Promise<string> {
  const limit = Math.min(maxSize, MAX_TEXT_BYTES);
  const length = Number(response.headers.get('content-length'));
  if (length > limit) return refuse(response, tooLarge(`${length} bytes`, maxSize));
  if (!response.body) return Promise.resolve('');
  // An announced length within the limit, not compressed: HTTP framing holds the body to it (fetch fails a body longer
  // than its content-length), so it is read at once (the common case: no promise of ours around the platform's).
  const encoding = response.headers.get('content-encoding');
  if (length > 0 && (encoding === null || encoding === 'identity')) return response.text();
  return readCounted(response.body, limit, maxSize);
}

/** Cancels the body, then fails with `error`. */
async function refuse(response: Response, error: TelnyxError): Promise<never> {
  await response.body?.cancel().catch(() => undefined);
  throw error;
}

/** A body of unknown or compressed size, counted as it streams: a compressed body can inflate far past its length. */
async function readCounted(body: ReadableStream<Uint8Array>, limit: number, maxSize: number): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(`more than ${limit} bytes`, maxSize);
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
  parts.push(decoder.decode());
  return parts.length === 1 ? parts[0]! : parts.join('');
}

function tooLarge(size: string, maxSize: number): TelnyxError {
  const raise = maxSize < MAX_TEXT_BYTES ? `raise the client's maxResponseSize (${maxSize} bytes) or ` : '';
  return new TelnyxError(
    `The response body (${size}) is too large to read as text; ${raise}use .asResponse() and read response.body as a stream.`,
  );
}

/**
 * Reads a successful response. An empty body (204, `content-length: 0`, no bytes) is `undefined`; server-sent events
 * go to `decode` (the method's, so that only SDK calls that stream bundle the event parser).
 */
export async function parseResponse<T>(
  input: Response | RawResponse,
  kind: ResponseKind,
  decode?: (response: Response) => unknown,
): Promise<T> {
  return parseBody<T>(input, kind, decode);
}

/**
 * `parseResponse`, at once where the body was already read as text (the request loop reads JSON and text bodies):
 * a call's parse then adds no promise of its own. Throws (rather than rejects) when that text is not JSON.
 */
export function parseBody<T>(
  input: Response | RawResponse,
  kind: ResponseKind,
  decode?: (response: Response) => unknown,
): T | Promise<T> {
  const { response, body } = input instanceof Response ? { response: input, body: undefined } : input;
  if (
    typeof body === 'string' &&
    (kind === 'json' || kind === 'text') &&
    response.status !== 204 &&
    response.status !== 205
  )
    return parseText<T>(body, kind, response);
  return parseUnread<T>(response, body, kind, decode);
}

async function parseUnread<T>(
  response: Response,
  body: string | Blob | undefined,
  kind: ResponseKind,
  decode: ((response: Response) => unknown) | undefined,
): Promise<T> {
  if (kind === 'void' || response.status === 204 || response.status === 205 || (body === undefined && !response.body)) {
    if (body === undefined) await response.body?.cancel();
    return undefined as T;
  }
  if (kind === 'sse') return (decode ? decode(response) : response) as T;
  if (kind === 'binary') return (body instanceof Blob ? body : await response.blob()) as T;
  const text =
    typeof body === 'string'
      ? body
      : body instanceof Blob
        ? await body.text()
        : ((await readBody(response, kind)) as string);
  return parseText<T>(text, kind, response);
}

function parseText<T>(text: string, kind: ResponseKind, response: Response): T {
  const contentType = response.headers.get('content-type') ?? '';
  // A JSON operation whose server labels the body as something else (text/html error pages) gives the text as is.
  if (kind === 'text' || (contentType !== '' && !isJSONContentType(contentType))) return text as T;
  return parseJSON(text, response) as T;
}

/** `application/json`, `application/problem+json`, `text/json`, ... */
export function isJSONContentType(contentType: string): boolean {
  return JSON_MEDIA_TYPE.test(contentType);
}

/** A media type ending in `/json` or `+json`, parameters after `;` aside (one test, no strings made per response). */
const JSON_MEDIA_TYPE = /^[^;]*[/+]json[ \t]*(?:;|$)/i;

function parseJSON(text: string, response: Response): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new TelnyxError(
      `Could not parse the response body as JSON (status ${response.status}, ${text.length} bytes): ${text.slice(0, 200)}`,
    );
  }
}
