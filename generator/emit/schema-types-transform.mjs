// openapi-typescript with our options, as schema-types-worker.mjs runs it. Plain JavaScript, so it runs the same under
// tsx, vitest and node; a module of its own, so tests can hold its output against openapiTS()'s.
//
// openapiTS() lints and bundles the document, then transforms it; `schemaTypesText` calls the transform directly (it
// is public API of openapi-typescript), which saves a third of its time. Neither step has anything left to do: its
// lint enables one rule, unique operationIds, which load/repair.ts has ensured; its bundle resolves refs, which
// load/bundle.ts has done for other files and load/refs.ts has checked for this one (its only error: a ref that does
// not resolve).
import { createRequire } from 'node:module';

// The CommonJS builds: importing TypeScript (9 MB of CommonJS) from ESM makes Node scan it for export names first.
const require = createRequire(import.meta.url);
const { astToString, createRef, resolveRef, transformSchema } = require('openapi-typescript');
const ts = require('typescript');

/** The runtime's upload type, which request bodies with binary fields refer to. */
export const UPLOADABLE = 'Uploadable';

/** openapi-typescript's options for our types; `context()` gives the rest their openapiTS() defaults. */
export const OPTIONS = {
  silent: true,
  // A property with a default is still optional to send; openapi-typescript would make it required.
  defaultNonNullable: false,
  // `type: object` without properties allows any members (JSON Schema); openapi-typescript would say none
  // (`Record<string, never>`), which no request body (Kubernetes' Patch) or response can satisfy.
  emptyObjectsUnknown: true,
  transform: binaryAsBlob,
};

/**
 * Binary data: downloads resolve to a Blob; uploads in a request body take any `Uploadable` (Blob, bytes, streams; the
 * runtime's type, imported by the types module). A component schema may serve both ways, so it stays a Blob.
 */
function binaryAsBlob(schema, options) {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.format !== 'binary' || !types.includes('string')) return undefined;
  const upload = typeof options?.path === 'string' && options.path.includes('/requestBody/');
  const blob = ts.factory.createTypeReferenceNode(upload ? UPLOADABLE : 'Blob');
  return types.includes('null')
    ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())])
    : blob;
}

/** The GlobalContext openapiTS() builds from OPTIONS (openapi-typescript 7.x; its defaults for the rest). */
function context(document) {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: OPTIONS.defaultNonNullable,
    discriminators: scanDiscriminators(document, OPTIONS),
    emptyObjectsUnknown: OPTIONS.emptyObjectsUnknown,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: new FooterNodes(),
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: OPTIONS.silent,
    inject: undefined,
    transform: OPTIONS.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(document, $ref, { silent: OPTIONS.silent }),
  };
}

/** The types module's text for a document, which it changes: a components object, discriminator members (as openapiTS()). */
export function schemaTypesText(document) {
  return schemaTypesTextOf({ document });
}

/**
 * The same for `holder.document`, which is let go of once transformed: on a Graph-sized spec the worker's copy of the
 * document, the syntax tree and the text would otherwise all be alive at once, the generator's peak of memory.
 * `chunk`: how many members of a top-level interface are printed at a time (tests make it small).
 *
 * The roots are transformed one at a time (openapi-typescript's transformSchema given a document of that root alone:
 * the others come out as empty placeholders, and refs still resolve in the whole document, through the context), each
 * printed and let go of before the next is transformed. The `operations` interface, which the paths fill (half of
 * Graph's text), is printed once the paths and webhooks are, before the components are transformed: the syntax trees
 * of the two halves are never alive together (on Graph, the worker's peak heap 480 -> 300 MB). The text is the same as
 * that of the whole document transformed at once.
 */
export function schemaTypesTextOf(holder, mark = () => undefined, { chunk = PRINT_CHUNK } = {}) {
  const { document } = holder;
  holder.document = undefined;
  // Redocly's bundle step gives every OpenAPI 3 document a components object; openapi-typescript's output depends on it.
  document.components ??= {};
  const ctx = context(document);
  const pieces = [];
  let nodes = [];
  let operations;
  for (const [index, root] of ROOTS.entries()) {
    nodes = transformSchema({ [root]: document[root] }, ctx);
    // A declaration per root in ROOTS' order, then the footer, as for the whole document.
    if (nodes.length < ROOTS.length) throw new Error(`openapi-typescript gave ${nodes.length} top-level declarations`);
    pieces.push(...printDeclaration(nodes, index, chunk));
    if (root === 'webhooks') operations = printOperationsSoFar(ctx.injectFooter, chunk);
  }
  ctx.injectFooter.finish();
  mark('transformed');
  // The footer as the last transform listed it, every root's additions in.
  for (let index = ROOTS.length; index < nodes.length; index++) {
    if (!operations || nodes[index] !== operations.node) {
      pieces.push(...printDeclaration(nodes, index, chunk));
      continue;
    }
    // Operations added since (by the components' path items) come after those printed already.
    nodes[index] = undefined;
    const later = memberTexts(operations.parts, [...operations.node.members], chunk);
    if (!later) throw new Error("openapi-typescript's operations printed in parts does not join up");
    pieces.push(operations.parts.header, ...operations.texts, ...later, '}\n');
  }
  return pieces.join('');
}

/** Keys whose string values are prose that openapi-typescript writes into JSDoc as they are. */
const PROSE_KEYS = new Set(['description', 'summary', 'title']);
/** Keys whose values (any string in them) openapi-typescript writes after a tag of its own (`@example`, `@default`). */
const SHOWN_VALUE_KEYS = new Set(['example', 'examples', 'default']);

/**
 * core/escape.ts's `noJsdocTags` (this module is plain JavaScript, loaded by the worker): an `@` after whitespace (or
 * at the start) would begin a JSDoc block tag in openapi-typescript's comments; it is written `\@`. Idempotent.
 */
export function noJsdocTags(text) {
  return text.replace(/(^|\s)@/g, '$1\\@');
}

/**
 * Readies the worker's copy of the document for openapi-typescript, whose comments take descriptions, titles,
 * examples and defaults as written: their text goes through `noJsdocTags`, as every other comment's does. Types are
 * unchanged (enum and const values are untouched). Objects lose their prototype (spec names are keys: none reaches
 * one through `__proto__`). In place, as the worker owns its copy: copying it was 0.3 s and 100 MB on the main thread
 * for a Graph-sized spec. An object that is both structure and part of a shown value (an example) is left as
 * structure, and the example gets a copy of it. Shared objects stay shared, cycles stay cycles. Returns the document.
 */
export function withoutJsdocTagsInPlace(document) {
  // Structure first, in place: every object reached outside a shown value. Shown values wait until it is all known.
  const structure = new Set();
  const shownAt = [];
  const plain = (value) => {
    if (value === null || typeof value !== 'object' || structure.has(value)) return;
    structure.add(value);
    if (Array.isArray(value)) {
      // A hole reads as `undefined`, as a copy made with for...of would have it.
      for (let index = 0; index < value.length; index++) {
        if (!(index in value)) value[index] = undefined;
        plain(value[index]);
      }
      return;
    }
    Object.setPrototypeOf(value, null);
    for (const name of Object.keys(value)) {
      const child = value[name];
      if (SHOWN_VALUE_KEYS.has(name)) shownAt.push([value, name]);
      else if (PROSE_KEYS.has(name) && typeof child === 'string') value[name] = noJsdocTags(child);
      else plain(child);
    }
  };
  // Every string in a shown value goes through noJsdocTags: in place, or in a copy where the object is structure
  // too (its prose already went through it, which changes nothing the second time).
  const shownOf = new Map();
  const shown = (value) => {
    if (typeof value === 'string') return noJsdocTags(value);
    if (value === null || typeof value !== 'object') return value;
    if (shownOf.has(value)) return shownOf.get(value);
    const copied = structure.has(value);
    if (Array.isArray(value)) {
      const out = copied ? [] : value;
      shownOf.set(value, out);
      for (let index = 0; index < value.length; index++) out[index] = shown(value[index]);
      return out;
    }
    const out = copied ? Object.create(null) : Object.setPrototypeOf(value, null);
    shownOf.set(value, out);
    for (const name of Object.keys(value)) out[name] = shown(value[name]);
    return out;
  };
  plain(document);
  for (const [holder, name] of shownAt) holder[name] = shown(holder[name]);
  return document;
}

/** The roots openapi-typescript's transformSchema transforms, in its order (its `transformers`). */
const ROOTS = ['paths', 'webhooks', 'components', '$defs'];

/** Members of a top-level interface printed at a time: Graph's `operations` has 11,000, half the text. */
const PRINT_CHUNK = 500;

/**
 * The text of `nodes[index]`, a top-level declaration, as astToString prints it; the declaration is taken out of
 * `nodes`. A large interface (`paths`, `operations`) is printed some members at a time, each let go of once printed:
 * printing it whole held its whole tree and all the printer's garbage at once (a fifth of the generator's peak memory
 * on Graph). Members print alike either way: one per line, each with its own comments, none depending on another.
 */
function printDeclaration(nodes, index, chunk) {
  let node = nodes[index];
  nodes[index] = undefined;
  if (!ts.isInterfaceDeclaration(node) || node.members.length <= chunk) return [printWidened(node)];
  const parts = interfaceParts(node);
  if (!parts) return [printWidened(node)];
  const members = [...node.members];
  node = undefined;
  const texts = memberTexts(parts, members, chunk);
  // Not the shape expected (a later TypeScript prints differently): whole after all, while nothing is let go of.
  if (!texts) return [printWidened(parts.withMembers(members))];
  return [parts.header, ...texts, '}\n'];
}

/**
 * What printing an interface in parts takes: the text before its members (`export interface operations {\n`) and the
 * same declaration with other members. Undefined where the declaration carries something (comments on it) that the
 * text without members would not show.
 */
function interfaceParts(node) {
  const { modifiers, name, typeParameters, heritageClauses } = node;
  // New nodes, not updates of this one: an update keeps the original, and with it every member, alive.
  const withMembers = (members) =>
    ts.factory.createInterfaceDeclaration(modifiers, name, typeParameters, heritageClauses, members);
  const empty = astToString(withMembers([]));
  if (
    !empty.endsWith('{\n}\n') ||
    empty !==
      astToString(ts.factory.updateInterfaceDeclaration(node, modifiers, name, typeParameters, heritageClauses, []))
  )
    return undefined;
  return { header: empty.slice(0, -2), name: name.text, withMembers };
}

/**
 * The texts of `members` in an interface (`parts`), printed `chunk` at a time, each chunk let go of (in `members`)
 * once printed. Undefined when the first chunk does not print as the header and members (nothing let go of then).
 */
function memberTexts(parts, members, chunk) {
  const texts = [];
  for (let start = 0; start < members.length; start += chunk) {
    const text = printWidened(parts.withMembers(members.slice(start, start + chunk)));
    if (!text.startsWith(parts.header) || !text.endsWith('}\n')) {
      if (start === 0) return undefined;
      throw new Error(`openapi-typescript's ${parts.name} printed in parts does not join up`);
    }
    texts.push(text.slice(parts.header.length, -2));
    members.fill(undefined, start, start + chunk);
  }
  return texts;
}

/**
 * The `operations` interface as the transforms so far have filled it: its members' texts, the members let go of (the
 * footer collects later ones anew). Undefined where there is none yet or it does not print in parts.
 */
function printOperationsSoFar(footer, chunk) {
  const sofar = footer.operationsSoFar;
  if (!sofar || sofar.collected.length === 0) return undefined;
  const parts = interfaceParts(sofar.node);
  const texts = parts && memberTexts(parts, sofar.collected, chunk);
  if (!texts) return undefined;
  sofar.collected.length = 0;
  return { node: sofar.node, parts, texts };
}

function printWidened(node) {
  const text = astToString(node);
  // Most specs have no such member: the text says so, and the tree is walked only when it may.
  return INHERITED_NAME.test(text) ? astToString(widenInheritedMembers(node)) : text;
}

/**
 * openapi-typescript's `scanDiscriminators` (7.x, lib/utils), the same walks with the same effects on the document
 * and the same result. Its walk copies the path at every node (`path.concat(key)`): on Graph's 17 MB, a tenth of the
 * worker's time. Here the path is one array, pushed and popped, and handled refs are also kept in a set.
 * schema-types.test.ts holds the result and the document against openapi-typescript's own.
 */
export function scanDiscriminators(schema, options) {
  const objects = {};
  const refsHandled = [];
  const handled = new Set();
  walk(schema, (obj, path) => {
    const discriminator = obj?.discriminator;
    if (!discriminator?.propertyName) return;
    const ref = createRef(path);
    objects[ref] = discriminator;
    if (!obj?.oneOf || !Array.isArray(obj.oneOf)) return;
    const mapping = {};
    for (const item of obj.oneOf) {
      if ('$ref' in item) {
        const value = item.$ref.split('/').pop();
        if (value) {
          if (!mapping[item.$ref]) mapping[item.$ref] = { inferred: value };
          else mapping[item.$ref].inferred = value;
        }
      }
    }
    if (discriminator.mapping) {
      for (const mappedValue in discriminator.mapping) {
        const mappedRef = discriminator.mapping[mappedValue];
        if (!mappedRef) continue;
        if (!mapping[mappedRef]?.defined) mapping[mappedRef] = { defined: [] };
        mapping[mappedRef].defined?.push(mappedValue);
      }
    }
    for (const [mappedRef, { inferred, defined }] of Object.entries(mapping)) {
      if (handled.has(mappedRef)) continue;
      if (!inferred && !defined) continue;
      const mappedValues = defined ?? [inferred];
      if (patchDiscriminatorEnum(schema, mappedRef, mappedValues, discriminator, options)) {
        refsHandled.push(mappedRef);
        handled.add(mappedRef);
      }
    }
  });
  walk(schema, (obj, path) => {
    if (!obj || !Array.isArray(obj.allOf)) return;
    for (const item of obj.allOf) {
      if ('$ref' in item) {
        if (!objects[item.$ref]) return;
        const ref = createRef(path);
        const discriminator = objects[item.$ref];
        const mappedValues = [];
        if (discriminator.mapping) {
          for (const mappedValue in discriminator.mapping) {
            if (discriminator.mapping[mappedValue] === ref) mappedValues.push(mappedValue);
          }
          if (mappedValues.length > 0 && patchDiscriminatorEnum(schema, ref, mappedValues, discriminator, options)) {
            refsHandled.push(ref);
            handled.add(ref);
          }
        }
        objects[ref] = { ...objects[item.$ref] };
      } else if (item.discriminator?.propertyName) {
        objects[createRef(path)] = { ...item.discriminator };
      }
    }
  });
  return { objects, refsHandled };
}

/** openapi-typescript's `walk`: every object before its children, arrays item by item; `path` is shared, not copied. */
function walk(obj, cb, path = []) {
  if (!obj || typeof obj !== 'object') return;
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      path.push(i);
      walk(obj[i], cb, path);
      path.pop();
    }
    return;
  }
  cb(obj, path);
  for (const k of Object.keys(obj)) {
    path.push(k);
    walk(obj[k], cb, path);
    path.pop();
  }
}

/** openapi-typescript's `patchDiscriminatorEnum` (its warning is silent with our options). */
function patchDiscriminatorEnum(schema, ref, values, discriminator, options) {
  const resolvedSchema = resolveRef(schema, ref, { silent: options.silent ?? false });
  if (resolvedSchema?.allOf) {
    resolvedSchema.allOf.push({
      type: 'object',
      required: [discriminator.propertyName],
      properties: { [discriminator.propertyName]: discriminatorEnum(values) },
    });
    return true;
  }
  if (typeof resolvedSchema === 'object' && 'type' in resolvedSchema && resolvedSchema.type === 'object') {
    if (!resolvedSchema.properties) resolvedSchema.properties = {};
    if (!resolvedSchema.required) resolvedSchema.required = [discriminator.propertyName];
    else if (!resolvedSchema.required.includes(discriminator.propertyName))
      resolvedSchema.required.push(discriminator.propertyName);
    resolvedSchema.properties[discriminator.propertyName] = discriminatorEnum(
      values,
      resolvedSchema.properties[discriminator.propertyName],
    );
    return true;
  }
  return false;
}

function discriminatorEnum(values, prevSchema) {
  return {
    type: 'string',
    enum: values,
    description: prevSchema?.description
      ? `${prevSchema.description} (enum property replaced by openapi-typescript)`
      : 'discriminator enum property added by openapi-typescript',
  };
}

/**
 * openapi-typescript's footer (`ctx.injectFooter`), where it keeps the `operations` interface. It adds each operation
 * by replacing the interface's members with a copy one longer (`createNodeArray([...members, next])`): quadratic, a
 * third of its time for Microsoft Graph's 11,000 operations. Here the interface's `members`, while the transform
 * runs, reads as empty and collects what is set, so each step copies one member; `finish()` puts them all in place.
 * The nodes and their order are openapi-typescript's own (schema-types.test.ts holds the text against openapiTS()).
 */
class FooterNodes extends Array {
  /** The operations interface and its members so far, once openapi-typescript has made it. */
  #operations;

  // Array methods that make arrays (map, filter) build a plain array, not another collector.
  static get [Symbol.species]() {
    return Array;
  }

  push(...nodes) {
    for (const node of nodes) {
      if (
        !this.#operations &&
        ts.isInterfaceDeclaration(node) &&
        node.name.text === 'operations' &&
        node.members.length === 0
      )
        this.#collect(node);
    }
    return super.push(...nodes);
  }

  /** The operations interface and the array of its members collected so far (emptied, it lets them go), once made. */
  get operationsSoFar() {
    return this.#operations;
  }

  #collect(node) {
    const collected = [];
    this.#operations = { node, collected };
    Object.defineProperty(node, 'members', {
      configurable: true,
      enumerable: true,
      get: () => EMPTY,
      set: (members) => collected.push(...members),
    });
  }

  finish() {
    if (!this.#operations) return;
    const { node, collected } = this.#operations;
    Object.defineProperty(node, 'members', {
      configurable: true,
      enumerable: true,
      writable: true,
      value: ts.factory.createNodeArray(collected),
    });
    this.#operations = undefined;
  }
}

const EMPTY = Object.freeze([]);

/** Members every object inherits from `Object.prototype`, as TypeScript's `Object` interface declares them. */
const INHERITED = new Set([
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
]);
const INHERITED_NAME = new RegExp(`\\b(${[...INHERITED].join('|')})['"]?\\?:`);

/**
 * An optional member named like an inherited one (a query param `constructor`): TypeScript checks an object without
 * it against the type through the member every object has (`constructor: Function`), so no value would do. Its type
 * admits the inherited member's too, which is also what reading it from an object without it gives.
 */
function widenInheritedMembers(root) {
  const visit = (node) => {
    const visited = ts.visitEachChild(node, visit, ts.nullTransformationContext);
    if (!ts.isPropertySignature(visited) || !visited.questionToken || !visited.type) return visited;
    const name = ts.isIdentifier(visited.name) || ts.isStringLiteral(visited.name) ? visited.name.text : undefined;
    if (name === undefined || !INHERITED.has(name)) return visited;
    const inherited = ts.factory.createIndexedAccessTypeNode(
      ts.factory.createTypeReferenceNode('Object'),
      ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(name)),
    );
    return ts.factory.updatePropertySignature(
      visited,
      visited.modifiers,
      visited.name,
      visited.questionToken,
      ts.factory.createUnionTypeNode([visited.type, inherited]),
    );
  };
  return visit(root);
}
