// The output folder is shared with its user and writing survives a kill: what the generator writes, overwrites and
// removes (only its own files, listed in .sdkgen-manifest.json), and what a run interrupted at any point leaves.
import { execFile, spawn } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OutputFile } from '../../generator/emit/source.js';
import { manifestOf, parseManifest, renderManifest } from '../../generator/write/manifest.js';
import { diffOutput, MANIFEST, writeOutput } from '../../generator/write/write-output.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The write step alone, in a child process that a test can kill: bundled once into plain JS (node starts it in tens of
// milliseconds, so it can be killed at every one of its steps). It sits under node_modules so the formatter's binary
// resolves from it as from the generator.
const DRIVER = `
import { readFileSync } from 'node:fs';
import { InputError } from '../../generator/core/errors.js';
import { formatFiles } from '../../generator/format/format.js';
import { writeOutput } from '../../generator/write/write-output.js';
import { diskOperations, removeTemporariesOnSignals } from '../../generator/core/temp.js';
// As the CLI does: the process is the generator's.
removeTemporariesOnSignals();
const [mode, dir, list, force] = process.argv.slice(2);
const files = JSON.parse(readFileSync(list, 'utf8'));
try {
  const result = mode === 'format' ? (await formatFiles(files)).length : await writeOutput(dir, files, { force: force === 'force', display: 'out' });
  process.stdout.write(JSON.stringify({ result, operations: diskOperations() }));
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  process.stderr.write('error: ' + error.message + '\\n');
  process.exitCode = 1;
}
`;

let work: string;
let driver: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'write-safety-'));
  const cache = join(root, 'node_modules/.cache', `write-safety-${process.pid}`);
  driver = join(cache, 'driver.mjs');
  buildSync({
    stdin: { contents: DRIVER, resolveDir: join(root, 'test/generator'), loader: 'ts' },
    outfile: driver,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(join(driver, '..'), { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let lists = 0;
/** Runs the driver: writes `files` into `dir` (or formats them), killed as SDKGEN_TEST_KILL_AFTER says. */
async function drive(
  mode: 'write' | 'format',
  dir: string,
  files: readonly OutputFile[],
  options: { kill?: string; force?: boolean; tmp?: string } = {},
): Promise<Run> {
  const list = join(work, `files-${lists++}.json`);
  await writeFile(list, JSON.stringify(files));
  const env: NodeJS.ProcessEnv = { ...process.env, SDKGEN_TEST_KILL_AFTER: options.kill ?? '' };
  if (options.tmp) env['TMPDIR'] = options.tmp;
  const child = spawn(process.execPath, [driver, mode, dir, list, options.force ? 'force' : ''], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Every file under `folder` (relative path -> text). */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[
        path
          .slice(folder.length + 1)
          .split('\\')
          .join('/')
      ] = await readFile(path, 'utf8');
    }
  }
  return out;
}

const files = (entries: Record<string, string>): OutputFile[] =>
  Object.entries(entries).map(([path, text]) => ({ path, text }));
const expected = (generated: OutputFile[], user: Record<string, string>): Record<string, string> => ({
  ...user,
  ...Object.fromEntries(generated.map((file) => [file.path, file.text])),
  [MANIFEST]: renderManifest(manifestOf(generated)),
});

// Two versions of a package: B changes some of A's files, adds new ones (in a new folder), and drops others (a whole
// folder, and part of another).
const range = (n: number): number[] => [...Array(n).keys()];
const A = files({
  'package.json': '{"name":"a"}\n',
  'README.md': '# A\n',
  ...Object.fromEntries(range(6).map((i) => [`src/a${i}.ts`, `export const a${i} = 'A';\n`])),
  ...Object.fromEntries(range(4).map((i) => [`src/nested/deep/b${i}.ts`, `export const b${i} = 'A';\n`])),
  ...Object.fromEntries(range(3).map((i) => [`gone/c${i}.ts`, `export const c${i} = 'A';\n`])),
  ...Object.fromEntries(range(2).map((i) => [`dropped/d${i}.ts`, `export const d${i} = 'A';\n`])),
});
const B = files({
  'package.json': '{"name":"a","version":"2.0.0"}\n',
  'README.md': '# A\n',
  ...Object.fromEntries(range(6).map((i) => [`src/a${i}.ts`, `export const a${i} = '${i % 2 ? 'A' : 'B'}';\n`])),
  ...Object.fromEntries(range(2).map((i) => [`src/nested/deep/b${i}.ts`, `export const b${i} = 'B';\n`])),
  ...Object.fromEntries(range(4).map((i) => [`src/new/e${i}.ts`, `export const e${i} = 'B';\n`])),
});
// What the package's user adds: an install, a build, secrets, their own code, a file in a folder the SDK abandons.
const USER = {
  'package-lock.json': '{"lockfileVersion":3}\n',
  'node_modules/x/index.js': 'module.exports = 1;\n',
  'dist/index.js': 'built\n',
  '.env': 'SECRET=1\n',
  'src/mine.ts': 'export const mine = 1;\n',
  'gone/notes.txt': 'mine\n',
};

async function addUserFiles(dir: string): Promise<void> {
  for (const [path, text] of Object.entries(USER)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** A folder holding package A, written by the generator (in this process: it is not what is tested), with the user's files added. */
async function packageA(name: string): Promise<string> {
  const dir = join(work, name);
  await writeOutput(dir, A);
  await addUserFiles(dir);
  return dir;
}

const leftovers = (snap: Record<string, string>): string[] =>
  Object.keys(snap).filter((path) => path.includes('.sdkgen-tmp-'));

describe('the folder is shared with its user', () => {
  test('regenerating keeps every file the generator did not write, removes its stale ones, and --check agrees', async () => {
    const dir = await packageA('shared');
    const run = await drive('write', dir, B);
    expect(run.stderr).toBe('');
    const { result } = JSON.parse(run.stdout) as { result: { stale: string[] } };
    expect(result.stale).toEqual(
      [
        ...range(3).map((i) => `gone/c${i}.ts`),
        ...range(2).map((i) => `dropped/d${i}.ts`),
        ...range(2).map((i) => `src/nested/deep/b${i + 2}.ts`),
      ].sort(),
    );
    expect(await snapshot(dir)).toEqual(expected(B, USER));
    // A folder the stale files emptied goes; one holding a user's file stays.
    expect(await readdir(dir)).not.toContain('dropped');
    expect(await diffOutput(dir, B)).toEqual({ changed: [], stale: [] });
    // And A's check sees B's files as differing and nothing of the user's as stale.
    expect((await diffOutput(dir, A)).stale).toEqual([...range(4).map((i) => `src/new/e${i}.ts`)]);
  });

  test('a non-empty folder without a manifest is refused, nothing touched; --force writes the SDK and deletes nothing', async () => {
    const dir = join(work, 'foreign');
    await addUserFiles(dir);
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
    await writeFile(join(dir, 'README.md'), '# my app\n');
    const before = await snapshot(dir);
    const refused = await drive('write', dir, A);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `error: out: not empty and not written by the generator (no ${MANIFEST}); pass --force to write into it (files the SDK has are overwritten, nothing is deleted)\n`,
    );
    expect(await snapshot(dir)).toEqual(before);

    expect((await drive('write', dir, A, { force: true })).code).toBe(0);
    expect(await snapshot(dir)).toEqual(expected(A, { ...before }));
  });

  test('a file the new output would write over, not written by the generator, is refused unless --force', async () => {
    const dir = await packageA('taken');
    await mkdir(join(dir, 'src/new'), { recursive: true });
    await writeFile(join(dir, 'src/new/e2.ts'), 'my own e2\n');
    const before = await snapshot(dir);
    const refused = await drive('write', dir, B);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'error: out: the SDK would overwrite 1 file the generator did not write (src/new/e2.ts); move them or pass --force\n',
    );
    expect(await snapshot(dir)).toEqual(before);
    expect((await drive('write', dir, B, { force: true })).code).toBe(0);
    expect(await snapshot(dir)).toEqual(expected(B, USER));

    // A folder where the new output has a file is not removed, --force or not.
    const folder = await packageA('folder-in-the-way');
    await mkdir(join(folder, 'src/new/e1.ts'), { recursive: true });
    await writeFile(join(folder, 'src/new/e1.ts/keep.txt'), 'kept\n');
    const blocked = await drive('write', folder, B, { force: true });
    expect(blocked.stderr).toBe(
      'error: out/src/new/e1.ts: something other than a file (a folder, say) where the SDK has a file\n',
    );
    expect(await readFile(join(folder, 'src/new/e1.ts/keep.txt'), 'utf8')).toBe('kept\n');
  });

  test("hand edits: a generated file is overwritten (and named); a stale one is kept and becomes the user's", async () => {
    const dir = await packageA('edited');
    await writeFile(join(dir, 'src/a0.ts'), 'edited\n');
    await writeFile(join(dir, 'gone/c1.ts'), 'edited\n');
    const run = await drive('write', dir, B);
    expect(JSON.parse(run.stdout)).toMatchObject({ result: { edited: ['src/a0.ts'], kept: ['gone/c1.ts'] } });
    expect(await snapshot(dir)).toEqual(expected(B, { ...USER, 'gone/c1.ts': 'edited\n' }));
    expect(await diffOutput(dir, B)).toEqual({ changed: [], stale: [] });
  });

  test('a manifest is not trusted to reach outside the folder: a path out of it, or a link in it, is refused', async () => {
    const outside = join(work, 'outside.txt');
    await writeFile(outside, 'precious\n');
    const dir = await packageA('escape');
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as { files: Record<string, string> };
    manifest.files['../outside.txt'] = manifest.files['README.md']!;
    await writeFile(join(dir, MANIFEST), JSON.stringify(manifest));
    const refused = await drive('write', dir, B);
    expect(refused.stderr).toBe(
      `error: out/${MANIFEST}: "../outside.txt" is not a path inside the folder; it is not a manifest the generator can trust (fix or remove it, or pass --force)\n`,
    );
    expect(await readFile(outside, 'utf8')).toBe('precious\n');

    const linked = await packageA('linked');
    await rm(join(linked, 'src/nested'), { recursive: true });
    await mkdir(join(work, 'elsewhere/deep'), { recursive: true });
    await symlink(join(work, 'elsewhere'), join(linked, 'src/nested'));
    const through = await drive('write', linked, B);
    expect(through.stderr).toBe(
      'error: out/src/nested: a symbolic link where the SDK has a folder; the generator does not write through links\n',
    );
    expect(await readdir(join(work, 'elsewhere/deep'))).toEqual([]);
  });
});

describe('a run killed at any point', () => {
  test('never leaves the folder missing; every file is old or new; a rerun restores the output, byte for byte', async () => {
    // How many changes to the disk going from A to B takes: the kill points to try.
    const count = (JSON.parse((await drive('write', await packageA('probe'), B)).stdout) as { operations: number })
      .operations;
    expect(count).toBeGreaterThan(25);
    const texts = new Set([...A, ...B].map((file) => `${file.path}\n${file.text}`));
    const killAt = async (point: number): Promise<void> => {
      const dir = await packageA(`kill-${point}`);
      const killed = await drive('write', dir, B, { kill: String(point) });
      expect(killed.signal, `kill point ${point}`).toBe('SIGKILL');
      const after = await snapshot(dir);
      // The user's files are untouched; each generated file holds A's text or B's; the manifest is a valid one.
      for (const [path, text] of Object.entries(USER)) expect(after[path], `kill point ${point}: ${path}`).toBe(text);
      for (const [path, text] of Object.entries(after)) {
        if (path in USER || path === MANIFEST || path.includes('.sdkgen-tmp-')) continue;
        expect(texts.has(`${path}\n${text}`), `kill point ${point}: ${path} is neither old nor new`).toBe(true);
      }
      expect(typeof parseManifest(after[MANIFEST]!), `kill point ${point}: manifest`).toBe('object');
      // Every third point, the rerun is killed too, at a point of its own (if it gets that far), before a final one.
      if (point % 3 === 0)
        expect(['SIGKILL', null]).toContain((await drive('write', dir, B, { kill: String((point % 7) + 1) })).signal);
      const rerun = await drive('write', dir, B);
      expect(rerun.stderr, `kill point ${point}`).toBe('');
      const restored = await snapshot(dir);
      expect(leftovers(restored), `kill point ${point}`).toEqual([]);
      expect(restored, `kill point ${point}`).toEqual(expected(B, USER));
    };
    // Every point, a few at a time: each child mostly waits on its own start-up.
    const points = range(count).map((i) => i + 1);
    await Promise.all(
      range(4).map(async (lane) => {
        for (const point of points.filter((_, index) => index % 4 === lane)) await killAt(point);
      }),
    );
  }, 120_000);

  test('a run back to the old output after a killed one removes the new files it had started', async () => {
    for (const point of [3, 15, 25]) {
      const dir = await packageA(`back-${point}`);
      expect((await drive('write', dir, B, { kill: String(point) })).signal).toBe('SIGKILL');
      expect((await drive('write', dir, A)).code).toBe(0);
      expect(await snapshot(dir), `kill point ${point}`).toEqual(expected(A, USER));
    }
  });

  test('leftovers of ended runs are removed (the old staging folder beside it too); those of a running one stay', async () => {
    const dir = await packageA('leftovers');
    // A pid that surely ran and ended: a child's, after it exits.
    const ended = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid!));
    });
    const running = process.pid;
    const planted = [
      `.a0.ts.sdkgen-tmp-${ended}`,
      `src/.a1.ts.sdkgen-tmp-${ended}`,
      `src/nested/deep/.b0.ts.sdkgen-tmp-${ended}`,
      `src/.a2.ts.sdkgen-tmp-${running}`,
    ];
    for (const path of planted) await writeFile(join(dir, path), 'partial');
    // An old version's staging folder: the package it was writing, its manifest included.
    await writeOutput(join(work, `.leftovers.tmp-${ended}`), A.slice(0, 4));
    await mkdir(join(work, `.leftovers.tmp-${running}`));
    expect((await drive('write', dir, B)).code).toBe(0);
    expect(leftovers(await snapshot(dir))).toEqual([`src/.a2.ts.sdkgen-tmp-${running}`]);
    expect((await readdir(work)).filter((name) => name.startsWith('.leftovers.'))).toEqual([
      `.leftovers.tmp-${running}`,
    ]);
  });

  test('a folder beside the output named like an old staging folder keeps whatever its manifest does not list (issue 19)', async () => {
    const dir = await packageA('beside');
    const ended = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid!));
    });
    // No manifest at all: the user's folder, whatever its name.
    const mine = join(work, `.beside.tmp-${ended}`);
    await mkdir(join(mine, 'notes'), { recursive: true });
    await writeFile(join(mine, 'notes/todo.txt'), 'mine\n');
    expect((await drive('write', dir, B)).code).toBe(0);
    expect(await readFile(join(mine, 'notes/todo.txt'), 'utf8')).toBe('mine\n');
    // A staging folder the user added to (and changed a listed file of): only the generator's unchanged files go.
    await writeOutput(mine, A.slice(0, 3), { force: true });
    await writeFile(join(mine, A[2]!.path), 'changed by hand\n');
    expect((await drive('write', dir, A)).code).toBe(0);
    expect(await snapshot(mine)).toEqual({ 'notes/todo.txt': 'mine\n', [A[2]!.path]: 'changed by hand\n' });
  });

  test('links named like temporary files are never written through, never removed, and do not make a folder empty (issue 19)', async () => {
    const outside = join(work, 'target.txt');
    await writeFile(outside, 'precious\n');
    const ended = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid!));
    });
    // This process writes (its pid is the "running" one); the other link carries an ended run's pid.
    const dir = await packageA('planted');
    const planted = [
      `.package.json.sdkgen-tmp-${process.pid}`,
      `.package.json.sdkgen-tmp-${ended}`,
      `.${MANIFEST}.sdkgen-tmp-${process.pid}`,
    ];
    for (const name of planted) await symlink(outside, join(dir, name));
    await writeOutput(dir, B);
    expect(await readFile(outside, 'utf8')).toBe('precious\n');
    expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe('{"name":"a","version":"2.0.0"}\n');
    expect((await lstat(join(dir, 'package.json'))).isFile()).toBe(true);
    for (const name of planted) expect((await lstat(join(dir, name))).isSymbolicLink(), name).toBe(true);

    // A folder holding nothing but such links is not empty: refused without --force.
    const fresh = join(work, 'only-links');
    await mkdir(fresh);
    await symlink(outside, join(fresh, `.README.md.sdkgen-tmp-${ended}`));
    const refused = await drive('write', fresh, A);
    expect(refused.stderr).toBe(
      `error: out: not empty and not written by the generator (no ${MANIFEST}); pass --force to write into it (files the SDK has are overwritten, nothing is deleted)\n`,
    );
    expect(await readFile(outside, 'utf8')).toBe('precious\n');
  });

  test('SIGTERM (and SIGINT) remove the temporary files before the process ends', async () => {
    for (const signal of ['SIGTERM', 'SIGINT']) {
      const dir = await packageA(`term-${signal}`);
      // Odd points fall between writing a temporary file and renaming it, when there is one to remove.
      const killed = await drive('write', dir, B, { kill: `9:${signal}` });
      expect(killed.signal).toBe(signal);
      const after = await snapshot(dir);
      expect(leftovers(after)).toEqual([]);
      for (const [path, text] of Object.entries(USER)) expect(after[path]).toBe(text);
    }
  });

  test("the formatter's scratch folder goes on SIGTERM; after a SIGKILL, a later run removes it once it is an hour old", async () => {
    const tmp = await mkdtemp(join(work, 'tmp-'));
    const code = files({ 'src/x.ts': 'export const x   =  1\n' });
    expect((await drive('format', '', code, { tmp, kill: '1:SIGTERM' })).signal).toBe('SIGTERM');
    expect(await readdir(tmp)).toEqual([]);
    expect((await drive('format', '', code, { tmp, kill: '1' })).signal).toBe('SIGKILL');
    const [left] = await readdir(tmp);
    expect(left).toMatch(/^sdkgen-format-\d+-/);
    // A recent one may belong to a process this one cannot see (another container sharing /tmp): it stays an hour.
    expect((await drive('format', '', code, { tmp })).code).toBe(0);
    expect(await readdir(tmp)).toEqual([left]);
    const hourAgo = new Date(Date.now() - 61 * 60 * 1000);
    await utimes(join(tmp, left!), hourAgo, hourAgo);
    expect((await drive('format', '', code, { tmp })).code).toBe(0);
    expect(await readdir(tmp)).toEqual([]);
  });
});

describe('the generate command', () => {
  const launcher = join(root, 'generator/run.mjs');
  const cli = (args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      execFile(process.execPath, [launcher, ...args], { cwd: work }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, signal: null, stdout, stderr }),
      );
    });
  const spec = (paths: string[]): string =>
    `openapi: 3.0.3\ninfo: {title: Pets, version: "1"}\nservers: [{url: "https://pets.example"}]\npaths:\n${paths
      .map(
        (path) =>
          `  /${path}:\n    get:\n      responses:\n        "200": {description: ok, content: {application/json: {schema: {type: object}}}}\n`,
      )
      .join('')}`;

  test('--out at an app folder: refused, nothing touched; --force writes the SDK beside it; the app survives regeneration and --check', async () => {
    await writeFile(join(work, 'v1.yaml'), spec(['pets', 'owners']));
    await writeFile(join(work, 'v2.yaml'), spec(['pets']));
    const app = join(work, 'app');
    await mkdir(join(app, '.git'), { recursive: true });
    await mkdir(join(app, 'src'));
    await writeFile(join(app, '.git/HEAD'), 'ref: refs/heads/main\n');
    await writeFile(join(app, '.env'), 'TOKEN=secret\n');
    await writeFile(join(app, 'src/app.ts'), 'console.log(1);\n');
    const before = await snapshot(app);

    const refused = await cli(['--spec', 'v1.yaml', '--out', 'app']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `error: app: not empty and not written by the generator (no ${MANIFEST}); pass --force to write into it (files the SDK has are overwritten, nothing is deleted)\n`,
    );
    expect(await snapshot(app)).toEqual(before);

    const forced = await cli(['--spec', 'v1.yaml', '--out', 'app', '--force']);
    expect(forced.stderr).toBe('');
    const written = await snapshot(app);
    expect(written).toMatchObject(before);
    expect(Object.keys(written)).toContain('src/resources/owners.ts');

    // What installing and building the package adds is the user's: kept, and not stale for --check.
    const user = {
      'package-lock.json': '{"lockfileVersion":3}\n',
      'node_modules/x/index.js': '1;\n',
      'dist/index.js': '1;\n',
    };
    for (const [path, text] of Object.entries(user)) {
      await mkdir(join(app, path, '..'), { recursive: true });
      await writeFile(join(app, path), text);
    }
    const second = await cli(['--spec', 'v2.yaml', '--out', 'app']);
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(/app: wrote \d+ files \(\d+ changed, [1-9]\d* removed\)/);
    const regenerated = await snapshot(app);
    expect(regenerated).toMatchObject({ ...before, ...user });
    expect(Object.keys(regenerated)).not.toContain('src/resources/owners.ts');
    expect(Object.keys(regenerated)).toContain('src/resources/pets.ts');
    const check = await cli(['--spec', 'v2.yaml', '--out', 'app', '--check']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    // Against v1, the owners files are missing and nothing of the app or its install counts as stale.
    const stale = await cli(['--spec', 'v1.yaml', '--out', 'app', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('differs: src/resources/owners.ts');
    expect(stale.stderr).not.toMatch(/package-lock|node_modules|dist\/|\.env|\.git|app\.ts/);
  }, 120_000);
});
