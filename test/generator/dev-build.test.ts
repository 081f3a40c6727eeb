// The development bundle (generator/run.mjs -> build.mjs): the same output from any working directory, rebuilt only
// when a source changed, and old builds removed only when no run can still be loading them.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const buildScript = join(root, 'generator/build.mjs');
let scratch: string;

/** Builds into `dir` from a child process started in `cwd`; returns the entry URL devEntry gave. */
async function buildFrom(cwd: string, dir: string): Promise<string> {
  const script = `const { devEntry } = await import(${JSON.stringify(`file://${buildScript}`)}); process.stdout.write(await devEntry(${JSON.stringify(`${dir}/`)}));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd });
  return stdout;
}

async function contents(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.mjs')).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)),
  );
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sdkgen-dev-build-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the development bundle', () => {
  test('two builds started from different folders write the same files', async () => {
    const fromRoot = await buildFrom(root, join(scratch, 'a'));
    const fromElsewhere = await buildFrom(scratch, join(scratch, 'b'));
    expect(fromRoot.slice(fromRoot.lastIndexOf('/'))).toBe(fromElsewhere.slice(fromElsewhere.lastIndexOf('/')));
    const [a, b] = [await contents(join(scratch, 'a')), await contents(join(scratch, 'b'))];
    expect(Object.keys(a).length).toBeGreaterThan(2);
    expect(b).toEqual(a);
  }, 60_000);

  test('rebuilds only when an input changed, and keeps the files a recent build needs', async () => {
    const dir = join(scratch, 'c');
    const entry = await buildFrom(root, dir);
    const record = JSON.parse(await readFile(join(dir, 'current.json'), 'utf8')) as {
      inputs: Record<string, string>;
      files: string[];
      entry: string;
    };
    expect(Object.keys(record.inputs)).toContain('generator/cli/main.ts');
    expect(entry.endsWith(`/${record.entry}`)).toBe(true);

    // Unchanged sources: nothing is written (a build would rewrite the record).
    await writeFile(join(dir, 'current.json'), JSON.stringify(record));
    await buildFrom(root, dir);
    expect(await readFile(join(dir, 'current.json'), 'utf8')).toBe(JSON.stringify(record));

    // A recorded input whose content differs: rebuilt, and the record is right again.
    const stale = { ...record, inputs: { ...record.inputs, 'generator/cli/main.ts': '0'.repeat(64) } };
    await writeFile(join(dir, 'current.json'), JSON.stringify(stale));
    await buildFrom(root, dir);
    expect(JSON.parse(await readFile(join(dir, 'current.json'), 'utf8'))).toEqual(record);

    // Files of another build: kept while that build was used within a day, removed once it was not (at the next build).
    const old = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await writeFile(join(dir, 'cli-OLDBUILD.mjs'), '');
    await writeFile(join(dir, 'chunk-OLDCHUNK.mjs'), '');
    await writeFile(
      join(dir, 'cli-OLDBUILD.mjs.json'),
      JSON.stringify({ files: ['cli-OLDBUILD.mjs', 'chunk-OLDCHUNK.mjs'], entry: 'cli-OLDBUILD.mjs' }),
    );
    for (const name of ['cli-OLDBUILD.mjs', 'chunk-OLDCHUNK.mjs']) await utimes(join(dir, name), old, old);
    await writeFile(join(dir, 'current.json'), JSON.stringify(stale));
    await buildFrom(root, dir);
    expect(await readdir(dir)).toEqual(
      expect.arrayContaining(['cli-OLDBUILD.mjs', 'chunk-OLDCHUNK.mjs', ...record.files]),
    );

    await utimes(join(dir, 'cli-OLDBUILD.mjs.json'), old, old);
    await writeFile(join(dir, 'current.json'), JSON.stringify(stale));
    await buildFrom(root, dir);
    const left = await readdir(dir);
    expect(left).not.toContain('cli-OLDBUILD.mjs');
    expect(left).not.toContain('chunk-OLDCHUNK.mjs');
    expect(left).toEqual(expect.arrayContaining(record.files));
  }, 60_000);
});
