// The generated package as a consumer gets it: built, packed, installed from the tarball into a fresh project,
// the docs snippet compiled with `tsc --strict` and run against Prism.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const SNIPPET = `import Telnyx from 'telnyx';
const client = new Telnyx({ apiKey: process.env['TELNYX_API_KEY'] }); // the default, may be omitted
const oauthClient = await client.oauthClients.create({
  allowed_grant_types: ['client_credentials'], allowed_scopes: ['admin'], client_type: 'public', name: 'My OAuth client',
});
console.log(oauthClient.data);
`;

const TYPED = `import Telnyx, { type OAuthClient, type OAuthClientCreateParams, NotFoundError } from 'telnyx';
const client = new Telnyx();
const params: OAuthClientCreateParams = { allowed_grant_types: ['client_credentials'], allowed_scopes: ['admin'], client_type: 'public', name: 'n' };
const created = await client.oauthClients.create(params);
const data: OAuthClient | undefined = created.data;
const recordType: 'oauth_client' | undefined = data?.record_type;
const secret: string | null | undefined = data?.client_secret;
const gone: void = await client.oauthClients.delete('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e');
console.log(JSON.stringify({ recordType, secret: secret !== undefined, gone: gone === undefined, notFound: typeof NotFoundError }));
`;

const MISUSE = `import Telnyx from 'telnyx';
const client = new Telnyx();
await client.oauthClients.create({
  allowed_grant_types: ['client_credentials'], allowed_scopes: ['admin'], client_type: 'secret', name: 'My OAuth client',
});
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    outDir: 'out',
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
  },
  include: ['src'],
};

let project: string;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'sdk-consumer-'));
  // The package as its maintainers have it: a copy with its own compiler (TypeScript 7, the root's `typescript-7`)
  // and its dependency installed. `npm pack` runs its prepack script, which builds dist/ (ESM and CommonJS).
  const pkg = join(project, 'pkg');
  await cp(join(root, 'generated'), pkg, {
    recursive: true,
    filter: (source) => !/[\\/](dist|node_modules)$/.test(source),
  });
  await mkdir(join(pkg, 'node_modules'));
  await symlink(join(root, 'node_modules/typescript-7'), join(pkg, 'node_modules/typescript'), 'dir');
  await symlink(join(root, 'node_modules/openapi-fetch'), join(pkg, 'node_modules/openapi-fetch'), 'dir');
  await symlink(join(root, 'node_modules/esbuild'), join(pkg, 'node_modules/esbuild'), 'dir');
  // The MCP entry's optional peer and Node's types, which only it uses, for the package's own build.
  await symlink(
    join(root, 'node_modules/@modelcontextprotocol'),
    join(pkg, 'node_modules/@modelcontextprotocol'),
    'dir',
  );
  await mkdir(join(pkg, 'node_modules/@types'));
  await symlink(join(root, 'node_modules/@types/node'), join(pkg, 'node_modules/@types/node'), 'dir');
  await run('npm', ['pack', '--pack-destination', project, '--silent'], { cwd: pkg });
  const tarball = (await readdir(project)).find((name) => name.endsWith('.tgz'))!;
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund', '--silent'], {
    cwd: project,
  });
  // A project that uses the MCP entry installs its optional peer.
  await symlink(
    join(root, 'node_modules/@modelcontextprotocol'),
    join(project, 'node_modules/@modelcontextprotocol'),
    'dir',
  );
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));
}, 240_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

async function compile(files: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  await rm(join(project, 'src'), { recursive: true, force: true });
  await rm(join(project, 'out'), { recursive: true, force: true });
  await mkdir(join(project, 'src'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(project, 'src', name), text);
  try {
    const { stdout } = await run(process.execPath, [tsc, '-p', project], { cwd: project });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

function runNode(file: string): Promise<{ stdout: string }> {
  return run(process.execPath, [file], {
    cwd: project,
    env: { ...process.env, TELNYX_API_KEY: 'test-key', TELNYX_BASE_URL: inject('TEST_API_BASE_URL') },
  });
}

// Each compile is a full tsc run; on a loaded machine (CI shares its cores) one can take longer than the default 30 s.
describe('the generated package, installed from its tarball', { timeout: 120_000 }, () => {
  test('the docs snippet compiles under --strict and prints the created client', async () => {
    const compiled = await compile({ 'index.ts': SNIPPET });
    expect(compiled.output).toBe('');
    expect(compiled.ok).toBe(true);
    const { stdout } = await runNode('out/index.js');
    expect(stdout).toContain("record_type: 'oauth_client'");
    expect(stdout).toContain('client_id:');
  });

  test('responses are typed: record_type is a literal, client_secret nullable, delete resolves to void', async () => {
    const compiled = await compile({ 'typed.ts': TYPED });
    expect(compiled.output).toBe('');
    const { stdout } = await runNode('out/typed.js');
    expect(JSON.parse(stdout)).toEqual({ recordType: 'oauth_client', secret: true, gone: true, notFound: 'function' });
  });

  test('a wrong client_type does not compile', async () => {
    const compiled = await compile({ 'misuse.ts': MISUSE });
    expect(compiled.ok).toBe(false);
    expect(compiled.output).toMatch(
      /misuse\.ts\(4,\d+\): error TS2322: Type '"secret"' is not assignable to type '"public" \| "confidential"'/,
    );
  });

  test('every TypeScript block of the generated README compiles under --strict', async () => {
    const readme = await readFile(join(root, 'generated/README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks.length).toBeGreaterThan(8);
    const files: Record<string, string> = {};
    blocks.forEach((block, index) => {
      // Each block is its own module; blocks that use `client` without making one get it from this prelude.
      const prelude = [
        ...(block.includes('import Telnyx') ? [] : ["import Telnyx from 'telnyx';"]),
        ...(block.includes('const client') ? [] : ['const client = new Telnyx();']),
      ];
      files[`readme-${index}.ts`] = `${prelude.join('\n')}\n${block}\nexport {};\n`;
    });
    const compiled = await compile(files);
    expect(compiled.output).toBe('');
    expect(compiled.ok).toBe(true);
  });

  test('Node loads the client and its resources from one bundled file per format, the runtime beside it', async () => {
    const required = await run(
      process.execPath,
      ['-e', `require('telnyx'); console.log(JSON.stringify(Object.keys(require.cache)))`],
      { cwd: project },
    );
    const files = (JSON.parse(required.stdout) as string[]).map((file) =>
      file
        .split(sep)
        .join('/')
        .replace(/^.*\/node_modules\/telnyx\//, ''),
    );
    expect(files).toEqual(
      expect.arrayContaining(['dist/cjs/index.js', 'dist/cjs/bundle.js', 'dist/cjs/core/base-client.js']),
    );
    expect(files.filter((file) => /^dist\/cjs\/(resources\/|client\.js|models\.js)/.test(file))).toEqual([]);
    const imported = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `console.log(import.meta.resolve('telnyx'), import.meta.resolve('telnyx/resources/oauth-clients'))`,
      ],
      { cwd: project },
    );
    expect(
      imported.stdout
        .trim()
        .split(' ')
        .map((url) => url.replace(/^.*node_modules\/telnyx\//, '')),
    ).toEqual(['dist/esm/index.node.js', 'dist/esm/resources/oauth-clients.node.js']);
  });

  test('CommonJS consumers can require the package: the class itself, .default, .Telnyx, and its statics', async () => {
    const script = `const Telnyx = require('telnyx');
      const client = new Telnyx({ apiKey: 'k' });
      const { OAuthClients } = require('telnyx/resources/oauth-clients');
      console.log(JSON.stringify({
        baseURL: client.baseURL, instance: client instanceof Telnyx, default: Telnyx.default === Telnyx, named: Telnyx.Telnyx === Telnyx,
        notFound: new Telnyx.NotFoundError(404, {}, new Headers()) instanceof Telnyx.APIError,
        toFile: typeof Telnyx.toFile, resource: Telnyx.OAuthClients === OAuthClients,
      }));`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      baseURL: 'https://api.telnyx.com/v2',
      instance: true,
      default: true,
      named: true,
      notFound: true,
      // The named export: require() gives the class with the package's named exports on it.
      toFile: 'function',
      resource: true,
    });
  });

  test('static members, types as a namespace and subpath imports, as the official SDK has them', async () => {
    const compiled = await compile({
      'statics.ts': `import Telnyx, { toFile } from 'telnyx';
import { OAuthClients } from 'telnyx/resources/oauth-clients';
import { APIPromise } from 'telnyx/core/api-promise';
const params: Telnyx.OAuthClientCreateParams = { allowed_grant_types: ['client_credentials'], allowed_scopes: ['admin'], client_type: 'public', name: 'n' };
const client = new Telnyx();
const created: Telnyx.OAuthClients.OAuthClientCreateResponse = await client.oauthClients.create(params);
const data: Telnyx.OAuthClients.OAuthClient | undefined = created.data;
const resource: OAuthClients = client.oauthClients;
const promise = resource.retrieve('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e');
const missing = await client.oauthClients.retrieve('00000000-0000-0000-0000-000000000000', { headers: { Prefer: 'code=404' } }).catch((error: unknown) => error);
console.log(JSON.stringify({
  id: typeof data?.client_id, promise: promise instanceof APIPromise, notFound: missing instanceof Telnyx.NotFoundError,
  apiError: missing instanceof Telnyx.APIError, sameClass: Telnyx.OAuthClients === OAuthClients, toFile: (await toFile(Buffer.from('x'), 'a.txt')).name,
}));
`,
    });
    expect(compiled.output).toBe('');
    const { stdout } = await runNode('out/statics.js');
    expect(JSON.parse(stdout)).toEqual({
      id: 'string',
      promise: true,
      notFound: true,
      apiError: true,
      sameClass: true,
      toFile: 'a.txt',
    });
  });
});
