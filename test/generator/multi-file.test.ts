// A spec split over several files (paths and schemas in their own files, refs relative to the file they are in) is
// bundled into one document and gives the same kind of SDK as a single-file spec.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generate, type GenerateResult } from '../../generator/generate.js';
import { writeOutput } from '../../generator/write/write-output.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'test/.multi-file-sdk');
let result: GenerateResult;
const file = (path: string) => result.files.find((candidate) => candidate.path === path)!.text;

beforeAll(async () => {
  result = await generate({ spec: 'test/fixtures/multi-file/openapi.yaml', cwd: root });
  await writeOutput(out, result.files);
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

test('operations from a path file and schemas from schema files (and the files they refer to) are all there', () => {
  expect(result.model.resources.map((resource) => resource.chain.join('.'))).toEqual(['pets']);
  expect(result.model.resources[0]!.methods.map((method) => method.name).sort()).toEqual(['create', 'list', 'retrieve']);
  const models = file('src/models.ts');
  for (const name of ['Pet', 'NewPet', 'Category']) expect(models).toMatch(new RegExp(`export type ${name} = `));
  // The schema types carry the referenced files' descriptions, and no reference to another file is left.
  expect(file('src/internal/openapi.ts')).toContain('What kind of pet.');
  expect(file('src/internal/openapi.ts').split('\n').slice(1).join('\n')).not.toMatch(/\.yaml/);
});

test('the SDK, tests included, passes tsc --strict', async () => {
  const checked = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json')]).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  expect(checked).toBe('');
}, 120_000);
