// `npm run bench -- bundle`: what one call costs a user before it runs. Builds two packages as users get them (`npm run
// build`: dist/esm + dist/cjs), the OAuth SDK (generated/) and the full Telnyx SDK (../shared/specs/telnyx/spec3.yml
// generated into .bench/bundle/full), and measures beside the official `telnyx` package (installed under bench/):
// - the size of one `oauthClients.create` call bundled by esbuild (browser platform, minified, gzip -9), through the
//   client, and through a resource imported alone against the core client; the biggest inputs of each bundle
// - cold `require()` and `import()` of the package: fresh node processes taking turns, BENCH_LOAD_RUNS (default 15)
//   each, medians of the time the statement itself takes (node's own start-up excluded), and the files it loads
// Writes the figures under "bundle" in bench/results.json.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench/bundle');
const consumer = join(work, 'consumer');
const LOAD_RUNS = Math.max(1, Number(process.env['BENCH_LOAD_RUNS'] ?? 15));
const run = promisify(execFile);

const GOALS = { oauthCallKB: 6, fullCallKB: 10, requireMs: 30, importMs: 50 };
const PARAMS = `{ name: 'Bench client', allowed_scopes: ['admin'], allowed_grant_types: ['client_credentials'], client_type: 'confidential', redirect_uris: ['https://example.com/callback'] }`;

/** A package folder built as `npm run build` builds it, with its compiler and dependency linked from the root. */
async function buildPackage(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  for (const [name, target] of [
    ['typescript', 'typescript-7'],
    ['openapi-fetch', 'openapi-fetch'],
    ['esbuild', 'esbuild'],
  ] as const) {
    if (!existsSync(join(dir, 'node_modules', name)))
      await symlink(join(root, 'node_modules', target), join(dir, 'node_modules', name), 'dir');
  }
  await run(process.execPath, [join(dir, 'scripts/build.mjs')], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
}

async function prepare(): Promise<void> {
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
      join(work, 'full'),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  await rm(join(work, 'oauth'), { recursive: true, force: true });
  await cp(join(root, 'generated'), join(work, 'oauth'), {
    recursive: true,
    filter: (source) => !/[\\/](dist|node_modules)$/.test(source),
  });
  process.stderr.write('  building both packages\n');
  await buildPackage(join(work, 'oauth'));
  await buildPackage(join(work, 'full'));
  // A consumer project that sees the three packages under their own names, resolved through their `exports`.
  await rm(consumer, { recursive: true, force: true });
  await mkdir(join(consumer, 'node_modules'), { recursive: true });
  await writeFile(join(consumer, 'package.json'), '{ "name": "bundle-consumer", "private": true, "type": "module" }\n');
  for (const [name, target] of [
    ['sdk-oauth', join(work, 'oauth')],
    ['sdk-full', join(work, 'full')],
    ['telnyx', join(root, 'bench/node_modules/telnyx')],
  ] as const) {
    await symlink(target, join(consumer, 'node_modules', name), 'dir');
  }
}

interface BundleFigure {
  bytes: number;
  gzipBytes: number;
  /** The largest inputs of the bundle (bytes they contribute), for the profile. */
  top: Record<string, number>;
}

async function bundleSize(contents: string): Promise<BundleFigure> {
  const result = await build({
    stdin: { contents, resolveDir: consumer, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    // The official package reaches for node:crypto in its webhooks helper; a browser bundle leaves built-ins out.
    external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const output = Object.values((result.metafile as Metafile).outputs)[0]!;
  const top = Object.entries(output.inputs)
    .map(
      ([file, { bytesInOutput }]) =>
        [file.replace(/^.*node_modules\//, '').replace(/^\.\.\/(\.\.\/)*/, ''), bytesInOutput] as const,
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, top: Object.fromEntries(top) };
}

const ENTRIES = {
  'OAuth SDK, client': `import Telnyx from 'sdk-oauth';\nconsole.log(await new Telnyx({ apiKey: 'k' }).oauthClients.create(${PARAMS}));`,
  'OAuth SDK, resource alone': `import { TelnyxCore } from 'sdk-oauth/core-client';\nimport { OAuthClients } from 'sdk-oauth/resources/oauth-clients';\nconsole.log(await new OAuthClients(new TelnyxCore({ apiKey: 'k' })).create(${PARAMS}));`,
  'full SDK, client': `import Telnyx from 'sdk-full';\nconsole.log(await new Telnyx({ apiKey: 'k' }).oauthClients.create(${PARAMS}));`,
  'full SDK, resource alone': `import { TelnyxCore } from 'sdk-full/core-client';\nimport { OauthClients } from 'sdk-full/resources/oauth-clients';\nconsole.log(await new OauthClients(new TelnyxCore({ apiKey: 'k' })).create(${PARAMS}));`,
  // The runtime a call needs and nothing else: the core client sending the same request by hand.
  'full SDK, core client alone': `import { TelnyxCore } from 'sdk-full/core-client';\nconsole.log(await new TelnyxCore({ apiKey: 'k' }).post('/oauth_clients', { body: ${PARAMS} }));`,
  'official telnyx': `import Telnyx from 'telnyx';\nconsole.log(await new Telnyx({ apiKey: 'k' }).oauthClients.create(${PARAMS}));`,
};

// Each probe prints the milliseconds the load statement took and the number of files it loaded.
const REQUIRE_PROBE = (name: string) =>
  `const t = performance.now(); require(${JSON.stringify(name)}); const ms = performance.now() - t; console.log(JSON.stringify({ ms, files: Object.keys(require.cache).length }));`;
const IMPORT_PROBE = (name: string) =>
  `const t = performance.now(); await import(${JSON.stringify(name)}); const ms = performance.now() - t; console.log(JSON.stringify({ ms, files: 0 }));`;

interface LoadFigure {
  medianMs: number;
  runs: number[];
  files?: number;
}

async function probe(args: string[]): Promise<{ ms: number; files: number }> {
  const { stdout } = await run(process.execPath, args, { cwd: consumer, env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { ms: number; files: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

async function loadTimes(): Promise<Record<string, LoadFigure>> {
  const jobs: Record<string, string[]> = {
    'require full SDK': ['-e', REQUIRE_PROBE('sdk-full')],
    'require official telnyx': ['-e', REQUIRE_PROBE('telnyx')],
    'import full SDK': ['--input-type=module', '-e', IMPORT_PROBE('sdk-full')],
    'import official telnyx': ['--input-type=module', '-e', IMPORT_PROBE('telnyx')],
  };
  const runs: Record<string, { ms: number; files: number }[]> = Object.fromEntries(
    Object.keys(jobs).map((name) => [name, []]),
  );
  for (let i = 0; i < LOAD_RUNS; i++) {
    for (const [name, args] of Object.entries(jobs)) runs[name]!.push(await probe(args));
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, r]) => {
      const figure: LoadFigure = {
        medianMs: Math.round(median(r.map((x) => x.ms)) * 10) / 10,
        runs: r.map((x) => Math.round(x.ms * 10) / 10),
      };
      if (name.startsWith('require')) figure.files = r[0]!.files;
      return [name, figure];
    }),
  );
}

/**
 * What any bundle that reaches every method must hold however it is written: each operation's path and method name
 * (the full SDK's resource sources, deduplicated as a bundle would not), gzip -9. With the runtime alone, the floor of
 * one call through a client that references every resource.
 */
async function pathsAndNamesGzip(dir: string): Promise<{ operations: number; gzipBytes: number }> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const paths = new Set<string>();
  const names: string[] = [];
  let operations = 0;
  for (const file of files) {
    const code = await readFile(join(dir, file), 'utf8');
    for (const match of code.matchAll(/method: '\w+',\s+path: ('[^']*')/g)) {
      operations++;
      paths.add(match[1]!);
    }
    for (const match of code.matchAll(/^ {2}(\w+)\(/gm)) names.push(match[1]!);
  }
  return { operations, gzipBytes: gzipSync(`${[...paths].join(',')}\n${names.join(',')}`, { level: 9 }).length };
}

export async function bundleBench(): Promise<void> {
  await prepare();
  process.stderr.write('  bundling one oauthClients.create call\n');
  const bundles: Record<string, BundleFigure> = {};
  for (const [name, contents] of Object.entries(ENTRIES)) bundles[name] = await bundleSize(contents);
  const floor = await pathsAndNamesGzip(join(work, 'full/src/resources'));
  process.stderr.write(`  cold require() and import(), ${LOAD_RUNS} runs each\n`);
  const load = await loadTimes();

  const file = join(root, 'bench/results.json');
  const existing = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>) : {};
  await writeFile(
    file,
    `${JSON.stringify({ ...existing, bundle: { node: process.version, goals: GOALS, bundles, fullSDKPathsAndNames: floor, load } }, null, 2)}\n`,
  );

  const kB = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : (bytes / 1000).toFixed(1));
  const lines = ['| measure | ours | official telnyx | goal |', '|---|---|---|---|'];
  const official = bundles['official telnyx']!;
  lines.push(
    `| one create call, OAuth SDK, client (kB min+gzip) | ${kB(bundles['OAuth SDK, client']!.gzipBytes)} | | <= ${GOALS.oauthCallKB} |`,
  );
  lines.push(
    `| one create call, OAuth SDK, resource alone (kB) | ${kB(bundles['OAuth SDK, resource alone']!.gzipBytes)} | | <= ${GOALS.oauthCallKB} |`,
  );
  lines.push(
    `| one create call, full SDK, client (kB) | ${kB(bundles['full SDK, client']!.gzipBytes)} | ${kB(official.gzipBytes)} | <= ${GOALS.fullCallKB} |`,
  );
  lines.push(
    `| one create call, full SDK, resource alone (kB) | ${kB(bundles['full SDK, resource alone']!.gzipBytes)} | | <= ${GOALS.fullCallKB} |`,
  );
  const runtime = bundles['full SDK, core client alone']!.gzipBytes;
  lines.push(`| the runtime alone: core client, one request by hand (kB) | ${kB(runtime)} | | |`);
  lines.push(
    `| floor via the client: runtime + ${floor.operations} paths and method names, gzip (kB) | ${kB(runtime + floor.gzipBytes)} (${kB(floor.gzipBytes)} for the names) | | |`,
  );
  lines.push(
    `| cold require() of the full SDK (ms, median; files) | ${load['require full SDK']!.medianMs}; ${load['require full SDK']!.files} | ${load['require official telnyx']!.medianMs}; ${load['require official telnyx']!.files} | <= ${GOALS.requireMs} |`,
  );
  lines.push(
    `| cold import() of the full SDK (ms, median) | ${load['import full SDK']!.medianMs} | ${load['import official telnyx']!.medianMs} | <= ${GOALS.importMs} |`,
  );
  process.stdout.write(`${lines.join('\n')}\n\nlargest inputs of each bundle (bytes in the minified output):\n`);
  for (const [name, figure] of Object.entries(bundles))
    process.stdout.write(
      `  ${name}: ${Object.entries(figure.top)
        .map(([f, b]) => `${f} ${b}`)
        .join(', ')}\n`,
    );
}

await bundleBench();
