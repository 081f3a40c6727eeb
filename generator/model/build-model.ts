import type { SdkConfig } from '../load/load-config.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import { kebabCase, memberName, noLeadingDigit, pascalCase, singular, splitWords, titleWords, typeName } from './naming.js';
import { readSecurity, readSecuritySchemes } from './auth.js';
import { HTTP_METHODS, readOperation, type OperationModel } from './operations.js';
import { inferPagination } from './pagination.js';
import { componentRefName, derefSchema } from './schemas.js';
import { collectSecretFields } from './secrets.js';
import { collectionVerb, findCollectionPaths, inferPlacement } from './placement.js';
import type { AuthScheme, Method, NamedModel, Resource, SdkModel } from './types.js';

/** Names the runtime exports; generated types must not take them. */
const RUNTIME_EXPORTS = [
  'APIPromise', 'APIResponse', 'APIResource', 'APIError', 'APIConnectionError', 'APIConnectionTimeoutError',
  'APIUserAbortError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError',
  'ConflictError', 'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'ClientOptions',
  'RequestOptions', 'Fetch', 'Logger', 'LogLevel', 'Page', 'PagePromise', 'Stream', 'ServerSentEvent', 'toFile',
  'ToFileInput', 'Uploadable',
];

/** Builds the SDK model from a loaded spec and its config. Pure: same inputs, same model. */
export function buildModel(document: OpenAPIDocument, config: SdkConfig, specFile: string): SdkModel {
  const warnings: string[] = [];
  const casing = Object.fromEntries(Object.entries(config.casing ?? {}).map(([word, spelling]) => [word.toLowerCase(), spelling]));
  const title = document.info.title.replace(/\b(apis?|openapi|rest)\b/gi, '');
  const clientName = config.clientName ?? typeName(title || 'Client', casing);
  // Without a config, the package name and env-var prefix come from the title's words as written (`github`).
  const words = config.clientName === undefined && titleWords(title).length > 0 ? titleWords(title) : splitWords(clientName);
  // An environment variable's name may not start with a digit (`1Password` -> `_1PASSWORD_API_KEY`).
  const envPrefix = config.envPrefix ?? noLeadingDigit(words.join('_').toUpperCase());
  const names = new NameRegistry([...RUNTIME_EXPORTS, clientName, `${clientName}Error`]);
  const models = readModels(document, casing, names);
  // Resource modules import model types and runtime names; client.ts imports the client's own: no class takes one.
  const reservedClassNames = new Set([...RUNTIME_EXPORTS, clientName, `${clientName}Error`, 'BaseClient', ...models.map((named) => named.typeName)]);
  const securitySchemes = readSecuritySchemes(document, warnings);
  const root = placeOperations(document, config, securitySchemes, warnings);
  const resources = buildResources(root, [], casing, assignTypePrefixes(root, casing, names), names, reservedClassNames);

  const defaultBaseURL = config.baseURL ?? serverURL(document, warnings);
  choseTokenClientAuth(document, securitySchemes, allMethods(resources), defaultBaseURL);
  return {
    specFile,
    title: document.info.title,
    ...(document.info.description !== undefined && { description: document.info.description }),
    apiVersion: String(document.info.version),
    clientName,
    envPrefix,
    packageName: config.package?.name ?? (words.join('-').toLowerCase() || 'sdk'),
    packageVersion: config.package?.version ?? '0.0.1',
    packageDescription: config.package?.description ?? `TypeScript client for the ${document.info.title}`,
    defaultBaseURL,
    securitySchemes,
    defaultSecurity: readSecurity(document.security, securitySchemes),
    requiresCredentials: allMethods(resources).some((method) => method.security.length > 0 && method.security.every((names) => names.length > 0)),
    ...(config.idempotencyHeader !== undefined && { idempotencyHeader: config.idempotencyHeader }),
    secretHeaders: Object.values(securitySchemes).flatMap((scheme) => (scheme.type === 'apiKey' && scheme.in === 'header' ? [scheme.name] : [])),
    secretFields: collectSecretFields(document),
    resources,
    models,
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
  operations: Array<OperationModel & { name: string; pinned?: boolean }>;
  children: Map<string, Node>;
}

function placeOperations(document: OpenAPIDocument, config: SdkConfig, schemes: Record<string, AuthScheme>, warnings: string[]): Node {
  const root: Node = { property: '', operations: [], children: new Map() };
  const paths = Object.keys(document.paths ?? {});
  const collectionPaths = findCollectionPaths(paths);
  for (const path of paths) {
    const pathItem = (document.paths?.[path] ?? {}) as Record<string, unknown>;
    for (const httpMethod of HTTP_METHODS) {
      const operation = pathItem[httpMethod];
      if (!operation || typeof operation !== 'object') continue;
      const model = readOperation(document, path, httpMethod, pathItem, operation, schemes, warnings);
      const inferred = inferPlacement(path, httpMethod, collectionPaths);
      const override = (model.operationId !== undefined ? config.operations?.[model.operationId] : undefined) ?? config.operations?.[`${httpMethod} ${path}`];
      const chain = override?.resource?.split('.') ?? inferred.chain;
      let node = root;
      for (const property of chain) {
        let child = node.children.get(property);
        if (!child) {
          child = { property, operations: [], children: new Map() };
          node.children.set(property, child);
        }
        node = child;
      }
      const pagination = override?.pagination === false ? undefined : (override?.pagination ?? inferPagination(document, model));
      const pageItemRef = pagination ? pageItemComponent(document, model.response.statuses[0]?.schema, pagination.items) : undefined;
      const pinned = override?.method !== undefined || override?.resource !== undefined;
      node.operations.push({ ...model, ...(pagination && { pagination }), ...(pageItemRef && { pageItemRef }), name: override?.method ?? inferred.method, ...(pinned && { pinned }) });
    }
  }
  resolveNameClashes(root, warnings);
  return root;
}

/**
 * Two operations named alike in one resource are told apart as hand-written SDKs do where a convention decides (PUT
 * beside PATCH is `replace`; DELETE of the collection beside DELETE of an item is `deleteAll`: Kubernetes has both
 * everywhere) or their operationIds' verbs do (`CreateCustomStorageCredentials` is `create` beside
 * `UpdateCustomStorageCredentials`, both on one item in Telnyx's spec); otherwise both fall back to their operationId
 * (or method + path), as does an operation named like a child resource (`x402.creditAccount()` beside
 * `x402.creditAccount.quote()`).
 */
function resolveNameClashes(node: Node, warnings: string[]): void {
  moveIntoChildResources(node);
  applyClashConventions(node.operations);
  applyOperationIdVerbs(node);
  const counts = new Map<string, number>();
  for (const operation of node.operations) counts.set(operation.name, (counts.get(operation.name) ?? 0) + 1);
  for (const child of node.children.keys()) if (counts.has(child)) counts.set(child, 2);
  const used = new Set<string>(node.children.keys());
  for (const operation of node.operations) {
    if (counts.get(operation.name)! > 1) {
      const fallback = memberName(operation.operationId ?? `${operation.httpMethod} ${operation.path}`);
      warnings.push(`${operation.httpMethod.toUpperCase()} ${operation.path}: "${operation.name}" is taken in its resource; named "${fallback}"`);
      operation.name = fallback;
    }
    let name = operation.name;
    for (let n = 2; used.has(name); n++) name = `${operation.name}${n}`;
    operation.name = name;
    used.add(name);
  }
  for (const child of node.children.values()) resolveNameClashes(child, warnings);
}

/**
 * An operation named like a child resource whose paths all lie under its own (`POST /messages/rcs` beside
 * `GET /messages/rcs/deeplinks/{agent_id}`) belongs to that resource: it moves there, named by its operationId's verb
 * when that is a method verb (`SendRcsMessage`: `messages.rcs.send()`), else by its HTTP method as on a collection
 * (`create`, `list`, `update`, `delete`), unless the resource has that name already.
 */
function moveIntoChildResources(node: Node): void {
  const subtree = (child: Node): Node['operations'] => [...child.operations, ...[...child.children.values()].flatMap(subtree)];
  node.operations = node.operations.filter((operation) => {
    const child = node.children.get(operation.name);
    if (!child || operation.pinned || !subtree(child).every((other) => other.path.startsWith(`${operation.path}/`))) return true;
    // The action's path is the child's collection path.
    const own = operationIdVerb(operation);
    const verb = own !== undefined && METHOD_VERBS.has(own) ? own : collectionVerb(operation.httpMethod);
    if (verb === undefined || child.operations.some((other) => other.name === verb) || child.children.has(verb)) return true;
    child.operations.push({ ...operation, name: verb });
    return false;
  });
}

/** The first word of an operation's operationId, lower-cased (`CreateCustomStorageCredentials`: `create`). */
const operationIdVerb = (operation: OperationModel): string | undefined => splitWords(operation.operationId ?? '')[0]?.toLowerCase();

/** Verbs an operationId may lend a method when its inferred name is taken: the ones SDK methods are named with. */
const METHOD_VERBS = new Set(['create', 'update', 'replace', 'delete', 'list', 'send', 'cancel']);

/**
 * Where operations share a name and exactly one has an operationId starting with that name (`Update...`), it keeps
 * the name; each other takes its own operationId's verb (`Create...` -> `create`) if that is a method verb and free.
 */
function applyOperationIdVerbs(node: Node): void {
  const taken = (name: string): boolean => node.children.has(name) || node.operations.some((operation) => operation.name === name);
  for (const name of new Set(node.operations.map((operation) => operation.name))) {
    const group = node.operations.filter((operation) => operation.name === name);
    if (group.length < 2 || group.filter((operation) => operationIdVerb(operation) === name).length !== 1) continue;
    for (const operation of group) {
      const own = operationIdVerb(operation);
      if (own !== undefined && own !== name && METHOD_VERBS.has(own) && !taken(own)) operation.name = own;
    }
  }
}

function applyClashConventions(operations: Node['operations']): void {
  const named = (name: string): Node['operations'] => operations.filter((operation) => operation.name === name);
  const updates = named('update');
  const puts = updates.filter((operation) => operation.httpMethod === 'put');
  if (updates.length === 2 && puts.length === 1 && updates.some((operation) => operation.httpMethod === 'patch') && named('replace').length === 0) puts[0]!.name = 'replace';
  const deletes = named('delete');
  const collection = deletes.filter((operation) => !/\}$/.test(operation.path));
  if (deletes.length === 2 && collection.length === 1 && named('deleteAll').length === 0) collection[0]!.name = 'deleteAll';
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
/** Members of the runtime's client (templates/src/core/base-client.ts) that a resource property would shadow. */
const CLIENT_MEMBERS = new Set(['get', 'post', 'put', 'patch', 'delete', 'request', 'requestPage', 'buildURL', 'buildRequest', 'withOptions', 'apiKey', 'baseURL', 'timeout', 'maxRetries', 'logLevel']);

function buildResources(node: Node, parentChain: string[], casing: Record<string, string>, prefixes: ReadonlyMap<string, string>, names: NameRegistry, reserved: ReadonlySet<string>, parentClass?: string): Resource[] {
  const taken = new Set<string>(parentClass === undefined ? [] : [parentClass]);
  const free = (name: string): boolean => !reserved.has(name) && !taken.has(name);
  return [...node.children.values()].map((child) => {
    // A top-level resource may not shadow a member of the client (`/delete` beside `client.delete(path)`).
    const property = parentChain.length === 0 && CLIENT_MEMBERS.has(child.property) ? `${child.property}Resource` : child.property;
    const chain = [...parentChain, property];
    const typePrefix = prefixes.get(chain.join('.'))!;
    const methods: Method[] = child.operations.map((operation) => {
      const methodPart = pascalCase(operation.name);
      return {
        ...operation,
        ...(operation.paramsShape !== 'none' && { paramsTypeName: names.claim(`${typePrefix}${methodPart}Params`) }),
        ...(operation.response.kind !== 'void' && { responseTypeName: names.claim(`${typePrefix}${methodPart}Response`) }),
      };
    });
    const wanted = typeName(child.property, casing);
    let className = free(wanted) ? wanted : `${wanted}Resource`;
    for (let n = 2; !free(className); n++) className = `${wanted}Resource${n}`;
    taken.add(className);
    return {
      property,
      className,
      typePrefix,
      chain,
      modulePath: chain.map(kebabCase).join('/'),
      methods,
      children: buildResources(child, chain, casing, prefixes, names, reserved, className),
    };
  });
}

/** Hands out exported names so that no two generated types, and no type and runtime export, share one. */
class NameRegistry {
  private readonly types: Set<string>;
  private readonly prefixes = new Set<string>();

  constructor(reserved: Iterable<string>) {
    this.types = new Set(reserved);
  }

  /** The wanted name, or the wanted name with the first free number after it. */
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.types.has(name); n++) name = `${wanted}${n}`;
    this.types.add(name);
    return name;
  }

  /**
   * `OAuthClient` for `oauthClients`. When that is taken: qualified by the parents (`AiConversationMessage`), then
   * with the parents as written (`UsersKey` for `users.keys` beside `user.keys`), then every word as written (`Apps`
   * for `apps` beside `app`); a number only when all of those are taken.
   */
  prefixFor(chain: readonly string[], casing: Record<string, string>): string {
    // A prefix is never a type on its own (`File` + `ListParams`), so it may be a global's name.
    const word = (part: string): string => pascalCase(singular(part), casing);
    const written = (part: string): string => pascalCase(part, casing);
    const parents = chain.slice(0, -1);
    const own = word(chain[chain.length - 1]!);
    const candidates = [own, [...parents.map(word), own].join(''), [...parents.map(written), own].join(''), chain.map(written).join('')].map(noLeadingDigit);
    let prefix = candidates.find((name) => !this.prefixes.has(name));
    for (let n = 2; prefix === undefined; n++) if (!this.prefixes.has(`${candidates[1]}${n}`)) prefix = `${candidates[1]}${n}`;
    this.prefixes.add(prefix);
    return prefix;
  }
}

function serverURL(document: OpenAPIDocument, warnings: string[]): string {
  const server = document.servers?.[0];
  if (!server) {
    warnings.push('the spec has no servers; the client needs a baseURL option');
    return 'http://localhost';
  }
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? name);
  if (!/^https?:\/\//.test(url)) {
    warnings.push(`the first server "${server.url}" is relative; the client needs a baseURL option`);
    return `http://localhost${url.startsWith('/') ? '' : '/'}${url}`.replace(/\/+$/, '');
  }
  return url.replace(/\/+$/, '');
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

/**
 * How a client authenticates at an OAuth token endpoint. RFC 6749 prefers HTTP Basic, and that is the default; but when
 * the spec describes the token endpoint itself, with `client_id`/`client_secret` body fields and no Basic scheme in its
 * security (Telnyx's `/oauth/token`), the spec is followed and the credentials go in the form.
 */
function choseTokenClientAuth(document: OpenAPIDocument, schemes: Record<string, AuthScheme>, methods: Method[], defaultBaseURL: string): void {
  const trim = (url: string): string => url.replace(/\/+$/, '');
  for (const scheme of Object.values(schemes)) {
    if (scheme.type !== 'oauth2' || scheme.tokenUrl === undefined) continue;
    const endpoint = methods.find((method) => method.httpMethod === 'post' && trim(`${method.server ?? defaultBaseURL}${method.path}`) === trim(scheme.tokenUrl!));
    if (!endpoint?.body) continue;
    const properties = (derefSchema(document, endpoint.body.schema)['properties'] ?? {}) as Record<string, unknown>;
    const takesBasic = endpoint.security.some((names) => names.some((name) => schemes[name]?.type === 'basic'));
    scheme.clientAuth = 'client_secret' in properties && !takesBasic ? 'body' : 'basic';
  }
}
