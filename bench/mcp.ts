// `npm run bench -- mcp`: the MCP server of the full Telnyx SDK (../shared/specs/telnyx/spec3.yml, generated into
// .bench/mcp/full): the size of `tools/list` in each mode (bytes, and tokens estimated as bytes / 4: no tokenizer is
// installed), and the time from starting the server (its bin bundled by esbuild, as `npm run build` + node would run it)
// to the first `tools/list` answer, median of 5 over stdio. Also the webhook verifier's cost in a bundle: the
// `webhooks` resource alone, and a create call's bundle, which must not hold it. Writes "mcp" into bench/results.json.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { build } from 'esbuild';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench/mcp');
const full = join(work, 'full');
const GOALS = { dynamicTokens: 5000, startMs: 300 };

async function listSize(mode: 'all' | 'dynamic'): Promise<{ tools: number; bytes: number; tokens: number }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(work, 'bin.mjs'), '--tools', mode],
    env: { ...(process.env as Record<string, string>), TELNYX_API_KEY: 'k' },
  });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  await client.close();
  const bytes = Buffer.byteLength(JSON.stringify({ tools }));
  return { tools: tools.length, bytes, tokens: Math.round(bytes / 4) };
}

async function startToList(): Promise<number> {
  const started = performance.now();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(work, 'bin.mjs')],
    env: { ...(process.env as Record<string, string>), TELNYX_API_KEY: 'k' },
  });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  await client.listTools();
  const ms = performance.now() - started;
  await client.close();
  return ms;
}

async function gzipBundle(contents: string): Promise<{ bytes: number; text: string }> {
  const result = await build({
    stdin: { contents, resolveDir: join(full, 'src'), loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]!.text;
  return { bytes: gzipSync(text, { level: 9 }).length, text };
}

export async function mcpBench(): Promise<void> {
  if (!existsSync(join(full, 'src/mcp/bin.ts'))) {
    process.stderr.write('  generating the full Telnyx SDK\n');
    await run(
      process.execPath,
      [
        join(root, 'generator/run.mjs'),
        'generate',
        '--no-config',
        '--spec',
        join(root, '../shared/specs/telnyx/spec3.yml'),
        '--out',
        full,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
  }
  await build({
    entryPoints: [join(full, 'src/mcp/bin.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(work, 'bin.mjs'),
    external: ['@modelcontextprotocol/sdk', 'openapi-fetch'],
    logLevel: 'silent',
    nodePaths: [join(root, 'node_modules')],
  });
  // The bundle imports its externals by name: resolved from the repository's node_modules.
  await rm(join(work, 'node_modules'), { force: true, recursive: true });
  await run('ln', ['-s', join(root, 'node_modules'), join(work, 'node_modules')]);
  process.stderr.write('  tools/list in each mode\n');
  const sizes = { all: await listSize('all'), dynamic: await listSize('dynamic') };
  process.stderr.write('  start to first tools/list, 5 runs\n');
  const starts: number[] = [];
  for (let index = 0; index < 5; index++) starts.push(await startToList());
  const startMs = starts.sort((a, b) => a - b)[2]!;
  process.stderr.write('  webhook verifier in bundles\n');
  const webhooks = await gzipBundle(
    "import { Webhooks } from './resources/webhooks.js'; import { TelnyxCore } from './core-client.js'; export const event = new Webhooks(new TelnyxCore({ apiKey: 'k' })).unwrap('{}', { headers: {} });",
  );
  const createCall = await gzipBundle(
    "import { OauthClients } from './resources/oauth-clients.js'; import { TelnyxCore } from './core-client.js'; export const created = new OauthClients(new TelnyxCore({ apiKey: 'k' })).create({ allowed_grant_types: ['client_credentials'], allowed_scopes: ['admin'], client_type: 'public', name: 'n' });",
  );
  const figures = {
    node: process.version,
    goals: GOALS,
    tokensEstimate: 'bytes / 4 (no tokenizer installed)',
    toolsList: sizes,
    startToFirstListMs: Math.round(startMs),
    webhooks: {
      verifierBundleGzipBytes: webhooks.bytes,
      createCallBundleGzipBytes: createCall.bytes,
      createCallHoldsVerifier: /ed25519|Message timestamp too old/.test(createCall.text),
    },
  };
  const file = join(root, 'bench/results.json');
  const existing = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>) : {};
  await writeFile(file, `${JSON.stringify({ ...existing, mcp: figures }, null, 2)}\n`);
  const lines = [
    '| measure | ours | goal |',
    '|---|---|---|',
    `| tools/list, one tool per method (${sizes.all.tools} tools) | ${sizes.all.tokens} tokens (${(sizes.all.bytes / 1000).toFixed(0)} kB) | |`,
    `| tools/list, --tools=dynamic (${sizes.dynamic.tools} tools) | ${sizes.dynamic.tokens} tokens | < ${GOALS.dynamicTokens} |`,
    `| start to first tools/list, stdio (median of 5) | ${Math.round(startMs)} ms | < ${GOALS.startMs} |`,
    `| webhooks.unwrap bundle, resource alone (min+gzip) | ${(webhooks.bytes / 1000).toFixed(1)} kB | |`,
    `| a create call's bundle holds the verifier | ${figures.webhooks.createCallHoldsVerifier ? 'yes' : 'no'} | no |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await mcpBench();
