// `npm run generate`: bundles the generator's TypeScript sources into plain ES modules with esbuild, then runs them.
// Plain modules load in a fraction of the time that forty .ts files take through a TypeScript loader (tsx: about
// 0.6 s a run, most of it module resolution). The bundle sits at the same depth as the sources (generator/dist/), so
// the paths they compute from `import.meta.url` (templates/, the worker script) hold for both.
import { buildSync } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outdir = fileURLToPath(new URL('./dist/', import.meta.url));
const { outputFiles } = buildSync({
  entryPoints: [fileURLToPath(new URL('./cli.ts', import.meta.url))],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // cli.ts starts the schema types worker before it imports the rest: the rest goes in chunks loaded after that.
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
await import(new URL('./dist/cli.mjs', import.meta.url).href);
