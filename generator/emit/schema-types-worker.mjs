// The schema types of emit/schema-types.ts, made in a worker thread: openapi-typescript (and the TypeScript compiler it
// loads) starts while the main thread loads the spec, and transforms it while the main thread emits everything else.
// Plain JavaScript, so it runs the same under tsx, vitest and node.
import { parentPort } from 'node:worker_threads';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/** Binary data is a Blob both ways: uploads take one (see `toFile()`), downloads resolve to one. */
function binaryAsBlob(schema) {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.format !== 'binary' || !types.includes('string')) return undefined;
  const blob = ts.factory.createTypeReferenceNode('Blob');
  return types.includes('null') ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob;
}

parentPort.once('message', async ({ document }) => {
  try {
    const ast = await openapiTS(document, {
      silent: true,
      // A property with a default is still optional to send; openapi-typescript would make it required.
      defaultNonNullable: false,
      // `type: object` without properties allows any members (JSON Schema); openapi-typescript would say none
      // (`Record<string, never>`), which no request body (Kubernetes' Patch) or response can satisfy.
      emptyObjectsUnknown: true,
      transform: binaryAsBlob,
    });
    parentPort.postMessage({ text: astToString(ast) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
