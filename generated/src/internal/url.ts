// Copied from templates/src/internal/url.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { TelnyxError } from '../core/error.js';
import { defaultPathSerializer } from './openapi-fetch.js';

/**
 * Chooses the base URL of one operation.
 *
 * Specs may give an operation its own server (`/.well-known/...` at `https://api.example.com` while the API lives at
 * `https://api.example.com/v2`). When the client's base URL is the default, that server is used as is. When the caller
 * pointed the client elsewhere (staging, a local mock), the operation follows: the default server's path is swapped for
 * the operation server's path on the caller's origin, so `http://localhost:4010/v2` becomes `http://localhost:4010`.
 * A server on another host (`wss://stream.example.com`) yields to the caller's base URL, as in the official SDKs.
 */
export function operationBaseURL(clientBaseURL: string, defaultServer: string, operationServer?: string): string {
  if (!operationServer) return clientBaseURL;
  const client = trimSlash(clientBaseURL);
  const fallback = trimSlash(defaultServer);
  const target = trimSlash(operationServer);
  if (client === fallback) return target;
  const defaultPath = pathOf(fallback);
  const targetPath = pathOf(target);
  // Only rebase when the operation server shares the default server's origin; else the caller's choice wins.
  if (originOf(fallback) !== originOf(target)) return client;
  // A base URL without the default server's path (a mock serving the spec's paths at its root) says nothing of
  // where other paths of that host live: the caller's choice wins there too, as the official SDKs send it.
  if (defaultPath && !client.endsWith(defaultPath)) return client;
  return trimSlash(client.slice(0, client.length - defaultPath.length) + targetPath);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function pathOf(url: string): string {
  try {
    return trimSlash(new URL(url).pathname);
  } catch {
    return '';
  }
}

/** The origin of a URL (`https://host:port`), or the text itself when it is not one. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * Moves a URL under the spec's default server (an OAuth `tokenUrl`) to the client's base URL, so staging and local
 * test servers get the token from themselves. URLs elsewhere are kept.
 */
export function rebaseURL(url: string, defaultServer: string, clientBaseURL: string): string {
  const fallback = trimSlash(defaultServer);
  const client = trimSlash(clientBaseURL);
  if (client === fallback || !url.startsWith(fallback)) return url;
  return client + url.slice(fallback.length);
}

/** A path that is a whole URL (`https://...`, a next-page link): sent as is, not under the base URL. */
export function isAbsoluteURL(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path);
}

/** Serializes path params into a path template, with openapi-fetch's serializer unless the operation brings its own. */
export type PathSerializer = (path: string, params: Record<string, unknown>) => string;

/**
 * Fills a path template. A value that is empty or would make a whole segment `.` or `..` is refused before anything is sent:
 * URL parsing (WHATWG, so every `fetch`) resolves such a segment, `%2E%2E` included, so `delete('..')` would hit the
 * parent collection with the caller's credentials.
 */
export function fillPath(
  path: string,
  params: Record<string, unknown> | undefined,
  serializer: PathSerializer = defaultPathSerializer,
): string {
  // A path given by hand without params (`client.get('/x/{y}')`) is sent as written.
  if (!params || !path.includes('{')) return path;
  const values = params;
  // An empty value (`delete('')`, `[]`, `{}`, `new String('')`) would send `DELETE /items/`, the collection, or
  // `/a//b`: refused the same way, whatever its type. Each value is also serialized alone, so a style that writes
  // nothing for it is caught too.
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const value = values[name!];
    if (
      value === undefined ||
      value === null ||
      isEmptyValue(value) ||
      (typeof value === 'object' && serializer(`{${name}}`, { [name!]: value }) === '')
    ) {
      throw new TelnyxError(
        `Path parameter ${JSON.stringify(name)} is ${value === undefined || value === null ? 'missing' : 'empty'}: the request would go to another path, so it is not sent.`,
      );
    }
  }
  const filled = serializer(path, values);
  if (filled.includes('.') || /%2e/i.test(filled)) {
    for (const segment of filled.split(/[/?#]/)) {
      if (DOT_SEGMENT.test(segment)) {
        const name = Object.keys(values).find((key) => String(values[key]) === segment) ?? 'a path parameter';
        throw new TelnyxError(
          `Path parameter ${JSON.stringify(name)} is ${JSON.stringify(segment)}: URL parsing would resolve it and send the request to another path, so it is not sent.`,
        );
      }
    }
  }
  return filled;
}

const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * Whether a path value writes no segment: an empty string (boxed too), a list of nothing but empty values, an object
 * with no members, or any object whose text is empty. Objects that cannot be turned into text count as empty.
 */
function isEmptyValue(value: unknown, depth = 0): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'object') return false;
  if (depth > 10) return false;
  if (Array.isArray(value)) return value.every((item) => isEmptyValue(item, depth + 1));
  let text: string;
  try {
    text = String(value);
  } catch {
    return true;
  }
  if (text === '') return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  // A plain object is written as its members: with none (or none defined), it writes nothing.
  if (proto === Object.prototype || proto === null)
    return Object.values(value).every((item) => item === undefined || item === null || typeof item === 'function');
  return false;
}

/** Joins a base URL (trailing slashes allowed) and a path (leading slash optional), as the official SDKs do. */
export function joinURL(baseURL: string, path: string): string {
  if (isAbsoluteURL(path)) return path;
  const base = baseURL.endsWith('/') ? baseURL.replace(/\/+$/, '') : baseURL;
  return path.startsWith('/') ? base + path : `${base}/${path}`;
}
