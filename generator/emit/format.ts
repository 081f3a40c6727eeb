import { format, type Options } from 'prettier';
import type { OutputFile } from './source.js';

/** One style for every generated file, so output reads like a hand-formatted codebase. */
const STYLE: Options = { printWidth: 120, singleQuote: true, trailingComma: 'all', arrowParens: 'always', proseWrap: 'preserve' };

const PARSERS: Record<string, string> = { ts: 'typescript', mjs: 'babel', json: 'json', md: 'markdown' };

/** Files printed by the TypeScript printer already; prettier would spend seconds on them (120k lines for Telnyx). */
const PRINTED = new Set(['src/internal/openapi.ts']);

/** Formats each file by its extension with prettier; files of other kinds pass through. */
export async function formatFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  return Promise.all(
    files.map(async (file) => {
      if (PRINTED.has(file.path)) return { path: file.path, text: reindent(file.text) };
      const parser = PARSERS[file.path.slice(file.path.lastIndexOf('.') + 1)];
      return parser ? { path: file.path, text: await format(file.text, { ...STYLE, parser }) } : file;
    }),
  );
}

/** The TypeScript printer indents by 4; the rest of the package by 2. Its output has no multi-line strings. */
function reindent(text: string): string {
  return text.replace(/^((?: {4})+)/gm, (indent) => ' '.repeat(indent.length / 2));
}
