import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { diffSpecs, type SpecInput } from './diff/diff-specs.js';
import { renderMarkdown } from './diff/report.js';
import { InputError, runCommand } from './errors.js';
import { track, untrack } from './write/temp.js';

const run = promisify(execFile);

const USAGE = `Usage: npm run diff -- --base <git-ref | spec file> [--head <git-ref | spec file>] [--json] [--fail-on breaking]

  --base      the spec before: a git ref (reads <ref>:spec/openapi.yaml and its sdk.config.yaml) or a file
  --head      the spec after (default: spec/openapi.yaml in the working tree)
  --config    SDK config for file inputs (git refs use their own spec/sdk.config.yaml)
  --json      print JSON instead of Markdown
  --fail-on   breaking: exit 1 when a change breaks users' code`;

const SPEC_PATH = 'spec/openapi.yaml';
const CONFIG_PATH = 'spec/sdk.config.yaml';

/** A file path as is; otherwise a git ref whose spec and config are read with `git show` into `scratch`. */
async function resolveInput(value: string, scratch: string, side: string, config: string | undefined): Promise<SpecInput> {
  if (existsSync(value) && statSync(value).isFile()) return { spec: value, config, label: value };
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${value}^{commit}`]);
  } catch {
    throw new InputError({ file: value }, 'is neither a spec file nor a git ref');
  }
  const show = async (path: string): Promise<string | undefined> => {
    try {
      const { stdout } = await run('git', ['show', `${value}:${path}`], { maxBuffer: 256 * 1024 * 1024 });
      const file = join(scratch, `${side}-${path.replace(/\//g, '_')}`);
      await writeFile(file, stdout);
      return file;
    } catch {
      return undefined;
    }
  };
  const spec = await show(SPEC_PATH);
  if (!spec) throw new InputError({ file: `${value}:${SPEC_PATH}` }, 'not found in that commit');
  return { spec, config: await show(CONFIG_PATH), label: `${value}:${SPEC_PATH}` };
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { base: { type: 'string' }, head: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean', default: false }, 'fail-on': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) return void process.stdout.write(`${USAGE}\n`), 0;
  if (!values.base || (values['fail-on'] !== undefined && values['fail-on'] !== 'breaking')) {
    process.stderr.write(`${!values.base ? 'error: --base is required' : 'error: --fail-on takes only "breaking"'}\n\n${USAGE}\n`);
    return 2;
  }
  const scratch = await mkdtemp(join(tmpdir(), 'sdk-diff-'));
  // Removed on exit and on SIGINT/SIGTERM too, not only when main returns.
  track(scratch);
  try {
    const base = await resolveInput(values.base, scratch, 'base', values.config);
    const head = values.head
      ? await resolveInput(values.head, scratch, 'head', values.config)
      : { spec: SPEC_PATH, config: values.config ?? (existsSync(CONFIG_PATH) ? CONFIG_PATH : undefined), label: SPEC_PATH };
    const report = await diffSpecs(base, head);
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report));
    return values['fail-on'] === 'breaking' && report.counts.breaking > 0 ? 1 : 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
    untrack(scratch);
  }
}

runCommand(() => main(process.argv.slice(2)), 2);
