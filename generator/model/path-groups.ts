// What placing an operation reads of the spec's other paths: collections, continued paths, shared static segments.
import type { OpenAPIDocument } from '../load/load-spec.js';
import { applyClashConventions } from './clashes.js';
import { responseShape } from './pagination.js';
import {
  findCollectionPaths,
  findContinuedPaths,
  inferPlacement,
  isParamSegment,
  normalise,
  pathSegments,
} from './placement.js';
import type { Route } from './routes.js';

/** The groups of paths an operation's placement depends on. */
export interface PathGroups {
  /** The paths that are collections (`/things` beside `/things/{id}`). */
  collectionPaths: Set<string>;
  /** Whether the operation is the only one on its chain of static segments, and no other path continues its path. */
  alone(path: string): boolean;
  /** Whether the operation's chain of static segments is a resource of its own (see `sharedStatics`). */
  shared(path: string): boolean;
}

/** The path groups of all the spec's routes. */
export function groupPaths(document: OpenAPIDocument, routes: readonly Route[]): PathGroups {
  // A path key may carry a query (`/things?beta=true`): the operation's path is the part before it.
  const paths = [...new Set(Object.keys(document.paths ?? {}).map((key) => key.split('?')[0]!))];
  const collectionPaths = findCollectionPaths(paths);
  const continuedPaths = findContinuedPaths(paths);
  const byStatics = new Map<string, Route[]>();
  for (const route of routes)
    byStatics.set(staticsKey(route.path), [...(byStatics.get(staticsKey(route.path)) ?? []), route]);
  const shared = sharedStatics(document, byStatics, collectionPaths);
  return {
    collectionPaths,
    alone: (path) => byStatics.get(staticsKey(path))!.length === 1 && !continuedPaths.has(normalise(path)),
    shared: (path) => shared.has(staticsKey(path)),
  };
}

/** The operations that share a chain of static segments (`/phone_numbers/messaging`, `/phone_numbers/{id}/messaging`). */
const staticsKey = (path: string): string =>
  pathSegments(path)
    .filter((segment) => !isParamSegment(segment))
    .join('/');

/**
 * A shared static segment is a resource, unless two of its operations would then take one name (PUT of `/a/status`
 * and of `/a/{id}/status`: both `a.status.update`).
 */
function sharedStatics(
  document: OpenAPIDocument,
  byStatics: ReadonlyMap<string, Route[]>,
  collectionPaths: Set<string>,
): Set<string> {
  return new Set(
    [...byStatics]
      .filter(([, group]) => {
        const placed = group.map(({ path, httpMethod, model }) => {
          const { chain, method } = inferPlacement(path, httpMethod, collectionPaths, {
            shape: responseShape(document, model),
            shared: true,
          });
          return { chain: chain.join('.'), name: method, path, httpMethod };
        });
        for (const chain of new Set(placed.map((entry) => entry.chain)))
          applyClashConventions(placed.filter((entry) => entry.chain === chain));
        const names = placed.map((entry) => `${entry.chain}.${entry.name}`);
        return group.length > 1 && new Set(names).size === names.length;
      })
      .map(([key]) => key),
  );
}
