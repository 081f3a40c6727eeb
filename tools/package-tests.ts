// `npm run package-tests -- [names]`: generates the SDK of each of the largest corpus specs (or of those named, or of
// the bench's Graph-sized spec: `graph`) and runs its own `npm test` (vitest on its loopback mock, tests/mock-server.ts),
// as a user of the package would; reports per spec the tests passed and failed, the wall time and the peak resident
// memory of the whole process tree (vitest and its workers, summed). Issue 21 item 3: the 10 largest specs' packages
// pass their tests; a Graph-sized package's run stays under 5 minutes and 1.5 GB on 2 cores.
//
// The packages are generated inside the repository (.package-tests/, git-ignored), so that they resolve vitest,
// openapi-fetch and the MCP SDK from its node_modules: no install per package. Linux only (the memory is read from
// /proc). Writes package-tests-report.json.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { graphSpec } from '../bench/graph-spec.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(root, '.package-tests');
const CORPUS = join(root, '../shared/specs/corpus');
const VITEST = join(root, 'node_modules/vitest/vitest.mjs');

interface Job {
  name: string;
  file: string;
}

export interface PackageTestResult {
  spec: string;
  generated: boolean;
  generateSeconds: number;
  generatePeakMB: number;
  testFiles: number | null;
  passed: number | null;
  failed: number | null;
  testSeconds: number | null;
  /** The highest sum of the resident memory of vitest and every process under it, sampled twice a second. */
  testPeakMB: number | null;
  /** The first failures: test name and the first line of its message. */
  failures: string[];
  error: string | null;
}

/** The `count` largest specs of the corpus, by file size (the measure the issue's "largest" takes). */
function largestSpecs(count: number): Job[] {
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as {
    specs: Array<{ file: string }>;
  };
  return manifest.specs
    .map((spec) => ({ name: spec.file, file: join(CORPUS, spec.file), size: statSync(join(CORPUS, spec.file)).size }))
    .sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1))
    .slice(0, count)
    .map(({ name, file }) => ({ name, file }));
}

/** Resident memory (MB) of a process and all its descendants, from /proc; 0 once it has ended. */
function treeRssMB(pid: number): number {
  let kb = 0;
  const visit = (id: number): void => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // The process ended while it was read.
    }
  };
  visit(pid);
  return Math.round(kb / 1024);
}

/** Runs `node <args>` in `cwd`; wall seconds, the process tree's peak memory, and its output. */
function measure(
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number | null; seconds: number; peakMB: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk).slice(-64 * 1024)));
    let peakMB = 0;
    const sample = setInterval(() => void (peakMB = Math.max(peakMB, treeRssMB(child.pid!))), 500);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearInterval(sample);
      clearTimeout(timer);
      done({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMB, stdout, stderr });
    });
  });
}

interface VitestReport {
  numTotalTestSuites: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    name: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
  }>;
}

async function runJob(job: Job, index: number, timeoutMs: number): Promise<PackageTestResult> {
  const out = join(WORK, String(index).padStart(2, '0'));
  await rm(out, { recursive: true, force: true });
  process.stderr.write(`${job.name}: generating...\n`);
  const generated = await measure(
    [join(root, 'generator/run.mjs'), 'generate', '--no-config', '--spec', job.file, '--out', out],
    root,
    timeoutMs,
  );
  const base = {
    spec: job.name,
    generateSeconds: round(generated.seconds),
    generatePeakMB: generated.peakMB,
  };
  const none = { testFiles: null, passed: null, failed: null, testSeconds: null, testPeakMB: null, failures: [] };
  if (generated.code !== 0)
    return { ...base, ...none, generated: false, error: generated.stderr.trim().split('\n').at(-1) ?? 'failed' };
  process.stderr.write(`${job.name}: generated in ${base.generateSeconds} s; npm test...\n`);
  const report = join(out, 'vitest-report.json');
  // What the package's `npm test` runs (`vitest run`, its vitest.config.ts), with a JSON report beside.
  const tested = await measure(
    [VITEST, 'run', '--root', out, '--reporter=json', `--outputFile=${report}`],
    out,
    timeoutMs,
  );
  const parsed = await readFile(report, 'utf8').then(
    (text) => JSON.parse(text) as VitestReport,
    () => undefined,
  );
  if (!parsed)
    return {
      ...base,
      ...none,
      generated: true,
      testSeconds: round(tested.seconds),
      testPeakMB: tested.peakMB,
      error: `vitest wrote no report (exit ${tested.code}): ${tested.stderr.trim().split('\n').slice(-3).join(' ')}`,
    };
  const failures: string[] = [];
  for (const file of parsed.testResults) {
    // A file that fails to load has no test results, only a message.
    if (file.assertionResults.length === 0 && file.message)
      failures.push(`${file.name.slice(out.length + 1)}: ${file.message.split('\n')[0]}`);
    for (const test of file.assertionResults)
      if (test.status === 'failed')
        failures.push(`${test.fullName}: ${(test.failureMessages[0] ?? '').split('\n')[0]!.slice(0, 300)}`);
  }
  return {
    ...base,
    generated: true,
    testFiles: parsed.testResults.length,
    passed: parsed.numPassedTests,
    failed: parsed.numFailedTests,
    testSeconds: round(tested.seconds),
    testPeakMB: tested.peakMB,
    failures: failures.slice(0, 20),
    error: tested.code === 0 ? null : `exit code ${tested.code}`,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      largest: { type: 'string', default: '10' },
      timeout: { type: 'string', default: '1800' },
      keep: { type: 'boolean', default: false },
    },
  });
  const timeoutMs = Number(values.timeout) * 1000;
  let jobs = largestSpecs(Number(values.largest));
  // Names filter the largest specs (`github,ec2`); `graph` is the bench's Graph-sized spec, written for the run.
  if (positionals.length > 0) {
    const names = positionals.flatMap((name) => name.split(','));
    const corpus = largestSpecs(Number.MAX_SAFE_INTEGER);
    jobs = corpus.filter((job) => names.some((name) => name !== 'graph' && job.name.includes(name)));
    if (names.includes('graph')) {
      await mkdir(WORK, { recursive: true });
      const file = join(WORK, 'graph.json');
      await writeFile(file, JSON.stringify(graphSpec()));
      jobs.push({ name: 'graph (bench/graph-spec.ts)', file });
    }
  }
  const results: PackageTestResult[] = [];
  for (const [index, job] of jobs.entries()) {
    const result = await runJob(job, index, timeoutMs);
    results.push(result);
    process.stdout.write(
      `${result.failed === 0 && !result.error ? 'ok  ' : 'FAIL'} ${job.name}: ${result.passed ?? '-'} passed, ${result.failed ?? '-'} failed in ${result.testFiles ?? '-'} files; test ${result.testSeconds ?? '-'} s, peak ${result.testPeakMB ?? '-'} MB; generate ${result.generateSeconds} s, peak ${result.generatePeakMB} MB${result.error ? ` (${result.error})` : ''}\n`,
    );
    for (const failure of result.failures.slice(0, 5)) process.stdout.write(`       ${failure}\n`);
    if (!values.keep) await rm(join(WORK, String(index).padStart(2, '0')), { recursive: true, force: true });
  }
  await writeFile(join(root, 'package-tests-report.json'), `${JSON.stringify(results, null, 2)}\n`);
  const passed = results.filter((result) => result.failed === 0 && !result.error).length;
  process.stdout.write(`${passed} of ${results.length} packages pass their own tests\n`);
  process.exitCode = passed === results.length ? 0 : 1;
}

await main();
