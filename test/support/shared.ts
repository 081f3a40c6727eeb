// The specs and reference SDK some tests read live beside the repository, in ../shared (not in a bare clone). A test
// that needs them is skipped, saying what is missing, where they are absent; under CI=1 it fails instead: CI must run
// every test.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared folder: ../shared from the repository root. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

/**
 * Whether a test needing `paths` (relative to ../shared) must be skipped: true when one is missing, after saying so on
 * stderr. Under CI=1 a missing path throws (the test file fails) instead.
 */
export function missingShared(...paths: string[]): boolean {
  const missing = paths.filter((path) => !existsSync(join(SHARED, path)));
  if (missing.length === 0) return false;
  const message = `needs ${missing.map((path) => `../shared/${path}`).join(', ')} beside the repository (the shared specs and reference SDK), which is not there`;
  if (process.env['CI'] === '1' || process.env['CI'] === 'true') throw new Error(`${message}: CI runs every test`);
  process.stderr.write(`skipped: ${message}\n`);
  return true;
}

/** A test title that says why it is skipped, when it is. */
export function sharedTitle(title: string, skipped: boolean): string {
  return skipped ? `${title} (skipped: ../shared missing)` : title;
}
