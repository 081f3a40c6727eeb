// Bundles the generator's TypeScript sources into plain ES modules in generator/dist/: run by generator/run.mjs in
// this repository, and by `npm pack` (prepack), so the published package needs neither esbuild nor tsx.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function bundle() {
  const { buildSync } = await import('esbuild');
  const outdir = fileURLToPath(new URL('./dist/', import.meta.url));
  const { outputFiles } = buildSync({
    // cli.ts starts the schema types worker before it imports the rest: the rest goes in chunks loaded after that.
    entryPoints: [fileURLToPath(new URL('./cli.ts', import.meta.url)), fileURLToPath(new URL('./index.ts', import.meta.url))],
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as usual; only our sources go into the bundle.
    packages: 'external',
    logLevel: 'warning',
    write: false,
  });
  // Files are replaced only when they change, each at once (a rename): another run may be loading them.
  mkdirSync(outdir, { recursive: true });
  const current = new Set(outputFiles.map((file) => basename(file.path)));
  for (const file of outputFiles) {
    let existing;
    try {
      existing = readFileSync(file.path, 'utf8');
    } catch {}
    if (existing === file.text) continue;
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  for (const name of readdirSync(outdir)) if (name.endsWith('.mjs') && !current.has(name)) rmSync(join(outdir, name), { force: true });
}

// `node generator/build.mjs` (prepack): build and stop.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundle();
