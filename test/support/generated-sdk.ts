// A spec generated into a folder under test/ for a test file: its files in memory, tsc over the folder, and cleanup.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generate, type GenerateResult } from '../../generator/generate.js';
import { writeOutput } from '../../generator/write/write-output.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface GeneratedSdk {
  result: GenerateResult;
  /** The text of one generated file, by its path in the package. */
  file(path: string): string;
  /** `tsc -p` over the package (tests included): its output, empty when it passes. */
  typecheck(): Promise<string>;
  remove(): Promise<void>;
}

/** Generates `spec` (relative to the repository) into `test/<folder>`. */
export async function generateSdk(spec: string, folder: string): Promise<GeneratedSdk> {
  const out = join(root, 'test', folder);
  const result = await generate({ spec, cwd: root });
  await writeOutput(out, result.files, { force: true });
  return {
    result,
    file: (path) => result.files.find((candidate) => candidate.path === path)!.text,
    typecheck: () =>
      promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json')]).then(
        () => '',
        (error: { stdout?: string }) => error.stdout ?? String(error),
      ),
    remove: () => rm(out, { recursive: true, force: true }),
  };
}
