// Bundles the generator's TypeScript sources into plain ES modules, so the `sdkgen` bin needs neither esbuild nor tsx
// at run time. Two callers:
// - `npm pack` (prepack: `node generator/build.mjs`) builds generator/dist/ for the published package, under stable
//   entry names (cli.mjs, index.mjs: the bin and package.json's exports name them).
// - generator/run.mjs in this repository builds generator/.build/ when the sources changed since its last build.
// Both folders sit at the depth of the sources' subfolders (generator/<folder>/), so paths the sources compute from
// `import.meta.url` (templates/, the worker script, the config schema) hold for the bundle too.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. esbuild resolves and names everything relative to it, never to the working directory. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The development build's folder and the file that names its current entry and the inputs it was built from. */
export const DEV_DIR = fileURLToPath(new URL('./.build/', import.meta.url));
const CURRENT = 'current.json';
/** A build nobody has started for this long is removed when a newer one is made (see `pruneBuilds`). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * esbuild's options. `absWorkingDir` makes the output the same from whatever folder the build is started: esbuild
 * writes each module's path (relative to the working directory) into the bundle as a comment, and hashes the result.
 */
async function build(outdir, hashed) {
  const { buildSync } = await import('esbuild');
  return buildSync({
    absWorkingDir: ROOT,
    // cli/main.ts starts the schema types worker before it imports the rest: the rest goes in chunks loaded after that.
    entryPoints: { cli: 'generator/cli/main.ts', index: 'generator/index.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    // Under content-hashed names a file's name fixes its content: a build never rewrites a file another run loads.
    ...(hashed && { entryNames: '[name]-[hash]' }),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as usual; only our sources go into the bundle.
    packages: 'external',
    logLevel: 'warning',
    metafile: true,
    write: false,
  });
}

/** Writes a file all at once (a rename), unless it is there already with this content. */
function writeAtomically(path, contents) {
  try {
    if (readFileSync(path).equals(Buffer.from(contents))) return;
  } catch {}
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * The bundle for `npm pack`: generator/dist/. Files are replaced each at once and only when they change, and files
 * of an earlier pack build are removed after: a test may be loading the package's entry while another packs it.
 */
export async function bundleForPack() {
  const outdir = fileURLToPath(new URL('./dist/', import.meta.url));
  const { outputFiles } = await build(outdir, false);
  mkdirSync(outdir, { recursive: true });
  for (const file of outputFiles) writeAtomically(file.path, file.contents);
  const current = new Set(outputFiles.map((file) => file.path.slice(outdir.length)));
  for (const name of safeReaddir(outdir))
    if (name.endsWith('.mjs') && !current.has(name)) rmSync(join(outdir, name), { force: true });
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a build depends on beyond its inputs: this script (its options) and esbuild's version. */
function toolFingerprint() {
  const esbuild = JSON.parse(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8')).version;
  return sha256(`${esbuild}\n${readFileSync(fileURLToPath(import.meta.url))}`);
}

/** Whether every input of a recorded build still has the content it was built from. */
function upToDate(record) {
  if (!record || record.tool !== toolFingerprint()) return false;
  for (const [path, hash] of Object.entries(record.inputs)) {
    try {
      if (sha256(readFileSync(join(ROOT, path))) !== hash) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function readRecord(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The development bundle's entry (a file URL), built first if the sources changed since the last build. Checking
 * costs reading the inputs the last build recorded (a hundred small files); esbuild loads only when one changed.
 * Files are content-hashed and written each at once; a build never removes a file the current build uses, nor one
 * of a build some run started within the last day (see `pruneBuilds`), so concurrent runs never lose a chunk.
 */
export async function devEntry(dir = DEV_DIR) {
  const currentPath = join(dir, CURRENT);
  let record = readRecord(currentPath);
  if (!upToDate(record)) {
    const { outputFiles, metafile } = await build(dir, true);
    mkdirSync(dir, { recursive: true });
    for (const file of outputFiles) writeAtomically(file.path, file.contents);
    const files = outputFiles.map((file) => file.path.slice(dir.length)).sort();
    const inputs = Object.fromEntries(
      Object.keys(metafile.inputs)
        .sort()
        .map((path) => [path, sha256(readFileSync(join(ROOT, path)))]),
    );
    const entry = Object.entries(metafile.outputs).find(
      ([, output]) => output.entryPoint === 'generator/cli/main.ts',
    )[0];
    record = { tool: toolFingerprint(), inputs, files, entry: entry.slice(entry.lastIndexOf('/') + 1) };
    const text = `${JSON.stringify(record, null, 2)}\n`;
    // Each build also keeps its own record (named by its entry), so later builds know which files it needs.
    writeAtomically(join(dir, `${record.entry}.json`), text);
    writeAtomically(currentPath, text);
    pruneBuilds(dir, record);
  }
  // Marks the build as in use (pruning spares builds used within a day).
  try {
    const now = new Date();
    utimesSync(join(dir, `${record.entry}.json`), now, now);
  } catch {}
  return pathToFileURL(join(dir, record.entry)).href;
}

/**
 * Removes the files of builds last started more than a day ago, except those the current build shares. A run loads
 * its chunks within its first minutes (dynamic imports included); a day leaves a wide margin for a slow one.
 */
function pruneBuilds(dir, current) {
  const keep = new Set([...current.files, CURRENT, `${current.entry}.json`]);
  for (const name of safeReaddir(dir).filter((entry) => entry.endsWith('.mjs.json'))) {
    const record = readRecord(join(dir, name));
    if (!record || !isRecent(join(dir, name))) continue;
    keep.add(name);
    for (const file of record.files) keep.add(file);
  }
  for (const name of safeReaddir(dir)) {
    if (keep.has(name)) continue;
    // Another run's temporary file (a write in progress) and anything recent are left alone.
    if (name.endsWith('.tmp') || isRecent(join(dir, name))) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function isRecent(path) {
  try {
    return Date.now() - statSync(path).mtimeMs < STALE_MS;
  } catch {
    return false;
  }
}

// `node generator/build.mjs` (prepack): build generator/dist/ and stop.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundleForPack();
