// The placed operation tree as the SDK's resources: class, module and type names for each resource and method.
import type { ModelContext } from './context.js';
import { type NameRegistry, RUNTIME_EXPORTS } from './name-registry.js';
import { fileName, pascalCase, plural, typeName } from './naming.js';
import { allOperations, type Node, type PlacedOperation } from './operation-tree.js';
import type { Method, NamedModel, Resource } from './types.js';

/** Page kinds' words in the names of their pages, where they are not the spec's default kind (`…CursorPage`). */
const PAGE_KIND_WORDS: Record<string, string> = {
  'page-number': 'Numbered',
  cursor: 'Cursor',
  'cursor-id': 'Cursor',
  offset: 'Offset',
  'next-url': 'Link',
  'link-header': 'Link',
  'cursor-header': 'Cursor',
};

/** What naming the resources of one tree reads: the same at every level. */
interface TreeNaming {
  casing: Record<string, string>;
  names: NameRegistry;
  /** Names no resource class may take: the ones its modules import (model types, runtime names, the client's). */
  reserved: ReadonlySet<string>;
  /** Each resource's type-name prefix, by its chain dot-joined. */
  prefixes: ReadonlyMap<string, string>;
  /** The item models' names, by component key, for page type names. */
  modelNames: ReadonlyMap<string, string>;
  /** The suffix of a page type name for a paging kind. */
  pageSuffix: (kind: string) => string;
}

/** Where a level of resources sits: its parent's chain, class and module folder. */
interface Parent {
  chain: readonly string[];
  className: string | undefined;
  modulePath: readonly string[];
}

/** The resources of the placed tree, with every type, class and module name they take claimed in `context.names`. */
export function buildResources(context: ModelContext, root: Node, models: readonly NamedModel[]): Resource[] {
  const { clientName } = context.identity;
  // Resource modules import model types and runtime names; client.ts imports the client's own: no class takes one.
  const reserved = new Set([
    ...RUNTIME_EXPORTS,
    clientName,
    `${clientName}Error`,
    'BaseClient',
    ...models.map((named) => named.typeName),
  ]);
  const naming: TreeNaming = {
    casing: context.casing,
    names: context.names,
    reserved,
    modelNames: new Map(models.map((named) => [named.key, named.typeName])),
    pageSuffix: pageSuffixes(root),
    prefixes: assignTypePrefixes(root, context.casing, context.names),
  };
  return resourcesOf(naming, root, { chain: [], className: undefined, modulePath: [] });
}

/** The way most of the spec pages is the default, its pages plain `…Page`; the others say how (`…CursorPage`). */
function pageSuffixes(root: Node): (kind: string) => string {
  const pagingKinds = new Map<string, number>();
  for (const operation of allOperations(root))
    if (operation.pagination)
      pagingKinds.set(operation.pagination.kind, (pagingKinds.get(operation.pagination.kind) ?? 0) + 1);
  const defaultKind = [...pagingKinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return (kind) => (kind === defaultKind ? 'Page' : `${PAGE_KIND_WORDS[kind] ?? pascalCase(kind)}Page`);
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

/** The resources of `node`'s children, each with its methods' type names claimed before its own children's. */
function resourcesOf(naming: TreeNaming, node: Node, parent: Parent): Resource[] {
  const { reserved } = naming;
  const taken = new Set<string>(parent.className === undefined ? [] : [parent.className]);
  const free = (name: string): boolean => !reserved.has(name) && !taken.has(name);
  // Siblings' modules share a folder: distinct properties that kebab-case alike (`aBC`, `aBc`), or differ only in
  // case, get distinct files.
  const files = new Set<string>();
  return [...node.children.values()].map((child) => {
    const property = child.property;
    const chain = [...parent.chain, property];
    const typePrefix = naming.prefixes.get(chain.join('.'))!;
    const methods = child.operations.map((operation) => namedMethod(naming, operation, typePrefix));
    // A resource's class meets its parent's class and its siblings' in the parent's module (client.ts at the top),
    // and its children's in its own: it is named for its property (`Repos`), and only a clash there adds `Resource`
    // (then a number). The same name in another branch (`orgs.repos` and `repos`) is no clash: the classes are not
    // exported.
    const wanted = typeName(child.property, naming.casing);
    let className = free(wanted) ? wanted : `${wanted}Resource`;
    for (let n = 2; !free(className); n++) className = `${wanted}Resource${n}`;
    taken.add(className);
    const wantedFile = fileName(child.property);
    let file = wantedFile;
    for (let n = 2; files.has(file.toLowerCase()); n++) file = `${wantedFile}-${n}`;
    files.add(file.toLowerCase());
    const modulePath = [...parent.modulePath, file].join('/');
    return {
      property,
      className,
      typePrefix,
      chain,
      modulePath,
      methods,
      children: resourcesOf(naming, child, { chain, className, modulePath: modulePath.split('/') }),
    };
  });
}

/** A placed operation with its params, response, item, event and page type names claimed. */
function namedMethod(naming: TreeNaming, operation: PlacedOperation, typePrefix: string): Method {
  const { names } = naming;
  // An api.md type name, unless taken: the existing SDK shares it between methods, ours are one per method.
  const kept = (name: string | undefined): string | undefined =>
    name !== undefined && !names.has(name) ? name : undefined;
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
          : pageTypeName(naming, operation, `${typePrefix}${methodPart}`),
    }),
  };
}

/**
 * A page is named for its items, as the Stainless SDKs name theirs (`OAuthClientsPage` for pages of `OAuthClient`;
 * `OAuthClientsCursorPage` for pages of another kind than most of the spec's); when that is taken, for its method
 * (`OAuthClientListPage`), before any number.
 */
function pageTypeName(naming: TreeNaming, operation: PlacedOperation, methodPrefix: string): string {
  const { names } = naming;
  const suffix = naming.pageSuffix(operation.pagination!.kind);
  const item = operation.pageItemRef !== undefined ? naming.modelNames.get(operation.pageItemRef) : undefined;
  const wanted = item !== undefined ? `${plural(item)}${suffix}` : `${methodPrefix}${suffix}`;
  return names.claim(names.has(wanted) ? `${methodPrefix}${suffix}` : wanted);
}

/** Every method of the resources and their children, depth first. */
export function allMethods(resources: readonly Resource[]): Method[] {
  return resources.flatMap((resource) => [...resource.methods, ...allMethods(resource.children)]);
}

/**
 * Whether some operation takes a file: a multipart or binary body, or a JSON body also sent as multipart when it carries
 * one. Only then does the client carry `toFile` as a static (the official SDKs' `Client.toFile`): a static is bundled
 * with every call, and the upload helpers it reaches weigh 1.4 kB minified.
 */
export function takesFiles(resources: readonly Resource[]): boolean {
  return allMethods(resources).some(
    (method) =>
      method.body?.encoding === 'multipart' ||
      method.body?.encoding === 'binary' ||
      method.body?.multipart !== undefined,
  );
}

/** The resources and all their children, depth first. */
export function allResources(resources: readonly Resource[]): Resource[] {
  return resources.flatMap((resource) => [resource, ...allResources(resource.children)]);
}
