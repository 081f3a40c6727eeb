// Operations named alike in one resource, told apart: by conventions, their operationIds' verbs, what differs between
// their paths, and last their operationIds (or method and path) themselves.
import { allowedMember, memberName, pascalCase, splitWords, verbForm } from './naming.js';
import { childNode, type Node, type PlacedOperation } from './operation-tree.js';
import { collectionVerb, isParamSegment, normalise, pathSegments, verbBefore } from './placement.js';
import type { HTTPMethod } from './types.js';

/**
 * Two operations named alike in one resource are told apart as hand-written SDKs do where a convention decides (PUT
 * beside PATCH is `replace`; DELETE of the collection beside DELETE of an item is `deleteAll`: Kubernetes has both
 * everywhere) or their operationIds' verbs do (`CreateCustomStorageCredentials` is `create` beside
 * `UpdateCustomStorageCredentials`, both on one item in Telnyx's spec); otherwise both fall back to their operationId
 * (or method + path), as does an operation named like a child resource (`x402.creditAccount()` beside
 * `x402.creditAccount.quote()`).
 */
export function resolveNameClashes(node: Node, chain: readonly string[], warnings: string[]): void {
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
    for (const property of target.slice(chain.length)) destination = childNode(destination, property);
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
  const subtree = (child: Node): PlacedOperation[] => [
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
const operationIdVerb = (operation: Pick<PlacedOperation, 'idName' | 'operationId'>): string | undefined =>
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

export function applyClashConventions<T extends { name: string; httpMethod: HTTPMethod; path: string }>(
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
  const groups = (): Array<PlacedOperation[]> =>
    [...new Set(node.operations.map((operation) => operation.name))]
      .map((name) => node.operations.filter((operation) => operation.name === name))
      .filter((group) => group.length > 1);
  const rename = (operation: PlacedOperation, name: string, group: readonly unknown[]): void => {
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
    const renames = new Map<PlacedOperation, string>();
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
