// emit/format.ts: one formatter pass over the package (code, JSON, the TypeScript blocks of Markdown).
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { FormatError, formatFiles, splitTopLevel } from '../../generator/format/format.js';

// This process's scratch folders (a run also removes those of ended runs, which this must not count).
const leftovers = async (): Promise<string[]> =>
  (await readdir(tmpdir())).filter((name) => name.startsWith(`sdkgen-format-${process.pid}-`));

describe('formatFiles', () => {
  test('formats code and JSON in the package style, and TypeScript blocks inside Markdown; other files pass through', async () => {
    const before = await leftovers();
    const files = await formatFiles([
      { path: 'src/a.ts', text: 'export const a = {b: "c",   d: [1,2]}\n' },
      { path: 'package.json', text: '{"name":"x","files":["dist"]}' },
      {
        path: 'README.md',
        text: '# Title\n\n| a | b |\n|---|---|\n\n```ts\nconst x = foo({a: "1"})\n```\n\n```sh\nnpm  i\n```\n',
      },
      { path: '.gitignore', text: 'dist\n' },
    ]);
    expect(files.map((file) => file.path)).toEqual(['src/a.ts', 'package.json', 'README.md', '.gitignore']);
    expect(files[0]!.text).toBe("export const a = { b: 'c', d: [1, 2] };\n");
    expect(JSON.parse(files[1]!.text)).toEqual({ name: 'x', files: ['dist'] });
    expect(files[1]!.text).toMatch(/^\{\n {2}"name": "x",/);
    // Only the ts block changed; the table and the shell block are as written.
    expect(files[2]!.text).toBe(
      "# Title\n\n| a | b |\n|---|---|\n\n```ts\nconst x = foo({ a: '1' });\n```\n\n```sh\nnpm  i\n```\n",
    );
    expect(files[3]!.text).toBe('dist\n');
    expect(await leftovers()).toEqual(before);
  });

  test('a Markdown fragment that does not parse stays as written', async () => {
    const text = '```ts\nclient.list(...\n```\n';
    const [file] = await formatFiles([{ path: 'api.md', text }]);
    expect(file!.text).toBe(text);
  });

  test('generated code that does not parse is a generator bug: FormatError names the file, and no scratch is left', async () => {
    const before = await leftovers();
    const error = await formatFiles([
      { path: 'src/ok.ts', text: 'export const ok = 1;\n' },
      { path: 'src/resources/bad.ts', text: 'export const x = foo(\n' },
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).message).toMatch(/src\/resources\/bad\.ts/);
    expect((error as Error).message).not.toMatch(/src\/ok\.ts/);
    expect(await leftovers()).toEqual(before);
  });

  test('the same input formats to the same bytes', async () => {
    const input = [{ path: 'src/a.ts', text: 'export function f(a:string,b:number){return a+b}\n' }];
    const [first, second] = await Promise.all([formatFiles(input), formatFiles(input)]);
    expect(first).toEqual(second);
  });

  describe('a large file, formatted in pieces cut before its top-level exports', () => {
    // Three declarations of ~150 KB each, written unformatted, as openapi-typescript's types are large.
    const declaration = (name: string) =>
      `export interface ${name} {\n${Array.from({ length: 6000 }, (_, i) => `    "p${i}": {a: string;   b?: number};`).join('\n')}\n}\n`;
    const text = `// banner\n${declaration('paths')}${declaration('components')}export type $defs = Record<string, never>;\n${declaration('operations')}`;

    test('the pieces start at top-level exports and make the file again', () => {
      const pieces = splitTopLevel(text);
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces.slice(1)) expect(piece).toMatch(/^export /);
    });

    test('give the bytes the whole file gives (an .mts file is not cut)', async () => {
      const [pieces] = await formatFiles([{ path: 'src/internal/openapi.ts', text }]);
      const [whole] = await formatFiles([{ path: 'src/internal/openapi.mts', text }]);
      expect(pieces!.text).toBe(whole!.text);
      expect(pieces!.text).toContain('  p0: { a: string; b?: number };\n');
    });

    test('a parse error is reported at its line in the file, not in the piece', async () => {
      const lines = text.split('\n');
      const broken = [...lines.slice(0, 9000), '    "bad": ;', ...lines.slice(9000)].join('\n');
      const error = await formatFiles([{ path: 'src/internal/openapi.ts', text: broken }]).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(FormatError);
      expect((error as Error).message).toMatch(/src\/internal\/openapi\.ts: line 9001:/);
    });
  });
});
