// `npm run generate` as users run it: exit codes, messages, and what it leaves on disk.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../generator/generate.js';
import { diffOutput } from '../../generator/write/write-output.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// What `npm run generate` runs: the launcher that bundles the generator and runs the bundle.
const launcher = join(root, 'generator/run.mjs');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = root): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [launcher, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generated/ is what the spec gives', () => {
  test('generating afresh gives exactly the committed generated/ folder', async () => {
    const { files } = await generate({ spec: 'spec/openapi.yaml', config: 'spec/sdk.config.yaml', cwd: root });
    const diff = await diffOutput(join(root, 'generated'), files);
    expect(diff).toEqual({ changed: [], stale: [] });
  });

  test('the golden fixture SDK is what test/fixtures/features.yaml gives', async () => {
    const { files } = await generate({ spec: 'test/fixtures/features.yaml', config: 'test/fixtures/features.config.yaml', cwd: root });
    expect(await diffOutput(join(root, 'test/fixtures/features-sdk'), files)).toEqual({ changed: [], stale: [] });
  });

  test('two runs give byte-identical output', async () => {
    const first = await generate({ spec: 'spec/openapi.yaml', config: 'spec/sdk.config.yaml', cwd: root });
    const second = await generate({ spec: 'spec/openapi.yaml', config: 'spec/sdk.config.yaml', cwd: root });
    expect(second.files).toEqual(first.files);
  });
});

describe('the generate command', () => {
  test('writes a package, then rewrites nothing on a re-run; --check agrees', async () => {
    const out = join(dir, 'sdk');
    const first = await cli(['--spec', 'spec/openapi.yaml', '--config', 'spec/sdk.config.yaml', '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const before = (await stat(join(out, 'src/client.ts'))).mtimeMs;
    const second = await cli(['--spec', 'spec/openapi.yaml', '--config', 'spec/sdk.config.yaml', '--out', out]);
    expect(second.stdout).toMatch(/up to date, \d+ files, nothing written/);
    expect((await stat(join(out, 'src/client.ts'))).mtimeMs).toBe(before);
    expect((await cli(['--spec', 'spec/openapi.yaml', '--config', 'spec/sdk.config.yaml', '--out', out, '--check'])).code).toBe(0);

    await writeFile(join(out, 'src/client.ts'), '// edited by hand\n');
    await writeFile(join(out, 'stray.ts'), '');
    const check = await cli(['--spec', 'spec/openapi.yaml', '--config', 'spec/sdk.config.yaml', '--out', out, '--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('differs: src/client.ts');
    expect(check.stderr).toContain('not generated: stray.ts');
  }, 120_000);

  test('without a config, names come from the spec', async () => {
    const out = join(dir, 'inferred');
    const result = await cli(['--spec', 'spec/openapi.yaml', '--out', out]);
    expect(result.code).toBe(0);
    const pkg = JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('telnyx-oauth-subset');
    expect(await readFile(join(out, 'src/client.ts'), 'utf8')).toContain('export class TelnyxOAuthSubset extends TelnyxOAuthSubsetCore');
  });

  test.each([
    ['a missing spec', 'missing.yaml', undefined, /^error: missing\.yaml: file not found\n$/],
    ['a spec that is not YAML', 'bad.yaml', 'openapi: 3.1.0\ninfo:\n  title: a\n version: 1\n', /^error: bad\.yaml:4:1: not valid YAML or JSON: /],
    ['a document that is not OpenAPI', 'notoas.yaml', 'hello: world\n', /^error: notoas\.yaml:1:1 \(#\): not an OpenAPI 3\.0 or 3\.1 document/],
    ['a broken $ref', 'ref.yaml', 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/components/responses/Nope"}\n', /^error: ref\.yaml:7:23 \(#\/paths\/~1a\/get\/responses\/200\/\$ref\): \$ref "#\/components\/responses\/Nope" does not resolve/],
  ])('%s: one clear message, no stack trace, output untouched', async (_, name, text, expected) => {
    const out = join(dir, `untouched-${name}`);
    await cp(join(root, 'generated'), out, { recursive: true, filter: (source) => !source.includes('node_modules') && !source.includes('/dist') });
    const before = await snapshot(out);
    if (text !== undefined) await writeFile(join(dir, name), text);
    const result = await cli(['--spec', name, '--out', out], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await snapshot(out)).toEqual(before);
    expect((await readdir(dir)).filter((entry) => entry.includes('.tmp-'))).toEqual([]);
  });

  test('a bad config is an error with its location', async () => {
    await writeFile(join(dir, 'bad.config.yaml'), 'clientName: lower\n');
    const result = await cli(['--spec', join(root, 'spec/openapi.yaml'), '--config', 'bad.config.yaml', '--out', join(dir, 'x')], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: bad.config.yaml:1:13 (#/clientName): "lower" is not valid: a PascalCase identifier, like Telnyx\n');
  });

  // `script` gives the command a terminal; without one (the test above) stderr stays empty.
  test.skipIf(!existsSync('/usr/bin/script'))('on a terminal, each phase shows on one status line that is cleared at the end', async () => {
    const command = [process.execPath, launcher, '--spec', 'spec/openapi.yaml', '--config', 'spec/sdk.config.yaml', '--out', join(dir, 'tty')].join(' ');
    const { stdout } = await promisify(execFile)('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: root });
    expect(stdout).toContain('\r\x1b[Kloading spec/openapi.yaml...');
    expect(stdout).toMatch(/\r\x1b\[Kemitting 17 methods\.\.\.\r\x1b\[Kformatting \d+ files/);
    expect(stdout).toMatch(/\r\x1b\[K\S*tty: wrote \d+ files/);
  }, 60_000);

  test('unknown flags print the usage', async () => {
    const result = await cli(['--nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run generate');
  });
});

async function snapshot(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[path.slice(folder.length)] = await readFile(path, 'utf8');
    }
  }
  return out;
}
