// `npm run compat`: the official telnyx-node tests (tests/api-resources/**, un-skipped) against the full Telnyx SDK
// generated from spec3.yml, on Prism mocking the same spec; failures counted by cause. With the official `telnyx`
// package installed (bench/node_modules, or COMPAT_OFFICIAL=<its folder>), the same tests run against it too.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { generate } from '../generator/generate.js';
import { readSurface } from '../generator/model/surface.js';
import { writeOutput } from '../generator/write/write-output.js';
import { startPrism } from '../test/support/prism.js';
import { handWrittenMethods, type TypecheckResult, typecheckLines, typecheckTests } from './compat-typecheck.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository (git-ignored), so the generated SDK resolves openapi-fetch and vitest from its node_modules.
const WORK = join(root, '.compat');
const SHARED = resolve(root, '../shared');

const CONFIG = `clientName: Telnyx
envPrefix: TELNYX
package:
  name: telnyx
  version: 0.1.0
baseURL: https://api.telnyx.com/v2
casing:
  oauth: OAuth
# telnyx-node takes its page params as bracketed keys, { 'page[number]': 1 }, and its filters as objects.
deepObjectParams: [page]
# Names telnyx-node's own (Stainless) config gives outside the spec, which api.md cannot show either.
operations:
  post /mobile_push_credentials: { bodyParam: createMobilePushCredentialRequest }
  post /voice_clones: { bodyParam: voice_clone_request }
  post /voice_clones/from_upload: { bodyParam: voice_clone_upload_request }
  post /calls/{call_control_id}/actions/bridge: { bodyFields: { call_control_id_to_bridge_with: call_control_id } }
  # Object bodies telnyx-node takes whole under one key rather than field by field.
  post /networks: { bodyParam: network_create }
  patch /networks/{id}: { bodyParam: network_create }
  patch /global_ip_assignments/{id}: { bodyParam: globalIpAssignmentUpdateRequest }
  post /wireguard_interfaces: { bodyParam: body }
  post /wireguard_peers: { bodyParam: body }
  post /storage/buckets/{bucketName}/{objectName}/presigned_url: { bodyParam: body }
  post /texml/Accounts/{account_sid}/Calls: { bodyParam: body }
  post /documents: { bodyParam: document }
`;

const COMPARABLE = 'ours, where the method exists and the official SDK passes';
/** The file of the hollow-pass guard: the error classes the tests expect must be classes, or `toThrow(X)` accepts anything. */
const GUARD = 'tests/_compat-guard.test.ts';
/** tests/index.test.ts of telnyx-node: how the client behaves, apart from any endpoint. */
const CLIENT_TESTS = 'tests/index.test.ts';

type Cause = 'passed' | 'method missing' | 'rejected by Prism' | 'runtime error';

interface TestOutcome {
  file: string;
  name: string;
  cause: Cause;
  /** Request-options tests send to `/_stainless_unknown_path` and expect a 404; counted apart as the issue does. */
  requestOptions: boolean;
  message: string;
}

interface VitestReport {
  testResults: Array<{
    name: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
  }>;
}

/** Why a test failed, from its first failure message. */
export function classify(message: string): Exclude<Cause, 'passed'> {
  if (/is not a function|Cannot read properties of undefined \(reading '[^']+'\)/.test(message))
    return 'method missing';
  // Our errors and the official SDK's both start with the status: `422 ...`, `UnprocessableEntityError: 422 ...`.
  if (/^(?:\w*Error: )?[45]\d\d\b/m.test(message)) return 'rejected by Prism';
  return 'runtime error';
}

async function prepareTests(dir: string): Promise<number> {
  const source = join(SHARED, 'reference/telnyx-node/tests/api-resources');
  await cp(source, join(dir, 'tests'), { recursive: true });
  // The client-behaviour tests (custom fetch, base URL, retries, timeouts...) run beside them and are counted apart.
  await cp(join(SHARED, 'reference/telnyx-node/tests/index.test.ts'), join(dir, CLIENT_TESTS));
  // They are written for jest: its fn, spyOn and resetModules are vitest's vi.
  await writeFile(join(dir, 'jest-globals.mjs'), "import { vi } from 'vitest';\nglobalThis.jest = vi;\n");
  let count = 0;
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.name.endsWith('.test.ts')) {
        const text = await readFile(path, 'utf8');
        count += (text.match(/\btest\.skip\(/g) ?? []).length;
        await writeFile(path, text.replace(/\btest\.skip\(/g, 'test('));
      }
    }
  };
  await visit(join(dir, 'tests'));
  const errorNames = new Set<string>();
  const collect = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) await collect(join(folder, entry.name));
      else if (entry.name.endsWith('.test.ts'))
        for (const match of (await readFile(join(folder, entry.name), 'utf8')).matchAll(/\bTelnyx\.(\w+Error)\b/g))
          errorNames.add(match[1]!);
    }
  };
  await collect(join(dir, 'tests'));
  await writeFile(
    join(dir, GUARD),
    `import Telnyx from 'telnyx';\n\ntest.each(${JSON.stringify([...errorNames].sort())})('Telnyx.%s is an error class', (name) => {\n  const value = (Telnyx as unknown as Record<string, unknown>)[name];\n  expect(typeof value).toBe('function');\n  expect((value as { prototype: unknown }).prototype instanceof Error).toBe(true);\n});\n`,
  );
  return count;
}

/** Runs the tests in `dir` with `telnyx` (and `telnyx/...`) resolved to `target`; returns each test's outcome. */
/** Per column, the guard tests that failed: then every `rejects.toThrow(Telnyx.XError)` pass may be hollow. */
const hollow = new Map<string, string[]>();

async function runTests(
  dir: string,
  label: string,
  target: string,
  subpathSuffix: string,
  baseURL: string,
  filters: string[],
): Promise<TestOutcome[]> {
  const config = join(dir, `vitest.${label}.config.mjs`);
  const report = join(dir, `report.${label}.json`);
  await writeFile(
    config,
    `import { defineConfig } from 'vitest/config';
export default defineConfig({
  resolve: { alias: [{ find: /^telnyx$/, replacement: ${JSON.stringify(target)} }, { find: /^telnyx\\/(.*)$/, replacement: ${JSON.stringify(`${join(target, '..')}/`)} + '$1${subpathSuffix}' }] },
  test: { globals: true, setupFiles: [${JSON.stringify(join(dir, 'jest-globals.mjs'))}], include: ['tests/**/*.test.ts'], testTimeout: 30000, pool: 'threads', isolate: false, maxWorkers: 2 },
});
`,
  );
  const vitest = join(root, 'node_modules/vitest/vitest.mjs');
  await promisify(execFile)(
    process.execPath,
    [vitest, 'run', ...filters, '--config', config, '--root', dir, '--reporter=json', `--outputFile=${report}`],
    {
      cwd: dir,
      env: { ...process.env, TEST_API_BASE_URL: baseURL, TELNYX_LOG: 'off' },
      maxBuffer: 256 * 1024 * 1024,
    },
  ).catch(() => undefined); // failing tests exit 1; the report says what happened
  if (!existsSync(report)) throw new Error(`vitest wrote no report for ${label}`);
  const parsed = JSON.parse(await readFile(report, 'utf8')) as VitestReport;
  const outcomes: TestOutcome[] = [];
  for (const file of parsed.testResults) {
    const name = relative(dir, file.name);
    if (name === GUARD) {
      const failed = file.assertionResults.filter((test) => test.status !== 'passed').map((test) => test.fullName);
      if (failed.length > 0 || file.assertionResults.length === 0)
        hollow.set(label, failed.length > 0 ? failed : ['the guard did not run']);
      continue;
    }
    for (const test of file.assertionResults) {
      const message = test.failureMessages[0] ?? '';
      outcomes.push({
        file: name,
        name: test.fullName,
        cause: test.status === 'passed' ? 'passed' : classify(message),
        requestOptions: /request options/.test(test.fullName),
        message: message.split('\n')[0] ?? '',
      });
    }
    // A file that fails to load (an import it cannot resolve) reports no tests: count its tests as runtime errors.
    if (file.assertionResults.length === 0 && file.message) {
      const text = await readFile(file.name, 'utf8');
      const names = [...text.matchAll(/\btest\('([^']*)'/g)].map((match) => match[1]!);
      for (const test of names)
        outcomes.push({
          file: name,
          name: test,
          cause: 'runtime error',
          requestOptions: /request options/.test(test),
          message: file.message.split('\n')[0]!,
        });
    }
  }
  return outcomes;
}

function summary(outcomes: TestOutcome[]): Record<string, number | string> {
  const count = (predicate: (outcome: TestOutcome) => boolean): number => outcomes.filter(predicate).length;
  const withMethod = outcomes.filter((outcome) => outcome.cause !== 'method missing');
  const passed = count((outcome) => outcome.cause === 'passed');
  const plain = withMethod.filter((outcome) => !outcome.requestOptions);
  const percent = (part: number, whole: number): string =>
    whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
  return {
    tests: outcomes.length,
    passed,
    'failed: method missing': count((outcome) => outcome.cause === 'method missing'),
    'failed: rejected by Prism': count((outcome) => outcome.cause === 'rejected by Prism'),
    'failed: runtime error': count((outcome) => outcome.cause === 'runtime error'),
    '  of the failures, request-options tests': count(
      (outcome) => outcome.cause !== 'passed' && outcome.requestOptions,
    ),
    'pass rate where the method exists': percent(
      withMethod.filter((outcome) => outcome.cause === 'passed').length,
      withMethod.length,
    ),
    '  leaving out request-options tests': percent(
      plain.filter((outcome) => outcome.cause === 'passed').length,
      plain.length,
    ),
  };
}

async function main(): Promise<void> {
  // Positional arguments filter the test files, as vitest's do: `npm run compat -- oauth-clients calls`.
  const { values, positionals: filters } = parseArgs({
    options: {
      keep: { type: 'boolean', default: false },
      official: { type: 'string' },
      surface: { type: 'string' },
      'no-official': { type: 'boolean', default: false },
      report: { type: 'string' },
      // --typecheck: the tests type-checked against ours too (#13 item 3); --no-run: only that, without Prism.
      typecheck: { type: 'boolean', default: false },
      'no-run': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const officialDir = values.official ?? process.env['COMPAT_OFFICIAL'] ?? join(root, 'bench/node_modules/telnyx');
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  const started = Date.now();
  const run = !values['no-run'];
  process.stderr.write(
    `compat: generating the Telnyx SDK from spec3.yml${values.surface === undefined ? '' : ` with the names of ${values.surface}`}${run ? ' and starting Prism' : ''}...\n`,
  );
  const spec = join(SHARED, 'specs/telnyx/spec3.yml');
  const configFile = join(WORK, 'sdk.config.yaml');
  await writeFile(configFile, CONFIG);
  const [result, prism, tests] = await Promise.all([
    // --surface: the official SDK's api.md names the methods (issue #13), as a team moving its SDK here would run it.
    generate({
      spec,
      config: configFile,
      cwd: root,
      surface: values.surface === undefined ? undefined : resolve(values.surface),
    }),
    run ? startPrism(spec, 300_000) : undefined,
    prepareTests(WORK),
  ]);
  try {
    const sdk = join(WORK, 'sdk');
    await writeOutput(sdk, result.files);
    if (!existsSync(join(WORK, 'node_modules')))
      await symlink(join(root, 'node_modules'), join(WORK, 'node_modules'), 'dir');
    const reportFile = resolve(values.report ?? join(root, 'compat-report.json'));
    let typecheck: TypecheckResult | undefined;
    if (values.typecheck) {
      process.stderr.write('compat: type-checking the official tests against our SDK (tsc 7)...\n');
      const apiMd = values.surface === undefined ? '' : await readFile(resolve(values.surface), 'utf8');
      const context = {
        model: result.model,
        document: result.document,
        surface: readSurface(apiMd, values.surface ?? 'api.md'),
        handWritten: handWrittenMethods(apiMd),
      };
      const tsc = join(root, 'node_modules/typescript-7/bin/tsc');
      typecheck = await typecheckTests({
        dir: WORK,
        sdk,
        packageName: 'telnyx',
        exclude: [GUARD],
        filters,
        tsc,
        context,
        readText: (file) => readFile(file, 'utf8'),
      });
      process.stdout.write(`${typecheckLines(typecheck).join('\n')}\n`);
    }
    if (!prism) {
      await writeFile(
        reportFile,
        `${JSON.stringify({ seconds: Math.round((Date.now() - started) / 1000), typecheck }, null, 2)}\n`,
      );
      process.stderr.write(`compat: --no-run; the type-check is in ${relative(process.cwd(), reportFile)}\n`);
      return;
    }
    process.stderr.write(`compat: ${tests} tests; running them against our SDK...\n`);
    const ours = await runTests(WORK, 'ours', join(sdk, 'src/index.ts'), '.ts', prism.url, filters);
    const columns: Array<[string, TestOutcome[]]> = [['ours', ours]];
    if (values['no-official']) {
      process.stderr.write('compat: --no-official; ours only.\n');
    } else if (existsSync(join(officialDir, 'package.json'))) {
      const version = (JSON.parse(await readFile(join(officialDir, 'package.json'), 'utf8')) as { version: string })
        .version;
      process.stderr.write(`compat: and against the official telnyx ${version}...\n`);
      columns.push([
        `official ${version}`,
        await runTests(WORK, 'official', join(officialDir, 'index.js'), '', prism.url, filters),
      ]);
    } else {
      process.stderr.write(
        `compat: the official package is not installed (${relative(root, officialDir)}); ours only.\n`,
      );
    }
    // The client-behaviour tests are not api-resources tests: counted apart, with the names of those that fail.
    const clientTests = new Map(
      columns.map(([label, outcomes]) => [label, outcomes.filter((outcome) => outcome.file === CLIENT_TESTS)]),
    );
    for (const column of columns) column[1] = column[1].filter((outcome) => outcome.file !== CLIENT_TESTS);
    const rows = columns.map(([, outcomes]) => summary(outcomes));
    const width = Math.max(...[...Object.keys(rows[0]!), COMPARABLE].map((key) => key.length)) + 2;
    const lines = [`${''.padEnd(width)}${columns.map(([label]) => label.padStart(18)).join('')}`];
    for (const key of Object.keys(rows[0]!))
      lines.push(`${key.padEnd(width)}${rows.map((row) => String(row[key]).padStart(18)).join('')}`);
    // Of the tests the official SDK passes and whose method we have: how many do we pass, and which fail.
    if (columns.length > 1) {
      const official = new Map(columns[1]![1].map((outcome) => [`${outcome.file} ${outcome.name}`, outcome.cause]));
      const comparable = columns[0]![1].filter(
        (outcome) => outcome.cause !== 'method missing' && official.get(`${outcome.file} ${outcome.name}`) === 'passed',
      );
      const passing = comparable.filter((outcome) => outcome.cause === 'passed').length;
      lines.push(`${COMPARABLE.padEnd(width)}${`${passing}/${comparable.length}`.padStart(18)}`);
    }
    for (const [label] of columns) {
      const failed = hollow.get(label);
      lines.push(
        `${'hollow-pass guard (error classes exist)'.padEnd(width)}${(failed ? `FAILED (${label})` : 'ok').padStart(18)}`,
      );
      if (failed) lines.push(...failed.map((test) => `  ${test}`));
    }
    for (const [label, outcomes] of clientTests) {
      const failed = outcomes.filter((outcome) => outcome.cause !== 'passed');
      lines.push(
        `${`client behaviour (${CLIENT_TESTS}), ${label}`.padEnd(width)}${`${outcomes.length - failed.length}/${outcomes.length}`.padStart(18)}`,
      );
      lines.push(...failed.map((outcome) => `  fails: ${outcome.name} (${outcome.message.slice(0, 100)})`));
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    const failures = columns[0]![1].filter((outcome) => outcome.cause !== 'passed');
    // The official column's failures too: a test both fail says more about the spec or Prism than about us.
    const officialFailures = columns[1]?.[1].filter((outcome) => outcome.cause !== 'passed') ?? [];
    const clientFailures = Object.fromEntries(
      [...clientTests].map(([label, outcomes]) => [label, outcomes.filter((outcome) => outcome.cause !== 'passed')]),
    );
    const report = {
      seconds: Math.round((Date.now() - started) / 1000),
      columns: Object.fromEntries(columns.map(([label], index) => [label, rows[index]])),
      failures,
      officialFailures,
      clientFailures,
      ...(typecheck && { typecheck }),
    };
    await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(
      `compat: done in ${report.seconds} s; every failure of ours with its cause is in ${relative(process.cwd(), reportFile)}\n`,
    );
  } finally {
    await prism?.stop();
    if (!values.keep) await rm(WORK, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`compat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
