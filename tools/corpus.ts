// `npm run corpus -- [folder]`: generates an SDK for every spec in a folder, type-checks each (its sources, its generated
// tests and every TypeScript block of its README and api.md), counts its naming fallbacks and paginated lists, and
// reports. `--gate` compares the results with the committed baseline (test/generator/corpus-baseline.json) and exits
// 1 on any regression; `--update-baseline` writes the baseline from this run.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Baseline, type BaselineEntry, baselineEntry, compareWithBaseline } from './corpus-gate.js';
import { countNaming, type NamingCounts, snippetFiles } from './corpus-metrics.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// Each SDK is checked by TypeScript 5 (what its users may compile it with) and by TypeScript 7, its own compiler.
const COMPILERS = [
  { name: 'tsc 5', path: join(root, 'node_modules/typescript/bin/tsc') },
  { name: 'tsc 7', path: join(root, 'node_modules/typescript-7/bin/tsc') },
];
// Inside the repository, so generated packages resolve openapi-fetch, typescript and vitest from its node_modules.
const WORK = join(root, '.corpus');
export const DEFAULT_CORPUS = join(root, '../shared/specs/corpus');
export const BASELINE_FILE = join(root, 'test/generator/corpus-baseline.json');
/** Where the snippets of README.md and api.md are written in each generated package, and the tsconfig checking them. */
const SNIPPETS_DIR = 'corpus-snippets';
const SNIPPETS_TSCONFIG = 'tsconfig.corpus.json';

export interface CorpusResult extends NamingCounts {
  spec: string;
  operations: number | null;
  generated: boolean;
  /** Sources, generated tests and snippets all type-check under both compilers. */
  typechecked: boolean;
  generateSeconds: number;
  /** TypeScript 5's check; TypeScript 7's (the package's own compiler) is `tsc7Seconds`. */
  tscSeconds: number | null;
  tsc7Seconds: number | null;
  /** `error TS` lines in the package's sources and tests, TypeScript 5 and 7. */
  tsc5Errors: number | null;
  tsc7Errors: number | null;
  /** TypeScript blocks of README.md and api.md, and how many of them do not compile (TypeScript 7). */
  snippets: number | null;
  snippetErrors: number | null;
  /** `README.md#3: TS2353 ...`, the first error of each failing block. */
  snippetFailures: string[];
  warnings: number;
  error: string | null;
}

interface Job {
  file: string;
  name: string;
  operations: number | null;
}

async function listSpecs(folder: string, only: string | undefined): Promise<Job[]> {
  const manifestFile = join(folder, 'manifest.json');
  let jobs: Job[];
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
      specs: Array<{ file: string; operations?: number }>;
    };
    jobs = manifest.specs.map((spec) => ({
      file: join(folder, spec.file),
      name: spec.file,
      operations: spec.operations ?? null,
    }));
  } else {
    const entries = await readdir(folder, { recursive: true });
    jobs = entries
      .filter((entry) => /\.(ya?ml|json)$/.test(entry))
      .sort()
      .map((entry) => ({ file: join(folder, entry), name: entry, operations: null }));
  }
  return only ? jobs.filter((job) => only.split(',').some((part) => job.name.includes(part))) : jobs;
}

function exec(
  args: string[],
  timeoutMs: number,
): Promise<{ ok: boolean; stdout: string; stderr: string; seconds: number }> {
  const started = process.hrtime.bigint();
  return new Promise((done) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        done({
          ok: !error,
          stdout,
          stderr: error && !stderr ? String(error.message) : stderr,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
        }),
    );
  });
}

const EMPTY_NAMING: NamingCounts = {
  fallbackNames: 0,
  numberedNames: 0,
  listsPaginated: 0,
  listsUnpaginated: 0,
  methods: 0,
};

async function runJob(job: Job, index: number): Promise<CorpusResult> {
  const out = join(WORK, String(index).padStart(3, '0'));
  await rm(out, { recursive: true, force: true });
  const generated = await exec(
    [join(root, 'generator/run.mjs'), 'generate', '--no-config', '--spec', job.file, '--out', out],
    10 * 60_000,
  );
  const warnings = generated.stderr.split('\n').filter((line) => line.startsWith('warning: '));
  const base = {
    spec: job.name,
    operations: job.operations,
    generateSeconds: round(generated.seconds),
    warnings: warnings.length,
  };
  if (!generated.ok) {
    await rm(out, { recursive: true, force: true });
    const message =
      generated.stderr.split('\n').find((line) => line.startsWith('error:') || line.startsWith('internal error')) ??
      generated.stderr.trim().split('\n')[0] ??
      'failed';
    return {
      ...base,
      ...EMPTY_NAMING,
      generated: false,
      typechecked: false,
      tscSeconds: null,
      tsc7Seconds: null,
      tsc5Errors: null,
      tsc7Errors: null,
      snippets: null,
      snippetErrors: null,
      snippetFailures: [],
      error: message.slice(0, 300),
    };
  }
  try {
    const apiMd = await readFile(join(out, 'api.md'), 'utf8');
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    const pkg = JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { name: string };
    const naming = countNaming(apiMd, warnings);
    // The snippets import the package by name, resolved to its sources (as a consumer's import resolves to its
    // declarations); TypeScript 7 checks them with the package in one run, their errors told apart by file.
    const snippets = snippetFiles(
      { 'README.md': readme, 'api.md': apiMd },
      pkg.name,
      clientName(await readFile(join(out, 'src/index.ts'), 'utf8')),
    );
    await mkdir(join(out, SNIPPETS_DIR));
    for (const snippet of snippets) await writeFile(join(out, SNIPPETS_DIR, snippet.file), snippet.text);
    // The package's own tsconfig with the snippets added (its include as it has it).
    const include = (JSON.parse(await readFile(join(out, 'tsconfig.json'), 'utf8')) as { include?: string[] })
      .include ?? ['src', 'tests'];
    await writeFile(
      join(out, SNIPPETS_TSCONFIG),
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: {
          paths: {
            [pkg.name]: ['./src/index.ts'],
            [`${pkg.name}/mcp`]: ['./src/mcp/index.ts'],
            [`${pkg.name}/*`]: ['./src/*', './src/*.ts'],
          },
        },
        include: [...include, SNIPPETS_DIR],
      }),
    );
    const tsc5 = await exec(
      [COMPILERS[0]!.path, '-p', join(out, 'tsconfig.json'), '--noEmit', '--pretty', 'false'],
      10 * 60_000,
    );
    const tsc7 = await exec(
      [COMPILERS[1]!.path, '-p', join(out, SNIPPETS_TSCONFIG), '--noEmit', '--pretty', 'false'],
      10 * 60_000,
    );
    const errorLines = (text: string): string[] => text.split('\n').filter((line) => /error TS\d+/.test(line));
    const tsc5Lines = errorLines(tsc5.stdout);
    const tsc7All = errorLines(tsc7.stdout);
    const inSnippets = (line: string): boolean =>
      line.startsWith(`${SNIPPETS_DIR}/`) || line.includes(`/${SNIPPETS_DIR}/`);
    const tsc7Lines = tsc7All.filter((line) => !inSnippets(line));
    const failures = new Map<string, string>();
    for (const line of tsc7All.filter(inSnippets)) {
      const file = /corpus-snippets\/([^(:]+)/.exec(line)?.[1] ?? '?';
      const snippet = snippets.find((candidate) => candidate.file === file);
      if (!failures.has(file))
        failures.set(file, `${snippet?.origin ?? file}: ${line.replace(/^.*?error /, '').slice(0, 240)}`);
    }
    // A compiler that failed without one located error (a crash, a timeout) counts as one error.
    const tsc5Errors = tsc5.ok ? 0 : Math.max(1, tsc5Lines.length);
    const tsc7Errors = tsc7.ok ? 0 : tsc7Lines.length === 0 && failures.size === 0 ? 1 : tsc7Lines.length;
    const typechecked = tsc5Errors === 0 && tsc7Errors === 0 && failures.size === 0;
    const firstError = tsc5Lines[0] ?? tsc7Lines[0] ?? (tsc5.ok ? '' : tsc5.stderr.trim()) ?? '';
    const error =
      tsc5Errors + tsc7Errors > 0
        ? `tsc 5: ${tsc5Errors}, tsc 7: ${tsc7Errors} errors; first: ${(firstError || tsc7.stderr.trim()).slice(0, 300)}`
        : failures.size > 0
          ? `${failures.size} of ${snippets.length} snippets do not compile; first: ${[...failures.values()][0]}`
          : null;
    return {
      ...base,
      ...naming,
      generated: true,
      typechecked,
      tscSeconds: round(tsc5.seconds),
      tsc7Seconds: round(tsc7.seconds),
      tsc5Errors,
      tsc7Errors,
      snippets: snippets.length,
      snippetErrors: failures.size,
      snippetFailures: [...failures.values()],
      error,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The client class the package's entry exports as its default. */
function clientName(index: string): string {
  return /export \{\s*(\w+) as default\b/.exec(index)?.[1] ?? 'Client';
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

function table(results: CorpusResult[]): string {
  const header = [
    'spec',
    'ops',
    'gen',
    'tsc 5 err',
    'tsc 7 err',
    'snippets bad',
    'opId fallbacks',
    'numbered',
    'lists paged',
    'lists unpaged',
    'gen s',
    'tsc 5 s',
    'tsc 7 s',
    'first error',
  ];
  const cell = (value: number | null): string => (value === null ? '-' : String(value));
  const rows = results.map((r) => [
    r.spec,
    cell(r.operations),
    r.generated ? 'yes' : 'NO',
    cell(r.tsc5Errors),
    cell(r.tsc7Errors),
    r.snippets === null ? '-' : `${r.snippetErrors}/${r.snippets}`,
    String(r.fallbackNames),
    String(r.numberedNames),
    String(r.listsPaginated),
    String(r.listsUnpaginated),
    r.generateSeconds.toFixed(2),
    r.tscSeconds?.toFixed(2) ?? '-',
    r.tsc7Seconds?.toFixed(2) ?? '-',
    r.error ?? '',
  ]);
  return `| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${rows.map((row) => `| ${row.map((value) => value.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n')}\n`;
}

function totals(results: CorpusResult[]): string {
  const sum = (pick: (r: CorpusResult) => number | null): number =>
    results.reduce((total, r) => total + (pick(r) ?? 0), 0);
  return [
    `${results.filter((r) => r.typechecked).length}/${results.length} specs generate an SDK that type-checks (sources, tests and snippets); ${results.filter((r) => !r.generated).length} rejected.`,
    `type errors: tsc 5 ${sum((r) => r.tsc5Errors)}, tsc 7 ${sum((r) => r.tsc7Errors)} (in ${results.filter((r) => (r.tsc5Errors ?? 0) + (r.tsc7Errors ?? 0) > 0).length} specs); snippets that do not compile: ${sum((r) => r.snippetErrors)} of ${sum((r) => r.snippets)} (in ${results.filter((r) => (r.snippetErrors ?? 0) > 0).length} specs)`,
    `names: ${sum((r) => r.methods)} methods, ${sum((r) => r.fallbackNames)} operationId fallbacks, ${sum((r) => r.numberedNames)} numbered; lists: ${sum((r) => r.listsPaginated)} paginated, ${sum((r) => r.listsUnpaginated)} not`,
  ].join('\n');
}

export async function runCorpus(options: {
  folder: string;
  only?: string | undefined;
  jobs: number;
  onDone?: (done: number, total: number, result: CorpusResult) => void;
}): Promise<CorpusResult[]> {
  const jobs = await listSpecs(options.folder, options.only);
  await mkdir(WORK, { recursive: true });
  const results: CorpusResult[] = new Array(jobs.length);
  // The largest specs first, so that a big one does not start last and leave the other worker idle.
  const order = jobs
    .map((job, index) => ({ job, index }))
    .sort((a, b) => (b.job.operations ?? 0) - (a.job.operations ?? 0));
  let next = 0;
  let finished = 0;
  const worker = async (): Promise<void> => {
    while (next < order.length) {
      const { job, index } = order[next++]!;
      results[index] = await runJob(job, index);
      options.onDone?.(++finished, jobs.length, results[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, worker));
  return results;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      jobs: { type: 'string' },
      only: { type: 'string' },
      json: { type: 'string' },
      gate: { type: 'boolean' },
      'update-baseline': { type: 'boolean' },
      baseline: { type: 'string' },
    },
  });
  const folder = resolve(positionals[0] ?? DEFAULT_CORPUS);
  const baselineFile = resolve(values.baseline ?? BASELINE_FILE);
  if (!existsSync(folder)) {
    // CI runs the corpus; there, a missing corpus is a failure, not a skip.
    process.stderr.write(
      `${process.env['CI'] ? 'error' : 'note'}: no corpus at ${folder} (../shared/specs/corpus): nothing checked\n`,
    );
    return process.env['CI'] ? 1 : 0;
  }
  const parallel = Number(values.jobs ?? Math.min(2, cpus().length));
  const tty = process.stderr.isTTY;
  const started = process.hrtime.bigint();
  // A status line on a terminal; in CI logs, a line per spec as it finishes.
  const onDone = (done: number, total: number, result: CorpusResult): void =>
    void process.stderr.write(
      tty
        ? `\r${done}/${total} specs done`
        : `[${done}/${total}] ${result.spec}: ${result.typechecked ? 'ok' : (result.error ?? 'failed')} (${(result.generateSeconds + (result.tscSeconds ?? 0) + (result.tsc7Seconds ?? 0)).toFixed(0)} s)\n`,
    );
  const results = await runCorpus({ folder, only: values.only, jobs: parallel, onDone });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (tty) process.stderr.write('\n');
  process.stdout.write(table(results));
  process.stdout.write(`\n${totals(results)}\nwall time: ${seconds.toFixed(0)} s with ${parallel} workers\n`);
  const jsonFile = values.json ?? join(root, 'corpus-report.json');
  await writeFile(
    jsonFile,
    `${JSON.stringify({ folder: relative(root, folder), wallSeconds: round(seconds), jobs: parallel, results }, null, 2)}\n`,
  );
  process.stdout.write(`Report: ${relative(process.cwd(), jsonFile)}\n`);
  if (values['update-baseline']) {
    const previous: Baseline = existsSync(baselineFile)
      ? (JSON.parse(await readFile(baselineFile, 'utf8')) as Baseline)
      : { specs: {} };
    const specs: Record<string, BaselineEntry> = { ...previous.specs };
    for (const result of results) specs[result.spec] = baselineEntry(result);
    const sorted = Object.fromEntries(
      Object.keys(specs)
        .sort()
        .map((key) => [key, specs[key]!]),
    );
    await writeFile(baselineFile, `${JSON.stringify({ specs: sorted }, null, 2)}\n`);
    process.stdout.write(`Baseline written: ${relative(process.cwd(), baselineFile)}\n`);
  }
  if (values.gate) {
    if (!existsSync(baselineFile)) {
      process.stderr.write(`error: no baseline at ${baselineFile}; write one with --update-baseline\n`);
      return 1;
    }
    const baseline = JSON.parse(await readFile(baselineFile, 'utf8')) as Baseline;
    const { regressions, improvements, missing } = compareWithBaseline(baseline, results);
    if (improvements.length > 0)
      process.stdout.write(
        `\nBetter than the baseline (record it with --update-baseline):\n${improvements.map((line) => `  ${line}`).join('\n')}\n`,
      );
    if (missing.length > 0)
      process.stdout.write(
        `\nNot in the baseline (record them with --update-baseline):\n${missing.map((line) => `  ${line}`).join('\n')}\n`,
      );
    if (regressions.length > 0) {
      process.stdout.write(
        `\nREGRESSIONS against ${relative(process.cwd(), baselineFile)}:\n${regressions.map((line) => `  ${line}`).join('\n')}\n`,
      );
      return 1;
    }
    process.stdout.write(
      `\nNo regression against ${relative(process.cwd(), baselineFile)} (${results.length} specs).\n`,
    );
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().then((code) => (process.exitCode = code));
