import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../core/errors.js';
import { track, untrack } from '../core/temp.js';
import { diffSpecs, type SpecInput } from '../diff/diff-specs.js';
import { renderMarkdown } from '../diff/report.js';
import { findConfig, loadConfig } from '../load/load-config.js';
import { isURL } from '../load/read-input.js';
import { allowedByFlag, DEFAULT_REF_LIMITS } from '../load/ref-confinement.js';
import { type ParsedArgs, UsageError } from './args.js';
import type { Io } from './generate-command.js';

const run = promisify(execFile);

/** The spec a repository without a config keeps (this repository's layout). */
const DEFAULT_SPEC = 'spec/openapi.yaml';

/** `sdkgen diff`: the change report between two specs (files or git refs); 1 with `--fail-on breaking` and a breaking change. */
export async function runDiff(args: ParsedArgs, cwd: string, io: Io): Promise<number> {
  const { values } = args;
  const baseArg = values['base'] as string | undefined;
  const failOn = values['fail-on'] as string | undefined;
  if (!baseArg) throw new UsageError('--base is required');
  if (failOn !== undefined && failOn !== 'breaking') throw new UsageError('--fail-on takes only "breaking"');
  const configArg = values['config'] as string | undefined;
  // The working tree's spec and config: the discovered config's input, else spec/openapi.yaml.
  const configFile = configArg !== undefined ? resolve(cwd, configArg) : findConfig(cwd);
  const config = await loadConfig(configFile, configFile && relative(cwd, configFile));
  const input =
    config.input !== undefined && !isURL(config.input) && configFile
      ? resolve(dirname(configFile), config.input)
      : resolve(cwd, DEFAULT_SPEC);
  const shown = (path: string): string => relative(cwd, path).split(sep).join('/');
  const allowRefs = allowedByFlag((values['allow-refs'] as string[] | undefined) ?? [], cwd);
  const scratch = await mkdtemp(join(tmpdir(), 'sdk-diff-'));
  // Removed on exit and on SIGINT/SIGTERM too, not only when this returns.
  track(scratch);
  try {
    const side = (value: string, name: string): Promise<SpecInput> =>
      resolveInput(value, { cwd, scratch, name, spec: input, configFile, configArg, allowRefs });
    const base = await side(baseArg, 'base');
    const head = values['head']
      ? await side(values['head'] as string, 'head')
      : { spec: input, config: configFile, label: shown(input), allowRefs };
    const report = await diffSpecs(base, head);
    io.stdout.write(values['json'] ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report));
    return failOn === 'breaking' && report.counts.breaking > 0 ? 1 : 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
    untrack(scratch);
  }
}

interface Context {
  cwd: string;
  scratch: string;
  name: string;
  /** The working tree's spec and config: at a git ref, the files at the same paths are read. */
  spec: string;
  configFile: string | undefined;
  configArg: string | undefined;
  allowRefs: string[];
}

/**
 * A file path as is; otherwise a git ref, whose spec folder (at the working tree's path) is copied out of git into the
 * scratch folder (regular files only), so a multi-file spec bundles as in a checkout and under the same confinement:
 * its refs reach only that copy. The config at the working tree's path is read from the same commit.
 */
async function resolveInput(value: string, context: Context): Promise<SpecInput> {
  const file = resolve(context.cwd, value);
  if (existsSync(file) && statSync(file).isFile())
    return {
      spec: file,
      config: context.configArg === undefined ? undefined : context.configFile,
      label: value,
      allowRefs: context.allowRefs,
    };
  const git = (...args: string[]) => run('git', args, { cwd: context.cwd, maxBuffer: 256 * 1024 * 1024 });
  try {
    await git('rev-parse', '--verify', '--quiet', `${value}^{commit}`);
  } catch {
    throw new InputError({ file: value }, 'is neither a spec file nor a git ref');
  }
  const top = (await git('rev-parse', '--show-toplevel')).stdout.trim();
  const inRepo = (path: string): string => relative(top, path).split(sep).join('/');
  const root = join(context.scratch, context.name);
  const specPath = inRepo(context.spec);
  await copyFolder(context.cwd, value, dirname(specPath), root);
  const spec = join(root, specPath);
  if (!existsSync(spec)) throw new InputError({ file: `${value}:${specPath}` }, 'not found in that commit');
  let config: string | undefined;
  if (context.configFile) {
    const configPath = inRepo(context.configFile);
    config = join(root, configPath);
    if (!existsSync(config)) {
      // A config outside the spec's folder: that one file, from the same commit.
      try {
        const { stdout } = await git('show', `${value}:${configPath}`);
        await mkdir(dirname(config), { recursive: true });
        await writeFile(config, stdout);
      } catch {
        config = undefined;
      }
    }
  }
  return { spec, config, label: `${value}:${specPath}`, allowRefs: context.allowRefs };
}

/** Writes the regular files under `folder` at `commit` below `root`; symbolic links and submodules are left out. */
async function copyFolder(cwd: string, commit: string, folder: string, root: string): Promise<void> {
  const prefix = folder === '.' || folder === '' ? '' : `${folder}/`;
  const { stdout } = await run('git', ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', prefix || '.'], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const entry of stdout.split('\0')) {
    const match = /^(100644|100755) blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(entry);
    if (!match) continue;
    const [, , hash, size, path] = match as unknown as [string, string, string, string, string];
    // Git's paths have no `..` or absolute parts; checked anyway, since this writes files. Files larger than a ref
    // may read are not copied.
    const target = resolve(root, path);
    if (
      !target.startsWith(`${resolve(root)}${sep}`) ||
      !path.startsWith(prefix) ||
      Number(size) > DEFAULT_REF_LIMITS.maxFileBytes
    )
      continue;
    const { stdout: blob } = await run('git', ['cat-file', 'blob', hash], {
      cwd,
      encoding: 'buffer',
      maxBuffer: DEFAULT_REF_LIMITS.maxFileBytes + 1,
    });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, blob);
  }
}
