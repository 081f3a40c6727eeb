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
  return typeof value === 'string' && Object.hasOwn(LEVELS, value);
}

/** The option, else the `<PREFIX>_LOG` environment variable, else `warn`. An unknown env value is reported once. */
export function resolveLogLevel(option: LogLevel | undefined, envVar: string, logger: Logger): LogLevel {
  if (option !== undefined) return option;
  const fromEnv = readEnv(envVar);
  if (fromEnv === undefined) return 'warn';
  if (isLogLevel(fromEnv)) return fromEnv;
  // Worded as the official SDKs word it, so log filters written for them keep working.
  logger.warn(
    `process.env['${envVar}'] was set to ${JSON.stringify(fromEnv)}, expected one of ${JSON.stringify(Object.keys(LEVELS))}`,
  );
  return 'warn';
}

/** Whether `level` logs messages at `at`; callers check it before building a message, so nothing is built below it. */
export function logsAt(level: LogLevel, at: Exclude<LogLevel, 'off'>): boolean {
  return LEVELS[at] <= LEVELS[level];
}
