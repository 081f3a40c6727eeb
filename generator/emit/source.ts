import { createRequire } from 'node:module';
import type { OptionalKind, SourceFileStructure, StatementStructures } from 'ts-morph';
import { jsdocText, lineCommentText, stringLiteral } from '../core/escape.js';
import type { OutputFile } from '../core/output-file.js';
import type { SdkModel } from '../model/types.js';
import { printStatements } from './print.js';

export type { OutputFile } from '../core/output-file.js';

/** The first lines of every generated file: where it came from and how to change it. */
export function banner(
  model: Pick<SdkModel, 'specFile' | 'regenerateCommand'>,
  lineComment = '//',
  origin = `Generated from ${model.specFile}`,
): string {
  // The command comes from the config: a backtick in it would end the inline code early, so it is dropped.
  return `${lineComment} ${lineCommentText(origin)} by the SDK generator. Do not edit: change the source and run \`${oneLine(model.regenerateCommand).replace(/`/g, '')}\`.\n`;
}

/**
 * Prints a source file structure (ts-morph) with the banner on top. Formatting is finished by emit/format.ts. Every
 * JSDoc of the structures is escaped here, the one place comments are written, whoever built its text.
 */
export function printSourceFile(
  model: SdkModel,
  path: string,
  statements: ReadonlyArray<string | OptionalKind<StatementStructures> | StatementStructures>,
): OutputFile {
  const escaped = escapeDocs([...statements]);
  // The structures the emitters build are printed directly, as ts-morph prints them; anything else by ts-morph.
  const direct = printStatements(escaped);
  const text = direct ?? printWithTsMorph(escaped);
  if (printing.compare) {
    if (direct === undefined) printing.byTsMorph.push(path);
    else if (direct !== printWithTsMorph(escaped))
      throw new Error(`${path}: the direct printer and ts-morph's printStructure disagree`);
  }
  return { path, text: `${banner(model)}\n${text}` };
}

/** ts-morph, loaded on first use (see structure-kinds.ts): CommonJS, so `require` loads it where it is needed. */
let tsMorph: typeof import('ts-morph') | undefined;

function printWithTsMorph(statements: unknown[]): string {
  tsMorph ??= createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  const structure: SourceFileStructure = {
    kind: tsMorph.StructureKind.SourceFile,
    statements: statements as SourceFileStructure['statements'],
  };
  return tsMorph.printStructure(structure, { indentNumberOfSpaces: 2, useSingleQuote: true });
}

/**
 * For tests: with `compare` set, every file the direct printer prints is printed by ts-morph too and a difference
 * throws; `byTsMorph` lists the files it left to ts-morph.
 */
export const printing: { compare: boolean; byTsMorph: string[] } = { compare: false, byTsMorph: [] };

/** A `/** ... *\/` body from pieces of spec text (summary, description, tags), each escaped. */
export function jsDoc(...parts: Array<string | undefined | false>): string | undefined {
  const text = parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map(jsdocText)
    .join('\n\n');
  return text === '' ? undefined : text;
}

/** A TS string literal of any text. */
export const literal = stringLiteral;

/** A copy of ts-morph structures with every `docs` entry (description and tag texts) escaped as JSDoc text. */
function escapeDocs<T>(node: T): T {
  if (Array.isArray(node)) return node.map(escapeDocs) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node))
    out[key] = key === 'docs' && Array.isArray(value) ? value.map(escapeDoc) : escapeDocs(value);
  return out as T;
}

function escapeDoc(doc: unknown): unknown {
  if (typeof doc === 'string') return jsdocText(doc);
  if (doc === null || typeof doc !== 'object') return doc;
  const { description, tags, ...rest } = doc as {
    description?: unknown;
    tags?: Array<{ tagName: string; text?: unknown }>;
  };
  return {
    ...rest,
    ...(description !== undefined && {
      description: typeof description === 'string' ? jsdocText(description) : description,
    }),
    ...(tags && {
      tags: tags.map((tag) => (typeof tag.text === 'string' ? { ...tag, text: jsdocText(tag.text) } : tag)),
    }),
  };
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
