// `tsx generator/diff-cli.ts`: `sdkgen diff` run from the sources (kept for scripts that call it by path).
import { commandHelp, parseArgs, UsageError } from './cli/args.js';
import { COMMANDS } from './cli/commands.js';
import { runDiff } from './diff/command.js';
import { runCommand } from './errors.js';

const command = COMMANDS['diff']!;

async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(command, argv);
    if (args.values['help']) return void process.stdout.write(commandHelp(command)), 0;
    return await runDiff(args, process.cwd(), { stdout: process.stdout, stderr: process.stderr });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${commandHelp(command)}`);
    return 2;
  }
}

runCommand(() => main(process.argv.slice(2)), 2);
