// `npm run bench -- runtime`: the generated SDK's per-call cost beside raw fetch and the official `telnyx` package (when
// installed under bench/), against a local server in its own process. Each worker process measures one thing for every
// contender, in turns (a slow spell of the shared machine hits all alike), over BENCH_ROUNDS rounds; medians reported.
// - throughput: BENCH_CALLS `oauthClients.create` calls, 64 in flight: req/s and client CPU per call
// - sequential `oauthClients.retrieve`: mean latency, and client CPU per call
// - pagination: walking 50 pages with `for await`
// - heap after GC at the end of each round (no growth across rounds), and heap allocated per call (a separate worker
//   with a young generation large enough that no GC runs while it counts)
// Two floor contenders split what a call costs above raw fetch: fetch sending what ours sends (its headers, a timeout
// signal, manual redirects), then that carried by openapi-fetch's client as ours is; the rest is the SDK's own work.
// Another contender, `ours at <rev>`, is the SDK as generated before issue #25's transport work (BENCH_BASELINE, a git
// revision; `none` skips it), compiled alike: the runtime before and after, in one run.
// Ours runs as its users run it: compiled by the package's own compiler (TypeScript 7, as its build does) into
// .bench/runtime-sdk, as the official SDK runs from its published JavaScript; not through tsx's transform, which adds a
// `__name` call to every function it creates (esbuild's keepNames) and so costs a call work no build would do.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 5));
const CALLS = Math.max(100, Number(process.env['BENCH_CALLS'] ?? 5000));
const IN_FLIGHT = 64;
// Sequential calls are short and the machine is shared: enough of them that a slow spell is a small part of a round.
const SEQUENTIAL = 1000;
const ALLOC_CALLS = 200;
const SDK_BUILD = '.bench/runtime-sdk';
const BASELINE_BUILD = '.bench/runtime-baseline';
const FLOOR_SENT = 'fetch, as ours sends';
const FLOOR_TRANSPORT = 'that, via openapi-fetch';
/** The last commit before issue #25's transport work (every request through openapi-fetch): its runtime, side by side. */
const BASELINE_REV = process.env['BENCH_BASELINE'] ?? 'ba0cffe^';

interface Contender {
  name: string;
  create(): Promise<unknown>;
  retrieve(id: string): Promise<unknown>;
  /** Walks every page with `for await`; returns the number of items. */
  walk(): Promise<number>;
}

const params = {
  allowed_grant_types: ['client_credentials'],
  allowed_scopes: ['admin'],
  client_type: 'confidential',
  name: 'Bench client',
  redirect_uris: ['https://example.com/callback'],
} as const;

async function contenders(baseURL: string): Promise<Contender[]> {
  const headers = { authorization: 'Bearer bench-key', 'content-type': 'application/json', accept: 'application/json' };
  const raw: Contender = {
    name: 'raw fetch',
    async create() {
      const response = await fetch(`${baseURL}/oauth_clients`, {
        method: 'POST',
        headers,
        body: JSON.stringify(params),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    async retrieve(id) {
      const response = await fetch(`${baseURL}/oauth_clients/${encodeURIComponent(id)}`, { headers });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    async walk() {
      let count = 0;
      for (let page = 1; ; page++) {
        const response = await fetch(`${baseURL}/oauth_clients?page[number]=${page}`, { headers });
        const body = (await response.json()) as { data: unknown[]; meta: { page_number: number; total_pages: number } };
        count += body.data.length;
        if (body.meta.page_number >= body.meta.total_pages) return count;
      }
    },
  };
  const { Telnyx } = await import(pathToFileURL(join(root, SDK_BUILD, 'index.js')).href);
  const client = new Telnyx({ apiKey: 'bench-key', baseURL, maxRetries: 0 });
  // Our SDK and the official one are called alike: the same calls on `client.oauthClients`.
  const sdkContender = (name: string, sdk: typeof client): Contender => ({
    name,
    create: () => sdk.oauthClients.create(params),
    retrieve: (id) => sdk.oauthClients.retrieve(id),
    async walk() {
      let count = 0;
      for await (const _item of sdk.oauthClients.list()) count++;
      return count;
    },
  });
  // The floor under any SDK call, in two steps: fetch sending what ours sends (its headers, taken from one call of
  // each kind, as a Headers; an AbortSignal and a timer that covers the body; redirect 'manual', so that credentials
  // stay on the API's origin) and reading the body as text; then the same carried by openapi-fetch's client, as ours
  // is (the SDK build's own transport module). What is left above them is the SDK's own work.
  const sent: Record<string, Headers> = {};
  const spy = new Telnyx({
    apiKey: 'bench-key',
    baseURL,
    maxRetries: 0,
    fetch: (url: string, init: RequestInit) => {
      sent[init.method ?? 'GET'] = new Headers(init.headers);
      return fetch(url, init);
    },
  });
  await spy.oauthClients.create(params);
  await spy.oauthClients.retrieve('id-0');
  const sendAsOurs = async (
    url: string,
    method: string,
    body?: string,
  ): Promise<{ response: Response; text: string }> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const response = await fetch(url, {
        method,
        headers: new Headers(sent[method]),
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
      return { response, text: await response.text() };
    } finally {
      clearTimeout(timer);
    }
  };
  const floor = (name: string, call: (url: string, method: string, body?: string) => Promise<unknown>): Contender => ({
    name,
    create: () => call(`${baseURL}/oauth_clients`, 'POST', JSON.stringify(params)),
    retrieve: (id) => call(`${baseURL}/oauth_clients/${encodeURIComponent(id)}`, 'GET'),
    async walk() {
      let count = 0;
      for (let page = 1; ; page++) {
        const body = (await call(`${baseURL}/oauth_clients?page[number]=${page}`, 'GET')) as {
          data: unknown[];
          meta: { page_number: number; total_pages: number };
        };
        count += body.data.length;
        if (body.meta.page_number >= body.meta.total_pages) return count;
      }
    },
  });
  const asSent = floor(FLOOR_SENT, async (url, method, body) => {
    const { response, text } = await sendAsOurs(url, method, body);
    if (!response.ok) throw new Error(`status ${response.status}`);
    return JSON.parse(text);
  });
  const { createTransport } = (await import(
    pathToFileURL(join(root, SDK_BUILD, 'internal/openapi-fetch.js')).href
  )) as typeof import('../generated/src/internal/openapi-fetch.js');
  const transport = createTransport<{ body?: string; text?: string }>(async (request) => {
    const { response, text } = await sendAsOurs(request.url, request.method, request.context.body);
    request.context.text = text;
    return response;
  });
  const viaOpenAPIFetch = floor(FLOOR_TRANSPORT, async (url, method, body) => {
    const context: { body?: string; text?: string } = { body };
    const { response } = await transport({ method, url, headers: Object.fromEntries(sent[method]!), context });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return JSON.parse(context.text!);
  });
  const list = [raw, asSent, viaOpenAPIFetch, sdkContender('ours', client)];
  if (existsSync(join(root, BASELINE_BUILD, 'index.js'))) {
    const before = await import(pathToFileURL(join(root, BASELINE_BUILD, 'index.js')).href);
    list.push(
      sdkContender(`ours at ${BASELINE_REV}`, new before.Telnyx({ apiKey: 'bench-key', baseURL, maxRetries: 0 })),
    );
  }
  const official = join(root, 'bench/node_modules/telnyx');
  if (existsSync(official)) {
    const required = createRequire(join(root, 'bench/package.json'))('telnyx') as { default?: unknown };
    const Official = (required.default ?? required) as new (options: object) => typeof client;
    list.push(sdkContender('official telnyx', new Official({ apiKey: 'bench-key', baseURL, maxRetries: 0 })));
  }
  return list;
}

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function throughput(contender: Contender): Promise<{ reqPerS: number; cpuMicrosPerCall: number }> {
  let next = 0;
  const cpu = cpuMicros();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next++ < CALLS) await contender.create();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { reqPerS: CALLS / seconds, cpuMicrosPerCall: (cpuMicros() - cpu) / CALLS };
}

/** Mean latency of sequential retrieves, and the client CPU each takes (steadier than wall time on a shared machine). */
async function sequential(contender: Contender): Promise<{ retrieveMs: number; retrieveCpuMicros: number }> {
  const cpu = cpuMicros();
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL; i++) await contender.retrieve(`id-${i}`);
  return {
    retrieveMs: (performance.now() - started) / SEQUENTIAL,
    retrieveCpuMicros: (cpuMicros() - cpu) / SEQUENTIAL,
  };
}

async function pagination(contender: Contender): Promise<number> {
  const started = performance.now();
  const count = await contender.walk();
  if (count !== 100) throw new Error(`${contender.name} walked ${count} items, not 100`);
  return performance.now() - started;
}

function heapAfterGC(): number {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size / 1024 / 1024;
}

/** Heap allocated per sequential `create`, counted where no GC runs (else the count is void: null). */
async function allocation(contender: Contender): Promise<number | null> {
  for (let i = 0; i < 50; i++) await contender.create();
  let collections = 0;
  const observer = new PerformanceObserver((list) => {
    collections += list.getEntries().length;
  });
  observer.observe({ entryTypes: ['gc'] });
  heapAfterGC();
  await new Promise((resolve) => setTimeout(resolve, 10));
  collections = 0;
  const before = v8.getHeapStatistics().used_heap_size;
  for (let i = 0; i < ALLOC_CALLS; i++) await contender.create();
  const after = v8.getHeapStatistics().used_heap_size;
  await new Promise((resolve) => setTimeout(resolve, 10));
  observer.disconnect();
  return collections > 0 ? null : (after - before) / ALLOC_CALLS / 1024;
}

const median = (values: number[]): number => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

type Row = Record<string, number>;

/** A worker: one kind of measure for every contender, in turns, rotating who goes first. */
async function worker(kind: 'load' | 'alloc', baseURL: string): Promise<void> {
  const list = await contenders(baseURL);
  for (const contender of list) {
    for (let i = 0; i < 200; i++) await contender.create(); // warm up: JIT, connections
    await contender.walk();
  }
  const rows: Record<string, Row[]> = Object.fromEntries(list.map((contender) => [contender.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < list.length; turn++) {
      const contender = list[(round + turn) % list.length]!;
      process.stderr.write(`  ${kind} round ${round + 1}/${ROUNDS}: ${contender.name}\n`);
      if (kind === 'alloc') {
        rows[contender.name]!.push({ allocKBPerCall: (await allocation(contender)) ?? NaN });
        continue;
      }
      const { reqPerS, cpuMicrosPerCall } = await throughput(contender);
      const { retrieveMs, retrieveCpuMicros } = await sequential(contender);
      const pagesMs = await pagination(contender);
      rows[contender.name]!.push({
        reqPerS,
        cpuMicrosPerCall,
        retrieveMs,
        retrieveCpuMicros,
        pagesMs,
        heapAfterGCMB: heapAfterGC(),
      });
    }
  }
  const out: Record<string, Row & { heapAfterGCByRound?: number[] }> = {};
  for (const [name, measures] of Object.entries(rows)) {
    const keys = Object.keys(measures[0] ?? {});
    out[name] = Object.fromEntries(keys.map((key) => [key, median(measures.map((row) => row[key]!))]));
    if (kind === 'load')
      out[name]!.heapAfterGCByRound = measures.map((row) => Math.round(row['heapAfterGCMB']! * 10) / 10);
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runWorker(kind: 'load' | 'alloc', baseURL: string): Promise<Record<string, Row>> {
  const flags = ['--expose-gc', ...(kind === 'alloc' ? ['--max-semi-space-size=256'] : []), '--import', 'tsx'];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...flags, fileURLToPath(import.meta.url), 'worker', kind, baseURL],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${kind} worker failed: ${stderr}`));
        process.stderr.write(stderr);
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, Row>);
      },
    );
  });
}

/**
 * Compiles a generated package's sources as its build does (its tsconfig, TypeScript 7), without declarations, into
 * `out` (under the repository, so that `openapi-fetch` resolves from its node_modules).
 */
function buildSDK(packageDir: string, out: string): Promise<void> {
  const tsc = join(root, 'node_modules/typescript-7/bin/tsc');
  const args = [tsc, '-p', join(packageDir, 'tsconfig.build.json'), '--outDir', join(root, out)];
  return new Promise((resolve, reject) => {
    rmSync(join(root, out), { recursive: true, force: true });
    execFile(
      process.execPath,
      [...args, '--declaration', 'false', '--sourceMap', 'false'],
      { cwd: root },
      (error, stdout) => (error ? reject(new Error(`building the generated SDK failed: ${stdout}`)) : resolve()),
    );
  });
}

/**
 * The generated SDK as it was at BASELINE_REV (its sources from git), compiled beside ours: the runtime before issue
 * #25 put openapi-fetch under every request, measured in the same run. Skipped (with a note) where git or that
 * commit is missing, or BENCH_BASELINE is `none`.
 */
async function buildBaseline(): Promise<boolean> {
  if (BASELINE_REV === 'none') return false;
  const sources = join(root, '.bench/runtime-baseline-src');
  rmSync(sources, { recursive: true, force: true });
  mkdirSync(sources, { recursive: true });
  const files = ['generated/src', 'generated/tsconfig.json', 'generated/tsconfig.build.json'];
  const extracted = await new Promise<boolean>((resolve) => {
    const archive = spawn('git', ['archive', '--format=tar', BASELINE_REV, ...files], { cwd: root });
    const untar = spawn('tar', ['-x', '-C', sources]);
    archive.stdout.pipe(untar.stdin);
    archive.on('error', () => resolve(false));
    archive.on('close', (code) => {
      if (code !== 0) resolve(false);
    });
    untar.on('close', (code) => resolve(code === 0));
  });
  if (!extracted) {
    process.stderr.write(`runtime bench: no baseline (git archive ${BASELINE_REV} failed)\n`);
    return false;
  }
  await buildSDK(join(sources, 'generated'), BASELINE_BUILD);
  return true;
}

async function orchestrate(): Promise<void> {
  await buildSDK(join(root, 'generated'), SDK_BUILD);
  await buildBaseline();
  const server = spawn(process.execPath, [join(root, 'bench/runtime-server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const baseURL = await new Promise<string>((resolve) =>
      server.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    process.stderr.write(`runtime bench: ${CALLS} calls x ${ROUNDS} rounds against ${baseURL}\n`);
    const load = await runWorker('load', baseURL);
    const alloc = await runWorker('alloc', baseURL);
    const results = Object.fromEntries(Object.entries(load).map(([name, row]) => [name, { ...row, ...alloc[name] }]));
    const file = join(root, 'bench/results.json');
    const existing = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>) : {};
    await writeFile(
      file,
      `${JSON.stringify({ ...existing, runtime: { calls: CALLS, rounds: ROUNDS, inFlight: IN_FLIGHT, node: process.version, results } }, null, 2)}\n`,
    );
    const raw = results['raw fetch']!;
    const fmt = (value: number | undefined, digits = 0): string =>
      value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
    const lines = [
      `| measure (median of ${ROUNDS}) | ${Object.keys(results).join(' | ')} | ours / raw | ours / official | ours / before |`,
      `|---|${Object.keys(results)
        .map(() => '---')
        .join('|')}|---|---|---|`,
    ];
    const ratio = (ours: number, other: number | undefined): string => (other ? fmt(ours / other, 2) : 'n/a');
    const row = (label: string, key: string, digits: number): void => {
      const values = Object.values(results).map((r) => (r as Row)[key]);
      const ours = (results['ours'] as Row)[key]!;
      const official = (results['official telnyx'] as Row | undefined)?.[key];
      const before = (results[`ours at ${BASELINE_REV}`] as Row | undefined)?.[key];
      lines.push(
        `| ${label} | ${values.map((value) => fmt(value, digits)).join(' | ')} | ${ratio(ours, (raw as Row)[key])} | ${ratio(ours, official)} | ${ratio(ours, before)} |`,
      );
    };
    row(`throughput, ${CALLS} create calls, ${IN_FLIGHT} in flight (req/s)`, 'reqPerS', 0);
    row('client CPU per call (µs)', 'cpuMicrosPerCall', 0);
    row(`heap allocated per call (kB; ${ALLOC_CALLS} sequential calls, no GC)`, 'allocKBPerCall', 1);
    row('sequential retrieve, mean (ms)', 'retrieveMs', 3);
    row('sequential retrieve, client CPU per call (µs)', 'retrieveCpuMicros', 0);
    row('pagination, 50 pages (ms)', 'pagesMs', 1);
    row('heap after GC (MB)', 'heapAfterGCMB', 1);
    const floorOf = (name: string): string =>
      ratio((results[name] as Row)['cpuMicrosPerCall']!, raw['cpuMicrosPerCall']);
    lines.push(
      '',
      `client CPU per create call against raw fetch: ${floorOf(FLOOR_SENT)}x for fetch sending what ours sends, ${floorOf(FLOOR_TRANSPORT)}x with openapi-fetch's client carrying it, ${floorOf('ours')}x for ours`,
      `heap after GC by round: ${Object.entries(results)
        .map(([name, r]) => `${name} ${JSON.stringify((r as { heapAfterGCByRound?: number[] }).heapAfterGCByRound)}`)
        .join('; ')}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    server.kill('SIGTERM');
  }
}

if (process.argv[2] === 'worker') await worker(process.argv[3] as 'load' | 'alloc', process.argv[4]!);
else await orchestrate();
