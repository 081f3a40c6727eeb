import { didYouMean } from '../core/suggest.js';

/** One flag of a command: adding a flag is one entry in a command's `flags`. */
export interface Flag {
  /** `string` takes a value (`--out dir`, `--out=dir`); `boolean` does not. */
  type: 'string' | 'boolean' | 'list';
  /** One-letter alias: `-o`. */
  short?: string;
  /** Other long names that mean the same (kept for old scripts: `--spec` for `--input`). */
  aliases?: string[];
  /** What the value is, in the usage text: `<dir>`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis after `sdkgen`: `generate [spec] [options]`. */
  synopsis: string;
  /** The positional arguments it takes at most. */
  positionals: number;
  flags: Record<string, Flag>;
  /** Lines shown after the flags in `--help`. */
  notes?: string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** A mistake in the command line: exit code 2, the message, then a pointer to `--help`. */
export class UsageError extends Error {}

/** Parses `argv` for one command. `-` alone is a positional (stdin); `--` ends the flags. */
export function parseArgs(command: CommandSpec, argv: readonly string[]): ParsedArgs {
  const byName = new Map<string, string>();
  for (const [name, flag] of Object.entries(command.flags)) {
    byName.set(`--${name}`, name);
    if (flag.short) byName.set(`-${flag.short}`, name);
    for (const alias of flag.aliases ?? []) byName.set(`--${alias}`, name);
  }
  const values: ParsedArgs['values'] = {};
  const positionals: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const given = equals === -1 ? arg : arg.slice(0, equals);
    const name = byName.get(given);
    if (name === undefined) {
      throw new UsageError(
        `unknown option ${given} for \`sdkgen ${command.name}\`${didYouMean(given, byName.keys(), (match) => match)}`,
      );
    }
    const flag = command.flags[name]!;
    if (flag.type === 'boolean') {
      if (equals !== -1) throw new UsageError(`${given} takes no value`);
      values[name] = true;
      continue;
    }
    const value = equals !== -1 ? arg.slice(equals + 1) : argv[++index];
    if (value === undefined || (equals === -1 && value.startsWith('-') && value !== '-'))
      throw new UsageError(`${given} needs a value${flag.value ? ` (${flag.value})` : ''}`);
    if (flag.type === 'list')
      values[name] = [...((values[name] as string[] | undefined) ?? []), ...value.split(',').filter(Boolean)];
    else values[name] = value;
  }
  if (positionals.length > command.positionals) {
    throw new UsageError(`unexpected argument "${positionals[command.positionals]}" for \`sdkgen ${command.name}\``);
  }
  return { values, positionals };
}

/** `sdkgen <command> --help`: the synopsis, then one line per flag. */
export function commandHelp(command: CommandSpec): string {
  const rows = Object.entries(command.flags).map(([name, flag]) => {
    const names = [flag.short ? `-${flag.short}, ` : '    ', `--${name}`, flag.value ? ` ${flag.value}` : ''].join('');
    return [names, flag.description + (flag.aliases ? ` (also --${flag.aliases.join(', --')})` : '')] as const;
  });
  const width = Math.max(...rows.map(([names]) => names.length));
  const lines = rows.map(([names, description]) => `  ${names.padEnd(width)}  ${description}`);
  return `Usage: sdkgen ${command.synopsis}\n\n${command.summary}\n\nOptions:\n${lines.join('\n')}\n${command.notes ? `\n${command.notes}\n` : ''}`;
}
