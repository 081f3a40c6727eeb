import type { RawResponse } from '../core/api-promise.js';
import { SDKError } from '../core/error.js';

/** How a successful response body is read, decided from the spec's response content type. */
export type ResponseKind = 'json' | 'text' | 'binary' | 'sse' | 'void';

/** V8's longest string (2^29 - 24 UTF-16 units): a text body longer than this cannot be read as a string. */
export const MAX_TEXT_BYTES = 0x1fffffe8;

/**
 * Reads a body the way `kind` needs it, for the request loop to do inside the request's timeout. Server-sent events
 * are left to stream. A body too large for a string is a clear error before a byte is read.
 */
export async function readBody(response: Response, kind: ResponseKind): Promise<string | Blob | undefined> {
  if (kind === 'sse') return undefined;
  if (kind === 'binary') return response.blob();
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_TEXT_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(`${length} bytes`);
  }
  try {
    return await response.text();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_STRING_TOO_LONG' || error instanceof RangeError) throw tooLarge('more than 512 MB');
    throw error;
  }
}

function tooLarge(size: string): SDKError {
  return new SDKError(`The response body (${size}) is too large to read as text; use .asResponse() and read response.body as a stream.`);
}

/**
 * Reads a successful response. An empty body (204, `content-length: 0`, no bytes) is `undefined`; server-sent events
 * go to `decode` (the method's, so that only SDK calls that stream bundle the event parser).
 */
export async function parseResponse<T>(input: Response | RawResponse, kind: ResponseKind, decode?: (response: Response) => unknown): Promise<T> {
  const { response, body } = input instanceof Response ? { response: input, body: undefined } : input;
  if (kind === 'void' || response.status === 204 || response.status === 205 || (body === undefined && !response.body)) {
    if (body === undefined) await response.body?.cancel();
    return undefined as T;
  }
  if (kind === 'sse') return (decode ? decode(response) : response) as T;
  if (kind === 'binary') return (body instanceof Blob ? body : await response.blob()) as T;
  const text = typeof body === 'string' ? body : body instanceof Blob ? await body.text() : await readBody(response, kind) as string;
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
