// Copied from templates/src/internal/headers.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { TelnyxError } from '../core/error.js';

/**
 * Header values as callers give them: a record, a `Headers`, or `[name, value]` pairs; `null` removes a header set at
 * a lower level (e.g. a default).
 */
export type HeadersLike =
  | Record<string, string | null | undefined>
  | Headers
  | ReadonlyArray<readonly [string, string | null | undefined]>;

/** Any `HeadersLike` as a record (later pairs win; `null` kept, to remove a header where it is merged). */
export function headerRecord(set: HeadersLike | undefined): Record<string, string | null | undefined> | undefined {
  if (set === undefined || (!(set instanceof Headers) && !Array.isArray(set)))
    return set as Record<string, string | null | undefined> | undefined;
  const record: Record<string, string | null | undefined> = {};
  for (const [name, value] of set as Iterable<readonly [string, string | null | undefined]>) record[name] = value;
  return record;
}

/**
 * The `<PREFIX>_CUSTOM_HEADERS` environment variable, `Name: value` lines, as the official SDKs read it; a line
 * without a colon is ignored.
 */
export function parseHeaderLines(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * Merges header sets into `into` (lower-case names), left to right: later sets win, `null` deletes, `undefined` is
 * ignored. A plain record, so a request's headers are merged once and turned into one `Headers` at the end.
 */
export function assignHeaders(
  into: Record<string, string>,
  ...sets: Array<HeadersLike | undefined>
): Record<string, string> {
  for (const given of sets) {
    if (!given) continue;
    if (given instanceof Headers) {
      given.forEach((value, name) => {
        into[name] = value;
      });
      continue;
    }
    const set = headerRecord(given)!;
    for (const name in set) {
      const value = set[name];
      if (value === null) delete into[name.toLowerCase()];
      else if (value !== undefined) into[name.toLowerCase()] = value;
    }
  }
  return into;
}

/** Merges header sets left to right; later sets win, `null` deletes. Names are case-insensitive. */
export function mergeHeaders(...sets: Array<HeadersLike | undefined>): Headers {
  return toHeaders(assignHeaders({}, ...sets));
}

/** `Headers` from a record; an invalid name or value is an SDK error naming the header (never the value: it may be a secret). */
export function toHeaders(record: Record<string, string>): Headers {
  try {
    return new Headers(record);
  } catch {
    for (const [name, value] of Object.entries(record)) checkHeader(name, value);
    throw new TelnyxError('Invalid request headers.');
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Field values: no NUL, CR or LF, and only Latin-1 (fetch sends header values as bytes).
const VALUE = /^[^\0\r\n\u0100-\uffff]*$/;

/** Throws an `TelnyxError` when `name: value` cannot be sent as an HTTP header. */
export function checkHeader(
  name: string,
  value: string,
  what = `header "${TOKEN.test(name) ? name : JSON.stringify(name)}"`,
): void {
  if (!TOKEN.test(name))
    throw new TelnyxError(
      `Invalid header name ${JSON.stringify(name)}: a header name is a token (letters, digits, !#$%&'*+-.^_\`|~).`,
    );
  if (!VALUE.test(value))
    throw new TelnyxError(`Invalid value for ${what}: it contains a line break, NUL or a character outside Latin-1.`);
}
