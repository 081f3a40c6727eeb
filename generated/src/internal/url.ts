// Copied from templates/src/internal/url.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { defaultPathSerializer } from './openapi-fetch.js';
import { TelnyxError } from '../core/error.js';

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

function originOf(url: string): string {
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
  // An empty value (`delete('')`) would send `DELETE /items/`, the collection, or `/a//b`: refused the same way.
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const value = values[name!];
    if (value === undefined || value === null || value === '') {
      throw new TelnyxError(
        `Path parameter ${JSON.stringify(name)} is ${value === '' ? 'empty' : 'missing'}: the request would go to another path, so it is not sent.`,
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

/** Joins a base URL (trailing slashes allowed) and a path (leading slash optional), as the official SDKs do. */
export function joinURL(baseURL: string, path: string): string {
  if (isAbsoluteURL(path)) return path;
  const base = baseURL.endsWith('/') ? baseURL.replace(/\/+$/, '') : baseURL;
  return path.startsWith('/') ? base + path : `${base}/${path}`;
}
