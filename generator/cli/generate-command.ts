import { type FSWatcher, readdirSync, watch as watchFiles } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../core/errors.js';
import { findConfig, loadConfig, type SdkConfig } from '../load/load-config.js';
import { isURL } from '../load/read-input.js';
import { type ParsedArgs, UsageError } from './args.js';

/** What one run reads and writes, from the command line first, then the config. */
export interface Plan {
  spec: string;
  /** The spec as messages show it. */
  specShown: string;
  out: string;
  outShown: string;
  configFile: string | undefined;
  /** Whether the config was found by the search (not named with --config): the run says which it is. */
  configFound: boolean;
  config: SdkConfig;
  /** What the run should say before it starts (a found config used with a spec other than its input). */
  notice?: string;
  /**
   * What banners name files relative to: the project root when the config was found (so they read the same from any
   * subfolder), else the working directory.
   */
  displayBase: string;
}

/** Resolves the spec, config and output folder: flags and the positional against `cwd`, the config's against its folder. */
export async function makePlan(args: ParsedArgs, cwd: string): Promise<Plan> {
  const { values, positionals } = args;
  const shown = (path: string): string => relative(cwd, path).split(sep).join('/') || '.';
  const givenConfig = typeof values['config'] === 'string' ? resolve(cwd, values['config']) : undefined;
  const configFile = values['no-config'] ? undefined : (givenConfig ?? findConfig(cwd));
  const config = await loadConfig(configFile, configFile && shown(configFile));
  const base = configFile ? dirname(configFile) : cwd;
  if (positionals[0] !== undefined && values['input'] !== undefined)
    throw new UsageError('the spec is given twice: as an argument and as --input');
  const given = positionals[0] ?? (values['input'] as string | undefined);
  const fromConfig =
    config.input === undefined ? undefined : isURL(config.input) ? config.input : resolve(base, config.input);
  const spec = given === undefined ? fromConfig : isURL(given) || given === '-' ? given : resolve(cwd, given);
  if (spec === undefined) {
    throw new UsageError(
      configFile
        ? `no spec: give one (\`sdkgen generate openapi.yaml\`) or set "input" in ${shown(configFile)}`
        : 'no spec: give one (`sdkgen generate openapi.yaml`), or run `sdkgen init` to write a config that names it',
    );
  }
  const out =
    typeof values['output'] === 'string' ? resolve(cwd, values['output']) : resolve(base, config.output ?? 'generated');
  // A found config's folder is the project root (spec/sdk.config.yaml's is the one above it).
  const displayBase =
    configFile === undefined || givenConfig !== undefined
      ? cwd
      : configFile.endsWith(`${sep}spec${sep}sdk.config.yaml`)
        ? dirname(base)
        : base;
  // A path in the project (or under the working directory) reads best relative; one elsewhere, whole.
  const outShown = [cwd, displayBase].some((folder) => isInside(out, folder)) ? shown(out) : out;
  // A config found (not named) while the spec comes from the command line: its settings (names, output) still apply,
  // which a spec other than its own may not expect; say which config that is.
  const notice =
    configFile !== undefined && givenConfig === undefined && given !== undefined && spec !== fromConfig
      ? `note: using the config ${shown(configFile)}${fromConfig === undefined ? '' : `, whose input is ${isURL(fromConfig) ? fromConfig : shown(fromConfig)}`}; pass --no-config to generate without it`
      : undefined;
  return {
    spec,
    specShown: isURL(spec) ? spec : spec === '-' ? '<stdin>' : shown(spec),
    out,
    outShown,
    configFile,
    configFound: configFile !== undefined && givenConfig === undefined,
    config,
    displayBase,
    ...(notice !== undefined && { notice }),
  };
}

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/** How one run reports: `check` compares instead of writing; `prefix` starts the result line (`--watch`'s time). */
export interface RunMode {
  check?: boolean;
  prefix?: string;
}

/** `sdkgen generate` and `sdkgen check`: one run; 0, or 1 when check finds the output stale. */
export async function runGenerate(
  args: ParsedArgs,
  cwd: string,
  io: Io,
  { check = false, prefix = '' }: RunMode = {},
): Promise<number> {
  const plan = await makePlan(args, cwd);
  // A found config is code that runs: say which one (--watch says it once); where the spec on the command line is not
  // its input, say that too.
  if (prefix === '') {
    if (plan.notice !== undefined) io.stderr.write(`${plan.notice}\n`);
    else announceConfig(plan, cwd, io);
  }
  const { generate } = await import('../generate.js');
  const { checkOutputFolder, diffOutput, writeOutput } = await import('../write/write-output.js');
  // A folder that is not ours is refused before the work of generating.
  if (!check) await checkOutputFolder(plan.out, { force: args.values['force'] === true, display: plan.outShown });
  // --watch prints one line per run, so no phases then.
  const onProgress = prefix === '' ? statusLine(io.stderr) : undefined;
  // Only the files, the warnings and the command go on: the model (and the spec it holds) is let go of before the
  // files are written, which on a Graph-sized spec was 130 MB more of the run's peak memory.
  const { warnings, regenerateCommand, files } = await generate({
    spec: plan.spec,
    config: plan.configFile,
    loadedConfig: plan.config,
    cwd: plan.displayBase,
    force: args.values['force'] === true,
    // The config's allowRefs are the config's (generate() adds them); the flag's are relative to the working directory.
    allowRefs: ((args.values['allow-refs'] as string[] | undefined) ?? []).map((entry) =>
      /^[a-z][a-z0-9+.-]*:/i.test(entry) ? entry : resolve(cwd, entry),
    ),
    ...(typeof args.values['surface'] === 'string' && { surface: resolve(cwd, args.values['surface']) }),
    ...(onProgress && { onProgress }),
  })
    .then(({ model, files }) => ({ warnings: model.warnings, regenerateCommand: model.regenerateCommand, files }))
    .finally(() => onProgress && io.stderr.write('\r\x1b[K'));
  for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);

  if (check) {
    const diff = await diffOutput(plan.out, files);
    const problems = [
      ...diff.changed.map((path) => `  differs: ${path}`),
      ...diff.stale.map((path) => `  no longer generated: ${path}`),
    ];
    if (problems.length > 0) {
      io.stderr.write(
        `${plan.outShown} is out of date with ${plan.specShown}; run \`${regenerateCommand}\`:\n${problems.join('\n')}\n`,
      );
      return 1;
    }
    io.stdout.write(`${plan.outShown} is up to date (${files.length} files).\n`);
    return 0;
  }
  const diff = await writeOutput(plan.out, files, { force: args.values['force'] === true, display: plan.outShown });
  for (const path of diff.edited)
    io.stderr.write(`${prefix}warning: ${path} was edited by hand; overwritten with the generated text\n`);
  for (const path of diff.kept)
    io.stderr.write(`${prefix}warning: ${path} is no longer generated but was edited by hand; kept, it is yours now\n`);
  const changes = diff.changed.length + diff.stale.length;
  io.stdout.write(
    prefix +
      (changes === 0
        ? `${plan.outShown}: up to date, ${files.length} files, nothing written.\n`
        : `${plan.outShown}: wrote ${files.length} files (${diff.changed.length} changed, ${diff.stale.length} removed).\n`),
  );
  return 0;
}

/**
 * `sdkgen generate --watch`: a run now, then one whenever a file under the spec's folder (where the files it refers to
 * usually are) or the config changes; one line per run. A bad spec prints its error and waits for the next change.
 */
export async function runWatch(args: ParsedArgs, cwd: string, io: Io, signal: AbortSignal): Promise<number> {
  const plan = await makePlan(args, cwd);
  if (plan.spec === '-') throw new UsageError('--watch needs a spec file or URL, not stdin');
  announceConfig(plan, cwd, io);
  const time = (): string => new Date().toISOString().slice(11, 19);
  let running = false;
  let again = false;
  const once = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await runGenerate(args, cwd, io, { prefix: `[${time()}] ` });
    } catch (error) {
      io.stderr.write(
        `[${time()}] error: ${error instanceof InputError || error instanceof UsageError ? error.message : String(error)}\n`,
      );
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      await once();
    }
  };
  await once();

  const targets = watchTargets(plan);
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  for (const target of targets) {
    watchers.push(
      watchFiles(target.folder, { recursive: target.recursive }, (_event, name) => {
        if (name === null) return;
        const file = resolve(target.folder, name.toString());
        // Not the output (its own writes), nor dot files: the writer's and a .ts config's temporary files would
        // start a run after every run.
        if (isInside(file, plan.out) || basename(file).startsWith('.') || !target.accept(file)) return;
        clearTimeout(timer);
        // Editors write a file in several steps: one run after they settle.
        timer = setTimeout(() => void once(), 100);
      }),
    );
  }
  const watched = [...new Set(targets.map((target) => relative(cwd, target.folder) || '.'))];
  io.stderr.write(`watching ${watched.join(', ')} (Ctrl+C to stop)\n`);
  await new Promise<void>((done) => signal.addEventListener('abort', () => done(), { once: true }));
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  return 0;
}

interface WatchTarget {
  folder: string;
  recursive: boolean;
  accept: (file: string) => boolean;
}

/**
 * The spec's folder and, recursively, its subfolders (where the files it refers to usually are), but not
 * node_modules, dot folders or any that holds the output: a spec at a project's root must not put a watch on every
 * folder of node_modules. And the config file.
 */
function watchTargets(plan: Plan): WatchTarget[] {
  const targets: WatchTarget[] = [];
  if (!isURL(plan.spec)) {
    const folder = dirname(plan.spec);
    targets.push({ folder, recursive: false, accept: () => true });
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const sub = join(folder, entry.name);
      if (
        entry.isDirectory() &&
        !entry.name.startsWith('.') &&
        entry.name !== 'node_modules' &&
        !isInside(plan.out, sub)
      ) {
        targets.push({ folder: sub, recursive: true, accept: () => true });
      }
    }
  }
  if (plan.configFile)
    targets.push({ folder: dirname(plan.configFile), recursive: false, accept: (file) => file === plan.configFile });
  return targets;
}

/** One line on stderr naming the config the search found (`--config` names one, `--no-config` skips the search). */
function announceConfig(plan: Plan, cwd: string, io: Io): void {
  if (plan.configFound) io.stderr.write(`using config ${relative(cwd, plan.configFile!).split(sep).join('/')}\n`);
}

function isInside(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** On a terminal, one line that each phase overwrites; elsewhere (CI logs, pipes) nothing. */
function statusLine(stream: NodeJS.WriteStream): ((phase: string) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (phase) => stream.write(`\r\x1b[K${phase}...`);
}
