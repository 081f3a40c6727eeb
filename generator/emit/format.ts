import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { format, type Options } from 'prettier';
import type { OutputFile } from './source.js';

/** One style for every generated file, so output reads like a hand-formatted codebase. */
const STYLE: Options = { printWidth: 120, singleQuote: true, trailingComma: 'all', arrowParens: 'always', proseWrap: 'preserve' };

const PARSERS: Record<string, string> = { ts: 'typescript', mjs: 'babel', json: 'json', md: 'markdown' };

/** Files printed by the TypeScript printer already; prettier would spend seconds on them (120k lines for Telnyx). */
const PRINTED = new Set(['src/internal/openapi.ts']);

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 60;

/** Formats each file by its extension with prettier; files of other kinds pass through. Big outputs use all cores. */
export async function formatFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  const jobs = files.map((file) => {
    const parser = PARSERS[file.path.slice(file.path.lastIndexOf('.') + 1)];
    return PRINTED.has(file.path) || !parser ? undefined : { text: file.text, options: { ...STYLE, parser } };
  });
  const pending = jobs.flatMap((job, index) => (job ? [{ index, job }] : []));
  const workers = Math.min(availableParallelism(), 4);
  const formatted =
    pending.length >= PARALLEL_THRESHOLD && workers > 1
      ? await formatInWorkers(pending.map((item) => item.job), workers)
      : await Promise.all(pending.map((item) => format(item.job.text, item.job.options)));
  const byIndex = new Map(pending.map((item, position) => [item.index, formatted[position]!]));
  return files.map((file, index) => ({ path: file.path, text: PRINTED.has(file.path) ? reindent(file.text) : (byIndex.get(index) ?? file.text) }));
}

/** Splits the jobs into one interleaved batch per worker thread; the results come back in the jobs' order. */
async function formatInWorkers(jobs: Array<{ text: string; options: Options }>, count: number): Promise<string[]> {
  const batches = Array.from({ length: count }, (_, worker) => jobs.map((job, index) => ({ job, index })).filter((item) => item.index % count === worker));
  const results: string[] = new Array(jobs.length);
  await Promise.all(
    batches.map(
      (batch, id) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./format-worker.mjs', import.meta.url));
          worker.once('message', (message: { texts?: string[]; error?: string }) => {
            void worker.terminate();
            if (message.error !== undefined || !message.texts) return reject(new Error(`prettier: ${message.error}`));
            message.texts.forEach((text, position) => (results[batch[position]!.index] = text));
            resolve();
          });
          worker.once('error', reject);
          worker.postMessage({ id, jobs: batch.map((item) => item.job) });
        }),
    ),
  );
  return results;
}

/** The TypeScript printer indents by 4; the rest of the package by 2. Its output has no multi-line strings. */
function reindent(text: string): string {
  return text.replace(/^((?: {4})+)/gm, (indent) => ' '.repeat(indent.length / 2));
}
