import { decodeFragment } from '../load/refs.js';
import { joinPointer, splitPointer } from '../load/source-document.js';
import type { Schema } from './types.js';

interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

type Node = Record<string, unknown>;

/**
 * openapi-typescript makes each schema a discriminator selects carry the discriminator: a required property whose
 * type is the value(s) selecting it (the mapping's keys, else the schema's name). Linode's `Domain` is thereby typed
 * `{ ...; type: "Domain" }` though its schema has no `type`. It does this to its own copy of the document; this does
 * the same to ours (call it after the worker has its copy), so that what the model reads (required members, example
 * values) agrees with the types users compile against. Mirrors `scanDiscriminators` of openapi-typescript 7.
 */
export function applyDiscriminatorEnums(document: object): void {
  const objects = new Map<string, Discriminator>();
  const handled = new Set<string>();
  walk(document, (node, path) => {
    const discriminator = asDiscriminator(node['discriminator']);
    if (!discriminator) return;
    objects.set(pointerOf(path), discriminator);
    if (!Array.isArray(node['oneOf'])) return;
    const mapping = new Map<string, { inferred?: string; defined?: string[] }>();
    for (const item of node['oneOf'] as unknown[]) {
      const ref = refOf(item);
      const value = ref?.split('/').pop();
      if (ref !== undefined && value) mapping.set(ref, { ...mapping.get(ref), inferred: value });
    }
    for (const [value, target] of Object.entries(discriminator.mapping ?? {})) {
      if (!target) continue;
      // As openapi-typescript does: an explicit mapping replaces the inferred value (it starts the entry afresh).
      const entry = mapping.get(target);
      if (!entry?.defined) mapping.set(target, { defined: [] });
      mapping.get(target)!.defined!.push(value);
    }
    for (const [ref, { inferred, defined }] of mapping) {
      if (handled.has(ref) || (!inferred && !defined)) continue;
      if (patch(document, ref, defined ?? [inferred!], discriminator)) handled.add(ref);
    }
  });
  // A schema that extends a discriminated one (`allOf: [$ref Pet, ...]`) gets the value the parent's mapping gives it;
  // one the mapping does not name is typed with its own name as the value (Influx's `PostCheck`: `type: 'PostCheck'`).
  const inherited: Array<{ node: Node; here: string; discriminator: Discriminator }> = [];
  walk(document, (node, path) => {
    if (!Array.isArray(node['allOf'])) return;
    for (const item of node['allOf'] as unknown[]) {
      const ref = refOf(item);
      if (ref !== undefined) {
        const parent = objects.get(ref);
        if (!parent) return;
        const here = pointerOf(path);
        const values = valuesFor(parent.mapping, here);
        if (values.length > 0 && patch(document, here, values, parent)) handled.add(here);
        else if (!handled.has(here) && !node['discriminator']) inherited.push({ node, here, discriminator: parent });
        objects.set(here, { ...parent });
      } else {
        const own = asDiscriminator((item as Node | null)?.['discriminator']);
        if (own) objects.set(pointerOf(path), { ...own });
      }
    }
  });
  for (const { node, here, discriminator } of inherited) {
    if (handled.has(here)) continue;
    const part = {
      type: 'object',
      required: [discriminator.propertyName],
      properties: { [discriminator.propertyName]: { type: 'string', enum: [ownValue(here, discriminator)] } },
    };
    // First, so that it wins over the parent's plain `string` property where the parts are merged (examples).
    (node['allOf'] as unknown[]).unshift(part);
  }
}

/** The value openapi-typescript's `createDiscriminatorProperty` gives a schema at `pointer`. */
function ownValue(pointer: string, discriminator: Discriminator): string {
  const name = splitPointer(pointer).at(-1) ?? '';
  const mapped = Object.entries(discriminator.mapping ?? {}).find(
    ([, target]) => (target.startsWith('#') ? (splitPointer(target).at(-1) ?? '') : target) === name,
  );
  return mapped ? mapped[0] : name;
}

function patch(document: object, ref: string, values: string[], discriminator: Discriminator): boolean {
  const target = resolve(document, ref, []);
  const property = (previous?: Schema): Schema => ({
    type: 'string',
    enum: values,
    description: previous?.['description']
      ? `${String(previous['description'])} (enum property replaced by openapi-typescript)`
      : 'discriminator enum property added by openapi-typescript',
  });
  if (!target) return false;
  if (Array.isArray(target['allOf'])) {
    target['allOf'].push({
      type: 'object',
      required: [discriminator.propertyName],
      properties: { [discriminator.propertyName]: property() },
    });
    return true;
  }
  if (target['type'] !== 'object') return false;
  const properties = (target['properties'] ??= {}) as Record<string, Schema>;
  const required = target['required'];
  if (!Array.isArray(required)) target['required'] = [discriminator.propertyName];
  else if (!required.includes(discriminator.propertyName)) required.push(discriminator.propertyName);
  properties[discriminator.propertyName] = property(properties[discriminator.propertyName]);
  return true;
}

/**
 * The mapping's values that select `target`, in the mapping's order. Graph's base entity maps thousands of values,
 * and each of its thousands of descendants asked for its own by reading the whole mapping: indexed once per mapping.
 */
function valuesFor(mapping: Record<string, string> | undefined, target: string): string[] {
  if (!mapping) return [];
  let byTarget = mappingIndex.get(mapping);
  if (!byTarget) {
    byTarget = new Map();
    for (const [value, mapped] of Object.entries(mapping)) {
      const values = byTarget.get(mapped);
      if (values) values.push(value);
      else byTarget.set(mapped, [value]);
    }
    mappingIndex.set(mapping, byTarget);
  }
  // A copy: the values become an enum in the document.
  return [...(byTarget.get(target) ?? [])];
}

const mappingIndex = new WeakMap<object, Map<unknown, string[]>>();

/** Follows a local ref (and the refs it leads to); openapi-typescript's `resolveRef`, which stops at falsy values. */
function resolve(document: object, ref: string, visited: string[]): Node | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const token of splitPointer(decodeFragment(ref))) {
    if (!node || typeof node !== 'object' || !(node as Node)[token]) return undefined;
    node = (node as Node)[token];
  }
  const next = refOf(node);
  if (next !== undefined) return visited.includes(next) ? undefined : resolve(document, next, [...visited, next]);
  return node && typeof node === 'object' ? (node as Node) : undefined;
}

/** Every object, depth first, before its children, with its path (one array, pushed and popped: no copies). */
function walk(value: unknown, visit: (node: Node, path: string[]) => void, path: string[] = []): void {
  if (!value || typeof value !== 'object' || path.length > 256) return;
  if (!Array.isArray(value)) visit(value as Node, path);
  for (const key of Object.keys(value)) {
    path.push(key);
    walk((value as Node)[key], visit, path);
    path.pop();
  }
}

function pointerOf(path: string[]): string {
  return `#${joinPointer(path)}`;
}

function refOf(value: unknown): string | undefined {
  const ref = value && typeof value === 'object' ? (value as Node)['$ref'] : undefined;
  return typeof ref === 'string' ? ref : undefined;
}

function asDiscriminator(value: unknown): Discriminator | undefined {
  const name = value && typeof value === 'object' ? (value as Node)['propertyName'] : undefined;
  return typeof name === 'string' && name !== '' ? (value as Discriminator) : undefined;
}
