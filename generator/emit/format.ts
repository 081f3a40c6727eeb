import { format, type Options } from 'prettier';
import type { OutputFile } from './source.js';

/** One style for every generated file, so output reads like a hand-formatted codebase. */
const STYLE: Options = { printWidth: 120, singleQuote: true, trailingComma: 'all', arrowParens: 'always', proseWrap: 'preserve' };

const PARSERS: Record<string, string> = { ts: 'typescript', mjs: 'babel', json: 'json', md: 'markdown' };

/** Formats each file by its extension with prettier; files of other kinds pass through. */
export async function formatFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const parser = PARSERS[file.path.slice(file.path.lastIndexOf('.') + 1)];
      return parser ? { path: file.path, text: await format(file.text, { ...STYLE, parser }) } : file;
    }),
  );
}
