import type { RawResponse } from '../core/api-promise.js';
import { SDKError } from '../core/error.js';

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
export async function readBody(
  response: Response,
  kind: ResponseKind,
  maxSize = DEFAULT_MAX_RESPONSE_SIZE,
): Promise<string | Blob | undefined> {
  if (kind === 'sse') return undefined;
  if (kind === 'binary') return response.blob();
  return readText(response, maxSize);
}

/** The body as text, at most `maxSize` bytes (counted as they arrive), cancelled and refused past it. */
export async function readText(response: Response, maxSize = DEFAULT_MAX_RESPONSE_SIZE): Promise<string> {
  const limit = Math.min(maxSize, MAX_TEXT_BYTES);
  const length = Number(response.headers.get('content-length'));
  if (length > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(`${length} bytes`, maxSize);
  }
  if (!response.body) return '';
  // An announced length within the limit, not compressed: HTTP framing holds the body to it (fetch fails a body longer
  // than its content-length), so it is read at once. A compressed body can inflate far past its length: counted.
  const encoding = response.headers.get('content-encoding');
  if (length > 0 && (encoding === null || encoding === 'identity')) return response.text();
  const reader = response.body.getReader();
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

function tooLarge(size: string, maxSize: number): SDKError {
  const raise = maxSize < MAX_TEXT_BYTES ? `raise the client's maxResponseSize (${maxSize} bytes) or ` : '';
  return new SDKError(
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
  const { response, body } = input instanceof Response ? { response: input, body: undefined } : input;
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
  const contentType = response.headers.get('content-type') ?? '';
  // A JSON operation whose server labels the body as something else (text/html error pages) gives the text as is.
  if (kind === 'text' || (contentType !== '' && !isJSONContentType(contentType))) return text as T;
  return parseJSON(text, response) as T;
}

/** `application/json`, `application/problem+json`, `text/json`, ... */
export function isJSONContentType(contentType: string): boolean {
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime.endsWith('/json') || mime.endsWith('+json');
}

function parseJSON(text: string, response: Response): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SDKError(
      `Could not parse the response body as JSON (status ${response.status}, ${text.length} bytes): ${text.slice(0, 200)}`,
    );
  }
}
