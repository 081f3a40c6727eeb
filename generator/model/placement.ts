import { memberName, pascalCase } from './naming.js';
import type { HTTPMethod } from './types.js';

/** Where an operation lives in the SDK: the chain of resource properties and the method name. */
export interface Placement {
  chain: string[];
  method: string;
}

const COLLECTION_VERBS: Partial<Record<HTTPMethod, string>> = { get: 'list', post: 'create', put: 'update', patch: 'update', delete: 'delete' };
const ITEM_VERBS: Partial<Record<HTTPMethod, string>> = { get: 'retrieve', post: 'update', put: 'update', patch: 'update', delete: 'delete' };
const ACTION_PREFIX: Partial<Record<HTTPMethod, string>> = { get: 'retrieve', put: 'update', patch: 'update', delete: 'delete' };

/** The method name an HTTP method gets on a collection path (`POST /things`: `create`), if it has one. */
export const collectionVerb = (httpMethod: HTTPMethod): string | undefined => COLLECTION_VERBS[httpMethod];

/** Leading segments that name an API version or mount point, not a resource. */
const PREFIX_SEGMENT = /^(v\d+([._]\d+)*|api|rest)$/i;

export const isParamSegment = (segment: string): boolean => segment.includes('{');

/**
 * Infers the placement of `method path` the way a person naming an SDK would:
 * - `/oauth_clients` GET -> `oauthClients.list`, POST -> `create`;
 * - `/oauth_clients/{id}` -> `retrieve` / `update` / `delete`;
 * - `/accounts/{id}/members` -> `accounts.members.list`, and `/accounts/{id}/members/{mid}` -> `accounts.members.retrieve`;
 * - `/calls/{id}/actions/hangup` POST -> `calls.actions.hangup`; `/oauth/jwks` GET -> `oauth.retrieveJwks`.
 * A static segment after another static one is an action, unless some path continues it with a parameter
 * (`/foo/bar` beside `/foo/bar/{id}` makes `bar` a collection).
 */
export function inferPlacement(path: string, httpMethod: HTTPMethod, collectionPaths: ReadonlySet<string>): Placement {
  const segments = path.split('/').filter((segment) => segment !== '');
  while (segments.length > 1 && PREFIX_SEGMENT.test(segments[0]!)) segments.shift();
  const statics = segments.filter((segment) => !isParamSegment(segment));
  if (statics.length === 0) return { chain: ['root'], method: COLLECTION_VERBS[httpMethod] ?? httpMethod };
  const last = segments[segments.length - 1]!;
  if (isParamSegment(last)) {
    return { chain: statics.map(memberName), method: ITEM_VERBS[httpMethod] ?? httpMethod };
  }
  const previous = segments[segments.length - 2];
  const isCollection =
    statics.length === 1 || (previous !== undefined && isParamSegment(previous)) || collectionPaths.has(normalise(path));
  if (isCollection) return { chain: statics.map(memberName), method: COLLECTION_VERBS[httpMethod] ?? httpMethod };
  const action = statics[statics.length - 1]!;
  const prefix = ACTION_PREFIX[httpMethod];
  return {
    chain: statics.slice(0, -1).map(memberName),
    method: prefix ? `${prefix}${pascalCase(action)}` : memberName(action),
  };
}

/** The paths that some other path continues with a parameter: `/foo/bar` when `/foo/bar/{id}` exists. */
export function findCollectionPaths(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    const segments = path.split('/');
    for (let index = 1; index < segments.length; index++) {
      if (isParamSegment(segments[index]!) && !isParamSegment(segments[index - 1]!)) {
        out.add(normalise(segments.slice(0, index).join('/')));
      }
    }
  }
  return out;
}

function normalise(path: string): string {
  return path.replace(/\/+$/, '').replace(/\{[^}]*\}/g, '{}');
}
