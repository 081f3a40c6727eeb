import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { diffSpecs, type SpecInput } from './diff/diff-specs.js';
import { renderMarkdown } from './diff/report.js';
import { InputError, runCommand } from './errors.js';
import { DEFAULT_REF_LIMITS, RefRefusal, resolveAllowRefs } from './load/ref-confinement.js';
import { track, untrack } from './write/temp.js';

const run = promisify(execFile);

const USAGE = `Usage: npm run diff -- --base <git-ref | spec file> [--head <git-ref | spec file>] [--json] [--fail-on breaking] [--allow-refs <dir|url>]...

  --base      the spec before: a git ref (reads <ref>:spec/openapi.yaml and its sdk.config.yaml) or a file
  --head      the spec after (default: spec/openapi.yaml in the working tree)
  --config    SDK config for file inputs (git refs use their own spec/sdk.config.yaml)
  --json      print JSON instead of Markdown
  --fail-on   breaking: exit 1 when a change breaks users' code
  --allow-refs  a folder or http(s) URL prefix $refs may read besides the spec's folder (repeatable)`;

const SPEC_PATH = 'spec/openapi.yaml';
const CONFIG_PATH = 'spec/sdk.config.yaml';

/**
 * A file path as is; otherwise a git ref, whose spec folder is copied out of git into `scratch` (regular files only, so
 * a multi-file spec bundles as it does in a checkout, under the same confinement: its refs reach only that copy).
 */
async function resolveInput(value: string, scratch: string, side: string, config: string | undefined, allowRefs: string[]): Promise<SpecInput> {
  if (existsSync(value) && statSync(value).isFile()) return { spec: value, config, label: value, allowRefs };
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${value}^{commit}`]);
  } catch {
    throw new InputError({ file: value }, 'is neither a spec file nor a git ref');
  }
  const root = join(scratch, side);
  await copySpecFolder(value, root);
  const spec = join(root, SPEC_PATH);
  if (!existsSync(spec)) throw new InputError({ file: `${value}:${SPEC_PATH}` }, 'not found in that commit');
  const configFile = join(root, CONFIG_PATH);
  return { spec, config: existsSync(configFile) ? configFile : undefined, label: `${value}:${SPEC_PATH}`, allowRefs };
}

/** Writes the regular files of the spec's folder at `commit` under `root`; symbolic links and submodules are left out. */
async function copySpecFolder(commit: string, root: string): Promise<void> {
  const folder = `${dirname(SPEC_PATH)}/`;
  const { stdout } = await run('git', ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', folder], { maxBuffer: 64 * 1024 * 1024 });
  for (const entry of stdout.split('\0')) {
    const match = /^(100644|100755) blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(entry);
    if (!match) continue;
    const [, , hash, size, path] = match as unknown as [string, string, string, string, string];
    // Git's paths have no `..` or absolute parts; checked anyway, since this one writes files. Larger files than a
    // ref may read are not copied.
    const target = resolve(root, path);
    if (!target.startsWith(`${resolve(root)}/`) || !path.startsWith(folder) || Number(size) > DEFAULT_REF_LIMITS.maxFileBytes) continue;
    const { stdout: blob } = await run('git', ['cat-file', 'blob', hash], { encoding: 'buffer', maxBuffer: DEFAULT_REF_LIMITS.maxFileBytes + 1 });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, blob);
  }
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { base: { type: 'string' }, head: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean', default: false }, 'fail-on': { type: 'string' }, 'allow-refs': { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h', default: false } },
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
    const allowRefs = allowedByFlag(values['allow-refs'] ?? []);
    const base = await resolveInput(values.base, scratch, 'base', values.config, allowRefs);
    const head = values.head
      ? await resolveInput(values.head, scratch, 'head', values.config, allowRefs)
      : { spec: SPEC_PATH, config: values.config ?? (existsSync(CONFIG_PATH) ? CONFIG_PATH : undefined), label: SPEC_PATH, allowRefs };
    const report = await diffSpecs(base, head);
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report));
    return values['fail-on'] === 'breaking' && report.counts.breaking > 0 ? 1 : 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
    untrack(scratch);
  }
}

function allowedByFlag(entries: readonly string[]): string[] {
  try {
    return resolveAllowRefs(entries, process.cwd());
  } catch (error) {
    if (error instanceof RefRefusal) throw new InputError({ file: '--allow-refs' }, error.problem);
    throw error;
  }
}

runCommand(() => main(process.argv.slice(2)), 2);
