// Copied from templates/src/internal/logger.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { readEnv } from './env.js';

/** How much the client logs. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with console's four methods; `console` is the default. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

const LEVELS: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LEVELS, value);
}

/** The option, else the `<PREFIX>_LOG` environment variable, else `warn`. An unknown env value is reported once. */
export function resolveLogLevel(option: LogLevel | undefined, envVar: string, logger: Logger): LogLevel {
  if (option !== undefined) return option;
  const fromEnv = readEnv(envVar);
  if (fromEnv === undefined) return 'warn';
  if (isLogLevel(fromEnv)) return fromEnv;
  logger.warn(`${envVar} is "${fromEnv}", which is not a log level (off, error, warn, info, debug); using warn.`);
  return 'warn';
}

/** A logger that drops messages below `level`. */
export function levelledLogger(logger: Logger, level: LogLevel): Logger {
  const enabled = (at: Exclude<LogLevel, 'off'>): boolean => LEVELS[at] <= LEVELS[level];
  return {
    error: (message, ...rest) => enabled('error') && logger.error(message, ...rest),
    warn: (message, ...rest) => enabled('warn') && logger.warn(message, ...rest),
    info: (message, ...rest) => enabled('info') && logger.info(message, ...rest),
    debug: (message, ...rest) => enabled('debug') && logger.debug(message, ...rest),
  };
}

export function logsAt(level: LogLevel, at: Exclude<LogLevel, 'off'>): boolean {
  return LEVELS[at] <= LEVELS[level];
}
