// A spec generated into a temporary folder for a test file: its files in memory, tsc over the folder, and cleanup.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type GenerateResult, generate } from '../../generator/generate.js';
import { writeOutput } from '../../generator/write/write-output.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface GeneratedSdk {
  result: GenerateResult;
  /** The package's folder (temporary, with node_modules linked to this repository's for its imports). */
  dir: string;
  /** The text of one generated file, by its path in the package. */
  file(path: string): string;
  /** `tsc -p` over the package (tests included): its output, empty when it passes. */
  typecheck(): Promise<string>;
  remove(): Promise<void>;
}

/**
 * Generates `spec` (relative to the repository, or absolute) into a temporary folder named after `folder`, outside
 * the repository: its node_modules is a link to the repository's, so tsc and the package's tests resolve as here.
 */
export async function generateSdk(spec: string, folder: string): Promise<GeneratedSdk> {
  const out = await mkdtemp(join(tmpdir(), `sdkgen-${folder.replace(/^\./, '')}-`));
  const result = await generate({ spec, cwd: root });
  await writeOutput(out, result.files, { force: true });
  await symlink(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  return {
    result,
    dir: out,
    file: (path) => result.files.find((candidate) => candidate.path === path)!.text,
    typecheck: () =>
      promisify(execFile)(process.execPath, [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(out, 'tsconfig.json'),
      ]).then(
        () => '',
        (error: { stdout?: string }) => error.stdout ?? String(error),
      ),
    remove: () => rm(out, { recursive: true, force: true }),
  };
}
