// Known traps in real specs (each seen in peers' output): the generated SDK must compile and spec text must stay text.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GeneratedSdk, generateSdk } from '../support/generated-sdk.js';

let sdk: GeneratedSdk;
const file = (path: string) => sdk.file(path);

beforeAll(async () => {
  sdk = await generateSdk('test/fixtures/traps.yaml', '.traps-sdk');
}, 60_000);
afterAll(() => sdk.remove());

describe('traps', () => {
  test('the SDK, tests included, passes tsc --strict', async () => {
    expect(await sdk.typecheck()).toBe('');
  }, 120_000);

  test('schema names that shadow globals, are reserved, differ only in case, or start with a digit', () => {
    const models = file('src/models.ts');
    for (const alias of [
      'BlobModel',
      'ErrorModel',
      'PromiseModel',
      'RecordModel',
      'Default',
      'Pet',
      'Pet2',
      '_2faSettings',
      'ABC',
    ]) {
      expect(models).toContain(`export type ${alias} = components['schemas']`);
    }
  });

  test('descriptions cannot end a comment or inject code', () => {
    const everything = sdk.result.files
      .filter((candidate) => candidate.path.endsWith('.ts'))
      .map((candidate) => candidate.text)
      .join('\n');
    expect(everything).not.toMatch(/\*\/ console\.log\('injected'\)/);
    // `/*` too: ts-morph's writer misplaces a comment's end after one.
    expect(file('src/client.ts')).toContain(
      "Ends a comment early *\\/ console.log('injected'); /\\* and uses `backticks`, ${process.exit(1)}",
    );
    expect(file('src/models.ts')).toContain('A pet *\\/ with a `tick` and ${injection}');
  });

  test('paths with dots and dashes (files.versions.retrieve(versionID, { "file.name" })), the same name in path and query, ranges and text bodies', () => {
    const files = file('src/resources/files/versions.ts');
    expect(files).toContain("pathParams: { 'file.name': fileName, 'version-id': versionID }");
    expect(files).toMatch(/retrieve\(\s*versionID: number,\s*params: VersionRetrieveParams,/);
    expect(files).toContain("const { 'file.name': fileName } = params;");
    expect(files).toContain("response: 'text'");
    const items = file('src/resources/items.ts');
    expect(items).toMatch(/retrieve\(id: string, query: ItemRetrieveParams = \{\}/);
    expect(items).toContain("accept: 'application/xml'");
  });

  test('a body field with the name of a query param: the body goes under `body`, not into the query', () => {
    // `PUT /items/{id}/tags`, the only operation under `tags`, is `items.updateTags`.
    const tags = file('src/resources/items.ts');
    expect(tags).toMatch(/ItemUpdateTagsParams = NonNullable<[^>]+\['query'\]> & \{\s*body\?: /);
    expect(tags).toContain("queryKeys: ['ids'],");
    expect(tags).toContain("bodyKey: 'body'");
  });

  test('additionalProperties next to optional properties: the index signature admits the declared properties', () => {
    // Without the widening, `kind` and `parent` would be unusable: `{ kind?: ... } & { [key: string]: string }`.
    expect(file('src/internal/openapi.ts')).toMatch(
      /\[key: string\]: string \| \('' \| 'a b' \| '\*\/' \| 'null'\) \| components\['schemas'\]\['Pet'\];/,
    );
  });

  test("per-operation types index openapi-typescript's operations by operationId, `#` written as `/`", () => {
    expect(file('src/resources/widgets.ts')).toContain("operations['widgets/list']['parameters']['query']");
  });

  test('form bodies with nested objects and arrays are sent as forms', () => {
    expect(file('src/resources/charges.ts')).toContain("bodyEncoding: 'form'");
  });
});

describe('names JavaScript gives a meaning (issue #11: each gave an SDK that did not compile)', () => {
  test('an empty or punctuation-only path segment (/seg/*/{id}, /a//b) is a resource with a file name', () => {
    const paths = sdk.result.files.map((candidate) => candidate.path);
    expect(paths).toContain('src/resources/seg/_.ts');
    for (const path of paths)
      expect(
        path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'),
        path,
      ).toBe(true);
  });

  test('constructor and toString as param, property, security scheme, schema and operationId names', () => {
    // Optional members named like inherited ones admit the inherited type: `{}` has a `constructor` (Function).
    expect(file('src/internal/openapi.ts')).toContain("constructor?: string | Object['constructor'];");
    expect(file('src/internal/openapi.ts')).toContain("toString?: number | Object['toString'];");
    // Under an inherited name, TypeScript gives the value no contextual type: its literals keep theirs.
    expect(file('src/core-client.ts')).toContain(
      "constructor: { type: 'apiKey' as const, in: 'header' as const, name: 'X-Constructor' as const }",
    );
    expect(file('src/models.ts')).toContain("export type Constructor = components['schemas']['constructor'];");
  });
});
