// An existing SDK's api.md matched to the spec's routes: which of its methods each route keeps, and what is left over.
import type { OpenAPIDocument } from '../load/load-spec.js';
import { HTTP_METHODS } from './operations.js';
import {
  type Surface,
  type SurfaceMethod,
  surfaceAliases,
  surfaceByRoute,
  surfaceRouteKey,
  withQueryRoutes,
} from './surface.js';

/** api.md's methods by route, and a record of which routes took one (for the warnings at the end). */
export interface SurfaceMatch {
  surface: Surface;
  /** api.md's method of each route (`surfaceRouteKey`, or `surfaceMethodKey` for a split by content type). */
  byRoute: Map<string, SurfaceMethod>;
  /** api.md's other names of a route. */
  aliases: Map<string, SurfaceMethod[]>;
  /** Routes api.md splits by body content type: `post /documents?content-type=multipart` beside `post /documents`. */
  splits: Map<string, SurfaceMethod[]>;
  /** The routes whose api.md method an operation took. */
  adopted: Set<string>;
  /** Operations api.md does not list (`POST /things`), named by inference. */
  added: string[];
}

/** The index of `given` for the spec's routes; undefined without an api.md. */
export function matchSurface(document: OpenAPIDocument, given: Surface | undefined): SurfaceMatch | undefined {
  if (!given) return undefined;
  // api.md routes with a query (`post /responses?beta=true`) take the spec's path with that query where it has one.
  const surface = withQueryRoutes(given, specRouteKeys(document));
  const byRoute = surfaceByRoute(surface);
  const splits = new Map<string, SurfaceMethod[]>();
  for (const method of byRoute.values()) {
    if (method.contentType === undefined) continue;
    const route = surfaceRouteKey(method.httpMethod, method.path);
    splits.set(route, [...(splits.get(route) ?? []), method]);
  }
  return { surface, byRoute, aliases: surfaceAliases(surface), splits, adopted: new Set(), added: [] };
}

/** Warns of api.md's methods no operation took, and of the operations api.md does not list. */
export function reportSurfaceMatch(match: SurfaceMatch | undefined, warnings: string[]): void {
  if (!match) return;
  const { surface, adopted, added } = match;
  const missing = [...match.byRoute]
    .filter(([key]) => !adopted.has(key))
    .map(
      ([, method]) =>
        `${method.httpMethod.toUpperCase()} ${method.path} (${method.file ?? surface.file}:${method.line}, client.${[...method.chain, method.method].join('.')})`,
    );
  if (missing.length > 0)
    warnings.push(
      `${missing.length} methods of ${surface.file} have no operation in the spec; the SDK leaves them out: ${missing.join('; ')}`,
    );
  if (added.length > 0)
    warnings.push(
      `${added.length} operations are not in ${surface.file}; their names are inferred (additions): ${added.join('; ')}`,
    );
}

/** Every route of the spec, as `surfaceRouteKey` makes them. */
function specRouteKeys(document: OpenAPIDocument): Set<string> {
  const keys = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const httpMethod of HTTP_METHODS)
      if (item && typeof item === 'object' && (item as Record<string, unknown>)[httpMethod])
        keys.add(surfaceRouteKey(httpMethod, path));
  }
  return keys;
}
