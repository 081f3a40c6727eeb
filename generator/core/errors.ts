/** Where in an input file a problem is: the file, a 1-based line and column when known, and a JSON pointer. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
}

/**
 * A problem with the user's input (spec or config). The CLI prints `message` alone, never a stack trace,
 * formatted as `file:line:column (pointer): what is wrong`.
 */
export class InputError extends Error {
  readonly location: SourceLocation;
  readonly problem: string;

  constructor(location: SourceLocation, problem: string) {
    super(`${formatLocation(location)}: ${problem}`);
    this.location = location;
    this.problem = problem;
  }
}

/** The OpenAPI document is missing, unreadable, not OpenAPI, or inconsistent. */
export class SpecError extends InputError {}

/** The SDK config file is missing or has a wrong value. */
export class ConfigError extends InputError {}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) text += `:${location.column}`;
  if (location.pointer !== undefined) text += ` (${location.pointer === '' ? '#' : `#${location.pointer}`})`;
  return text;
}
