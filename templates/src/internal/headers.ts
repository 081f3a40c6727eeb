import { SDKError } from '../core/error.js';

/** Header values as callers give them; `null` removes a header set at a lower level (e.g. a default). */
export type HeadersLike = Record<string, string | null | undefined> | Headers;

/**
 * Merges header sets into `into` (lower-case names), left to right: later sets win, `null` deletes, `undefined` is
 * ignored. A plain record, so a request's headers are merged once and turned into one `Headers` at the end.
 */
export function assignHeaders(
  into: Record<string, string>,
  ...sets: Array<HeadersLike | undefined>
): Record<string, string> {
  for (const set of sets) {
    if (!set) continue;
    if (set instanceof Headers) {
      set.forEach((value, name) => {
        into[name] = value;
      });
      continue;
    }
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
    throw new SDKError('Invalid request headers.');
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Field values: no NUL, CR or LF, and only Latin-1 (fetch sends header values as bytes).
const VALUE = /^[^\0\r\n\u0100-\uffff]*$/;

/** Throws an `SDKError` when `name: value` cannot be sent as an HTTP header. */
export function checkHeader(
  name: string,
  value: string,
  what = `header "${TOKEN.test(name) ? name : JSON.stringify(name)}"`,
): void {
  if (!TOKEN.test(name))
    throw new SDKError(
      `Invalid header name ${JSON.stringify(name)}: a header name is a token (letters, digits, !#$%&'*+-.^_\`|~).`,
    );
  if (!VALUE.test(value))
    throw new SDKError(`Invalid value for ${what}: it contains a line break, NUL or a character outside Latin-1.`);
}
