// The main thread of a generation loads neither openapi-typescript nor the TypeScript compiler: they are the schema
// types worker's (emit/schema-types-worker.mjs), and ts-morph is loaded only for a structure the direct printer leaves
// to it. Each loaded in the main thread costs every generation ~0.5 s and 70 MB of resident memory beside the worker's
// copy (on a Graph-sized spec, the difference between under and over 1 GB).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { UPLOADABLE } from '../../generator/emit/schema-types-transform.mjs';
import { UPLOADABLE as MAIN_UPLOADABLE } from '../../generator/emit/type-expressions.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

test('the generator up to emitting and printing every file loads no compiler in its own thread', async () => {
  // A fresh process (vitest's own may have any module loaded): the generator's modules, a model emitted and printed,
  // then the CommonJS modules it loaded.
  const script = `
    const { buildModel } = await import('./generator/model/build-model.ts');
    const { emitPackage } = await import('./generator/emit/emit-package.ts');
    const { loadSpec } = await import('./generator/load/load-spec.ts');
    const { repairSpec } = await import('./generator/load/repair.ts');
    const { document } = await loadSpec('test/fixtures/features.yaml');
    repairSpec(document, []);
    let files = 0;
    for await (const group of emitPackage(buildModel(document, {}, 'features.yaml'))) files += group.length;
    const { createRequire } = await import('node:module');
    const loaded = Object.keys(createRequire(import.meta.url).cache)
      .map((file) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file)?.[1])
      .filter((name) => ['typescript', 'openapi-typescript', 'ts-morph'].includes(name));
    console.log(JSON.stringify({ files, loaded: [...new Set(loaded)] }));
  `;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
  });
  const { files, loaded } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { files: number; loaded: string[] };
  expect(files).toBeGreaterThan(20);
  expect(loaded).toEqual([]);
}, 60_000);

test("the main thread's name of the runtime's upload type is the schema types'", () => {
  expect(MAIN_UPLOADABLE).toBe(UPLOADABLE);
});
