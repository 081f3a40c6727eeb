import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { OutputFile } from '../core/output-file.js';
import { diskOperation, removeLeftovers, track, untrack } from '../core/temp.js';

/**
 * One style for every generated file, so output reads like a hand-formatted codebase: prettier's style (Biome
 * formats byte-for-byte like prettier on this code, natively and in parallel: 0.4 s where prettier took 10 s for the
 * 926 files of the full Telnyx SDK).
 */
const BIOME_CONFIG = {
  formatter: { indentStyle: 'space', indentWidth: 2, lineWidth: 120 },
  javascript: { formatter: { quoteStyle: 'single', trailingCommas: 'all', arrowParentheses: 'always' } },
  // GitHub's schema types are ~10 MB; the default limit (1 MiB) would skip them.
  files: { maxSize: 1024 * 1024 * 1024 },
  vcs: { enabled: false },
};

/** The scratch folders of formatFiles: `sdkgen-format-<pid>-<random>` in the system's temporary folder. */
const SCRATCH = /^sdkgen-format-(\d+)-[A-Za-z0-9]{6}$/;

const CODE = /\.(ts|mts|cts|js|mjs|cjs|json)$/;

/** A fenced TypeScript block in Markdown: the fence, the code, the closing fence. */
const CODE_BLOCK = /^(```(?:ts|typescript)\n)([\s\S]*?)^```$/gm;

/**
 * Biome formats files in parallel, each on one thread: a code file this large (the schema types: 4-10 MB) is
 * formatted in pieces, cut before its top-level `export`s, which the formatter treats independently anyway.
 */
const PIECE_SIZE = 256 * 1024;

/**
 * A large TypeScript file as pieces that each start a top-level declaration (`export ...` at the start of a line; the
 * emitters and openapi-typescript indent everything nested), joined back to back to make the file again.
 */
export function splitTopLevel(text: string): string[] {
  if (text.length < PIECE_SIZE) return [text];
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/^export /gm)) {
    if (match.index - start >= PIECE_SIZE) {
      pieces.push(text.slice(start, match.index));
      start = match.index;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Thrown when the formatter rejects generated code: a generator bug, reported with the formatter's words. */
export class FormatError extends Error {}

/**
 * Formats the package: code and JSON files by their extension; in Markdown, the TypeScript blocks (the rest of the
 * Markdown is emitted in its final form). Files of other kinds pass through.
 */
export async function formatFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  return (await startFormatting(files))();
}

/**
 * Starts formatting `files`: resolves once the formatter runs (in its own process), to a function that waits for it
 * and gives the formatted files. The generator starts each group of files as soon as it is emitted, so the formatter
 * works on one group while the next is emitted.
 */
export async function startFormatting(files: readonly OutputFile[]): Promise<() => Promise<OutputFile[]>> {
  // The scratch folder is named after this process: removed on exit or a signal, and by a later run after a SIGKILL
  // (once it is an hour old: the system's temporary folder may be shared with processes whose pids are not ours to see).
  await removeLeftovers(tmpdir(), SCRATCH, 60 * 60 * 1000);
  const work = await mkdtemp(join(tmpdir(), `sdkgen-format-${process.pid}-`));
  track(work);
  const cleanUp = async (): Promise<void> => {
    await rm(work, { recursive: true, force: true });
    untrack(work);
  };
  let finish: () => Promise<OutputFile[]>;
  try {
    // Each code file (or each piece of a large one), and each Markdown code block, becomes a file in the scratch folder.
    const entries: Array<{ file: string; text: string; snippet: boolean; source?: string; firstLine?: number }> = [];
    const plans = files.map((output, index) => {
      if (CODE.test(output.path) && !output.final) {
        const pieces = output.path.endsWith('.ts') ? splitTopLevel(output.text) : [output.text];
        let firstLine = 1;
        const pieceEntries = pieces.map((text, piece) => {
          const file = pieces.length === 1 ? join('files', output.path) : join('pieces', `${index}-${piece}.ts`);
          entries.push({ file, text, snippet: false, source: output.path, firstLine });
          firstLine += text.split('\n').length - 1;
          return entries.length - 1;
        });
        return { kind: 'code' as const, entries: pieceEntries };
      }
      if (!output.path.endsWith('.md') || output.final) return { kind: 'pass' as const };
      const blocks: number[] = [];
      for (const match of output.text.matchAll(CODE_BLOCK)) {
        entries.push({ file: join('snippets', `${index}-${blocks.length}.ts`), text: match[2]!, snippet: true });
        blocks.push(entries.length - 1);
      }
      return { kind: 'markdown' as const, blocks };
    });
    await writeScratch(work, [
      ...entries.map((entry) => ({ path: entry.file, text: entry.text })),
      { path: 'biome.json', text: JSON.stringify(BIOME_CONFIG) },
    ]);
    diskOperation();
    // While the formatter runs, only the texts still needed are kept (a snippet it cannot parse, the Markdown around
    // snippets): the code files' are on disk, and on a Graph-sized spec they are a hundred megabytes.
    for (const entry of entries) if (!entry.snippet) entry.text = '';
    const kept = files.map((output, index) => (plans[index]!.kind === 'code' ? { path: output.path } : output));
    const formatted = runBiome(work, entries.length > 0);
    // Awaited by the function returned; a generation that fails before then must not make it an unhandled rejection.
    formatted.catch(() => undefined);
    finish = async () => {
      const failed = await formatted;
      const bad = entries.filter((entry) => !entry.snippet && failed.has(join(work, entry.file)));
      if (bad.length > 0) {
        // A piece's line numbers count from the line it starts on in its file.
        const where = (entry: (typeof entries)[number]): string =>
          failed
            .get(join(work, entry.file))!
            .replace(/^line (\d+):/, (_match, line: string) => `line ${Number(line) + entry.firstLine! - 1}:`);
        const details = bad.map((entry) => `${entry.source}: ${where(entry)}`);
        throw new FormatError(`the formatter rejected generated code:\n  ${details.join('\n  ')}`);
      }
      // A snippet the formatter cannot parse (a fragment, say) stays as written.
      const texts = await Promise.all(
        entries.map((entry) =>
          failed.has(join(work, entry.file)) ? entry.text : readFile(join(work, entry.file), 'utf8'),
        ),
      );
      return kept.map((output, index) => {
        const plan = plans[index]!;
        if (plan.kind === 'code')
          return { path: output.path, text: plan.entries.map((entry) => texts[entry]!).join('') };
        if (plan.kind === 'pass') return output as OutputFile;
        let block = 0;
        const text = (output as OutputFile).text.replace(
          CODE_BLOCK,
          (_match, fence: string) => `${fence}${texts[plan.blocks[block++]!]!}\`\`\``,
        );
        return { path: output.path, text };
      });
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return async () => {
    try {
      return await finish();
    } finally {
      await cleanUp();
    }
  };
}

/** How many scratch files are written at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const WRITE_BATCH = 64;

/**
 * Writes the formatter's input into its scratch folder. A private folder the formatter reads once: plain writes
 * suffice, none of the output writer's care for a user's folder (write/) is needed here.
 */
async function writeScratch(root: string, files: ReadonlyArray<{ path: string; text: string }>): Promise<void> {
  for (const folder of [...new Set(files.map((file) => dirname(join(root, file.path))))].sort())
    await mkdir(folder, { recursive: true });
  for (let start = 0; start < files.length; start += WRITE_BATCH) {
    await Promise.all(
      files.slice(start, start + WRITE_BATCH).map((file) => writeFile(join(root, file.path), file.text)),
    );
  }
}

interface BiomeReport {
  diagnostics?: Array<{
    severity?: string;
    message?: string;
    location?: { path?: string; start?: { line?: number; column?: number } };
  }>;
}

/** Runs `biome format --write` over the folder; returns the files it could not format, with the first message for each. */
async function runBiome(folder: string, anything: boolean): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  if (!anything) return failed;
  const [command, ...prefix] = biomeCommand();
  const args = [
    ...prefix,
    'format',
    '--write',
    '--reporter=json',
    '--max-diagnostics=none',
    `--config-path=${join(folder, 'biome.json')}`,
    folder,
  ];
  const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number }>((resolve) => {
    execFile(command!, args, { cwd: folder, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
    });
  });
  let report: BiomeReport | undefined;
  try {
    report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as BiomeReport;
  } catch {
    throw new FormatError(`the formatter (biome) failed (exit ${code}): ${stderr.trim() || stdout.trim()}`);
  }
  for (const diagnostic of report.diagnostics ?? []) {
    const { path, start } = diagnostic.location ?? {};
    if (diagnostic.severity !== 'error' || !path) continue;
    // Paths are relative to the working directory, which is the folder.
    const file = resolve(folder, path);
    if (!failed.has(file))
      failed.set(file, `${start ? `line ${start.line}:${start.column}: ` : ''}${diagnostic.message ?? 'error'}`);
  }
  if (code !== 0 && failed.size === 0)
    throw new FormatError(`the formatter (biome) failed (exit ${code}): ${stderr.trim()}`);
  return failed;
}

let biome: string[] | undefined;

/**
 * Biome's native binary for this platform, as its npm package installs it; else its Node launcher, which finds the
 * binary itself (musl, say) but costs a Node start and an `ldd` run (0.2 s) each time.
 */
function biomeCommand(): string[] {
  if (biome) return biome;
  const require = createRequire(import.meta.url);
  try {
    biome = [
      require.resolve(
        `@biomejs/cli-${process.platform}-${process.arch}/biome${process.platform === 'win32' ? '.exe' : ''}`,
      ),
    ];
  } catch {
    biome = [process.execPath, require.resolve('@biomejs/biome/bin/biome')];
  }
  return biome;
}
