// `npm run corpus -- [folder]`: generates an SDK for every spec in a folder, type-checks each, and reports.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
// Each SDK is checked by TypeScript 5 (what its users may compile it with) and by TypeScript 7, its own compiler.
const COMPILERS = [
  { name: 'tsc 5', path: join(root, 'node_modules/typescript/bin/tsc') },
  { name: 'tsc 7', path: join(root, 'node_modules/typescript-7/bin/tsc') },
];
// Inside the repository, so generated packages resolve openapi-fetch, typescript and vitest from its node_modules.
const WORK = join(root, '.corpus');

export interface CorpusResult {
  spec: string;
  operations: number | null;
  generated: boolean;
  typechecked: boolean;
  generateSeconds: number;
  /** TypeScript 5's check; TypeScript 7's (the package's own compiler) is `tsc7Seconds`. */
  tscSeconds: number | null;
  tsc7Seconds: number | null;
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
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { specs: Array<{ file: string; operations?: number }> };
    jobs = manifest.specs.map((spec) => ({ file: join(folder, spec.file), name: spec.file, operations: spec.operations ?? null }));
  } else {
    const entries = await readdir(folder, { recursive: true });
    jobs = entries.filter((entry) => /\.(ya?ml|json)$/.test(entry)).sort().map((entry) => ({ file: join(folder, entry), name: entry, operations: null }));
  }
  return only ? jobs.filter((job) => only.split(',').some((part) => job.name.includes(part))) : jobs;
}

function exec(args: string[], timeoutMs: number): Promise<{ ok: boolean; stdout: string; stderr: string; seconds: number }> {
  const started = process.hrtime.bigint();
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd: root, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ ok: !error, stdout, stderr: error && !stderr ? String(error.message) : stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
    );
  });
}

async function runJob(job: Job, index: number): Promise<CorpusResult> {
  const out = join(WORK, String(index).padStart(3, '0'));
  await rm(out, { recursive: true, force: true });
  const generated = await exec([join(root, 'generator/run.mjs'), 'generate', '--no-config', '--spec', job.file, '--out', out], 10 * 60_000);
  const warnings = (generated.stderr.match(/^warning: /gm) ?? []).length;
  const base = { spec: job.name, operations: job.operations, generateSeconds: round(generated.seconds), warnings };
  if (!generated.ok) {
    const message = generated.stderr.split('\n').find((line) => line.startsWith('error:') || line.startsWith('internal error')) ?? generated.stderr.trim().split('\n')[0] ?? 'failed';
    return { ...base, generated: false, typechecked: false, tscSeconds: null, tsc7Seconds: null, error: message.slice(0, 300) };
  }
  const checks = [];
  for (const compiler of COMPILERS) checks.push({ ...compiler, ...(await exec([compiler.path, '-p', join(out, 'tsconfig.json'), '--noEmit'], 10 * 60_000)) });
  await rm(out, { recursive: true, force: true });
  const failed = checks.find((check) => !check.ok);
  const errors = failed?.stdout.split('\n').filter((line) => line.includes('error TS')) ?? [];
  return {
    ...base,
    generated: true,
    typechecked: failed === undefined,
    tscSeconds: round(checks[0]!.seconds),
    tsc7Seconds: round(checks[1]!.seconds),
    error: failed ? `${failed.name}: ${errors.length} errors; first: ${(errors[0] ?? failed.stderr).slice(0, 300)}` : null,
  };
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { jobs: { type: 'string' }, only: { type: 'string' }, json: { type: 'string' } },
  });
  const folder = resolve(positionals[0] ?? join(root, '../shared/specs/corpus'));
  const jobs = await listSpecs(folder, values.only);
  const parallel = Math.max(1, Number(values.jobs ?? Math.min(2, cpus().length)));
  await mkdir(WORK, { recursive: true });
  const results: CorpusResult[] = new Array(jobs.length);
  let next = 0;
  let finished = 0;
  const tty = process.stderr.isTTY;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await runJob(jobs[index]!, index);
      finished++;
      if (tty) process.stderr.write(`\r${finished}/${jobs.length} specs done`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  if (tty) process.stderr.write('\n');

  const rows = results.map((r) => [r.spec, String(r.operations ?? ''), r.generated ? 'yes' : 'NO', r.typechecked ? 'yes' : r.generated ? 'NO' : '-', r.generateSeconds.toFixed(2), r.tscSeconds?.toFixed(2) ?? '-', r.tsc7Seconds?.toFixed(2) ?? '-', r.error ?? '']);
  const header = ['spec', 'operations', 'generate ok', 'tsc ok', 'gen s', 'tsc 5 s', 'tsc 7 s', 'errors'];
  process.stdout.write(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${rows.map((row) => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n')}\n`);
  const ok = results.filter((r) => r.typechecked).length;
  process.stdout.write(`\n${ok}/${results.length} specs generate an SDK that type-checks; ${results.filter((r) => !r.generated).length} rejected.\n`);
  const jsonFile = values.json ?? join(root, 'corpus-report.json');
  await writeFile(jsonFile, `${JSON.stringify({ folder: relative(root, folder), results }, null, 2)}\n`);
  process.stdout.write(`Report: ${relative(process.cwd(), jsonFile)}\n`);
  return 0;
}

main().then((code) => (process.exitCode = code));
