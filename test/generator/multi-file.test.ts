// A spec split over several files (paths and schemas in their own files, refs relative to the file they are in) is
// bundled into one document and gives the same kind of SDK as a single-file spec.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type GeneratedSdk, generateSdk } from '../support/generated-sdk.js';

let sdk: GeneratedSdk;
const file = (path: string) => sdk.file(path);

beforeAll(async () => {
  sdk = await generateSdk('test/fixtures/multi-file/openapi.yaml', '.multi-file-sdk');
}, 60_000);
afterAll(() => sdk.remove());

test('operations from a path file and schemas from schema files (and the files they refer to) are all there', () => {
  expect(sdk.result.model.resources.map((resource) => resource.chain.join('.'))).toEqual(['pets']);
  expect(sdk.result.model.resources[0]!.methods.map((method) => method.name).sort()).toEqual([
    'create',
    'list',
    'retrieve',
  ]);
  const models = file('src/models.ts');
  for (const name of ['Pet', 'NewPet', 'Category']) expect(models).toMatch(new RegExp(`export type ${name} = `));
  // The schema types carry the referenced files' descriptions, and no reference to another file is left.
  expect(file('src/internal/openapi.ts')).toContain('What kind of pet.');
  expect(file('src/internal/openapi.ts').split('\n').slice(1).join('\n')).not.toMatch(/\.yaml/);
});

test('the SDK, tests included, passes tsc --strict', async () => {
  expect(await sdk.typecheck()).toBe('');
}, 120_000);
