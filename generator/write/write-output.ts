import { randomBytes } from 'node:crypto';
import {
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { InputError } from '../core/errors.js';
import type { OutputFile } from '../core/output-file.js';
import { diskOperation, isAlive, removeLeftovers, track, untrack } from '../core/temp.js';
import {
  isPackagePath,
  MANIFEST,
  type Manifest,
  manifestOf,
  parseManifest,
  renderManifest,
  sha256,
} from './manifest.js';

export { MANIFEST } from './manifest.js';

/** How many files are written at once: enough to keep the disk busy, few enough for any open-files limit. */
const WRITE_BATCH = 64;

/**
 * A file being written, beside its target: `.<name>.sdkgen-tmp-<pid>-<random>`, created exclusively (a name that is
 * taken, by a planted link say, is never opened) and renamed over the target when complete. The pid tells a leftover
 * of an ended run; the random part makes the name unguessable. (Earlier versions wrote `-<pid>` alone.)
 */
const tempName = (name: string): string => `.${name}.sdkgen-tmp-${process.pid}-${randomBytes(8).toString('hex')}`;
const TEMP = /^\..+\.sdkgen-tmp-(\d+)(?:-[0-9a-f]+)?$/;

/** The output folder cannot be written as asked (not ours, a path in the way, a disk error): one line, exit 1. */
export class OutputError extends InputError {}

export interface OutputDiff {
  /** Files (the manifest included) whose text differs or that are missing on disk. */
  changed: string[];
  /** Files the generator wrote before (in the manifest) and would no longer write. */
  stale: string[];
}

export interface WriteResult extends OutputDiff {
  /** Generated files edited by hand since the generator wrote them, overwritten. */
  edited: string[];
  /** No longer generated, but edited by hand: kept, and left out of the manifest (they are the user's now). */
  kept: string[];
}

export interface WriteOptions {
  /** Take over a folder without a manifest (or with a broken one), overwriting the files the SDK has; nothing is deleted. */
  force?: boolean;
  /** The folder as the user named it, for messages. */
  display?: string;
}

interface OnDisk {
  /** The manifest, when there is a valid one. */
  manifest: Manifest | undefined;
  /** What is wrong with the manifest file, when there is one that is not valid. */
  problem: string | undefined;
  /** The text of each wanted or owned path that is a readable file. */
  texts: Map<string, string>;
  /** The wanted or owned paths where something other than a readable file stands (a folder, say). */
  occupied: Set<string>;
}

/** The files to write, the manifest last; and the manifest (hashing a Graph-sized SDK's files takes a fifth of a second). */
function withManifest(files: readonly OutputFile[]): { wanted: OutputFile[]; manifest: Manifest } {
  for (const file of files)
    if (!isPackagePath(file.path))
      throw new Error(`the generator produced a file outside the package: ${JSON.stringify(file.path)}`);
  const manifest = manifestOf(files);
  return { wanted: [...files, { path: MANIFEST, text: renderManifest(manifest) }], manifest };
}

async function readText(path: string, occupied?: () => void): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') occupied?.();
    return undefined;
  }
}

async function readOnDisk(dir: string, wanted: readonly OutputFile[]): Promise<OnDisk> {
  const manifestText = await readText(join(dir, MANIFEST));
  const parsed = manifestText === undefined ? undefined : parseManifest(manifestText);
  const manifest = typeof parsed === 'object' ? parsed : undefined;
  const paths = [...new Set([...wanted.map((file) => file.path), ...(manifest?.files.keys() ?? [])])];
  const texts = new Map<string, string>();
  const occupied = new Set<string>();
  for (let start = 0; start < paths.length; start += WRITE_BATCH) {
    await Promise.all(
      paths.slice(start, start + WRITE_BATCH).map(async (path) => {
        const text = await readText(join(dir, path), () => occupied.add(path));
        if (text !== undefined) texts.set(path, text);
      }),
    );
  }
  return { manifest, problem: typeof parsed === 'string' ? parsed : undefined, texts, occupied };
}

function compare(onDisk: OnDisk, wanted: readonly OutputFile[]): OutputDiff {
  const changed = wanted.filter((file) => onDisk.texts.get(file.path) !== file.text).map((file) => file.path);
  const wantedPaths = new Set(wanted.map((file) => file.path));
  const stale = [...(onDisk.manifest?.files.keys() ?? [])].filter(
    (path) => !wantedPaths.has(path) && onDisk.texts.has(path),
  );
  return { changed: changed.sort(), stale: stale.sort() };
}

/**
 * Compares the files to write (and their manifest) with what is in `dir`. Files the manifest does not list are the
 * user's (a lockfile, node_modules, dist) and never count as stale.
 */
export async function diffOutput(dir: string, files: readonly OutputFile[]): Promise<OutputDiff> {
  const { wanted } = withManifest(files);
  return compare(await readOnDisk(dir, wanted), wanted);
}

/**
 * Makes `dir` hold `files` and their manifest, touching only files the generator wrote before (those its manifest
 * lists) or the new ones. Nothing is written when the output is up to date.
 *
 * Crash-safe: the folder itself is never moved or removed, and each file is written beside its target and renamed
 * over it. Before the first change, the manifest is rewritten to list the old files and the new ones (marked
 * incomplete); at the end it lists the new ones alone. A run killed at any point thus leaves the folder with every
 * file either old or new and a manifest owning all of them, and the next run finishes the job; its first step is to
 * remove the temporary files of runs that no longer run.
 */
export async function writeOutput(
  dir: string,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const display = options.display ?? dir;
  const fail = (problem: string, path?: string): never => {
    throw new OutputError({ file: path === undefined ? display : join(display, path) }, problem);
  };
  const { wanted, manifest } = withManifest(files);
  await removeLegacyStaging(dir);

  await checkOutputFolder(dir, options);
  const onDisk = await readOnDisk(dir, wanted);
  const owned = onDisk.manifest?.files ?? new Map<string, string>();
  // Every folder the generator writes in may hold temporary files of a killed run.
  const folders = new Set(['', ...[...wanted.map((file) => file.path), ...owned.keys()].map((path) => parentOf(path))]);
  await Promise.all([...folders].map((folder) => removeLeftovers(join(dir, folder), TEMP, 0, true)));

  const diff = compare(onDisk, wanted);
  if (diff.changed.length === 0 && diff.stale.length === 0) return { ...diff, edited: [], kept: [] };

  // What stands where a new file goes and was not written by the generator: the user's, unless --force.
  const occupied = diff.changed.find((path) => onDisk.occupied.has(path));
  if (occupied !== undefined) fail('something other than a file (a folder, say) where the SDK has a file', occupied);
  // Even with the very text the SDK has: the generator did not write it, so it must not later remove it as stale.
  const foreign = wanted
    .map((file) => file.path)
    .filter((path) => onDisk.texts.has(path) && !owned.has(path) && path !== MANIFEST);
  if (foreign.length > 0 && !options.force) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    fail(
      `the SDK would overwrite ${foreign.length} file${foreign.length === 1 ? '' : 's'} the generator did not write (${shown}); move them or pass --force`,
    );
  }

  // Another package in the folder (another SDK, another API): replacing it is a decision the user makes with --force.
  const before = packageName(onDisk.texts.get('package.json'));
  const after = packageName(wanted.find((file) => file.path === 'package.json')?.text);
  if (!options.force && before !== undefined && after !== undefined && before !== after) {
    fail(
      `holds the package ${JSON.stringify(before)}; writing ${JSON.stringify(after)} over it would replace it: choose another folder, or pass --force`,
    );
  }

  // Hand edits are known only against a complete manifest: after a killed run a file may hold its old text or its new.
  const trusted = onDisk.manifest?.incomplete === false;
  const editedByHand = (path: string): boolean =>
    trusted && onDisk.texts.has(path) && sha256(onDisk.texts.get(path)!) !== owned.get(path);
  const edited = diff.changed.filter((path) => owned.has(path) && editedByHand(path));
  const kept = diff.stale.filter(editedByHand);
  const removed = diff.stale.filter((path) => !kept.includes(path));
  await confine(dir, [...diff.changed, ...removed], fail);

  try {
    await mkdir(dir, { recursive: true });
    // The journal: every file the run may leave behind, old or new, is owned before any of them changes.
    const journal = new Map([...owned].filter(([path]) => !kept.includes(path)));
    for (const [path, hash] of manifest.files) journal.set(path, hash);
    await writeAtomic(dir, MANIFEST, renderManifest({ files: journal, incomplete: true }));

    const changedPaths = new Set(diff.changed);
    const changedFiles = wanted.filter((file) => file.path !== MANIFEST && changedPaths.has(file.path));
    for (const folder of [...new Set(changedFiles.map((file) => parentOf(file.path)))].filter(Boolean).sort()) {
      diskOperation();
      await mkdir(join(dir, folder), { recursive: true });
    }
    for (let start = 0; start < changedFiles.length; start += WRITE_BATCH) {
      await Promise.all(
        changedFiles.slice(start, start + WRITE_BATCH).map((file) => writeAtomic(dir, file.path, file.text)),
      );
    }
    for (const path of removed) {
      diskOperation();
      await unlink(join(dir, path)).catch(ignore('ENOENT'));
    }
    await pruneEmptyFolders(dir, removed);
    await writeAtomic(dir, MANIFEST, wanted.at(-1)!.text);
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === undefined) throw error;
    fail(`cannot write: ${code}${path ? ` (${path})` : ''}`);
  }
  return { changed: diff.changed, stale: removed, edited, kept };
}

/**
 * Refuses a folder the generator may not write into: not a folder; without --force, a manifest that cannot be trusted,
 * or no manifest and something in it. Cheap: the CLI asks before generating, and writeOutput asks again.
 */
export async function checkOutputFolder(dir: string, options: WriteOptions = {}): Promise<void> {
  const display = options.display ?? dir;
  const folder = await stat(dir).catch(() => undefined);
  if (!folder) return;
  if (!folder.isDirectory()) throw new OutputError({ file: display }, 'not a folder');
  if (options.force) return;
  const text = await readText(join(dir, MANIFEST));
  if (text === undefined) {
    if (await hasForeignEntries(dir)) {
      throw new OutputError(
        { file: display },
        `not empty and not written by the generator (no ${MANIFEST}); pass --force to write into it (files the SDK has are overwritten, nothing is deleted)`,
      );
    }
    return;
  }
  const parsed = parseManifest(text);
  if (typeof parsed === 'string') {
    throw new OutputError(
      { file: join(display, MANIFEST) },
      `${parsed}; it is not a manifest the generator can trust (fix or remove it, or pass --force)`,
    );
  }
}

/**
 * Writes beside the target, then renames over it: a reader (or a kill) sees the old text or the new, never half.
 * The temporary file is created exclusively (`wx`: O_CREAT|O_EXCL, which never follows a link), so nothing planted
 * under its name is written through; a rename replaces a link at the target, never writes through it. Afterwards the
 * target must be a regular file in the output folder, or the run stops.
 */
async function writeAtomic(dir: string, path: string, text: string): Promise<void> {
  const target = join(dir, path);
  for (let attempt = 0; ; attempt++) {
    const temp = join(dirname(target), tempName(basename(target)));
    track(temp);
    let created = false;
    try {
      diskOperation();
      await writeFile(temp, text, { flag: 'wx' });
      created = true;
      diskOperation();
      await rename(temp, target);
    } catch (error) {
      // Only a file this call created is removed: an EEXIST temp name is someone else's.
      if (created) await rm(temp, { force: true });
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && !created && attempt < 5) continue;
      throw error;
    } finally {
      untrack(temp);
    }
    await checkPlaced(dir, path);
    return;
  }
}

/** The `name` of a package.json's text, when it has one. */
function packageName(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const name = (JSON.parse(text) as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The file just renamed into place is a regular file whose folder is inside the output folder (no link on the way). */
async function checkPlaced(dir: string, path: string): Promise<void> {
  const target = join(dir, path);
  const entry = await lstat(target);
  const [root, folder] = await Promise.all([realpath(dir), realpath(dirname(target))]);
  const inside = relative(root, folder);
  if (!entry.isFile() || inside.startsWith('..') || isAbsolute(inside)) {
    throw new OutputError(
      { file: target },
      'is not a regular file inside the output folder after writing it (a link or a folder was swapped in); stopped',
    );
  }
}

/**
 * Whether the folder holds anything but temporary files of ours. A link or folder named like one is not ours (the
 * generator makes regular files only): it makes the folder not empty.
 */
async function hasForeignEntries(dir: string): Promise<boolean> {
  const names = await readdir(dir).catch(() => []);
  for (const name of names) {
    if (!TEMP.test(name)) return true;
    const entry = await lstat(join(dir, name)).catch(() => undefined);
    if (entry && !entry.isFile()) return true;
  }
  return false;
}

/**
 * Refuses to write or remove through a symbolic link (or a file) standing where the package has a folder: it could
 * point anywhere, and the folder is the only place the generator may change.
 */
async function confine(
  dir: string,
  paths: readonly string[],
  fail: (problem: string, path?: string) => never,
): Promise<void> {
  const checked = new Set<string>();
  for (const path of paths) {
    const segments = path.split('/').slice(0, -1);
    for (let depth = 1; depth <= segments.length; depth++) {
      const prefix = segments.slice(0, depth).join('/');
      if (checked.has(prefix)) continue;
      checked.add(prefix);
      const entry = await lstat(join(dir, prefix)).catch(() => undefined);
      if (!entry) break;
      if (entry.isSymbolicLink())
        fail('a symbolic link where the SDK has a folder; the generator does not write through links', prefix);
      if (!entry.isDirectory()) fail('a file where the SDK has a folder', prefix);
    }
  }
}

/** Removes the folders that removing stale files emptied (deepest first); never the output folder itself. */
async function pruneEmptyFolders(dir: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const path of removed)
    for (let folder = parentOf(path); folder !== ''; folder = parentOf(folder)) folders.add(folder);
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1))) {
    diskOperation();
    await rmdir(join(dir, folder)).catch(() => undefined);
  }
}

/**
 * Earlier versions wrote the whole package to `.<name>.tmp-<pid>` beside the folder and swapped it in; a killed run
 * left it. Of those of runs that have ended, removes what their own manifest lists (with the text it lists: a file
 * changed since is someone's), the manifest, and the folders that emptied; anything else in them stays, and so does
 * the folder then. A name alone proves nothing: anyone may have a folder called `.out.tmp-123`. (Their
 * `.<name>.old-<pid>`, the folder as it was before a swap, may be all that is left of the user's folder: it stays.)
 */
async function removeLegacyStaging(dir: string): Promise<void> {
  const parent = dirname(dir);
  const pattern = new RegExp(`^\\.${basename(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-(\\d+)$`);
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    const staging = join(parent, name);
    const folder = await lstat(staging).catch(() => undefined);
    if (!folder?.isDirectory()) continue;
    const manifestEntry = await lstat(join(staging, MANIFEST)).catch(() => undefined);
    if (!manifestEntry?.isFile()) continue;
    const parsed = parseManifest(await readFile(join(staging, MANIFEST), 'utf8').catch(() => ''));
    if (typeof parsed !== 'object') continue;
    // A link where a listed folder should be could point anywhere: such a folder is left whole.
    if (!(await confinedTo(staging, [...parsed.files.keys()]))) continue;
    for (const [path, hash] of parsed.files) {
      const file = join(staging, path);
      const entry = await lstat(file).catch(() => undefined);
      if (entry?.isFile() && sha256(await readFile(file, 'utf8')) === hash) await unlink(file);
    }
    await unlink(join(staging, MANIFEST));
    await pruneEmptyFolders(staging, [...parsed.files.keys()]);
    await rmdir(staging).catch(() => undefined);
  }
}

/** Whether every folder on the listed paths is a real folder (or absent), not a link or a file. */
async function confinedTo(dir: string, paths: readonly string[]): Promise<boolean> {
  return confine(dir, paths, (problem) => {
    throw new OutputError({ file: dir }, problem);
  }).then(
    () => true,
    () => false,
  );
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function ignore(code: string): (error: NodeJS.ErrnoException) => void {
  return (error) => {
    if (error.code !== code) throw error;
  };
}

/** Writes the files under `root`: folders first, then the files, many at a time (one by one, 1,000 took most of a second). */
export async function writeFiles(root: string, files: readonly OutputFile[]): Promise<void> {
  for (const folder of [...new Set(files.map((file) => dirname(join(root, file.path))))].sort())
    await mkdir(folder, { recursive: true });
  for (let start = 0; start < files.length; start += WRITE_BATCH) {
    await Promise.all(
      files.slice(start, start + WRITE_BATCH).map((file) => writeFile(join(root, file.path), file.text)),
    );
  }
}
