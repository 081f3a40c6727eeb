import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { UsageError, type ParsedArgs } from '../cli/args.js';
import type { Io } from '../cli/generate-command.js';
import { InputError } from '../errors.js';
import { findConfig, loadConfig } from '../load/load-config.js';
import { isURL } from '../load/read-input.js';
import { diffSpecs, type SpecInput } from './diff-specs.js';
import { renderMarkdown } from './report.js';

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
  const input = config.input !== undefined && !isURL(config.input) && configFile ? resolve(dirname(configFile), config.input) : resolve(cwd, DEFAULT_SPEC);
  const shown = (path: string): string => relative(cwd, path).split(sep).join('/');
  const scratch = await mkdtemp(join(tmpdir(), 'sdk-diff-'));
  try {
    const side = (value: string, name: string): Promise<SpecInput> => resolveInput(value, { cwd, scratch, name, spec: input, configFile, configArg });
    const base = await side(baseArg, 'base');
    const head = values['head'] ? await side(values['head'] as string, 'head') : { spec: input, config: configFile, label: shown(input) };
    const report = await diffSpecs(base, head);
    io.stdout.write(values['json'] ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report));
    return failOn === 'breaking' && report.counts.breaking > 0 ? 1 : 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
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
}

/** A file path as is; otherwise a git ref whose spec and config (at the working tree's paths) are read with `git show`. */
async function resolveInput(value: string, context: Context): Promise<SpecInput> {
  const file = resolve(context.cwd, value);
  if (existsSync(file) && statSync(file).isFile()) return { spec: file, config: context.configArg === undefined ? undefined : context.configFile, label: value };
  const git = (...args: string[]) => run('git', args, { cwd: context.cwd, maxBuffer: 256 * 1024 * 1024 });
  try {
    await git('rev-parse', '--verify', '--quiet', `${value}^{commit}`);
  } catch {
    throw new InputError({ file: value }, 'is neither a spec file nor a git ref');
  }
  const top = (await git('rev-parse', '--show-toplevel')).stdout.trim();
  const inRepo = (path: string): string => relative(top, path).split(sep).join('/');
  const show = async (path: string): Promise<string | undefined> => {
    try {
      const { stdout } = await git('show', `${value}:${path}`);
      const copy = join(context.scratch, `${context.name}-${path.replace(/\//g, '_')}`);
      await writeFile(copy, stdout);
      return copy;
    } catch {
      return undefined;
    }
  };
  const specPath = inRepo(context.spec);
  const spec = await show(specPath);
  if (!spec) throw new InputError({ file: `${value}:${specPath}` }, 'not found in that commit');
  return { spec, config: context.configFile && (await show(inRepo(context.configFile))), label: `${value}:${specPath}` };
}
