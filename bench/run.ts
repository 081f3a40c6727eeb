// `npm run bench`: our generator side by side with openapi-typescript, @hey-api/openapi-ts and orval on the same specs,
// on this machine, in one run. Prints ratios (ours / peer); writes bench/results.json. Timings are wall-clock seconds:
// the median of BENCH_RUNS runs (default 3), taken in turns, for ours, openapi-typescript, orval and the tsc checks; one
// run for hey-api, which takes many times longer. Shared, noisy machines: read the ratios, not the seconds.
// `npm run bench -- runtime` measures the generated SDK at run time instead (bench/runtime.ts), `npm run bench -- bundle`
// its bundle sizes and cold load times (bench/bundle.ts), `npm run bench -- mcp` its MCP server and webhook verifier (bench/mcp.ts); `npm run bench -- graph` (spec names, comma-separated)
// measures only those specs.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphSpec } from './graph-spec.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.bench');
const bin = (pkg: string) => join(root, 'bench/node_modules/.bin', pkg);
// Two compilers check the same projects: TypeScript 5 (what users may compile the SDK with) and TypeScript 7's native
// tsc (the generated package's own compiler; installed under the alias typescript-7).
const COMPILERS = [
  { key: 'tsc', package: join(root, 'node_modules/typescript') },
  { key: 'tsc7', package: join(root, 'node_modules/typescript-7') },
];

interface BenchSpec {
  name: string;
  file: string;
  /** Peers too slow on it to wait for (one run each would take many minutes): left out, and the table says so. */
  skip?: string[];
}

const SPECS: BenchSpec[] = [
  { name: 'telnyx', file: join(root, '../shared/specs/telnyx/spec3.yml') },
  { name: 'github', file: join(root, '../shared/specs/corpus/named/github__api.github.com.json') },
  // Microsoft Graph's size and shape (bench/graph-spec.ts; the real document is not in the corpus): ~17 MB of JSON,
  // 11,000 operations, 4,000 schemas in deep allOf chains. Written into .bench/ by main() before the runs.
  { name: 'graph', file: join(work, 'graph.json'), skip: ['hey-api', 'orval'] },
];

const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));

interface Measure {
  seconds: number;
  peakMB: number;
  ok: boolean;
}

/** Runs a command under /usr/bin/time for wall time and peak memory. */
function measure(command: string, args: string[], cwd = root): Promise<Measure> {
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/time',
      ['-f', '%e %M', command, ...args],
      { cwd, maxBuffer: 256 * 1024 * 1024, timeout: 30 * 60_000 },
      (error, _stdout, stderr) => {
        const last = stderr.trim().split('\n').at(-1) ?? '';
        const [seconds, kb] = last.split(' ').map(Number);
        resolve({ seconds: seconds ?? NaN, peakMB: Math.round((kb ?? 0) / 1024), ok: !error });
      },
    );
  });
}

/**
 * Runs each job RUNS times, taking turns (a slow spell of the machine then hits every job alike); keeps each job's
 * median time and highest peak memory.
 */
async function inTurns(jobs: Record<string, () => Promise<Measure>>): Promise<Record<string, Measure>> {
  const runs: Record<string, Measure[]> = Object.fromEntries(Object.keys(jobs).map((name) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [name, job] of Object.entries(jobs)) {
      process.stderr.write(`  ${name} (${run + 1}/${RUNS})\n`);
      runs[name]!.push(await job());
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, measures]) => {
      const seconds = measures.map((m) => m.seconds).sort((a, b) => a - b);
      return [
        name,
        {
          seconds: seconds[Math.floor((seconds.length - 1) / 2)]!,
          peakMB: Math.max(...measures.map((m) => m.peakMB)),
          ok: measures.every((m) => m.ok),
        },
      ];
    }),
  );
}

async function openapiFetchCalls(typesFile: string, spec: string, out: string): Promise<void> {
  // One typed wrapper per operation, as users of openapi-fetch write them: each makes the compiler derive the call.
  const document = JSON.parse(JSON.stringify(await loadAny(spec))) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const lines = [
    `import createClient, { type FetchOptions } from 'openapi-fetch';`,
    `import type { paths } from './types.js';`,
    'const client = createClient<paths>();',
  ];
  let n = 0;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      if (!item[method]) continue;
      const p = JSON.stringify(path);
      lines.push(
        `export const op${n++} = (init: FetchOptions<paths[${p}][${JSON.stringify(method)}]>) => client.${method.toUpperCase()}(${p}, init as never);`,
      );
    }
  }
  await writeFile(join(out, 'calls.ts'), `${lines.join('\n')}\n`);
  await writeFile(join(out, 'types.ts'), await readFile(typesFile, 'utf8'));
}

async function loadAny(file: string): Promise<unknown> {
  const { parse } = await import('yaml');
  const text = await readFile(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 });
}

/** `tsc` of a project, with the same compiler options for every contender (so, for ours, not its declaration emit). */
async function tscProject(
  compiler: string,
  dir: string,
  sources: { files: string[] } | { include: string[] },
): Promise<Measure> {
  await writeFile(
    join(dir, 'tsconfig.bench.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
      },
      ...sources,
    }),
  );
  return measure(process.execPath, [join(compiler, 'bin/tsc'), '-p', join(dir, 'tsconfig.bench.json')]);
}

async function compilerVersion(compiler: string): Promise<string> {
  return (JSON.parse(await readFile(join(compiler, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await writeFile(join(work, 'graph.json'), JSON.stringify(graphSpec()));
  const results: Record<string, Record<string, Measure>> = {};
  // `npm run bench -- graph` (names, comma-separated) measures those specs only; the others' figures stay in the file.
  const only = process.argv[2]?.split(',');
  for (const spec of SPECS.filter((candidate) => !only || only.includes(candidate.name))) {
    const dir = (name: string) => join(work, spec.name, name);
    for (const name of ['ours', 'openapi-typescript', 'hey-api', 'orval', 'openapi-fetch'])
      await mkdir(dir(name), { recursive: true });
    const r: Record<string, Measure> = {};
    process.stderr.write(`${spec.name}: ours and openapi-typescript...\n`);
    Object.assign(
      r,
      await inTurns({
        // As `npm run generate` runs it (the launcher bundles the generator, then runs it), without npm's own start-up;
        // into an empty folder each time (into its own output, it would compare and write nothing).
        'generate ours': async () => {
          await rm(dir('ours'), { recursive: true, force: true });
          return measure(process.execPath, [
            join(root, 'generator/run.mjs'),
            'generate',
            '--no-config',
            '--spec',
            spec.file,
            '--out',
            dir('ours'),
          ]);
        },
        // A deeper stack: Redocly's walk in openapi-typescript recurses once per level of nesting, and the Graph-shaped
        // spec's chains overflow the default one (RangeError). 7,800 kB stays inside Linux's usual 8 MB thread stack.
        'generate openapi-typescript': () =>
          measure(process.execPath, [
            '--stack-size=7800',
            join(root, 'node_modules/openapi-typescript/bin/cli.js'),
            spec.file,
            '-o',
            join(dir('openapi-typescript'), 'types.ts'),
          ]),
      }),
    );
    if (!spec.skip?.includes('hey-api')) {
      process.stderr.write(`${spec.name}: @hey-api/openapi-ts...\n`);
      r['generate hey-api'] = await measure(bin('openapi-ts'), [
        '-i',
        spec.file,
        '-o',
        dir('hey-api'),
        '-c',
        '@hey-api/client-fetch',
      ]);
    }
    if (!spec.skip?.includes('orval')) {
      process.stderr.write(`${spec.name}: orval...\n`);
      await writeFile(
        join(dir('orval'), 'orval.config.cjs'),
        `module.exports = { api: { input: ${JSON.stringify(spec.file)}, output: { target: ${JSON.stringify(join(dir('orval'), 'api.ts'))}, client: 'fetch' } } };\n`,
      );
      Object.assign(
        r,
        await inTurns({
          'generate orval': () => measure(bin('orval'), ['--config', join(dir('orval'), 'orval.config.cjs')]),
        }),
      );
    }
    if (spec.name === 'graph') {
      // The issue's figure: the SDK, generated tests included, checked by its own compiler (TypeScript 7).
      process.stderr.write(`${spec.name}: tsc 7 of the SDK, tests included...\n`);
      const check = await measure(process.execPath, [
        join(root, 'node_modules/typescript-7/bin/tsc'),
        '-p',
        join(dir('ours'), 'tsconfig.json'),
        '--noEmit',
      ]);
      r['tsc7 ours with tests'] = check;
    }
    if (spec.name === 'github') {
      process.stderr.write(`${spec.name}: tsc...\n`);
      await openapiFetchCalls(join(dir('openapi-typescript'), 'types.ts'), spec.file, dir('openapi-fetch'));
      await writeFile(join(dir('openapi-fetch'), 'package.json'), '{"type":"module"}');
      for (const { key, package: compiler } of COMPILERS) {
        Object.assign(
          r,
          await inTurns({
            [`${key} ours`]: () => tscProject(compiler, dir('ours'), { include: ['src'] }),
            [`${key} openapi-typescript types`]: () =>
              tscProject(compiler, dir('openapi-typescript'), { files: ['types.ts'] }),
            [`${key} openapi-fetch calls per operation`]: () =>
              tscProject(compiler, dir('openapi-fetch'), { files: ['calls.ts'] }),
          }),
        );
      }
    }
    results[spec.name] = r;
  }
  // The runtime and bundle sections (`-- runtime`, `-- bundle`) are kept: each run rewrites only its own figures.
  const previous = JSON.parse(await readFile(join(root, 'bench/results.json'), 'utf8').catch(() => '{}')) as Record<
    string,
    unknown
  >;
  await writeFile(join(root, 'bench/results.json'), `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);

  const ratio = (a: Measure | undefined, b: Measure | undefined) =>
    a && b && b.seconds > 0 ? (a.seconds / b.seconds).toFixed(2) : 'n/a';
  const lines = ['| spec | measure | ours s | peer s | ours / peer | target |', '|---|---|---|---|---|---|'];
  for (const [spec, r] of Object.entries(results)) {
    const ours = r['generate ours'];
    lines.push(
      `| ${spec} | generate vs openapi-typescript (types only) | ${ours?.seconds} | ${r['generate openapi-typescript']?.seconds} | ${ratio(ours, r['generate openapi-typescript'])} | ${spec === 'graph' ? '<= 1.3' : '<= 1.5'} |`,
    );
    const peer = (name: string): string =>
      r[name] ? `${r[name].seconds}${r[name].ok ? '' : ' (failed)'}` : 'not run (too slow on this spec)';
    lines.push(
      `| ${spec} | generate vs @hey-api/openapi-ts | ${ours?.seconds} | ${peer('generate hey-api')} | ${ratio(ours, r['generate hey-api'])} | < 1 |`,
    );
    lines.push(
      `| ${spec} | generate vs orval | ${ours?.seconds} | ${peer('generate orval')} | ${ratio(ours, r['generate orval'])} | < 1 |`,
    );
    lines.push(
      `| ${spec} | peak memory of generation (MB) | ${ours?.peakMB} | ${r['generate openapi-typescript']?.peakMB} (openapi-typescript) | | < 1024 |`,
    );
    const tests = r['tsc7 ours with tests'];
    if (tests)
      lines.push(
        `| ${spec} | tsc 7 of the SDK, tests included (s; peak MB) | ${tests.seconds}; ${tests.peakMB} | | | ${tests.ok ? '0 errors' : 'ERRORS'} |`,
      );
    for (const { key, package: compiler } of COMPILERS) {
      const ours = r[`${key} ours`];
      if (!ours) continue;
      const name = `tsc ${await compilerVersion(compiler)}`;
      lines.push(
        `| ${spec} | ${name} of the SDK vs openapi-typescript bare types | ${ours.seconds} | ${r[`${key} openapi-typescript types`]?.seconds} | ${ratio(ours, r[`${key} openapi-typescript types`])} | <= 1.5 |`,
      );
      lines.push(
        `| ${spec} | ${name} of the SDK vs openapi-fetch calls per operation | ${ours.seconds} | ${r[`${key} openapi-fetch calls per operation`]?.seconds} | ${ratio(ours, r[`${key} openapi-fetch calls per operation`])} | < 1 |`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

// `npm run bench -- runtime`: the SDK's per-call cost at run time (bench/runtime.ts) instead of the generator's.
// `npm run bench -- bundle`: bundle sizes of one call and cold load times of the built SDKs (bench/bundle.ts).
if (process.argv[2] === 'runtime') await import('./runtime.js');
else if (process.argv[2] === 'bundle') await import('./bundle.js');
else if (process.argv[2] === 'mcp') await import('./mcp.js');
else await main();
