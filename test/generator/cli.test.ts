// `sdkgen` (and `npm run generate`, which runs it) as users run it: exit codes, messages, and what it leaves on disk.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

function cli(
  args: string[],
  cwd = root,
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [launcher, ...args],
      { cwd, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
    child.stdin!.end(options.input ?? '');
  });
}

/** A small spec: one resource, one method, a string member named `email`. */
const WIDGETS = `openapi: 3.0.0
info: {title: Widgets API, version: "1"}
servers: [{url: "https://api.widgets.test"}]
paths:
  /widgets:
    post:
      operationId: createWidget
      requestBody:
        required: true
        content: {application/json: {schema: {type: object, required: [owner_email, name], properties: {owner_email: {type: string}, name: {type: string}}}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
`;

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
    const { files } = await generate({
      spec: 'test/fixtures/features.yaml',
      config: 'test/fixtures/features.config.yaml',
      cwd: root,
    });
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
    expect(
      (await cli(['--spec', 'spec/openapi.yaml', '--config', 'spec/sdk.config.yaml', '--out', out, '--check'])).code,
    ).toBe(0);

    await writeFile(join(out, 'src/client.ts'), '// edited by hand\n');
    // A file the generator did not write is the user's: not stale (see write-safety.test.ts).
    await writeFile(join(out, 'stray.ts'), '');
    const check = await cli([
      '--spec',
      'spec/openapi.yaml',
      '--config',
      'spec/sdk.config.yaml',
      '--out',
      out,
      '--check',
    ]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('differs: src/client.ts');
    expect(check.stderr).not.toContain('stray.ts');
  }, 120_000);

  test('without a config, names come from the spec', async () => {
    const out = join(dir, 'inferred');
    // This repository's spec/sdk.config.yaml would be found from its root: --no-config leaves it out.
    const result = await cli(['--spec', 'spec/openapi.yaml', '--out', out, '--no-config']);
    expect(result.code).toBe(0);
    const pkg = JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('telnyx-oauth-subset');
    expect(await readFile(join(out, 'src/client.ts'), 'utf8')).toContain(
      'export class TelnyxOAuthSubset extends TelnyxOAuthSubsetCore',
    );
  });

  test.each([
    ['a missing spec', 'missing.yaml', undefined, /^error: missing\.yaml: file not found\n$/],
    [
      'a spec that is not YAML',
      'bad.yaml',
      'openapi: 3.1.0\ninfo:\n  title: a\n version: 1\n',
      /^error: bad\.yaml:4:1: not valid YAML or JSON: /,
    ],
    [
      'a document that is not OpenAPI',
      'notoas.yaml',
      'hello: world\n',
      /^error: notoas\.yaml:1:1 \(#\): not an OpenAPI 3\.0 or 3\.1 document/,
    ],
    [
      'a broken $ref',
      'ref.yaml',
      'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/components/responses/Nope"}\n',
      /^error: ref\.yaml:7:23 \(#\/paths\/~1a\/get\/responses\/200\/\$ref\): \$ref "#\/components\/responses\/Nope" does not resolve/,
    ],
  ])('%s: one clear message, no stack trace, output untouched', async (_, name, text, expected) => {
    const out = join(dir, `untouched-${name}`);
    await cp(join(root, 'generated'), out, {
      recursive: true,
      filter: (source) => !source.includes('node_modules') && !source.includes('/dist'),
    });
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
    const result = await cli(
      ['--spec', join(root, 'spec/openapi.yaml'), '--config', 'bad.config.yaml', '--out', join(dir, 'x')],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: bad.config.yaml:1:13 (#/clientName): "lower" is not valid: a PascalCase identifier, like Telnyx\n',
    );
  });

  // `script` gives the command a terminal; without one (the test above) stderr stays empty.
  test.skipIf(!existsSync('/usr/bin/script'))(
    'on a terminal, each phase shows on one status line that is cleared at the end',
    async () => {
      const command = [
        process.execPath,
        launcher,
        '--spec',
        'spec/openapi.yaml',
        '--config',
        'spec/sdk.config.yaml',
        '--out',
        join(dir, 'tty'),
      ].join(' ');
      const { stdout } = await promisify(execFile)('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: root });
      expect(stdout).toContain('\r\x1b[Kloading spec/openapi.yaml...');
      expect(stdout).toMatch(/\r\x1b\[Kemitting 17 methods\.\.\.\r\x1b\[Kformatting \d+ files/);
      expect(stdout).toMatch(/\r\x1b\[K\S*tty: wrote \d+ files/);
    },
    60_000,
  );
});

describe('usage', () => {
  test('--version, --help, and help per command', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['generate', 'check', 'diff', 'init'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    const generateHelp = await cli(['generate', '--help']);
    expect(generateHelp.stdout).toMatch(/^Usage: sdkgen generate \[spec\] \[options\]/);
    // The flags other parts of the generator act on are there to pass through.
    for (const flag of ['-i, --input', '-o, --output', '-c, --config', '--watch', '--force', '--allow-refs'])
      expect(generateHelp.stdout).toContain(flag);
    expect((await cli(['diff', '-h'])).stdout).toMatch(/^Usage: sdkgen diff --base/);
    expect((await cli(['help', 'init'])).stdout).toMatch(/^Usage: sdkgen init/);
  });

  test.each([
    ['an unknown command', ['genrate'], /^error: unknown command "genrate"; did you mean `sdkgen generate`\?\n/],
    [
      'an unknown flag',
      ['generate', '--ouput', 'x'],
      /^error: unknown option --ouput for `sdkgen generate`; did you mean --output\?\n\(`sdkgen generate --help` shows the options\)\n$/,
    ],
    [
      'an unknown flag, no command',
      ['--chek'],
      /^error: unknown option --chek for `sdkgen generate`; did you mean --check\?/,
    ],
    ['a flag without its value', ['generate', '-o'], /^error: -o needs a value \(<dir>\)/],
    ['a boolean flag given a value', ['check', '--no-config=yes'], /^error: --no-config takes no value/],
    ['two specs', ['generate', 'a.yaml', 'b.yaml'], /^error: unexpected argument "b\.yaml"/],
    [
      'a spec and --input',
      ['generate', 'a.yaml', '-i', 'b.yaml', '--no-config'],
      /^error: the spec is given twice: as an argument and as --input\n/,
    ],
    ['diff without --base', ['diff'], /^error: --base is required/],
    [
      '--watch with --check',
      ['generate', '--watch', '--check', '-i', 'x.yaml', '--no-config'],
      /^error: --watch and --check do not go together/,
    ],
  ])('%s: exit 2 and one message', async (_, args, message) => {
    const result = await cli(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  test('no spec and no config says how to name one', async () => {
    const empty = join(dir, 'empty');
    await mkdir(join(empty, '.git'), { recursive: true });
    const result = await cli(['generate'], empty);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: no spec: give one \(`sdkgen generate openapi\.yaml`\), or run `sdkgen init`/,
    );
  });
});

describe('where the spec comes from', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/openapi.yaml') return void response.end(WIDGETS);
      if (request.url === '/hang') return; // never answers
      if (request.url === '/huge') return void response.end('x'.repeat(10_000));
      response.statusCode = 404;
      response.end('not here');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  test('a URL, fetched; paths relative to the working directory; the banner names the URL', async () => {
    const result = await cli(['generate', `${base}/openapi.yaml`, '-o', 'from-url', '--no-config'], dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^from-url: wrote \d+ files/);
    const client = await readFile(join(dir, 'from-url/src/client.ts'), 'utf8');
    expect(client).toContain(
      `// Generated from ${base}/openapi.yaml by the SDK generator. Do not edit: change the source and run \`npx sdkgen generate\`.`,
    );
    // README examples use values that fit the member's name.
    expect(await readFile(join(dir, 'from-url/README.md'), 'utf8')).toContain("owner_email: 'user@example.com'");
  });

  test.each([
    ['a 404', '/nope', {}, /^error: http:\/\/127\.0\.0\.1:\d+\/nope: could not be fetched: HTTP 404 Not Found\n$/],
    [
      'a server that never answers',
      '/hang',
      { SDKGEN_FETCH_TIMEOUT_MS: '300' },
      /^error: http:\/\/127\.0\.0\.1:\d+\/hang: could not be fetched within 300 ms/,
    ],
    [
      'a body over the size limit',
      '/huge',
      { SDKGEN_MAX_SPEC_BYTES: '1000' },
      /^error: http:\/\/127\.0\.0\.1:\d+\/huge: is larger than 1000 bytes/,
    ],
  ])('%s: exit 1, one line', async (_, path, env, message) => {
    const result = await cli(['generate', '-i', `${base}${path}`, '-o', 'never', '--no-config'], dir, { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  test('stdin, as -', async () => {
    const result = await cli(['generate', '-', '--output', 'from-stdin', '--no-config'], dir, { input: WIDGETS });
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'from-stdin/src/client.ts'), 'utf8')).toContain(
      '// Generated from <stdin> by the SDK generator.',
    );
    const refs = await cli(['generate', '-', '-o', 'never', '--no-config'], dir, {
      input: WIDGETS.replace('{type: object, properties: {id: {type: string}}}', '{$ref: "./widget.yaml"}'),
    });
    expect(refs.code).toBe(1);
    expect(refs.stderr).toMatch(
      /^error: <stdin>.*: refers to other files \(\$ref\), which are not followed for a spec read from a URL or stdin/,
    );
  });
});

describe('a project of its own: init, generate, check', () => {
  test('init writes a commented config and a generate script; generate and check then need no arguments', async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, '.git'), { recursive: true });
    await mkdir(join(project, 'api'));
    await writeFile(join(project, 'api/openapi.yaml'), WIDGETS);
    await writeFile(join(project, 'package.json'), '{\n    "name": "widgets-repo",\n    "private": true\n}\n');

    const init = await cli(['init'], project);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('wrote sdkgen.config.yaml (input: api/openapi.yaml, output: generated)');
    expect(await readFile(join(project, 'package.json'), 'utf8')).toBe(
      '{\n    "name": "widgets-repo",\n    "private": true,\n    "scripts": {\n        "generate": "sdkgen generate"\n    }\n}\n',
    );
    const config = await readFile(join(project, 'sdkgen.config.yaml'), 'utf8');
    expect(config).toMatch(/^# yaml-language-server: \$schema=\S+\/generator\/sdkgen\.config\.schema\.json\n/);
    expect(config).toContain('input: "api/openapi.yaml"');
    expect((await cli(['init'], project)).stderr).toBe(
      'error: sdkgen.config.yaml: already exists (`sdkgen init --force` replaces it)\n',
    );

    // From a subfolder: the config is found upward, and its paths are relative to it.
    const generated = await cli(['generate'], join(project, 'api'));
    expect(generated.stderr).toBe('using config ../sdkgen.config.yaml\n');
    expect(generated.stdout).toMatch(/^\.\.\/generated: wrote \d+ files/);
    expect(await readFile(join(project, 'generated/src/client.ts'), 'utf8')).toContain(
      'Do not edit: change the source and run `npm run generate`.',
    );
    expect(await cli(['check'], project)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^generated is up to date/),
    });

    await writeFile(join(project, 'api/openapi.yaml'), WIDGETS.replace('title: Widgets API', 'title: Gadgets API'));
    const stale = await cli(['check'], project);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /^using config sdkgen\.config\.yaml\ngenerated is out of date with api\/openapi\.yaml; run `npm run generate`:\n {2}differs: /,
    );

    await writeFile(join(project, 'sdkgen.config.yaml'), `${config}package:\n  verison: 1.0.0\n`);
    const typo = await cli(['generate'], project);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(
      /^error: sdkgen\.config\.yaml:\d+:12 \(#\/package\/verison\): unknown setting "verison" in package; did you mean "version"\?\n$/,
    );
  }, 120_000);

  test('--watch regenerates on a change to the spec or a file it refers to, one status line per run', async () => {
    const project = join(dir, 'watched');
    await mkdir(join(project, 'spec/schemas'), { recursive: true });
    // A node_modules beside the spec is not watched (a spec at a project's root must not watch every package).
    await mkdir(join(project, 'spec/node_modules/some-package'), { recursive: true });
    await writeFile(
      join(project, 'spec/openapi.yaml'),
      WIDGETS.replace('{type: object, properties: {id: {type: string}}}', '{$ref: "./schemas/widget.yaml"}'),
    );
    await writeFile(join(project, 'spec/schemas/widget.yaml'), 'type: object\nproperties:\n  id: {type: string}\n');
    const child = spawn(
      process.execPath,
      [launcher, 'generate', 'spec/openapi.yaml', '-o', 'out', '--no-config', '--watch'],
      { cwd: project },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = (count: number): Promise<string[]> =>
      new Promise((done) => {
        const check = (): void => {
          const all = stdout.split('\n').filter(Boolean);
          if (all.length >= count) {
            child.stdout.off('data', check);
            done(all);
          }
        };
        child.stdout.on('data', check);
        check();
      });
    const run = /^\[\d\d:\d\d:\d\d\] out: wrote \d+ files \([1-9]\d* changed, 0 removed\)\.$/;
    expect((await lines(1))[0]).toMatch(run);
    // The watch starts after the first run: changes from here on are seen.
    await new Promise<void>((done) => {
      const check = (): void => void (stderr.includes('watching') ? done() : setTimeout(check, 50));
      check();
    });
    expect(stderr).toContain('watching spec, spec/schemas (Ctrl+C to stop)');
    await writeFile(
      join(project, 'spec/openapi.yaml'),
      (await readFile(join(project, 'spec/openapi.yaml'), 'utf8')).replace(
        'operationId: createWidget',
        'operationId: createWidget\n      summary: Makes a widget',
      ),
    );
    expect((await lines(2))[1]).toMatch(run);
    expect(await readFile(join(project, 'out/src/resources/widgets.ts'), 'utf8')).toContain('Makes a widget');
    await writeFile(
      join(project, 'spec/schemas/widget.yaml'),
      'type: object\nproperties:\n  id: {type: string, description: The widget id}\n',
    );
    expect((await lines(3))[2]).toMatch(run);
    expect(await readFile(join(project, 'out/src/internal/openapi.ts'), 'utf8')).toContain('The widget id');
    const exit = new Promise<number | null>((done) => child.once('exit', done));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  }, 120_000);
});

describe('sdkgen diff', () => {
  test("the working tree's spec (from the config) against a file", async () => {
    const result = await cli(['diff', '--base', 'spec/openapi.yaml']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## SDK change report');
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
