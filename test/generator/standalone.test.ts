// The generated package on its own: its tests start and stop their own mock server, and its build uses its own
// compiler, never one from a folder above it (a parent project's TypeScript 5 cannot read its tsconfig: TS5095).
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const scratch: string[] = [];

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** A copy of generated/ without its install or build. */
async function copyOfGenerated(parent: string): Promise<string> {
  const dir = await mkdtemp(join(parent, '.standalone-'));
  scratch.push(dir);
  await cp(join(root, 'generated'), dir, { recursive: true, filter: (source) => !/[\\/](dist|node_modules)$/.test(source) });
  return dir;
}

describe('the generated package on its own', () => {
  test("its tests' global setup starts Prism on the package's own spec copy, and stops it", async () => {
    const { default: setup } = (await import('../../generated/tests/global-setup.js')) as { default: (project: TestProject) => Promise<(() => Promise<void>) | undefined> };
    const provided: Record<string, string> = {};
    const previous = process.env['TEST_API_BASE_URL'];
    delete process.env['TEST_API_BASE_URL'];
    let teardown: (() => Promise<void>) | undefined;
    try {
      teardown = await setup({ provide: (key: string, value: string) => (provided[key] = value) } as unknown as TestProject);
    } finally {
      if (previous !== undefined) process.env['TEST_API_BASE_URL'] = previous;
    }
    const url = provided['TEST_API_BASE_URL']!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Prism answers from tests/openapi.json: a route the spec has, with an example body.
    const response = await fetch(`${url}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('issuer');
    await teardown!();
    await expect(fetch(url)).rejects.toThrow();
  }, 90_000);

  test('with TEST_API_BASE_URL set, it starts nothing', async () => {
    const { default: setup } = (await import('../../generated/tests/global-setup.js')) as { default: (project: TestProject) => Promise<unknown> };
    const provided: Record<string, string> = {};
    process.env['TEST_API_BASE_URL'] = 'http://127.0.0.1:9';
    try {
      expect(await setup({ provide: (key: string, value: string) => (provided[key] = value) } as unknown as TestProject)).toBeUndefined();
    } finally {
      delete process.env['TEST_API_BASE_URL'];
    }
    expect(provided).toEqual({ TEST_API_BASE_URL: 'http://127.0.0.1:9' });
  });

  test("its build refuses a compiler from the folder above (this repository's TypeScript 5) and says what to do", async () => {
    // Inside this repository, whose node_modules has TypeScript 5, as generated/ itself is.
    const dir = await copyOfGenerated(join(root, 'test'));
    const failure = await run(process.execPath, ['scripts/build.mjs'], { cwd: dir }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 1, stderr: "error: this package's TypeScript is not installed: run `npm install` in this folder first\n" });
  });

  // npm install of the package's devDependencies (TypeScript 7, vitest, Prism) takes a minute or two: run on demand
  // with SDKGEN_STANDALONE=1 (the pack test covers the generator's side of the flow on every run).
  test.runIf(process.env['SDKGEN_STANDALONE'])('npm install && npm test && npm pack, outside any project', async () => {
    const dir = await copyOfGenerated(tmpdir());
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent'], { cwd: dir });
    const { FORCE_COLOR: _, ...env } = process.env;
    const { stdout } = await run('npm', ['test'], { cwd: dir, env: { ...env, TEST_API_BASE_URL: '', NO_COLOR: '1' } });
    expect(stdout).toMatch(/Tests\s+\d+ passed \(\d+\)\n/);
    await run('npm', ['pack', '--silent'], { cwd: dir });
    expect((await readdir(dir)).some((name) => name.endsWith('.tgz'))).toBe(true);
  }, 600_000);
});
