// Copied from templates/src/internal/response.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { TelnyxError } from '../core/error.js';
import { Stream } from '../core/streaming.js';

/** How a successful response body is read, decided from the spec's response content type. */
export type ResponseKind = 'json' | 'text' | 'binary' | 'sse' | 'void';

/** Reads a successful response. An empty body (204, `content-length: 0`, no bytes) is `undefined`. */
export async function parseResponse<T>(response: Response, kind: ResponseKind): Promise<T> {
  if (kind === 'void' || response.status === 204 || response.status === 205 || !response.body) {
    await response.body?.cancel();
    return undefined as T;
  }
  if (kind === 'binary') return (await response.blob()) as T;
  if (kind === 'sse') return new Stream<unknown>(response) as T;
  const text = await response.text();
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
    throw new TelnyxError(
      `Could not parse the response body as JSON (status ${response.status}, ${text.length} bytes): ${text.slice(0, 200)}`,
    );
  }
}
