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
const { astToString, resolveRef, scanDiscriminators, transformSchema } = require('openapi-typescript');
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
  return types.includes('null') ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob;
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
 */
export function schemaTypesTextOf(holder, mark = () => undefined) {
  const nodes = transform(holder);
  mark('transformed');
  // One top-level declaration at a time, each let go of once printed: the text is the same as astToString(nodes)
  // (a declaration per line, none of them with a position to keep blank lines from).
  const pieces = [];
  for (let index = 0; index < nodes.length; index++) {
    let piece = astToString(nodes[index]);
    // Most specs have no such member: the text says so, and the tree is walked only when it may.
    if (INHERITED_NAME.test(piece)) piece = astToString(widenInheritedMembers(nodes[index]));
    pieces.push(piece);
    nodes[index] = undefined;
  }
  return pieces.join('');
}

function transform(holder) {
  const { document } = holder;
  holder.document = undefined;
  // Redocly's bundle step gives every OpenAPI 3 document a components object; openapi-typescript's output depends on it.
  document.components ??= {};
  const ctx = context(document);
  const nodes = transformSchema(document, ctx);
  ctx.injectFooter.finish();
  return nodes;
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
      if (!this.#operations && ts.isInterfaceDeclaration(node) && node.name.text === 'operations' && node.members.length === 0) this.#collect(node);
    }
    return super.push(...nodes);
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
    Object.defineProperty(node, 'members', { configurable: true, enumerable: true, writable: true, value: ts.factory.createNodeArray(collected) });
    this.#operations = undefined;
  }
}

const EMPTY = Object.freeze([]);

/** Members every object inherits from `Object.prototype`, as TypeScript's `Object` interface declares them. */
const INHERITED = new Set(['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);
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
    const inherited = ts.factory.createIndexedAccessTypeNode(ts.factory.createTypeReferenceNode('Object'), ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(name)));
    return ts.factory.updatePropertySignature(visited, visited.modifiers, visited.name, visited.questionToken, ts.factory.createUnionTypeNode([visited.type, inherited]));
  };
  return visit(root);
}
