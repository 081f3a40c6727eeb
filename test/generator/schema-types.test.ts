// The schema types worker calls openapi-typescript's transform directly, with a context built as openapiTS() builds
// it (emit/schema-types-transform.mjs). If an openapi-typescript upgrade changes how openapiTS() gets from a document
// to text, the two stop agreeing here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, scanDiscriminators as theirScan } from 'openapi-typescript';
import { describe, expect, test } from 'vitest';
import { startSchemaTypes } from '../../generator/emit/schema-types.js';
import {
  OPTIONS,
  scanDiscriminators,
  schemaTypesText,
  schemaTypesTextOf,
} from '../../generator/emit/schema-types-transform.mjs';
import { loadSpec } from '../../generator/load/load-spec.js';
import { repairSpec } from '../../generator/load/repair.js';
import { missingShared, SHARED } from '../support/shared.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const edgeCases = join(SHARED, 'specs/corpus/edge-cases');
// Without ../shared, the two specs of this repository only (and a note saying so; CI=1 fails instead).
const noEdgeCases = missingShared('specs/corpus/edge-cases');
const specs = [
  join(root, 'spec/openapi.yaml'),
  join(root, 'test/fixtures/features.yaml'),
  // Discriminators, recursion, binary bodies, enums, 3.1 type arrays, webhooks, callbacks: ~50 small specs.
  ...(noEdgeCases ? [] : ['3.0', '3.1']).flatMap((version) =>
    readdirSync(join(edgeCases, version))
      // Its `example` values hold `$ref`s, which Redocly's bundle step resolves; examples are data (OpenAPI), so the
      // loader leaves them, and the one difference is the text of a JSDoc `@example`.
      .filter((name) => /\.(json|ya?ml)$/.test(name) && name !== 'request-examples.json')
      .sort()
      .map((name) => join(edgeCases, version, name)),
  ),
];

/** The document as generate.ts hands it to the worker: loaded, bundled, converted, repaired. */
async function prepared(file: string): Promise<object> {
  const { document } = await loadSpec(file);
  repairSpec(document, []);
  return document;
}

describe('the schema types are what openapiTS() gives for the same document and options', () => {
  test.each(specs.map((file) => [file.slice(root.length), file]))('%s', async (_name, file) => {
    const document = await prepared(file);
    const expected = astToString(
      await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], OPTIONS),
    );
    expect(schemaTypesText(structuredClone(document))).toBe(expected);
    // Its discriminator scan: the same result, the same changes to the document.
    const [ours, theirs] = [structuredClone(document), structuredClone(document)];
    expect(scanDiscriminators(ours, OPTIONS)).toEqual(theirScan(theirs as Parameters<typeof theirScan>[0], OPTIONS));
    expect(ours).toEqual(theirs);
    // Large interfaces are printed some members at a time; with two at a time, every spec's are.
    expect(schemaTypesTextOf({ document: structuredClone(document) }, undefined, { chunk: 2 })).toBe(expected);
  });

  test('with operations in paths, webhooks and components path items, printed before and after the components', async () => {
    // The operations interface is printed once the paths and webhooks are transformed; the components' path items add
    // to it afterwards (putC, postB through a path's $ref), and those come after the ones printed already.
    const json = { 'application/json': { schema: { $ref: '#/components/schemas/S' } } };
    const document = {
      openapi: '3.1.0',
      info: { title: 'Late operations', version: '1' },
      paths: {
        '/a': { get: { operationId: 'getA', responses: { '200': { description: 'ok', content: json } } } },
        '/b': { $ref: '#/components/pathItems/B' },
      },
      webhooks: { hook: { post: { operationId: 'onHook', requestBody: { content: json }, responses: {} } } },
      components: {
        schemas: { S: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
        pathItems: {
          B: { post: { operationId: 'postB', responses: { '201': { description: 'made' } } } },
          C: { put: { operationId: 'putC', responses: { '204': { description: 'none' } } } },
        },
      },
    };
    const expected = astToString(
      await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], OPTIONS),
    );
    expect(expected).toContain('putC');
    for (const chunk of [1, 2, 500])
      expect(schemaTypesTextOf({ document: structuredClone(document) }, undefined, { chunk })).toBe(expected);
  });

  test('and what the worker thread sends back', async () => {
    const document = await prepared(join(root, 'test/fixtures/features.yaml'));
    const expected = schemaTypesText(structuredClone(document));
    expect(await startSchemaTypes().emit(document)).toBe(expected);
  });
});
