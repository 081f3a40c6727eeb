// The generator as an API team gets it: `npm pack` of this repository, installed alone into a scratch project, then
// `npx sdkgen init && npx sdkgen generate` on the project's own spec and on a URL. Nothing of this repository is on
// the project's module path: the tarball's prebuilt bundle and its declared dependencies must be enough.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const features = join(root, 'test/fixtures/features.yaml');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          npm_config_update_notifier: 'false',
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let scratch: string;
let project: string;
let server: Server;
let specURL: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sdkgen-pack-'));
  const packed = await run('npm', ['pack', '--pack-destination', scratch, '--silent'], root);
  expect(packed.stderr).not.toMatch(/ERR!/);
  const tarball = (await readdir(scratch)).find((name) => name.endsWith('.tgz'))!;
  project = join(scratch, 'widgets-api');
  // A git root stops config discovery here, as it would in the team's repository.
  await mkdir(join(project, '.git'), { recursive: true });
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'widgets-api', private: true }, null, 2)}\n`,
  );
  await writeFile(join(project, 'openapi.yaml'), await readFile(features, 'utf8'));
  const installed = await run(
    'npm',
    ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', '--silent', join(scratch, tarball)],
    project,
  );
  expect(installed.stderr).not.toMatch(/ERR!/);

  server = createServer((request, response) => {
    if (request.url !== '/openapi.yaml') return void response.writeHead(404).end();
    void readFile(features, 'utf8').then((text) => response.end(text.replace('title:', 'title: Remote')));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  specURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.yaml`;
}, 300_000);

afterAll(async () => {
  server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the packed generator in a project of its own', () => {
  test('ships a prebuilt bundle and no sources, esbuild or tsx', async () => {
    const pkg = join(project, 'node_modules/openapi-sdkgen');
    expect(existsSync(join(pkg, 'generator/dist/cli.mjs'))).toBe(true);
    expect(existsSync(join(pkg, 'generator/cli/main.ts'))).toBe(false);
    expect(existsSync(join(pkg, 'tools'))).toBe(false);
    const manifest = JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('esbuild');
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    const version = await run('npx', ['--no-install', 'sdkgen', '--version'], project);
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  test('npx sdkgen init && npx sdkgen generate, then check', async () => {
    const init = await run('npx', ['--no-install', 'sdkgen', 'init'], project);
    expect(init.code).toBe(0);
    expect(JSON.parse(await readFile(join(project, 'package.json'), 'utf8')).scripts).toEqual({
      generate: 'sdkgen generate',
    });
    // The schema the config points editors at is the installed package's.
    const config = await readFile(join(project, 'sdkgen.config.yaml'), 'utf8');
    expect(config).toContain('$schema: "./node_modules/openapi-sdkgen/generator/sdkgen.config.schema.json"');
    expect(existsSync(join(project, 'node_modules/openapi-sdkgen/generator/sdkgen.config.schema.json'))).toBe(true);

    const generated = await run('npx', ['--no-install', 'sdkgen', 'generate'], project);
    // The config it found is named: a config can be code that runs.
    expect(generated.stderr).toBe('using config sdkgen.config.yaml\n');
    expect(generated.stdout).toMatch(/^generated: wrote \d+ files/);
    expect(await readFile(join(project, 'generated/src/client.ts'), 'utf8')).toContain(
      '// Generated from openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.',
    );
    const pkg = JSON.parse(await readFile(join(project, 'generated/package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      engines: Record<string, string>;
    };
    expect(pkg.devDependencies).toHaveProperty('vitest');
    expect(pkg.devDependencies).not.toHaveProperty('@stoplight/prism-cli');
    expect(pkg.engines).toEqual({ node: '>=20' });
    expect(await run('npm', ['run', '--silent', 'generate', '--', '--check'], project)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^generated is up to date/),
    });
  }, 120_000);

  test('sdkgen.config.ts: defineConfig from the installed package', async () => {
    const sub = join(project, 'ts-config');
    await mkdir(sub);
    await writeFile(
      join(sub, 'sdkgen.config.ts'),
      "import { defineConfig } from 'openapi-sdkgen';\n\nexport default defineConfig({ input: '../openapi.yaml', clientName: 'Widgets' });\n",
    );
    const script =
      "import { findConfig, loadConfig } from 'openapi-sdkgen'; console.log(JSON.stringify(await loadConfig(findConfig(process.cwd()))));";
    const loaded = await run(process.execPath, ['--input-type=module', '-e', script], sub);
    expect(loaded.stderr).toBe('');
    expect(JSON.parse(loaded.stdout)).toEqual({ input: '../openapi.yaml', clientName: 'Widgets' });
  });

  test('a spec at a URL, from the command line', async () => {
    const generated = await run(
      'npx',
      ['--no-install', 'sdkgen', 'generate', specURL, '-o', 'from-url', '--no-config'],
      project,
    );
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    expect(await readFile(join(project, 'from-url/src/client.ts'), 'utf8')).toContain(
      `// Generated from ${specURL} by the SDK generator.`,
    );
  }, 120_000);
});
