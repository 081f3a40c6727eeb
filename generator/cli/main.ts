// The `sdkgen` command: parses the command line and calls the same functions the tests call. Exit codes: 0 done,
// 1 a problem with the input (spec, config) or a stale output under `check`, 2 a usage mistake, 70 a bug.
import { readFileSync } from 'node:fs';
import { InputError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { removeTemporariesOnSignals } from '../core/temp.js';
import { commandHelp, parseArgs, UsageError } from './args.js';
import { COMMANDS, GLOBAL_HELP } from './commands.js';

async function main(argv: string[]): Promise<number> {
  // This process is ours: a signal removes the run's temporary files before it ends (generate() as a library does not).
  removeTemporariesOnSignals();
  const io = { stdout: process.stdout, stderr: process.stderr };
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const command = first === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    process.stdout.write(command ? commandHelp(command) : GLOBAL_HELP);
    return 0;
  }
  // No command, or flags first: generate (as `npm run generate -- --check` has always run).
  const name = first === undefined || first.startsWith('-') ? 'generate' : first;
  const command = COMMANDS[name];
  if (!command) {
    const hint = didYouMean(name, Object.keys(COMMANDS), (match) => `\`sdkgen ${match}\``);
    process.stderr.write(`error: unknown command "${name}"${hint}\n\n${GLOBAL_HELP}`);
    return 2;
  }
  const args = name === first ? rest : argv;
  try {
    const parsed = parseArgs(command, args);
    if (parsed.values['help']) {
      process.stdout.write(commandHelp(command));
      return 0;
    }
    const cwd = process.cwd();
    switch (command.name) {
      case 'init':
        return await (await import('./init.js')).runInit(parsed, cwd, io);
      case 'webhooks':
        return await (await import('./webhooks-command.js')).runWebhooks(parsed, cwd, io);
      case 'diff':
        return await (await import('./diff-command.js')).runDiff(parsed, cwd, io);
      default: {
        // openapi-typescript takes a second to load: its worker starts now, while the rest of the generator loads.
        const schemaTypes = await import('../emit/schema-types.js');
        schemaTypes.prestartSchemaTypes();
        try {
          const { runGenerate, runWatch } = await import('./generate-command.js');
          const check = command.name === 'check' || parsed.values['check'] === true;
          if (parsed.values['watch']) {
            if (check) throw new UsageError('--watch and --check do not go together');
            const stop = new AbortController();
            process.once('SIGINT', () => stop.abort());
            process.once('SIGTERM', () => stop.abort());
            return await runWatch(parsed, cwd, io, stop.signal);
          }
          return await runGenerate(parsed, cwd, io, { check });
        } finally {
          // A worker no generation took (the spec was refused first) is stopped once loaded, not mid-load at exit.
          await schemaTypes.stopPrestarted();
        }
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n(\`sdkgen ${command.name} --help\` shows the options)\n`);
    return 2;
  }
}

/** This package's version: this file sits in generator/cli/, its bundle in generator/dist/ (both two levels down). */
function version(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'openapi-sdkgen') return manifest.version ?? 'unknown';
    } catch {}
  }
  return 'unknown';
}

/**
 * Runs the command and sets the exit code: its own result; 1 with one line for an `InputError` (the user's mistake, no stack trace); 70 with the stack for anything else (a bug to report).
 */
function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof InputError) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stderr.write(
        `internal error (please report): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}

runCommand(() => main(process.argv.slice(2)));
