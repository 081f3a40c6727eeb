import type { OperationOverride, SdkConfig } from '../load/load-config.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import { readSecurity, readSecuritySchemes, schemeKeyOptions } from './auth.js';
import { codeSampleNames } from './code-samples.js';
import { NameRegistry, RUNTIME_EXPORTS } from './name-registry.js';
import {
  allowedMember,
  fileName,
  memberName,
  noLeadingDigit,
  pascalCase,
  plural,
  splitWords,
  titleWords,
  typeName,
  verbForm,
} from './naming.js';
import { HTTP_METHODS, type OperationModel, readOperation, requestContent } from './operations.js';
import { packageMeta, serverURL } from './package-meta.js';
import { inferPagination, responseShape } from './pagination.js';
import {
  collectionVerb,
  findCollectionPaths,
  findContinuedPaths,
  inferPlacement,
  isParamSegment,
  normalise,
  type Placement,
  pathSegments,
  verbBefore,
  withoutTagPrefix,
} from './placement.js';
import { componentRefName, derefSchema } from './schemas.js';
import { collectSecretFields } from './secrets.js';
import {
  type Surface,
  type SurfaceMethod,
  surfaceAliases,
  surfaceByRoute,
  surfaceMethodKey,
  surfaceReturnsPage,
  surfaceRouteKey,
  surfaceTypeNames,
  withQueryRoutes,
} from './surface.js';
import { withTokenClientAuth } from './token-auth.js';
import type { AuthScheme, HTTPMethod, Method, NamedModel, Resource, SdkModel } from './types.js';
import { readWebhooks } from './webhooks.js';

/** What the banners say to run when no config names the project's own command. */
export const DEFAULT_REGENERATE_COMMAND = 'npx sdkgen generate';

/** Builds the SDK model from a loaded spec and its config. Pure: same inputs, same model. */
export function buildModel(
  document: OpenAPIDocument,
  config: SdkConfig,
  specFile: string,
  surface?: Surface,
): SdkModel {
  const warnings: string[] = [];
  const casing = Object.fromEntries(
    Object.entries(config.casing ?? {}).map(([word, spelling]) => [word.toLowerCase(), spelling]),
  );
  const title = document.info.title.replace(/\b(apis?|openapi|rest)\b/gi, '');
  const clientName = config.clientName ?? typeName(title || 'Client', casing);
  // Without a config, the package name and env-var prefix come from the title's words as written (`github`).
  const words =
    config.clientName === undefined && titleWords(title).length > 0 ? titleWords(title) : splitWords(clientName);
  // An environment variable's name may not start with a digit (`1Password` -> `_1PASSWORD_API_KEY`).
  const envPrefix = config.envPrefix ?? noLeadingDigit(words.join('_').toUpperCase());
  const names = new NameRegistry([...RUNTIME_EXPORTS, clientName, `${clientName}Error`]);
  const models = readModels(document, casing, names);
  // Resource modules import model types and runtime names; client.ts imports the client's own: no class takes one.
  const reservedClassNames = new Set([
    ...RUNTIME_EXPORTS,
    clientName,
    `${clientName}Error`,
    'BaseClient',
    ...models.map((named) => named.typeName),
  ]);
  const readSchemes = readSecuritySchemes(document, warnings);
  const root = placeOperations(document, config, readSchemes, warnings, surface);
  const modelNames = new Map(models.map((named) => [named.key, named.typeName]));
  // The way most of the spec pages is the default, its pages plain `…Page`; the others say how (`…CursorPage`).
  const pagingKinds = new Map<string, number>();
  for (const operation of allOperations(root))
    if (operation.pagination)
      pagingKinds.set(operation.pagination.kind, (pagingKinds.get(operation.pagination.kind) ?? 0) + 1);
  const defaultKind = [...pagingKinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const pageSuffix = (kind: string): string =>
    kind === defaultKind ? 'Page' : `${PAGE_KIND_WORDS[kind] ?? pascalCase(kind)}Page`;
  const resources = buildResources(
    root,
    [],
    casing,
    assignTypePrefixes(root, casing, names),
    names,
    reservedClassNames,
    undefined,
    { modelNames, pageSuffix },
  );

  const webhooks = readWebhooks(
    document as Record<string, unknown>,
    config.webhooks,
    (name) => names.claim(name),
    casing,
    warnings,
  );
  const defaultBaseURL = config.baseURL ?? serverURL(document, warnings);
  // The token endpoint's client authentication needs the methods, so the schemes are final once they are built.
  const securitySchemes = withTokenClientAuth(document, readSchemes, allMethods(resources), defaultBaseURL);
  return {
    specFile,
    regenerateCommand: config.regenerateCommand ?? DEFAULT_REGENERATE_COMMAND,
    title: document.info.title,
    ...(document.info.description !== undefined && { description: document.info.description }),
    apiVersion: String(document.info.version),
    clientName,
    envPrefix,
    packageName: config.package?.name ?? (words.join('-').toLowerCase() || 'sdk'),
    packageVersion: config.package?.version ?? '0.0.1',
    packageDescription: config.package?.description ?? `TypeScript client for the ${document.info.title}`,
    packageMeta: packageMeta(document, config),
    defaultBaseURL,
    securitySchemes,
    defaultSecurity: readSecurity(document.security, securitySchemes),
    schemeKeyOptions: schemeKeyOptions(
      securitySchemes,
      readSecurity(document.security, securitySchemes),
      allMethods(resources),
    ),
    requiresCredentials: allMethods(resources).some(
      (method) => method.security.length > 0 && method.security.every((names) => names.length > 0),
    ),
    ...(config.idempotencyHeader !== undefined && { idempotencyHeader: config.idempotencyHeader }),
    secretHeaders: Object.values(securitySchemes).flatMap((scheme) =>
      scheme.type === 'apiKey' && scheme.in === 'header' ? [scheme.name] : [],
    ),
    secretFields: collectSecretFields(document),
    resources,
    models,
    ...(webhooks && { webhooks }),
    document: document as Record<string, unknown>,
    warnings,
  };
}

function readModels(document: OpenAPIDocument, casing: Record<string, string>, names: NameRegistry): NamedModel[] {
  const schemas = document.components?.['schemas'] ?? {};
  return Object.keys(schemas)
    .sort()
    .map((key) => {
      const schema = (schemas[key] ?? {}) as Record<string, unknown>;
      // A name that is already PascalCase is kept as the spec wrote it (`JWKSet`); others are re-cased (`oauth_Error`).
      const wanted = typeName(key, casing);
      return {
        key,
        typeName: names.claim(wanted),
        ...(typeof schema['description'] === 'string' && { description: schema['description'] }),
        deprecated: schema['deprecated'] === true,
      };
    });
}

/** A node of the resource tree while placing operations. */
interface Node {
  property: string;
  /** `pinned`: the config placed or named it; conventions leave it where it is. */
  /** `idName`: the operationId without its tag's prefix (`gists/get`: `get`), what naming reads of it. */
  operations: Array<
    OperationModel & {
      name: string;
      idName?: string;
      pinned?: boolean;
      fallback?: Placement;
      surfaceNames?: { response?: string; params?: string; page?: string; item?: string };
    }
  >;
  children: Map<string, Node>;
}

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

/**
 * `bodyParam` and `bodyFields` of an operation's config: the params key of a body that is not an object (`{ body }` by
 * default; `{ voice_clone_request }` where an existing SDK named it so) or of an object body taken whole rather than
 * field by field, and SDK names of body fields (SDK name -> wire
 * name, as `x-sdk-param` gives them in the spec). Where the body has no such shape, a warning says the entry is unused.
 */
function applyBodyConfig(
  model: OperationModel,
  configured: OperationOverride | undefined,
  label: string,
  warnings: string[],
): void {
  if (configured?.bodyParam !== undefined) {
    if (model.body && !model.body.inline && model.paramsShape === 'mixed') model.body.key = configured.bodyParam;
    else if (model.body) {
      // An object body the existing SDK takes whole under one key (`{ network_create: {...} }`) becomes that member.
      model.body.inline = false;
      model.body.key = configured.bodyParam;
      model.paramsShape = 'mixed';
      const requiredParam = [...model.namedPathParams, ...model.queryParams, ...model.headerParams].some(
        (param) => param.required,
      );
      model.paramsRequired = requiredParam || model.body.required;
      model.paramsAcceptEmpty = !requiredParam && !model.body.required;
    } else warnings.push(`${label}: bodyParam is set in the config, but the operation has no body; ignored`);
  }
  if (configured?.bodyFields !== undefined) {
    if (model.body?.isObject) model.body.renames = { ...model.body.renames, ...configured.bodyFields };
    else warnings.push(`${label}: bodyFields is set in the config, but its body is not an object; ignored`);
  }
}

function placeOperations(
  document: OpenAPIDocument,
  config: SdkConfig,
  schemes: Record<string, AuthScheme>,
  warnings: string[],
  given?: Surface,
): Node {
  const root: Node = { property: '', operations: [], children: new Map() };
  // api.md routes with a query (`post /responses?beta=true`) take the spec's path with that query where it has one.
  const surface = given && withQueryRoutes(given, specRouteKeys(document));
  // The spec's TypeScript/JavaScript code samples name what neither the config nor api.md names (names.fromCodeSamples).
  const samples = codeSampleNames(document, config.names?.fromCodeSamples !== false, warnings);
  const existing = surface && surfaceByRoute(surface);
  const aliasesByRoute = surface ? surfaceAliases(surface) : new Map<string, never[]>();
  const adopted = new Set<string>();
  const added: string[] = [];
  // A path key may carry a query (`/things?beta=true`): the operation's path is the part before it.
  const keys = Object.keys(document.paths ?? {});
  const paths = [...new Set(keys.map((key) => key.split('?')[0]!))];
  const collectionPaths = findCollectionPaths(paths);
  const continuedPaths = findContinuedPaths(paths);
  // The operations that share a chain of static segments (`/phone_numbers/messaging`, `/phone_numbers/{id}/messaging`).
  const staticsKey = (path: string): string =>
    pathSegments(path)
      .filter((segment) => !isParamSegment(segment))
      .join('/');
  // Routes api.md splits by body content type: `post /documents?content-type=multipart` beside `post /documents`.
  const splits = new Map<string, SurfaceMethod[]>();
  for (const method of existing?.values() ?? []) {
    if (method.contentType === undefined) continue;
    const route = surfaceRouteKey(method.httpMethod, method.path);
    splits.set(route, [...(splits.get(route) ?? []), method]);
  }
  const operations = keys.flatMap((key) => {
    const path = key.split('?')[0]!;
    const pathItem = (document.paths?.[key] ?? {}) as Record<string, unknown>;
    return HTTP_METHODS.flatMap((httpMethod) => {
      const operation = pathItem[httpMethod];
      if (!operation || typeof operation !== 'object') return [];
      // api.md's route keeps the spec's path key, query and all (`post /messages?beta=true`).
      const routeKey = surfaceRouteKey(httpMethod, key);
      const read = (surfaceKey: string, body?: { mediaType?: string; exclude?: string[] }) => {
        // api.md's arguments say which path params its method takes positionally, and whether it takes params.
        const kept = existing?.get(surfaceKey);
        const model = readOperation(document, path, httpMethod, pathItem, operation, schemes, warnings, {
          positionalPathParams: config.pathParams === 'positional',
          ...(kept && { surfaceArguments: kept.positional, surfaceTakesParams: kept.takesParams }),
          ...(body && { body }),
          ...(key !== path && { pathKey: key }),
        });
        return { path, httpMethod, surfaceKey, kept, model };
      };
      const mediaTypes = Object.keys(requestContent(document, operation));
      // Each split of api.md's is a method of its own, sending its content type; the route's own method the others.
      const split = (splits.get(routeKey) ?? []).flatMap((method) => {
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
  const byStatics = new Map<string, typeof operations>();
  for (const entry of operations)
    byStatics.set(staticsKey(entry.path), [...(byStatics.get(staticsKey(entry.path)) ?? []), entry]);
  // A shared static segment is a resource, unless two of its operations would then take one name (PUT of `/a/status`
  // and of `/a/{id}/status`: both `a.status.update`).
  const sharedStatics = new Set(
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
  for (const { path, httpMethod, model, surfaceKey, kept } of operations) {
    const alone = byStatics.get(staticsKey(path))!.length === 1 && !continuedPaths.has(normalise(path));
    const shape = responseShape(document, model);
    const shared = sharedStatics.has(staticsKey(path));
    const tags = ((document.paths?.[model.pathKey ?? path] as Record<string, { tags?: unknown }> | undefined)?.[
      httpMethod
    ]?.tags ?? []) as unknown[];
    const idName = withoutTagPrefix(
      model.operationId,
      tags.filter((tag): tag is string => typeof tag === 'string'),
    );
    const responseType = componentRefName(model.response.statuses[0]?.schema);
    const singleton = httpMethod === 'post' && responseType !== undefined && readsSame(document, path, responseType);
    const inferred = inferPlacement(path, httpMethod, collectionPaths, {
      operationId: idName,
      summary: model.summary,
      shape,
      alone,
      shared,
      responseType,
      singleton,
    });
    // Where the operationId's words or the folding of a lone segment make a name that is taken, the path's own decides.
    const plain = inferPlacement(path, httpMethod, collectionPaths, { shape, shared, responseType, singleton });
    const fallback =
      plain.chain.join('.') === inferred.chain.join('.') && plain.method === inferred.method ? undefined : plain;
    const configured =
      (model.operationId !== undefined ? config.operations?.[model.operationId] : undefined) ??
      config.operations?.[`${httpMethod} ${path}`];
    // An existing SDK's api.md names what it lists, as the config would; the config still wins.
    if (kept) adopted.add(surfaceKey);
    else if (existing) added.push(`${httpMethod.toUpperCase()} ${path}`);
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
    for (const [depth, name] of chain.entries()) {
      const property = depth === 0 && CLIENT_MEMBERS.has(name) ? `${name}_` : name;
      let child = node.children.get(property);
      if (!child) {
        child = { property, operations: [], children: new Map() };
        node.children.set(property, child);
      }
      node = child;
    }
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
        ? surfaceTypeNames(kept, pagination !== undefined, surface?.types.get(kept.module))
        : undefined;
    const name = override?.method !== undefined ? allowedMember(override.method) : inferred.method;
    // api.md's other names of the route, where they sit on the same resource.
    const aliases =
      kept && !namesConfigured
        ? [
            ...new Set(
              (aliasesByRoute.get(surfaceKey) ?? [])
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
  if (surface && existing) {
    const missing = [...existing]
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
  samples.warn();
  resolveNameClashes(root, [], warnings);
  return root;
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

/**
 * The names a spec gives its operations for other generators: Speakeasy's `x-speakeasy-group` (a dot-separated
 * resource chain) and `x-speakeasy-name-override` (the method), Stainless' `x-stainless-resource` and
 * `x-stainless-method`. Kept as the config's `operations` would be; one that is not a name is warned about.
 */
function namingExtensions(
  document: OpenAPIDocument,
  path: string,
  httpMethod: string,
  warnings: string[],
): OperationOverride | undefined {
  const operation = ((document.paths?.[path] ?? {}) as Record<string, Record<string, unknown>>)[httpMethod] ?? {};
  const pick = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = operation[key];
      if (value === undefined) continue;
      if (typeof value === 'string' && /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/.test(value)) return value;
      warnings.push(
        `${httpMethod.toUpperCase()} ${path}: ${key} ${JSON.stringify(value)} is not a name; inferred instead`,
      );
    }
    return undefined;
  };
  const group = pick('x-stainless-resource', 'x-speakeasy-group');
  const name = pick('x-stainless-method', 'x-speakeasy-name-override');
  if (group === undefined && name === undefined) return undefined;
  return {
    ...(group !== undefined && { resource: group.split('.').map(memberName).join('.') }),
    ...(name !== undefined && { method: memberName(name) }),
  };
}

/**
 * Two operations named alike in one resource are told apart as hand-written SDKs do where a convention decides (PUT
 * beside PATCH is `replace`; DELETE of the collection beside DELETE of an item is `deleteAll`: Kubernetes has both
 * everywhere) or their operationIds' verbs do (`CreateCustomStorageCredentials` is `create` beside
 * `UpdateCustomStorageCredentials`, both on one item in Telnyx's spec); otherwise both fall back to their operationId
 * (or method + path), as does an operation named like a child resource (`x402.creditAccount()` beside
 * `x402.creditAccount.quote()`).
 */
function resolveNameClashes(node: Node, chain: readonly string[], warnings: string[]): void {
  revertTakenNames(node, chain);
  moveIntoChildResources(node, chain);
  applyClashConventions(node.operations);
  applyOperationIdVerbs(node);
  settleByWhatDiffers(node);
  const counts = new Map<string, number>();
  for (const operation of node.operations) counts.set(operation.name, (counts.get(operation.name) ?? 0) + 1);
  for (const child of node.children.keys()) if (counts.has(child)) counts.set(child, 2);
  const used = new Set<string>(node.children.keys());
  for (const operation of node.operations) {
    if (counts.get(operation.name)! > 1) {
      const fallback = memberName(operation.idName ?? `${operation.httpMethod} ${operation.path}`);
      warnings.push(
        `${operation.httpMethod.toUpperCase()} ${operation.path}: "${operation.name}" is taken in its resource; named "${fallback}"`,
      );
      operation.name = fallback;
    }
    let name = operation.name;
    for (let n = 2; used.has(name); n++) name = `${operation.name}${n}`;
    operation.name = name;
    used.add(name);
  }
  for (const child of node.children.values()) resolveNameClashes(child, [...chain, child.property], warnings);
}

/**
 * Operations whose inferred name is taken in their resource (by another operation or a child resource) and that
 * have a plain placement, by their path alone, take that: in place (`dashboard` twice: `list`, `retrieve`), or one
 * resource deeper (`POST /credentials/{id}/update` beside `PUT /credentials/{id}`: `credentials.update.create`).
 */
function revertTakenNames(node: Node, chain: readonly string[]): void {
  const count = (name: string): number =>
    node.operations.filter((operation) => operation.name === name).length + (node.children.has(name) ? 1 : 0);
  const taken = node.operations.filter((operation) => operation.fallback !== undefined && count(operation.name) > 1);
  for (const operation of taken) {
    const { chain: target, method } = operation.fallback!;
    delete operation.fallback;
    const within = target.length >= chain.length && chain.every((property, index) => target[index] === property);
    if (!within) continue;
    let destination = node;
    for (const property of target.slice(chain.length)) {
      let child = destination.children.get(property);
      if (!child) {
        child = { property, operations: [], children: new Map() };
        destination.children.set(property, child);
      }
      destination = child;
    }
    operation.name = method;
    if (destination !== node) {
      node.operations.splice(node.operations.indexOf(operation), 1);
      destination.operations.push(operation);
    }
  }
}

/**
 * An operation named like a child resource whose paths all lie under its own (`POST /messages/rcs` beside
 * `GET /messages/rcs/deeplinks/{agent_id}`) belongs to that resource: it moves there, named by its operationId's verb
 * when that is a method verb (`SendRcsMessage`: `messages.rcs.send()`), else by its HTTP method as on a collection
 * (`create`, `list`, `update`, `delete`), unless the resource has that name already.
 */
function moveIntoChildResources(node: Node, chain: readonly string[]): void {
  const subtree = (child: Node): Node['operations'] => [
    ...child.operations,
    ...[...child.children.values()].flatMap(subtree),
  ];
  node.operations = node.operations.filter((operation) => {
    // Named by its path alone, it may be the child's name where its operationId or summary named it otherwise.
    const plain = operation.fallback?.chain.join('.') === chain.join('.') ? operation.fallback.method : undefined;
    const child = node.children.get(operation.name) ?? (plain !== undefined ? node.children.get(plain) : undefined);
    if (!child || operation.pinned || !subtree(child).every((other) => other.path.startsWith(`${operation.path}/`)))
      return true;
    // The action's path is the child's collection path.
    const own = operationIdVerb(operation);
    // A verb its name puts before the child's stays (`settleCreditAccount`: `creditAccount.settle()`).
    const verb =
      own !== undefined && METHOD_VERBS.has(own)
        ? own
        : (verbBefore(operation.name, child.property) ?? collectionVerb(operation.httpMethod));
    if (verb === undefined || child.operations.some((other) => other.name === verb) || child.children.has(verb))
      return true;
    child.operations.push({ ...operation, name: verb });
    return false;
  });
}

/** The first word of an operation's operationId, lower-cased (`CreateCustomStorageCredentials`: `create`). */
const operationIdVerb = (operation: OperationModel & { idName?: string }): string | undefined =>
  splitWords(operation.idName ?? operation.operationId ?? '')[0]?.toLowerCase();

/** Verbs an operationId may lend a method when its inferred name is taken: the ones SDK methods are named with. */
const METHOD_VERBS = new Set(['create', 'update', 'replace', 'delete', 'list', 'send', 'cancel']);

/**
 * Where operations share a name and exactly one has an operationId starting with that name (`Update...`), it keeps
 * the name; each other takes its own operationId's verb (`Create...` -> `create`) if that is a method verb and free.
 */
function applyOperationIdVerbs(node: Node): void {
  const taken = (name: string): boolean =>
    node.children.has(name) || node.operations.some((operation) => operation.name === name);
  for (const name of new Set(node.operations.map((operation) => operation.name))) {
    const group = node.operations.filter((operation) => operation.name === name);
    if (group.length < 2 || group.filter((operation) => operationIdVerb(operation) === name).length !== 1) continue;
    for (const operation of group) {
      const own = operationIdVerb(operation);
      if (own !== undefined && own !== name && METHOD_VERBS.has(own) && !taken(own)) operation.name = own;
    }
  }
}

/** Whether a path names one item (its last segment, as naming reads it, is a param). */
const isItemPath = (path: string): boolean => isParamSegment(pathSegments(path).at(-1) ?? '');

/** The path params naming sees (not a format suffix like `Calls{format}`). */
const pathParams = (path: string): string[] => pathSegments(path).filter(isParamSegment);

function applyClashConventions<T extends { name: string; httpMethod: HTTPMethod; path: string }>(
  operations: T[],
): void {
  const named = (name: string): T[] => operations.filter((operation) => operation.name === name);
  const updates = named('update');
  const puts = updates.filter((operation) => operation.httpMethod === 'put');
  if (
    updates.length === 2 &&
    puts.length === 1 &&
    updates.some((operation) => operation.httpMethod === 'patch') &&
    named('replace').length === 0
  )
    puts[0]!.name = 'replace';
  const deletes = named('delete');
  const collection = deletes.filter((operation) => !isItemPath(operation.path));
  if (deletes.length === 2 && collection.length === 1 && named('deleteAll').length === 0)
    collection[0]!.name = 'deleteAll';
  // A GET of one object beside the GET of an item (`/brand/{id}/otp` beside `/brand/otp/{ref}`) lists, as by its path.
  const retrieves = named('retrieve');
  const notItem = retrieves.filter((operation) => !isItemPath(operation.path));
  if (retrieves.length === 2 && notItem.length === 1 && named('list').length === 0) notItem[0]!.name = 'list';
  // The list across all parents (`/missions/runs`) beside the list of one parent's (`/missions/{id}/runs`): `listAll`.
  const lists = named('list');
  const params = (operation: { path: string }): number => pathParams(operation.path).length;
  const fewest = lists.filter((operation) =>
    lists.every((other) => other === operation || params(operation) < params(other)),
  );
  if (lists.length === 2 && fewest.length === 1 && named('listAll').length === 0) fewest[0]!.name = 'listAll';
}

/** Summary verbs that say which of two operations named alike writes what: `Create metadata` beside `Update metadata`. */
const SUMMARY_CRUD = new Set(['create', 'update', 'replace', 'delete', 'set', 'add', 'remove']);

/** Words at the end of a param's name that say what kind of value it is, not what it picks (`imageType`, `role_id`). */
const PARAM_KIND_WORDS = new Set(['id', 'ids', 'type', 'key', 'name', 'code', 'format', 'sid', 'uuid', 'guid']);

/** A param that names an item by its id (`id`, `userId`, `guid`), the one a plain `retrieve` takes. */
const isIdParam = (segment: string): boolean =>
  /^(id|guid|uuid)$|[a-z](Id|ID|Guid|Uuid)$|_(id|guid|uuid)$|^id[A-Z_]/.test(paramName(segment));

/** The (first) param's name in a path segment: `{pageName}{format}` -> `pageName`. */
const paramName = (segment: string): string => /\{([^}]*)\}/.exec(segment)?.[1] ?? segment;

/**
 * Operations still named alike in one resource are told apart by what differs between them, before any operationId:
 * - their summaries' verbs, where those differ (`Create metadata instance` beside `Update metadata instance`);
 * - PUT beside POST of the same thing: PUT `replace`s, POST `update`s (as PUT beside PATCH);
 * - a path that only adds params after another's names the thing those params pick (`/gists/{id}/{sha}` beside
 *   `/gists/{id}`: `retrieveSha`; `/signatures/{id}/{imageType}`: `retrieveImage`);
 * - the same path with another param, or other params, is read by them (`/icons/{term}` beside `/icons/{id}`:
 *   `retrieveByTerm`);
 * - PUT or DELETE of a collection beside that of its item is the `updateAll`/`deleteAll`.
 * A name made so that is taken already is not used: the operationId decides, as before.
 */
function settleByWhatDiffers(node: Node): void {
  const taken = (name: string, except: readonly unknown[]): boolean =>
    node.children.has(name) ||
    node.operations.some((operation) => !except.includes(operation) && operation.name === name);
  const groups = (): Array<Node['operations']> =>
    [...new Set(node.operations.map((operation) => operation.name))]
      .map((name) => node.operations.filter((operation) => operation.name === name))
      .filter((group) => group.length > 1);
  const rename = (operation: Node['operations'][number], name: string, group: readonly unknown[]): void => {
    if (name !== operation.name && !taken(name, group) && !/^[0-9]/.test(name)) operation.name = allowedMember(name);
  };
  for (const group of groups()) {
    const verbs = group.map((operation) => {
      const first = splitWords(operation.summary ?? '')[0]?.toLowerCase() ?? '';
      return SUMMARY_CRUD.has(first) ? first : verbForm(first);
    });
    group.forEach((operation, index) => {
      const verb = verbs[index];
      if (verb !== undefined && verb !== operation.name && verbs.filter((other) => other === verb).length === 1)
        rename(operation, verb, group);
    });
  }
  for (const group of groups()) {
    if (group[0]!.name !== 'update') continue;
    for (const path of new Set(group.map((operation) => operation.path))) {
      const same = group.filter((operation) => operation.path === path);
      const put = same.find((operation) => operation.httpMethod === 'put');
      // Even where another path's PUT is `replace` already: what differs between those two paths tells them apart below.
      if (
        put &&
        same.length > 1 &&
        same.some((operation) => operation.httpMethod === 'post' || operation.httpMethod === 'patch') &&
        !node.children.has('replace')
      )
        put.name = 'replace';
    }
  }
  for (const group of groups()) {
    const name = group[0]!.name;
    const params = (operation: { path: string }): string[] => pathParams(operation.path);
    const fewest = Math.min(...group.map((operation) => params(operation).length));
    const candidates = group.filter((operation) => params(operation).length === fewest);
    // The plain name stays with the one that takes fewest params, by id where several do (`{id}` beside `{slug}`).
    const keeper = candidates.find((operation) => isIdParam(params(operation).at(-1) ?? '')) ?? candidates[0]!;
    const keeperSegments = pathSegments(keeper.path);
    const renames = new Map<Node['operations'][number], string>();
    for (const operation of group) {
      if (operation === keeper) continue;
      const segments = pathSegments(operation.path);
      // What a param picks, less a word for the kind of value (`imageType`: `Image`).
      const picked = (segment: string): string => {
        const all = splitWords(paramName(segment));
        return pascalCase(
          (all.length > 1 && PARAM_KIND_WORDS.has(all.at(-1)!.toLowerCase()) ? all.slice(0, -1) : all).join(' '),
        );
      };
      if (normalise(operation.path) === normalise(keeper.path)) {
        const at = segments.findIndex((segment, index) => segment !== keeperSegments[index]);
        if (at >= 0) renames.set(operation, `${name}By${pascalCase(paramName(segments[at]!))}`);
        continue;
      }
      const rest = segments.slice(keeperSegments.length);
      const extendsKeeper = keeperSegments.every((segment, index) => segments[index] === segment) && rest.length > 0;
      if (extendsKeeper && rest.every(isParamSegment)) {
        if (!isParamSegment(keeperSegments.at(-1) ?? '{}') && (name === 'update' || name === 'delete'))
          renames.set(keeper, `${name}All`);
        else renames.set(operation, `${name}${rest.map(picked).join('')}`);
        continue;
      }
      const own = new Set(params(keeper).map((segment) => segment.toLowerCase()));
      const extra = params(operation).filter((segment) => !own.has(segment.toLowerCase()));
      if (extra.length > 0)
        renames.set(operation, `${name}By${extra.map((segment) => pascalCase(paramName(segment))).join('')}`);
    }
    const names = [...renames.values()];
    for (const [operation, wanted] of renames)
      if (names.filter((other) => other === wanted).length === 1) rename(operation, wanted, group);
  }
}

/**
 * The type-name prefix of every resource (by its chain, dot-joined), handed out level by level, so that a top-level
 * resource keeps its own word (`Message` for `messages`) and a nested one that wants it too (`ai.conversations.message`)
 * is the one qualified by its parents (`AiConversationMessage`), whatever the order of the paths.
 */
function assignTypePrefixes(root: Node, casing: Record<string, string>, names: NameRegistry): Map<string, string> {
  const prefixes = new Map<string, string>();
  let level: Array<{ node: Node; chain: string[] }> = [{ node: root, chain: [] }];
  while (level.length > 0) {
    const next: typeof level = [];
    for (const { node, chain } of level) {
      for (const child of node.children.values()) {
        const childChain = [...chain, child.property];
        prefixes.set(childChain.join('.'), names.prefixFor(childChain, casing));
        next.push({ node: child, chain: childChain });
      }
    }
    level = next;
  }
  return prefixes;
}

/**
 * A resource's class meets its parent's class and its siblings' in the parent's module (client.ts at the top), and
 * its children's in its own: it is named for its property (`Repos`), and only a clash there adds `Resource` (then a
 * number). The same name in another branch (`orgs.repos` and `repos`) is no clash: the classes are not exported.
 */
const PAGE_KIND_WORDS: Record<string, string> = {
  'page-number': 'Numbered',
  cursor: 'Cursor',
  'cursor-id': 'Cursor',
  offset: 'Offset',
  'next-url': 'Link',
  'link-header': 'Link',
  'cursor-header': 'Cursor',
};

/** What page type names are made of: the item models' names, and the suffix for a paging kind. */
interface PageNaming {
  modelNames: ReadonlyMap<string, string>;
  pageSuffix: (kind: string) => string;
}

function allOperations(node: Node): Node['operations'] {
  return [...node.operations, ...[...node.children.values()].flatMap(allOperations)];
}

function buildResources(
  node: Node,
  parentChain: string[],
  casing: Record<string, string>,
  prefixes: ReadonlyMap<string, string>,
  names: NameRegistry,
  reserved: ReadonlySet<string>,
  parentClass: string | undefined,
  paging: PageNaming,
  parentPath: readonly string[] = [],
): Resource[] {
  const taken = new Set<string>(parentClass === undefined ? [] : [parentClass]);
  const free = (name: string): boolean => !reserved.has(name) && !taken.has(name);
  // An api.md type name, unless taken: the existing SDK shares it between methods, ours are one per method.
  const kept = (name: string | undefined): string | undefined =>
    name !== undefined && !names.has(name) ? name : undefined;
  // Siblings' modules share a folder: distinct properties that kebab-case alike (`aBC`, `aBc`), or differ only in
  // case, get distinct files.
  const files = new Set<string>();
  return [...node.children.values()].map((child) => {
    const property = child.property;
    const chain = [...parentChain, property];
    const typePrefix = prefixes.get(chain.join('.'))!;
    const methods: Method[] = child.operations.map((operation) => {
      const methodPart = pascalCase(operation.name);
      // An item name api.md keeps is claimed first: the page's body, which would take it by convention, is named apart.
      const item =
        operation.pagination && operation.response.kind !== 'void' ? kept(operation.surfaceNames?.item) : undefined;
      const itemTypeName = item !== undefined ? names.claim(item) : undefined;
      return {
        ...operation,
        ...((operation.paramsShape !== 'none' || operation.namedPathParams.length > 0) && {
          paramsTypeName: names.claim(kept(operation.surfaceNames?.params) ?? `${typePrefix}${methodPart}Params`),
        }),
        ...(operation.response.kind !== 'void' && {
          responseTypeName: names.claim(
            kept(operation.surfaceNames?.response) ??
              `${typePrefix}${methodPart}${itemTypeName !== undefined ? 'Page' : ''}Response`,
          ),
        }),
        ...(itemTypeName !== undefined && { itemTypeName }),
        ...(operation.response.events && { eventTypeName: names.claim(`${typePrefix}${methodPart}Event`) }),
        ...(operation.pagination && {
          pageTypeName:
            kept(operation.surfaceNames?.page) !== undefined
              ? names.claim(operation.surfaceNames!.page!)
              : pageTypeName(operation, `${typePrefix}${methodPart}`),
        }),
      };
    });
    const wanted = typeName(child.property, casing);
    let className = free(wanted) ? wanted : `${wanted}Resource`;
    for (let n = 2; !free(className); n++) className = `${wanted}Resource${n}`;
    taken.add(className);
    const wantedFile = fileName(child.property);
    let file = wantedFile;
    for (let n = 2; files.has(file.toLowerCase()); n++) file = `${wantedFile}-${n}`;
    files.add(file.toLowerCase());
    const modulePath = [...parentPath, file].join('/');
    return {
      property,
      className,
      typePrefix,
      chain,
      modulePath,
      methods,
      children: buildResources(
        child,
        chain,
        casing,
        prefixes,
        names,
        reserved,
        className,
        paging,
        modulePath.split('/'),
      ),
    };
  });

  /**
   * A page is named for its items, as the Stainless SDKs name theirs (`OAuthClientsPage` for pages of `OAuthClient`;
   * `OAuthClientsCursorPage` for pages of another kind than most of the spec's); when that is taken, for its method
   * (`OAuthClientListPage`), before any number.
   */
  function pageTypeName(operation: Node['operations'][number], methodPrefix: string): string {
    const suffix = paging.pageSuffix(operation.pagination!.kind);
    const item = operation.pageItemRef !== undefined ? paging.modelNames.get(operation.pageItemRef) : undefined;
    const wanted = item !== undefined ? `${plural(item)}${suffix}` : `${methodPrefix}${suffix}`;
    return names.claim(names.has(wanted) ? `${methodPrefix}${suffix}` : wanted);
  }
}

export function allMethods(resources: readonly Resource[]): Method[] {
  return resources.flatMap((resource) => [...resource.methods, ...allMethods(resource.children)]);
}

export function allResources(resources: readonly Resource[]): Resource[] {
  return resources.flatMap((resource) => [resource, ...allResources(resource.children)]);
}

/** The component an array of page items refers to (`OAuthClient` for `data: OAuthClient[]`), if it is one. */
function pageItemComponent(document: OpenAPIDocument, schema: unknown, path: readonly string[]): string | undefined {
  let node = derefSchema(document, schema);
  for (const key of path) node = derefSchema(document, ((node['properties'] ?? {}) as Record<string, unknown>)[key]);
  return componentRefName(node['items']);
}
