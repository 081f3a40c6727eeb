import { printStructure, StructureKind, type OptionalKind, type SourceFileStructure, type StatementStructures } from 'ts-morph';
import { docText } from '../model/naming.js';
import type { SdkModel } from '../model/types.js';

/** A file of the output package: its path relative to the package root and its text. */
export interface OutputFile {
  path: string;
  text: string;
  /** Already in its final form: the formatter passes it through (the mock spec, megabytes of plain JSON). */
  final?: boolean;
}

/** The first lines of every generated file: where it came from and how to change it. */
export function banner(model: Pick<SdkModel, 'specFile' | 'regenerateCommand'>, lineComment = '//', origin = `Generated from ${model.specFile}`): string {
  // The command comes from the config: a backtick in it would end the inline code early, so it is dropped.
  return `${lineComment} ${origin} by the SDK generator. Do not edit: change the source and run \`${oneLine(model.regenerateCommand).replace(/`/g, '')}\`.\n`;
}

/** Prints a source file structure (ts-morph) with the banner on top. Formatting is finished by emit/format.ts. */
export function printSourceFile(model: SdkModel, path: string, statements: ReadonlyArray<string | OptionalKind<StatementStructures> | StatementStructures>): OutputFile {
  const structure: SourceFileStructure = { kind: StructureKind.SourceFile, statements: [...statements] as SourceFileStructure['statements'] };
  const text = printStructure(structure, { indentNumberOfSpaces: 2, useSingleQuote: true });
  return { path, text: `${banner(model)}\n${text}` };
}

/** A `/** ... *\/` body from pieces of spec text (summary, description, tags), each escaped. */
export function jsDoc(...parts: Array<string | undefined | false>): string | undefined {
  const text = parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map(docText)
    .join('\n\n');
  return text === '' ? undefined : text;
}

/** A TS string literal of any text (JSON's escaping is valid TS). */
export function literal(text: string): string {
  return JSON.stringify(text);
}

/** The relative import specifier from one module to another, both relative to `src/`, with `.js`. */
export function relativeImport(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join('/');
  return `${up === 0 ? './' : '../'.repeat(up)}${rest}.js`;
}

/** Text on one line: a line break in config text would end a line comment and start code. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
