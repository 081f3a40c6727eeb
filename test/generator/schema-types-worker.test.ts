// The schema types worker starts before the spec is loaded (the CLI prestarts it). When a run ends without using it
// (the spec refused first), it is stopped only once it has loaded: terminated while Node loads openapi-typescript's
// CommonJS build, Node 20 can fail an assertion in require(esm) and print it (seen in CI, after a refused $ref).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const schemaTypes = new URL('../../generator/emit/schema-types.ts', import.meta.url).href;

test('a prestarted worker no run took is stopped after it has loaded, not mid-load', async () => {
  // A script file, not `-e`: the worker inherits the process's flags, and `--input-type` fails a worker's file.
  const dir = await mkdtemp(join(tmpdir(), 'sdkgen-worker-'));
  const script = join(dir, 'stop.mjs');
  await writeFile(
    script,
    [
      `const { prestartSchemaTypes, stopPrestarted } = await import(${JSON.stringify(schemaTypes)});`,
      'prestartSchemaTypes();',
      'await stopPrestarted();',
      "process.stderr.write('stopped\\n');",
    ].join('\n'),
  );
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script],
      { cwd: root, env: { ...process.env, SDKGEN_DEBUG: '1' } },
      (error, _stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
  await rm(dir, { recursive: true, force: true });
  expect(code).toBe(0);
  // The worker's own mark (written when its modules have loaded) comes before the stop.
  const loaded = stderr.indexOf('[sdkgen worker] openapi-typescript loaded');
  expect(loaded).toBeGreaterThanOrEqual(0);
  expect(loaded).toBeLessThan(stderr.indexOf('stopped'));
  expect(stderr).not.toMatch(/Assertion failed|Native stack trace/);
}, 60_000);
