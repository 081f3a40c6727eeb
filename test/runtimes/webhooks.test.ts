// The webhook verifier the SDKs ship (templates/src/webhooks) verifies synchronously in Node 20 and 22, Bun, Deno and
// headless Chromium: it is bundled as an SDK's bundler would (with @noble's crypto), and checks signatures made here
// by node:crypto. A runtime that cannot be installed is skipped, saying so.

import { execFile } from 'node:child_process';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../support/http-server.js';
import { installRuntimes, RUNTIME_BINARIES, RUNTIMES_DIR } from './install.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'test/.runtimes-webhooks');
const bundle = join(out, 'verify.mjs');
const installProblem = await installRuntimes();
if (installProblem) process.stderr.write(`test/runtimes: could not install Node 22, Bun and Deno: ${installProblem}\n`);
// As runtimes.test.ts: where the packages ship binaries, CI runs them and a failed install fails the run.
const ci = process.env['CI'] === '1' || process.env['CI'] === 'true';
if (installProblem && ci && process.platform === 'linux' && process.arch === 'x64')
  throw new Error(`npm ci in test/runtimes failed: ${installProblem}`);

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const ts = String(Math.floor(NOW / 1000));
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const ed25519Key = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
const body = JSON.stringify({ data: { event_type: 'call.answered', payload: { note: 'ünïcödé ☎ 日本' } } });
const ed25519 = {
  type: 'ed25519',
  signatureHeader: 'telnyx-signature-ed25519',
  timestampHeader: 'telnyx-timestamp',
  signedContent: '{timestamp}|{body}',
};
const edHeaders = {
  'Telnyx-Signature-Ed25519': sign(null, Buffer.from(`${ts}|${body}`), privateKey).toString('base64'),
  'telnyx-timestamp': ts,
};
const secret = Buffer.from('a standard webhooks secret');
const stdHeaders = {
  'webhook-id': 'msg_1',
  'webhook-timestamp': ts,
  'webhook-signature': `v1,${createHmac('sha256', secret).update(`msg_1.${ts}.${body}`).digest('base64')}`,
};
const vectors = [
  { scheme: ed25519, body, headers: edHeaders, key: ed25519Key, now: NOW },
  { scheme: ed25519, body: `${body} `, headers: edHeaders, key: ed25519Key, now: NOW },
  { scheme: ed25519, body, headers: edHeaders, key: ed25519Key, now: NOW + 600_000 },
  { scheme: { type: 'standard' }, body, headers: stdHeaders, key: `whsec_${secret.toString('base64')}`, now: NOW },
  {
    scheme: { type: 'standard' },
    body,
    headers: stdHeaders,
    key: `whsec_${Buffer.from('other').toString('base64')}`,
    now: NOW,
  },
];
const expected = [
  'ok',
  'WebhookVerificationError: No matching signature found',
  'WebhookVerificationError: Message timestamp too old',
  'ok',
  'WebhookVerificationError: No matching signature found',
];

let web: TestServer;

beforeAll(async () => {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // As a bundler builds an SDK for the browser or an edge runtime: one ES module, no Node built-ins.
  await build({
    entryPoints: [join(root, 'templates/src/webhooks/verify.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile: bundle,
    logLevel: 'silent',
  });
  web = await startServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end(`<!doctype html><script type="module">
import { checkVectors } from '/check.mjs';
checkVectors('/verify.mjs', ${JSON.stringify(vectors)}).then((result) => { window.result = result; }, (error) => { window.result = String(error); });
</script>`);
    }
    const file =
      path === '/verify.mjs' ? bundle : path === '/check.mjs' ? join(RUNTIMES_DIR, 'webhooks-check.mjs') : undefined;
    if (!file) return void response.writeHead(404).end();
    void readFile(file).then((text) =>
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(text),
    );
  });
}, 120_000);

afterAll(async () => {
  await web?.close();
  await rm(out, { recursive: true, force: true });
});

const runtimes: Array<[string, string, (script: string) => string[]]> = [
  ['Node 20 (this process)', process.execPath, (script) => [script]],
  ['Node 22', RUNTIME_BINARIES['Node 22'], (script) => [script]],
  ['Bun', RUNTIME_BINARIES.Bun, (script) => ['run', script]],
  ['Deno', RUNTIME_BINARIES.Deno, (script) => ['run', '--allow-read', script]],
];

describe('webhook verification in every runtime', () => {
  for (const [name, binary, args] of runtimes) {
    test.skipIf(!existsSync(binary))(
      `${name}${existsSync(binary) ? '' : ` (not installed: ${binary})`}`,
      async () => {
        const { stdout } = await run(
          binary,
          [...args(join(RUNTIMES_DIR, 'webhooks-check.mjs')), pathToFileURL(bundle).href, JSON.stringify(vectors)],
          {
            cwd: root,
            env: { ...process.env, NO_COLOR: '1' },
            timeout: 60_000,
          },
        );
        expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual(expected);
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
        await page.goto(web.url);
        await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, undefined, {
          timeout: 30_000,
        });
        expect(await page.evaluate(() => (window as unknown as { result: unknown }).result)).toEqual(expected);
      } finally {
        await browser.close();
      }
    },
    90_000,
  );
});
