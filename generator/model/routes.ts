// The traversal of the spec: every operation of every path, one per body content type where api.md splits a route.
import type { ModelContext } from './context.js';
import { HTTP_METHODS, type OperationModel, readOperation, requestContent } from './operations.js';
import { type SurfaceMethod, surfaceMethodKey, surfaceRouteKey } from './surface.js';
import type { SurfaceMatch } from './surface-match.js';
import type { AuthScheme, HTTPMethod } from './types.js';

/** One operation of the spec as read, before it is placed and named. */
export interface Route {
  /** The path without a query its key may carry (`/things` for `/things?beta=true`). */
  path: string;
  httpMethod: HTTPMethod;
  /** The key its api.md method is found under (`surfaceRouteKey`, or `surfaceMethodKey` for a content-type split). */
  surfaceKey: string;
  /** api.md's method for it, if api.md lists one. */
  kept: SurfaceMethod | undefined;
  model: OperationModel;
}

/** Every operation of the spec, in the order of its paths and of HTTP_METHODS. */
export function readRoutes(
  context: ModelContext,
  schemes: Record<string, AuthScheme>,
  match: SurfaceMatch | undefined,
): Route[] {
  const { document, config, warnings } = context;
  // A path key may carry a query (`/things?beta=true`): the operation's path is the part before it.
  return Object.keys(document.paths ?? {}).flatMap((key) => {
    const path = key.split('?')[0]!;
    const pathItem = (document.paths?.[key] ?? {}) as Record<string, unknown>;
    return HTTP_METHODS.flatMap((httpMethod) => {
      const operation = pathItem[httpMethod];
      if (!operation || typeof operation !== 'object') return [];
      // api.md's route keeps the spec's path key, query and all (`post /messages?beta=true`).
      const routeKey = surfaceRouteKey(httpMethod, key);
      const read = (surfaceKey: string, body?: { mediaType?: string; exclude?: string[] }): Route => {
        // api.md's arguments say which path params its method takes positionally, and whether it takes params.
        const kept = match?.byRoute.get(surfaceKey);
        const model = readOperation(
          { document, schemes, warnings },
          { path, httpMethod, pathItem, operation },
          {
            positionalPathParams: config.pathParams === 'positional',
            ...(kept && { surfaceArguments: kept.positional, surfaceTakesParams: kept.takesParams }),
            ...(body && { body }),
            ...(key !== path && { pathKey: key }),
          },
        );
        return { path, httpMethod, surfaceKey, kept, model };
      };
      const mediaTypes = Object.keys(requestContent(document, operation));
      // Each split of api.md's is a method of its own, sending its content type; the route's own method the others.
      const split = (match?.splits.get(routeKey) ?? []).flatMap((method) => {
        const mediaType = mediaTypes.find((candidate) =>
          candidate.split(';')[0]!.trim().toLowerCase().startsWith(method.contentType!.toLowerCase()),
        );
        return mediaType === undefined ? [] : [{ method, mediaType }];
      });
      const claimed = split.map((entry) => entry.mediaType);
      const rest =
        claimed.length === 0 || mediaTypes.length > claimed.length
          ? [read(routeKey, claimed.length > 0 ? { exclude: claimed } : undefined)]
          : [];
      return [...rest, ...split.map(({ method, mediaType }) => read(surfaceMethodKey(method), { mediaType }))];
    });
  });
}
