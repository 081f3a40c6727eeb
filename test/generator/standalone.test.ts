// The generated package on its own: its tests start and stop their own mock server (no Prism, no spec), and its build
// uses its own compiler, never one from a folder above it (a parent project's TypeScript 5 cannot read its tsconfig: TS5095).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

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
  await cp(join(root, 'generated'), dir, {
    recursive: true,
    filter: (source) => !/[\\/](dist|node_modules)$/.test(source),
  });
  return dir;
}

describe('the generated package on its own', () => {
  test("its tests' mock server answers a request that matches with the response set, and a 400 naming what differs", async () => {
    const { startMockServer } = await import('../../generated/tests/mock-server.js');
    const mock = await startMockServer();
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const served = mock.respond(
        {
          method: 'POST',
          path: '/things/{thing_id}/parts',
          query: ['kind'],
          headers: ['X-Tenant'],
          body: 'application/json',
        },
        { status: 201, contentType: 'application/json', body: { id: 'p1' } },
      );
      expect(served.body).toEqual({ id: 'p1' });
      const send = (path: string, init: RequestInit = {}): Promise<Response> =>
        fetch(`${mock.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tenant': 't' },
          body: '{"a":1}',
          ...init,
        });
      const ok = await send('/things/t%201/parts?kind[eq]=a');
      expect([ok.status, await ok.json()]).toEqual([201, { id: 'p1' }]);
      expect(mock.requests).toMatchObject([{ method: 'POST', path: '/things/t%201/parts', body: '{"a":1}' }]);
      const problems = [
        [send('/things/t1/parts?kind=a', { method: 'PUT' }), 'expected method POST'],
        [send('/things/parts?kind=a'), 'expected path /things/{thing_id}/parts'],
        [send('/things/a/b/parts?kind=a'), 'expected path /things/{thing_id}/parts'],
        [send('/things/t1/parts?kinds=a'), 'expected query param kind'],
        [
          send('/things/t1/parts?kind=a', { headers: { 'content-type': 'application/json' } }),
          'expected header X-Tenant',
        ],
        [send('/things/t1/parts?kind=a', { body: '' }), 'expected a request body'],
        [
          send('/things/t1/parts?kind=a', { headers: { 'content-type': 'text/plain', 'x-tenant': 't' } }),
          'expected a application/json body, got text/plain',
        ],
      ] as const;
      for (const [response, problem] of problems) {
        const answer = await response;
        expect(answer.status).toBe(400);
        expect(((await answer.json()) as { message: string }).message).toContain(`mock server: ${problem} (got `);
      }
      expect(mock.requests).toHaveLength(1 + problems.length);
      // A new response starts a new list of requests.
      mock.respond({ method: 'GET', path: '/things' }, { status: 204 });
      expect(mock.requests).toEqual([]);
      expect((await fetch(`${mock.url}/things`)).status).toBe(204);
      expect(() => mock.respond({ method: 'GET', path: '/things' }, undefined)).toThrow('no response for GET /things');
      // A path that starts with `//` is a path, not a host.
      mock.respond({ method: 'GET', path: '//things' }, { status: 204 });
      expect((await fetch(`${mock.url}//things?a=1`)).status).toBe(204);
      expect(mock.requests).toMatchObject([{ path: '//things' }]);
    } finally {
      await mock.close();
    }
    await expect(fetch(mock.url)).rejects.toThrow();
  });

  test("its tests' mock server sends text as is, JSON as JSON and each event of a stream as JSON data", async () => {
    const { startMockServer, textOf } = await import('../../generated/tests/mock-server.js');
    const mock = await startMockServer();
    try {
      const answer = async (contentType: string, body: unknown): Promise<[string | null, string]> => {
        mock.respond({ method: 'GET', path: '/x' }, { status: 200, contentType, body });
        const response = await fetch(`${mock.url}/x`);
        return [response.headers.get('content-type'), await response.text()];
      };
      expect(await answer('text/plain', 'hello')).toEqual(['text/plain', 'hello']);
      expect(await answer('application/vnd.api+json', 'hello')).toEqual(['application/vnd.api+json', '"hello"']);
      expect(await answer('text/event-stream', [{ n: 1 }, 'two'])).toEqual([
        'text/event-stream',
        'data: {"n":1}\n\ndata: "two"\n\n',
      ]);
      expect(await textOf(new Blob(['bytes']))).toBe('bytes');
    } finally {
      await mock.close();
    }
  });

  test('its tests need neither Prism nor the spec: openapi-fetch is its one dependency', async () => {
    const manifest = JSON.parse(await readFile(join(root, 'generated/package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(Object.keys(manifest['dependencies']!)).toEqual(['openapi-fetch']);
    // The MCP SDK: an optional peer of the /mcp entry, and a devDependency for the package's own build and tests.
    expect(Object.keys(manifest['devDependencies']!).sort()).toEqual([
      '@modelcontextprotocol/sdk',
      '@types/node',
      'esbuild',
      'typescript',
      'vitest',
    ]);
    expect(manifest['peerDependencies']).toEqual({
      '@modelcontextprotocol/sdk': manifest['devDependencies']!['@modelcontextprotocol/sdk'],
    });
    expect(manifest['scripts']!['test']).toBe('vitest run');
    expect(existsSync(join(root, 'generated/tests/openapi.json'))).toBe(false);
  });

  test("its build refuses a compiler from the folder above (this repository's TypeScript 5) and says what to do", async () => {
    // Inside this repository, whose node_modules has TypeScript 5, as generated/ itself is.
    const dir = await copyOfGenerated(join(root, 'test'));
    const failure = await run(process.execPath, ['scripts/build.mjs'], { cwd: dir }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({
      code: 1,
      stderr: "error: this package's TypeScript is not installed: run `npm install` in this folder first\n",
    });
  });

  // npm install of the package's devDependencies (TypeScript 7, vitest, esbuild) takes a minute: run on demand
  // with SDKGEN_STANDALONE=1 (the pack test covers the generator's side of the flow on every run).
  test.runIf(process.env['SDKGEN_STANDALONE'])(
    'npm install && npm test && npm pack, outside any project',
    async () => {
      const dir = await copyOfGenerated(tmpdir());
      await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent'], { cwd: dir });
      const { FORCE_COLOR: _, ...env } = process.env;
      const { stdout } = await run('npm', ['test'], { cwd: dir, env: { ...env, NO_COLOR: '1' } });
      expect(stdout).toMatch(/Tests\s+\d+ passed \(\d+\)\n/);
      await run('npm', ['pack', '--silent'], { cwd: dir });
      expect((await readdir(dir)).some((name) => name.endsWith('.tgz'))).toBe(true);
    },
    600_000,
  );
});
