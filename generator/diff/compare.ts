import type { FieldShape, MethodSurface, Surface } from './surface.js';

/** How a change lands on users: their code breaks, may break, gains something, or only docs change. */
export type Severity = 'breaking' | 'warning' | 'addition' | 'docs';

export interface Change {
  severity: Severity;
  /** The resource it belongs to (`oauthClients`), or `client` for client-wide changes. */
  resource: string;
  /** The method (`oauthClients.create`), when the change is to one. */
  method?: string;
  /** What changed, one line of Markdown. */
  message: string;
  /** For breaking changes: the code that now breaks. */
  example?: string;
}

/** Compares two SDK surfaces as a TypeScript user sees them. Order: by resource, severity, method, message. */
export function compareSurfaces(base: Surface, head: Surface): Change[] {
  const changes: Change[] = [];
  const add = (change: Change): void => void changes.push(change);

  if (base.defaultBaseURL !== head.defaultBaseURL) {
    add({
      severity: 'breaking',
      resource: 'client',
      message: `default server changed from \`${base.defaultBaseURL}\` to \`${head.defaultBaseURL}\``,
      example: 'new Client() // now talks to another server unless baseURL is set',
    });
  }
  for (const name of new Set([...Object.keys(base.auth), ...Object.keys(head.auth)])) {
    const before = base.auth[name];
    const after = head.auth[name];
    if (before === after) continue;
    if (before === undefined) add({ severity: 'addition', resource: 'client', message: `new auth scheme \`${name}\`` });
    else
      add({
        severity: 'breaking',
        resource: 'client',
        message:
          after === undefined
            ? `auth scheme \`${name}\` removed`
            : `auth scheme \`${name}\` changed: \`${before}\` -> \`${after}\``,
        example: 'new Client({ apiKey }) // credentials may no longer be accepted',
      });
  }

  const headRoutes = new Map(Object.values(head.methods).map((method) => [method.route, method]));
  const removedResources = new Set(base.resources.filter((resource) => !head.resources.includes(resource)));
  const renamedResources = new Map(
    [...removedResources].map((resource) => [resource, renamedResource(base, head, resource)]),
  );
  const renameTargets = new Set(
    [...renamedResources.values()].filter((target): target is string => target !== undefined),
  );
  const renamedTo = new Set<string>();

  for (const [resource, replacement] of renamedResources) {
    add({
      severity: 'breaking',
      resource,
      message: replacement
        ? `resource \`${resource}\` renamed to \`${replacement}\``
        : `resource \`${resource}\` removed`,
      example: `client.${resource}`,
    });
  }
  for (const resource of head.resources.filter(
    (candidate) => !base.resources.includes(candidate) && !renameTargets.has(candidate),
  )) {
    add({ severity: 'addition', resource, message: `new resource \`${resource}\`` });
  }

  for (const before of Object.values(base.methods)) {
    const after = head.methods[before.id];
    if (!after) {
      if (removedResources.has(before.resource)) continue; // reported with its resource
      const moved = headRoutes.get(before.route);
      if (moved && !base.methods[moved.id]) {
        renamedTo.add(moved.id);
        add({
          severity: 'breaking',
          resource: before.resource,
          method: before.id,
          message: `\`${before.id}\` renamed to \`${moved.id}\``,
          example: before.example,
        });
      } else
        add({
          severity: 'breaking',
          resource: before.resource,
          method: before.id,
          message: `\`${before.id}\` (${before.route}) removed`,
          example: before.example,
        });
      continue;
    }
    compareMethods(before, after, add);
  }
  for (const after of Object.values(head.methods)) {
    // Methods of a renamed resource are the old ones under a new name, reported with the rename.
    if (base.methods[after.id] || renamedTo.has(after.id) || renameTargets.has(after.resource)) continue;
    add({
      severity: 'addition',
      resource: after.resource,
      method: after.id,
      message: `new method \`${after.id}\` (${after.route})`,
    });
  }
  const rank: Record<Severity, number> = { breaking: 0, warning: 1, addition: 2, docs: 3 };
  return changes.sort(
    (a, b) =>
      a.resource.localeCompare(b.resource) ||
      rank[a.severity] - rank[b.severity] ||
      (a.method ?? '').localeCompare(b.method ?? '') ||
      a.message.localeCompare(b.message),
  );
}

/** A removed resource whose every route now lives under one other, new resource: a rename. */
function renamedResource(base: Surface, head: Surface, resource: string): string | undefined {
  const routes = Object.values(base.methods).filter((method) => method.resource === resource);
  if (routes.length === 0) return undefined;
  const targets = new Set<string>();
  const newMethods = Object.values(head.methods).filter((candidate) => !base.resources.includes(candidate.resource));
  for (const method of routes) {
    const target = newMethods.find(
      (candidate) => candidate.name === method.name && samePathShape(candidate.route, method.route),
    );
    if (!target) return undefined;
    targets.add(target.resource);
  }
  return targets.size === 1 ? [...targets][0] : undefined;
}

/** Same verb and number of segments, the same parameters positions: `/a/{id}` and `/b/{id}`. */
function samePathShape(a: string, b: string): boolean {
  const shape = (route: string) =>
    route
      .replace(/\{[^}]*\}/g, '{}')
      .split('/')
      .map((segment) => (segment === '{}' ? segment : '_'))
      .join('/');
  return a.split(' ')[0] === b.split(' ')[0] && shape(a) === shape(b);
}

function compareMethods(before: MethodSurface, after: MethodSurface, add: (change: Change) => void): void {
  const at = { resource: before.resource, method: before.id };
  const breaking = (message: string, example = before.example): void =>
    add({ severity: 'breaking', ...at, message, example });
  if (before.route !== after.route) breaking(`\`${before.id}\` moved from ${before.route} to ${after.route}`);
  if (before.pathParams.join() !== after.pathParams.join())
    breaking(
      `\`${before.id}\` path arguments changed from (${before.pathParams.join(', ')}) to (${after.pathParams.join(', ')})`,
    );
  if (before.pagination !== after.pagination)
    breaking(`\`${before.id}\` pagination changed${after.pagination ? '' : ': it no longer pages'}`);
  if (before.security !== after.security)
    breaking(`\`${before.id}\` security requirements changed from ${before.security} to ${after.security}`);
  if (before.responseKind !== after.responseKind)
    breaking(`\`${before.id}\` now returns ${after.responseKind} instead of ${before.responseKind}`);
  compareRequestFields(before, after, add);
  compareResponseFields(before, after, add);
  if (!before.deprecated && after.deprecated)
    add({ severity: 'docs', ...at, message: `\`${before.id}\` is now deprecated` });
  if (before.summary !== after.summary || before.description !== after.description)
    add({ severity: 'docs', ...at, message: `\`${before.id}\` description changed` });
}

function compareRequestFields(before: MethodSurface, after: MethodSurface, add: (change: Change) => void): void {
  const at = { resource: before.resource, method: before.id };
  for (const [name, was] of Object.entries(before.params)) {
    const now = after.params[name];
    if (!parentExists(name, after.params)) continue;
    if (!now) {
      add({
        severity: 'breaking',
        ...at,
        message: `\`${before.id}\`: param \`${name}\` removed`,
        example: `${callWith(before, `${leaf(name)}: ...`)} // no longer compiles`,
      });
      continue;
    }
    if (!was.required && now.required)
      add({
        severity: 'breaking',
        ...at,
        message: `\`${before.id}\`: param \`${name}\` is now required`,
        example: `${before.example} // without ${name}: no longer compiles`,
      });
    if (was.type !== now.type)
      add({
        severity: 'breaking',
        ...at,
        message: `\`${before.id}\`: param \`${name}\` type changed from \`${was.type}\` to \`${now.type}\``,
        example: callWith(before, `${leaf(name)}: /* a ${was.type} */`),
      });
    if (was.required && !now.required)
      add({ severity: 'addition', ...at, message: `\`${before.id}\`: param \`${name}\` is no longer required` });
    if (was.nullable && !now.nullable)
      add({ severity: 'breaking', ...at, message: `\`${before.id}\`: param \`${name}\` no longer accepts null` });
    if (!was.nullable && now.nullable)
      add({ severity: 'addition', ...at, message: `\`${before.id}\`: param \`${name}\` accepts null` });
    const removedValues = (was.enum ?? []).filter((value) => now.enum && !now.enum.includes(value));
    const addedValues = (now.enum ?? []).filter((value) => was.enum && !was.enum.includes(value));
    if (removedValues.length > 0)
      add({
        severity: 'breaking',
        ...at,
        message: `\`${before.id}\`: param \`${name}\` no longer accepts ${removedValues.join(', ')}`,
        example: callWith(before, `${leaf(name)}: ${removedValues[0]}`),
      });
    if (addedValues.length > 0)
      add({
        severity: 'addition',
        ...at,
        message: `\`${before.id}\`: param \`${name}\` accepts ${addedValues.join(', ')}`,
      });
  }
  for (const [name, now] of Object.entries(after.params)) {
    if (before.params[name] || !parentExists(name, before.params)) continue;
    if (now.required)
      add({
        severity: 'breaking',
        ...at,
        message: `\`${before.id}\`: new required param \`${name}\``,
        example: `${before.example} // no longer compiles without ${name}`,
      });
    else add({ severity: 'addition', ...at, message: `\`${before.id}\`: new optional param \`${name}\`` });
  }
}

function compareResponseFields(before: MethodSurface, after: MethodSurface, add: (change: Change) => void): void {
  const at = { resource: before.resource, method: before.id };
  const use = (name: string): string => `(await ${before.example})${accessor(name)}`;
  for (const [name, was] of Object.entries(before.response)) {
    const now = after.response[name];
    if (!parentExists(name, after.response)) continue;
    if (!now) {
      add({
        severity: 'breaking',
        ...at,
        message: `\`${before.id}\`: response field \`${name}\` removed`,
        example: use(name),
      });
      continue;
    }
    if (was.required && !now.required)
      add({
        severity: 'breaking',
        ...at,
        message: `\`${before.id}\`: response field \`${name}\` is now optional`,
        example: `${use(name)} // may be undefined`,
      });
    if (!was.nullable && now.nullable)
      add({
        severity: 'breaking',
        ...at,
        message: `\`${before.id}\`: response field \`${name}\` is now nullable`,
        example: `${use(name)} // may be null`,
      });
    if (was.type !== now.type)
      add({
        severity: 'breaking',
        ...at,
        message: `\`${before.id}\`: response field \`${name}\` type changed from \`${was.type}\` to \`${now.type}\``,
        example: use(name),
      });
    const addedValues = (now.enum ?? []).filter((value) => was.enum && !was.enum.includes(value));
    if (addedValues.length > 0)
      add({
        severity: 'warning',
        ...at,
        message: `\`${before.id}\`: response field \`${name}\` may now be ${addedValues.join(', ')}; exhaustive \`switch\`es on it need a new case`,
        example: `switch (${use(name)}) { ... }`,
      });
  }
  for (const name of Object.keys(after.response)) {
    if (!before.response[name] && parentExists(name, before.response))
      add({ severity: 'addition', ...at, message: `\`${before.id}\`: new response field \`${name}\`` });
  }
}

/** A nested field is compared only when its parent exists on the other side (else the parent's change says it all). */
function parentExists(path: string, fields: Record<string, FieldShape>): boolean {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('[]'), path.lastIndexOf('{}'));
  if (cut <= 0) return true;
  const parent = path.slice(0, cut).replace(/(\[\]|\{\})+$/, '');
  return parent === '' || parent in fields;
}

/** The first member of a field's path: what a params object names (`metadata` of `metadata.key`, `items` of `items[]`). */
function leaf(path: string): string {
  return path.split('.')[0]!.replace(/(\[\]|\{\})+$/, '');
}

/** A field's path as TypeScript reads it on a value: `.data[0].name`, `[0].id`, `.labels['key']`. */
function accessor(path: string): string {
  return path
    .split('.')
    .map(
      (part, index) =>
        `${index === 0 && part.startsWith('[') ? '' : '.'}${part.replace(/\{\}/g, "['key']").replace(/\[\]/g, '[0]')}`,
    )
    .join('')
    .replace(/^\.(?=\[)/, '');
}

/** The method called as its signature says (path ids first, parent ids in the params), with `member` in its params. */
function callWith(method: MethodSurface, member: string): string {
  const params = [
    ...method.namedPathParams.map((name) => `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}: ...`),
    member,
  ];
  return `client.${method.id}(${[...method.positional, `{ ${params.join(', ')} }`].join(', ')})`;
}
