// Each operation placed in the resource tree and named: by the config, api.md, the spec's naming extensions or code
// samples where they say, else by inference from its path, operationId and summary; clashes settled last.
import type { OperationOverride } from '../load/load-config.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import { applyBodyConfig } from './body-config.js';
import { resolveNameClashes } from './clashes.js';
import { type CodeSampleNames, codeSampleNames } from './code-samples.js';
import type { ModelContext } from './context.js';
import { allowedMember } from './naming.js';
import { namingExtensions } from './naming-extensions.js';
import { childNode, type Node, newNode } from './operation-tree.js';
import { inferPagination, responseShape } from './pagination.js';
import { groupPaths, type PathGroups } from './path-groups.js';
import { inferPlacement, withoutTagPrefix } from './placement.js';
import { type Route, readRoutes } from './routes.js';
import { componentRefName, derefSchema } from './schemas.js';
import { surfaceReturnsPage, surfaceTypeNames } from './surface.js';
import { matchSurface, reportSurfaceMatch, type SurfaceMatch } from './surface-match.js';
import type { AuthScheme } from './types.js';

/**
 * Members the client class inherits from BaseClient (templates/src/core/base-client.ts): a top-level resource named
 * like one (`/delete` beside `client.delete(path)`) would shadow it, so it takes a trailing `_`.
 */
const CLIENT_MEMBERS = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'request',
  'requestPage',
  'requestWith',
  'buildURL',
  'buildRequest',
  'withOptions',
  'fetch',
  'apiKey',
  'baseURL',
  'timeout',
  'maxRetries',
  'logLevel',
]);

/** What placing one operation reads besides the context: computed once for all of them. */
interface Placing {
  context: ModelContext;
  groups: PathGroups;
  match: SurfaceMatch | undefined;
  samples: CodeSampleNames;
}

/** The resource tree of the spec's operations, every operation placed and named, no two alike in one resource. */
export function placeOperations(context: ModelContext, schemes: Record<string, AuthScheme>): Node {
  const { document, config, warnings } = context;
  const root = newNode('');
  const match = matchSurface(document, context.surface);
  // The spec's TypeScript/JavaScript code samples name what neither the config nor api.md names (names.fromCodeSamples).
  const samples = codeSampleNames(document, config.names?.fromCodeSamples !== false, warnings);
  const routes = readRoutes(context, schemes, match);
  const placing: Placing = { context, groups: groupPaths(document, routes), match, samples };
  for (const route of routes) placeOperation(placing, root, route);
  reportSurfaceMatch(match, warnings);
  samples.warn();
  resolveNameClashes(root, [], warnings);
  return root;
}

/** Places one operation in the tree under `root`, named as the config, api.md, the spec or inference says. */
function placeOperation({ context, groups, match, samples }: Placing, root: Node, route: Route): void {
  const { document, config, warnings } = context;
  const { path, httpMethod, model, surfaceKey, kept } = route;
  const alone = groups.alone(path);
  const shape = responseShape(document, model);
  const shared = groups.shared(path);
  const tags = ((document.paths?.[model.pathKey ?? path] as Record<string, { tags?: unknown }> | undefined)?.[
    httpMethod
  ]?.tags ?? []) as unknown[];
  const idName = withoutTagPrefix(
    model.operationId,
    tags.filter((tag): tag is string => typeof tag === 'string'),
  );
  const responseType = componentRefName(model.response.statuses[0]?.schema);
  const singleton = httpMethod === 'post' && responseType !== undefined && readsSame(document, path, responseType);
  const inferred = inferPlacement(path, httpMethod, groups.collectionPaths, {
    operationId: idName,
    summary: model.summary,
    shape,
    alone,
    shared,
    responseType,
    singleton,
  });
  // Where the operationId's words or the folding of a lone segment make a name that is taken, the path's own decides.
  const plain = inferPlacement(path, httpMethod, groups.collectionPaths, { shape, shared, responseType, singleton });
  const fallback =
    plain.chain.join('.') === inferred.chain.join('.') && plain.method === inferred.method ? undefined : plain;
  const configured =
    (model.operationId !== undefined ? config.operations?.[model.operationId] : undefined) ??
    config.operations?.[`${httpMethod} ${path}`];
  // An existing SDK's api.md names what it lists, as the config would; the config still wins.
  if (kept) match?.adopted.add(surfaceKey);
  else if (match) match.added.push(`${httpMethod.toUpperCase()} ${path}`);
  // A config entry that only shapes the params (bodyParam, bodyFields) leaves the naming to api.md and inference.
  const namesConfigured =
    configured &&
    (configured.resource !== undefined || configured.method !== undefined || configured.pagination !== undefined)
      ? configured
      : undefined;
  const override =
    namesConfigured ??
    (kept && { resource: kept.chain.join('.'), method: kept.method }) ??
    namingExtensions(document, model.pathKey ?? path, httpMethod, warnings) ??
    (samples.name(model.pathKey ?? path, httpMethod) as OperationOverride | undefined);
  applyBodyConfig(model, configured, `${httpMethod.toUpperCase()} ${path}`, warnings);
  // A config (or api.md) names members as it likes; the ones no member may take are renamed as inferred names are.
  const chain = override?.resource?.split('.').map(allowedMember) ?? inferred.chain;
  let node = root;
  for (const [depth, name] of chain.entries())
    node = childNode(node, depth === 0 && CLIENT_MEMBERS.has(name) ? `${name}_` : name);
  // api.md says whether the existing SDK's method pages: a result that is no page type keeps it unpaged.
  const unpagedInSurface = kept !== undefined && !namesConfigured && !surfaceReturnsPage(kept);
  const pagination =
    override?.pagination === false || unpagedInSurface
      ? undefined
      : (override?.pagination ?? inferPagination(document, model));
  const pageItemRef = pagination
    ? pageItemComponent(document, model.response.statuses[0]?.schema, pagination.items)
    : undefined;
  const pinned = override?.method !== undefined || override?.resource !== undefined;
  const surfaceNames =
    kept && !namesConfigured
      ? surfaceTypeNames(kept, pagination !== undefined, match?.surface.types.get(kept.module))
      : undefined;
  const name = override?.method !== undefined ? allowedMember(override.method) : inferred.method;
  // api.md's other names of the route, where they sit on the same resource.
  const aliases =
    kept && !namesConfigured
      ? [
          ...new Set(
            (match?.aliases.get(surfaceKey) ?? [])
              .filter((alias) => alias.chain.join('.') === chain.join('.'))
              .map((alias) => allowedMember(alias.method)),
          ),
        ].filter((alias) => alias !== name)
      : [];
  node.operations.push({
    ...model,
    ...(kept?.contentType !== undefined && { splitContentType: kept.contentType }),
    ...(aliases.length > 0 && { aliases }),
    ...(pagination && { pagination }),
    ...(pageItemRef && { pageItemRef }),
    name,
    ...(idName !== undefined && { idName }),
    ...(pinned && { pinned }),
    ...(fallback && !pinned && { fallback }),
    ...(surfaceNames && { surfaceNames }),
  });
}

const pathItem = (document: OpenAPIDocument, path: string): Record<string, unknown> =>
  (document.paths?.[path] ?? {}) as Record<string, unknown>;

/**
 * Whether a path's GET reads one thing, the component schema named: it answers its first success with it and takes no
 * query param (a GET that takes some looks things up: `/search?q=`, `/user?accountId=`, EC2's `?Action=`).
 */
function readsSame(document: OpenAPIDocument, path: string, component: string): boolean {
  const operation = pathItem(document, path)['get'];
  if (!operation || typeof operation !== 'object') return false;
  const params = [
    ...((pathItem(document, path)['parameters'] ?? []) as unknown[]),
    ...(((operation as { parameters?: unknown[] }).parameters ?? []) as unknown[]),
  ];
  if (params.some((param) => (derefSchema(document, param) as { in?: unknown }).in === 'query')) return false;
  const responses = ((operation as { responses?: Record<string, unknown> }).responses ?? {}) as Record<string, unknown>;
  const status = Object.keys(responses)
    .sort()
    .find((code) => /^2/.test(code));
  const response = derefSchema(document, status === undefined ? undefined : responses[status]) as {
    content?: Record<string, { schema?: unknown }>;
  };
  return Object.values(response.content ?? {}).some((media) => componentRefName(media?.schema) === component);
}

/** The component an array of page items refers to (`OAuthClient` for `data: OAuthClient[]`), if it is one. */
function pageItemComponent(document: OpenAPIDocument, schema: unknown, path: readonly string[]): string | undefined {
  let node = derefSchema(document, schema);
  for (const key of path) node = derefSchema(document, ((node['properties'] ?? {}) as Record<string, unknown>)[key]);
  return componentRefName(node['items']);
}
