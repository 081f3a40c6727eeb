// CommonJS and ESM types of a packed generated SDK, on every resolution profile: attw (node10, node16 from CommonJS and
// from ESM, bundler) finds no problem, and what `require` returns is typed as a constructable client for
// `import X = require('pkg')` in a .cts file and for `require` in checked JavaScript (node16 and node10 resolution).
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
// The golden SDK of test/fixtures/features.yaml: API-key auth, uploads, pages, a client other than Telnyx's.
const SDK = join(root, 'test/fixtures/features-sdk');
const COMPILERS = {
  'tsc 5': join(root, 'node_modules/typescript/bin/tsc'),
  'tsc 7': join(root, 'node_modules/typescript-7/bin/tsc'),
};

let dir: string;
let tarball: string;
let name: string;
let client: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdk-module-types-'));
  const pkg = join(dir, 'pkg');
  await cp(SDK, pkg, { recursive: true, filter: (source) => !/[\\/](dist|node_modules)$/.test(source) });
  await mkdir(join(pkg, 'node_modules'));
  // The build's compiler and bundler, the runtime dependency, and the MCP entry's optional peer and Node's types.
  await mkdir(join(pkg, 'node_modules/@types'));
  for (const [link, target] of [
    ['typescript', 'typescript-7'],
    ['openapi-fetch', 'openapi-fetch'],
    ['esbuild', 'esbuild'],
    ['@modelcontextprotocol', '@modelcontextprotocol'],
    ['@types/node', '@types/node'],
  ]) {
    await symlink(join(root, 'node_modules', target!), join(pkg, 'node_modules', link!), 'dir');
  }
  // `npm pack` runs prepack (scripts/build.mjs): the tarball holds what the registry would.
  await run('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: pkg });
  tarball = join(dir, (await readdir(dir)).find((file) => file.endsWith('.tgz'))!);
  name = (JSON.parse(await readFile(join(SDK, 'package.json'), 'utf8')) as { name: string }).name;
  client = /export \{\s*(\w+) as default\b/.exec(await readFile(join(SDK, 'src/index.ts'), 'utf8'))![1]!;
  // A consumer with the tarball unpacked as npm would install it, and its dependency beside it.
  const consumer = join(dir, 'consumer');
  await mkdir(join(consumer, 'node_modules', name), { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', join(consumer, 'node_modules', name), '--strip-components', '1']);
  await symlink(join(root, 'node_modules/openapi-fetch'), join(consumer, 'node_modules/openapi-fetch'), 'dir');
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

describe('the packed SDK', { timeout: 120_000 }, () => {
  test('attw finds no problem on node10, node16 (CommonJS and ESM) and bundler', async () => {
    const attw = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    const result = await run(process.execPath, [attw, tarball, '--format', 'json'], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(result.stdout) as {
      analysis: { problems: AttwProblem[]; entrypoints: Record<string, { resolutions: Record<string, unknown> }> };
    };
    expect(
      report.analysis.problems.map(
        (problem) => `${problem.kind} ${problem.entrypoint ?? ''} ${problem.resolutionKind ?? ''}`,
      ),
    ).toEqual([]);
    // Every profile was checked for the main entry.
    expect(Object.keys(report.analysis.entrypoints['.']!.resolutions).sort()).toEqual([
      'bundler',
      'node10',
      'node16-cjs',
      'node16-esm',
    ]);
  });

  const cts = (): string => `import ${client} = require('${name}');
import { APIError, type ClientOptions } from '${name}';
const options: ClientOptions = { apiKey: 'k' };
const client = new ${client}(options);
const error: ${client}.APIError | undefined = undefined;
const same: typeof APIError = ${client}.APIError;
// 'default' is the class at run time (the entry copies it onto the class), and typed as the class.
const viaDefault: ${client} = new ${client}.default(options);
console.log(client.baseURL, error, same, viaDefault);
`;
  const js = (): string => `const ${client} = require('${name}');
const client = new ${client}({ apiKey: 'k' });
/** @type {${client}.ClientOptions} */
const options = { maxRetries: 1 };
console.log(client.baseURL, options, new ${client}.APIError(500, {}, new Headers()) instanceof Error);
console.log(new ${client}.default({ apiKey: 'k' }).baseURL);
`;
  // A default import of the CommonJS entry compiles to `require('pkg').default`: without esModuleInterop (node10), it
  // type-checks only where the declarations have `default` (TS1259 otherwise).
  const defaultImport = (): string => `import ${client} from '${name}';
const client: ${client} = new ${client}({ apiKey: 'k' });
console.log(client.baseURL);
`;
  const profiles = {
    node16: { module: 'NodeNext', moduleResolution: 'NodeNext' },
    node10: { module: 'CommonJS', moduleResolution: 'Node10', ignoreDeprecations: '5.0' },
  };

  for (const [compiler, tsc] of Object.entries(COMPILERS)) {
    for (const [profile, resolution] of Object.entries(profiles)) {
      // TypeScript 7 has no node10 resolution.
      if (compiler === 'tsc 7' && profile === 'node10') continue;
      test(`${compiler}, ${profile}: import X = require() in a .cts file and require() in checked JavaScript give a constructable client`, async () => {
        const consumer = join(dir, 'consumer');
        const files =
          profile === 'node16'
            ? { 'a.cts': cts(), 'b.js': js(), 'c.ts': defaultImport() }
            : { 'b.js': js(), 'c.ts': defaultImport() };
        for (const [file, text] of Object.entries(files)) await writeFile(join(consumer, file), text);
        const config = {
          compilerOptions: {
            ...resolution,
            target: 'ES2022',
            lib: ['ES2022', 'DOM'],
            strict: true,
            noEmit: true,
            allowJs: true,
            checkJs: true,
            types: [],
          },
          files: Object.keys(files),
        };
        await writeFile(join(consumer, 'tsconfig.json'), JSON.stringify(config));
        const result = await run(process.execPath, [tsc, '-p', consumer], { cwd: consumer }).then(
          ({ stdout }) => stdout,
          (error: { stdout?: string }) => error.stdout ?? String(error),
        );
        expect(result).toBe('');
        // And Node agrees: what `require` returns is the class.
        const { stdout } = await run(
          process.execPath,
          ['-e', `const C = require('${name}'); console.log(typeof C, new C({ apiKey: 'k' }) instanceof C)`],
          { cwd: consumer },
        );
        expect(stdout.trim()).toBe('function true');
        const { stdout: viaDefault } = await run(
          process.execPath,
          ['-e', `const C = require('${name}'); console.log(C.default === C)`],
          { cwd: consumer },
        );
        expect(viaDefault.trim()).toBe('true');
      });
    }
  }
});
