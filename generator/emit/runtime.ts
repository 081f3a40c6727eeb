import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SdkModel } from '../model/types.js';
import { banner, type OutputFile } from './source.js';

/** The hand-written runtime every SDK ships. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Identifiers in the templates that take the SDK's names. Only whole identifiers are replaced. */
export function templateNames(model: SdkModel): Record<string, string> {
  return { SDKError: `${model.clientName}Error` };
}

/**
 * The runtime files, copied from `templates/` with the SDK's names filled in: `src/` (core and internal modules),
 * `scripts/` (the package build), `tests/` support and the vitest config.
 */
export async function emitRuntime(model: SdkModel): Promise<OutputFile[]> {
  const names = templateNames(model);
  const pattern = new RegExp(`\\b(${Object.keys(names).join('|')})\\b`, 'g');
  // The webhook verifier (and its crypto dependency) ships only with SDKs whose spec declares webhooks.
  const webhooksDir = join(TEMPLATES_DIR, 'src', 'webhooks');
  const files = [
    ...(await listFiles(join(TEMPLATES_DIR, 'src'))).filter(
      (file) => model.webhooks !== undefined || !file.startsWith(webhooksDir),
    ),
    ...(await listFiles(join(TEMPLATES_DIR, 'scripts'))),
    ...(await listFiles(join(TEMPLATES_DIR, 'tests'))),
    join(TEMPLATES_DIR, 'vitest.config.ts'),
  ];
  return Promise.all(
    files.map(async (file) => {
      const path = relative(TEMPLATES_DIR, file).split('\\').join('/');
      const text = (await readFile(file, 'utf8')).replace(pattern, (name) => names[name]!);
      return { path, text: `${banner(model, '//', `Copied from templates/${path}`)}\n${text}` };
    }),
  );
}

async function listFiles(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (!entry.name.endsWith('.test.ts')) files.push(path);
  }
  return files;
}
