import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from '../emit/source.js';

/** How many files are written at once: enough to keep the disk busy, few enough for any open-files limit. */
const WRITE_BATCH = 64;

/** Folders in the output that belong to the package's user (installs, builds), kept across regenerations. */
const KEPT = new Set(['node_modules', 'dist']);

export interface OutputDiff {
  /** Files whose text differs or that are missing on disk. */
  changed: string[];
  /** Files on disk that the generator would no longer write. */
  stale: string[];
}

/** Compares the files to write with what is in `dir`. */
export async function diffOutput(dir: string, files: readonly OutputFile[]): Promise<OutputDiff> {
  const onDisk = new Set(await listFiles(dir));
  const changed: string[] = [];
  await Promise.all(
    files.map(async (file) => {
      const current = onDisk.has(file.path) ? await readFile(join(dir, file.path), 'utf8') : undefined;
      if (current !== file.text) changed.push(file.path);
    }),
  );
  const wanted = new Set(files.map((file) => file.path));
  const stale = [...onDisk].filter((path) => !wanted.has(path));
  return { changed: changed.sort(), stale: stale.sort() };
}

/**
 * Replaces `dir` with exactly `files`. Nothing is touched when the output is already up to date. Otherwise the new tree
 * is written to a temporary sibling and swapped in, so a failure half-way leaves the old output whole.
 */
export async function writeOutput(dir: string, files: readonly OutputFile[]): Promise<OutputDiff> {
  const diff = await diffOutput(dir, files);
  if (diff.changed.length === 0 && diff.stale.length === 0) return diff;
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(dir)}.tmp-${process.pid}`);
  const retired = join(parent, `.${basename(dir)}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    await writeFiles(staging, files);
    const exists = await stat(dir).then(
      () => true,
      () => false,
    );
    if (exists) {
      for (const kept of KEPT) {
        await rename(join(dir, kept), join(staging, kept)).catch(() => undefined);
      }
      await rename(dir, retired);
    }
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(retired, { recursive: true, force: true });
  return diff;
}

/** Writes the files under `root`: folders first, then the files, many at a time (one by one, 1,000 took most of a second). */
export async function writeFiles(root: string, files: readonly OutputFile[]): Promise<void> {
  for (const folder of [...new Set(files.map((file) => dirname(join(root, file.path))))].sort()) await mkdir(folder, { recursive: true });
  for (let start = 0; start < files.length; start += WRITE_BATCH) {
    await Promise.all(files.slice(start, start + WRITE_BATCH).map((file) => writeFile(join(root, file.path), file.text)));
  }
}

/** Every file under `dir` (relative, `/`-separated), skipping the kept folders. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!(prefix === '' && KEPT.has(entry.name))) out.push(...(await listFiles(dir, path)));
    } else out.push(path);
  }
  return out;
}
