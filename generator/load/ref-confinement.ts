import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.js';

/**
 * What a `$ref` to another file may read. Spec text is untrusted (a pull request's), so by default a ref reaches only
 * regular files under the root spec's folder; `allowRefs` (config) and `--allow-refs` (CLI) add folders and URL
 * prefixes. Every target is checked before it is opened, and a read is bounded in size and, for URLs, in time.
 */
export interface RefPolicy {
  /** Folders a ref may read, absolute: the spec's own first, then the allowed ones. */
  dirs: string[];
  /** The same folders through their symbolic links, so a link that leaves them is caught. */
  realDirs: string[];
  /** URL prefixes a ref may fetch (none by default). */
  urls: URL[];
  /** How the spec's folder is named in messages (as the user named the spec). */
  rootLabel: string;
  limits: RefLimits;
}

export interface RefLimits {
  /** Largest local file a ref may read. */
  maxFileBytes: number;
  /** Largest remote document a ref may fetch. */
  maxRemoteBytes: number;
  /** Time for a whole fetch, redirects and body included. */
  timeoutMs: number;
}

export const DEFAULT_REF_LIMITS: RefLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRemoteBytes: 20 * 1024 * 1024,
  timeoutMs: 10_000,
};
const MAX_REDIRECTS = 5;

/** A ref the policy does not let through, or a target that cannot be read; `problem` is one line. */
export class RefRefusal extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

/** Where a ref leads: a local file, a URL, or nowhere it may go. */
export type RefTarget =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: URL }
  | { kind: 'refused'; problem: string };

const WIDEN = 'allow it with --allow-refs or allowRefs in the SDK config';

/**
 * The policy for a spec file: its folder, plus `allow` (absolute folders or http(s) URL prefixes, see
 * `resolveAllowRefs`).
 */
export async function createRefPolicy(
  specFile: string,
  rootLabel: string,
  allow: readonly string[] = [],
  limits: Partial<RefLimits> = {},
): Promise<RefPolicy> {
  const dirs = [resolve(specFile, '..')];
  const urls: URL[] = [];
  for (const entry of allow) {
    if (/^https?:\/\//i.test(entry)) urls.push(new URL(entry));
    else dirs.push(resolve(entry));
  }
  const realDirs = await Promise.all(dirs.map((dir) => realpath(dir).catch(() => dir)));
  return { dirs, realDirs, urls, rootLabel, limits: { ...DEFAULT_REF_LIMITS, ...limits } };
}

/**
 * `allowRefs` entries as the policy takes them: http(s) URLs as they are, `file:` URLs and paths as absolute paths
 * (relative ones against `baseDir`). Throws a one-line message for anything else.
 */
export function resolveAllowRefs(entries: readonly string[], baseDir: string): string[] {
  return entries.map((entry) => {
    if (/^https?:\/\//i.test(entry)) {
      const url = parseUrl(entry);
      if (!url || url.hostname === '') throw new RefRefusal(`${quote(entry)} is not a valid URL`);
      if (decodedPath(url.pathname) === undefined)
        throw new RefRefusal(
          `${quote(entry)} has an encoded "/", "\\" or "." (or a dot segment) in its path: give the prefix plainly`,
        );
      return url.href;
    }
    if (/^file:/i.test(entry)) {
      try {
        return fileURLToPath(entry);
      } catch {
        throw new RefRefusal(`${quote(entry)} is not a valid file: URL`);
      }
    }
    if (hasScheme(entry)) throw new RefRefusal(`${quote(entry)} is neither a folder nor an http(s) URL prefix`);
    return resolve(baseDir, entry);
  });
}

/**
 * Where `ref` (the part before `#`) leads from the document `base` (an absolute path or URL), checked against what the
 * policy lets through by its text alone; symbolic links and file types are checked when it is read.
 */
export function refTarget(policy: RefPolicy, base: string, ref: string): RefTarget {
  const baseUrl = /^https?:\/\//i.test(base) ? parseUrl(base) : undefined;
  let target: RefTarget;
  if (baseUrl || hasScheme(ref)) {
    const url = parseUrl(ref, baseUrl);
    if (!url) return { kind: 'refused', problem: `is not a valid URL` };
    if (url.protocol === 'file:') {
      try {
        target = { kind: 'file', path: fileURLToPath(url) };
      } catch {
        return { kind: 'refused', problem: 'is not a valid file: URL' };
      }
    } else if (url.protocol === 'http:' || url.protocol === 'https:') {
      if (decodedPath(url.pathname) === undefined)
        return {
          kind: 'refused',
          problem:
            'has an encoded "/", "\\" or "." in its path (or a malformed escape), which a server may read as a way out of an allowed prefix; never fetched',
        };
      if (!urlAllowed(policy, url))
        return { kind: 'refused', problem: `is a URL; remote refs are not fetched unless allowed (${WIDEN})` };
      return { kind: 'url', url };
    } else {
      return { kind: 'refused', problem: `uses the ${url.protocol} scheme, which is never followed` };
    }
  } else {
    target = { kind: 'file', path: resolve(base, '..', ref) };
  }
  if (
    !policy.dirs.some((dir) => isInside(dir, target.path)) &&
    !policy.realDirs.some((dir) => isInside(dir, target.path))
  ) {
    return { kind: 'refused', problem: `leads outside the spec's folder (${policy.rootLabel}); ${WIDEN}` };
  }
  return target;
}

/**
 * Reads a local ref target: its real path (symbolic links followed) must be inside an allowed folder, and it must be a
 * regular file within the size cap. Opened without blocking, so a FIFO is refused instead of waiting for a writer.
 */
export async function readRefFile(policy: RefPolicy, path: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    throw new RefRefusal(describeFsError(error));
  }
  if (!policy.realDirs.some((dir) => isInside(dir, real))) {
    throw new RefRefusal(`leads, through a symbolic link, outside the spec's folder (${policy.rootLabel}); ${WIDEN}`);
  }
  let handle: import('node:fs/promises').FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    throw new RefRefusal(describeFsError(error));
  }
  try {
    // Checked on the open file, not the name: what was checked is what is read.
    const stats = await handle.stat();
    if (!stats.isFile()) throw new RefRefusal(`is not a regular file (${fileKind(stats)})`);
    const max = policy.limits.maxFileBytes;
    if (stats.size > max) throw new RefRefusal(`is larger than the ${formatBytes(max)} a referenced file may have`);
    // Some files (in /proc, say) claim size 0 and are longer: the cap holds for what is read, too.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(1024 * 1024, max + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) throw new RefRefusal(`is larger than the ${formatBytes(max)} a referenced file may have`);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Fetches an allowed URL: within the time limit (body included), within the size cap, following redirects only to
 * URLs the policy allows.
 */
export async function fetchRef(policy: RefPolicy, url: URL): Promise<{ body: string; mimeType: string | undefined }> {
  const { timeoutMs, maxRemoteBytes } = policy.limits;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.1' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const next = parseUrl(location, current);
        if (!next || !urlAllowed(policy, next))
          throw new RefRefusal(`redirects to ${quote(location)}, which is not allowed`);
        if (hop >= MAX_REDIRECTS) throw new RefRefusal(`redirects more than ${MAX_REDIRECTS} times`);
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new RefRefusal(`could not be fetched: HTTP ${response.status}`);
      }
      const tooBig = `is larger than the ${formatBytes(maxRemoteBytes)} a remote document may have`;
      if (Number(response.headers.get('content-length') ?? 0) > maxRemoteBytes) {
        await response.body?.cancel();
        throw new RefRefusal(tooBig);
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      const reader = response.body?.getReader();
      for (;;) {
        const chunk = reader && (await reader.read());
        if (!chunk || chunk.done) break;
        total += chunk.value.byteLength;
        if (total > maxRemoteBytes) {
          await reader.cancel();
          throw new RefRefusal(tooBig);
        }
        chunks.push(chunk.value);
      }
      return {
        body: Buffer.concat(chunks).toString('utf8'),
        mimeType: response.headers.get('content-type') ?? undefined,
      };
    }
  } catch (error) {
    if (error instanceof RefRefusal) throw error;
    if (signal.aborted) throw new RefRefusal(`could not be fetched within ${formatSeconds(timeoutMs)}`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new RefRefusal(`could not be fetched: ${oneLine(cause?.code ?? cause?.message ?? (error as Error).message)}`);
  }
}

/** A ref or value quoted for a one-line message: JSON escapes (no raw newlines), cut to a readable length. */
export function quote(text: string): string {
  return oneLine(JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}...` : text));
}

/** Line and paragraph separators (which JSON leaves as they are) and control characters written as escapes. */
export function oneLine(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function urlAllowed(policy: RefPolicy, url: URL): boolean {
  const path = decodedPath(url.pathname);
  if (path === undefined) return false;
  return policy.urls.some((prefix) => {
    if (prefix.origin !== url.origin) return false;
    const allowed = decodedPath(prefix.pathname);
    if (allowed === undefined) return false;
    // `https://host/specs` allows /specs and /specs/..., not /specs-other.
    return allowed.endsWith('/') ? path.startsWith(allowed) : path === allowed || path.startsWith(`${allowed}/`);
  });
}

/**
 * A URL path as a server may finally read it, for comparing with a prefix: decoded until nothing changes (a server or
 * proxy may decode more than once). `undefined` for a path that cannot be compared safely: an encoded `/`, `\` or
 * `.` at any depth (`..%2f`, `%252e%252e%252f`: the URL parser keeps them as one segment, a server may not), a
 * backslash, a `.` or `..` segment left after decoding, or a malformed escape.
 */
function decodedPath(pathname: string): string | undefined {
  if (/%(25)*(2f|5c|2e)/i.test(pathname)) return undefined;
  let path = pathname;
  for (let round = 0; ; round++) {
    let next: string;
    try {
      next = decodeURIComponent(path);
    } catch {
      return undefined;
    }
    if (next === path) break;
    if (round >= 8) return undefined;
    path = next;
  }
  if (path.includes('\\') || path.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  return path;
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** A URL scheme (`http:`, `file:`, `data:`), not a Windows drive letter (`C:`). */
function hasScheme(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(ref);
}

function parseUrl(text: string, base?: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'cannot be read: file not found';
  if (code === 'ELOOP') return 'cannot be read: a loop of symbolic links';
  return `cannot be read: ${code ?? (error as Error).message}`;
}

function fileKind(stats: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** `--allow-refs` values as the loader takes them; a wrong one is the user's error, named as the flag. */
export function allowedByFlag(entries: readonly string[], cwd: string): string[] {
  try {
    return resolveAllowRefs(entries, cwd);
  } catch (error) {
    if (error instanceof RefRefusal) throw new InputError({ file: '--allow-refs' }, error.problem);
    throw error;
  }
}
