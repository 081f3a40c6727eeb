// The manifest: the list of files the generator wrote into the output folder, with their SHA-256. It is what makes
// the folder shared safely with its user: the generator overwrites and removes only files it lists, and every other
// file (a lockfile, node_modules, dist, .env, the user's own sources) is left alone.
import { createHash } from 'node:crypto';
import type { OutputFile } from '../core/output-file.js';

/** The manifest's name, at the root of the output folder. */
export const MANIFEST = '.sdkgen-manifest.json';

const GENERATOR = 'openapi-sdkgen';
const ABOUT = `The files ${GENERATOR} generated in this folder, with their SHA-256. It overwrites and removes only these; every other file here is yours.`;

export interface Manifest {
  /** Path (relative, `/`-separated) -> SHA-256 of the text the generator wrote there. */
  files: Map<string, string>;
  /**
   * Set in the manifest written before a run changes anything and replaced at its end: a run killed in between leaves
   * it, listing both the old files and the new ones, so the next run knows them all as its own.
   */
  incomplete: boolean;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The manifest's text: deterministic (sorted paths), committed with the package. */
export function renderManifest(manifest: Manifest): string {
  const files = Object.fromEntries([...manifest.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ generator: GENERATOR, about: ABOUT, ...(manifest.incomplete ? { incomplete: true } : {}), files }, null, 2)}\n`;
}

/** The manifest of a complete output. */
export function manifestOf(files: readonly OutputFile[]): Manifest {
  return { files: new Map(files.map((file) => [file.path, sha256(file.text)])), incomplete: false };
}

/**
 * A path the generator may write or remove: relative, `/`-separated, no empty, `.` or `..` segment, no backslash or
 * NUL, not the manifest itself. A manifest is a file on disk, which anyone may have edited; a path that fails this
 * could reach outside the folder.
 */
export function isPackagePath(path: string): boolean {
  if (path === '' || path === MANIFEST || /[\\\0]/.test(path) || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Reads a manifest's text; a string says what is wrong with it. */
export function parseManifest(text: string): Manifest | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object';
  const record = data as Record<string, unknown>;
  if (record['generator'] !== GENERATOR) return `"generator" is not "${GENERATOR}"`;
  const files = record['files'];
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return '"files" is not an object';
  const out = new Map<string, string>();
  for (const [path, hash] of Object.entries(files as Record<string, unknown>)) {
    if (!isPackagePath(path)) return `${JSON.stringify(path)} is not a path inside the folder`;
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
      return `the hash of ${JSON.stringify(path)} is not a SHA-256`;
    out.set(path, hash);
  }
  return { files: out, incomplete: record['incomplete'] === true };
}
