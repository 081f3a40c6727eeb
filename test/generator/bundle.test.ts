// Small bundles (#15 item 2): a resource imported alone against the core client bundles without the other resources
// (no module has side effects, the package says `"sideEffects": false`); the full client creates resources lazily.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import Telnyx from '../../generated/src/index.js';
import { OAuthClients } from '../../generated/src/resources/oauth-clients.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('bundles', () => {
  test('one resource with the core client leaves the other resources out', async () => {
    const code = await bundle(`import { TelnyxCore } from './generated/src/core-client.js';
import { OAuthClients } from './generated/src/resources/oauth-clients.js';
await new OAuthClients(new TelnyxCore({ apiKey: 'k' })).list();`);
    expect(code).toContain('/oauth_clients');
    for (const other of [
      '/oauth_grants',
      '/oauth/introspect',
      '/.well-known/oauth-authorization-server',
      'class OAuthGrants',
      'retrieveJwks',
    ])
      expect(code).not.toContain(other);
  });

  test("a call goes through openapi-fetch's client, and takes none of its path-based client", async () => {
    const code = await bundle(
      `import Telnyx from './generated/src/index.js';\nawait new Telnyx({ apiKey: 'k' }).oauthClients.create({ name: 'n' } as never);`,
    );
    expect(code).toContain('function createClient');
    for (const unused of ['function wrapAsPathBasedClient', 'function createPathBasedClient', 'PathCallForwarder'])
      expect(code).not.toContain(unused);
  });

  // What only some operations need (body encoders, the event-stream reader, params in other styles, pagination
  // schemes, the client-credentials flow) is imported by the resource modules and clients that use it.
  const features = (resource: string, className: string, call: string) =>
    bundle(`import { FilesCore } from './test/fixtures/features-sdk/src/core-client.js';
import { ${className} } from './test/fixtures/features-sdk/src/resources/${resource}.js';
await new ${className}(new FilesCore({ apiKey: 'k' })).${call};`);
  const OPTIONAL = {
    multipart: 'function multipartBody(',
    binary: 'function binaryBody(',
    form: 'function toFormUrlEncoded(',
    events: 'Stream = class',
    styles: 'function pathValue(',
    cursor: 'nextCursorPage = ',
    linkHeader: 'function parseLinkHeader(',
    offset: 'nextOffsetPage = ',
    tokenSource: 'ClientCredentialsTokenSource = class',
    schemeKeys: 'function missingSchemeKey(',
    multipartIfFiles: 'function carriesFile(',
    environments: 'function withEnvironment(',
  };
  const present = (code: string) =>
    Object.entries(OPTIONAL)
      .filter(([, marker]) => code.includes(marker))
      .map(([name]) => name);

  test('a JSON call of the OAuth SDK bundles its page scheme and token flow, none of the optional rest', async () => {
    const code = await bundle(`import { TelnyxCore } from './generated/src/core-client.js';
import { OAuthClients } from './generated/src/resources/oauth-clients.js';
await new OAuthClients(new TelnyxCore({ apiKey: 'k' })).create({ name: 'n' } as never);`);
    expect(code).toContain('nextPageNumber = ');
    expect(present(code)).toEqual(['tokenSource']);
  });

  test('the operations that need an encoder, a reader, styles or a page scheme bring it', async () => {
    expect(present(await features('accounts', 'Accounts', `create({} as never)`))).toEqual([]);
    expect(present(await features('files', 'FilesResource', `upload({} as never)`))).toEqual(['multipart', 'cursor']);
    expect(present(await features('uploads', 'Uploads', `create({} as never)`))).toEqual(['binary']);
    expect(present(await features('events', 'Events', `stream()`))).toEqual(['events']);
    expect(present(await features('search', 'Search', `retrieve('f')`))).toEqual(['styles']);
  });

  test('the client carries toFile as a static only where an operation takes a file', async () => {
    const oauth = await bundle(
      `import Telnyx from './generated/src/index.js';\nawait new Telnyx({ apiKey: 'k' }).oauthClients.create({ name: 'n' } as never);`,
    );
    expect(oauth).not.toContain('async function toFile(');
    const files = await bundle(
      `import Files from './test/fixtures/features-sdk/src/index.js';\nawait new Files({ apiKey: 'k' }).accounts.create({} as never);`,
    );
    expect(files).toContain('async function toFile(');
  });

  test('the full client, for comparison, has them all', async () => {
    const code = await bundle(
      `import Telnyx from './generated/src/index.js';\nawait new Telnyx({ apiKey: 'k' }).oauthClients.list();`,
    );
    expect(code).toContain('/oauth_grants');
  });

  test('the package declares no side effects', async () => {
    expect(JSON.parse(await readFile(`${root}/generated/package.json`, 'utf8')).sideEffects).toBe(false);
  });
});

describe('modules without side effects', () => {
  // Each module alone, its package's `"sideEffects": false` overruled: what a bundler keeps of an import that uses
  // nothing is what the module does when loaded. client.ts alone gives its resource classes to the class's namespace
  // (`Telnyx.OAuthClients = OAuthClients`), the official SDKs' pattern: only the package's flag lets that go.
  const src = join(root, 'generated/src');
  const everyModuleHasEffects = {
    name: 'every-module-has-effects',
    setup(b: import('esbuild').PluginBuild) {
      b.onResolve({ filter: /^\./ }, (args) =>
        args.kind === 'entry-point'
          ? undefined
          : { path: join(args.resolveDir, args.path.replace(/\.js$/, '.ts')), sideEffects: true },
      );
    },
  };

  test('importing any module but the client for nothing keeps nothing', async () => {
    // The MCP entry (mcp/) is a Node program of its own, reached only through its subpath: left out here.
    const modules = (await readdir(src, { recursive: true })).filter(
      (file) => file.endsWith('.ts') && !['client.ts', 'index.ts'].includes(file) && !file.startsWith('mcp/'),
    );
    expect(modules).toEqual(
      expect.arrayContaining([
        'core-client.ts',
        'core/base-client.ts',
        'internal/openapi-fetch.ts',
        'resources/oauth-clients.ts',
      ]),
    );
    const kept: Record<string, string> = {};
    for (const file of modules) {
      const result = await build({
        stdin: { contents: `import './${file.replace(/\.ts$/, '.js')}';`, resolveDir: src, loader: 'ts' },
        bundle: true,
        minify: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        logLevel: 'silent',
        plugins: [everyModuleHasEffects],
      });
      const code = result.outputFiles[0]!.text.trim();
      if (code) kept[file] = code.slice(0, 200);
    }
    expect(kept).toEqual({});
  });

  test('the whole package, with its flag, imported for nothing keeps nothing', async () => {
    expect(await bundle(`import './generated/src/index.js';\nimport './generated/src/core-client.js';`)).toBe('');
  });
});

describe('lazy resources', () => {
  test('resources are getters on the prototype, made once on first use', () => {
    expect(typeof Object.getOwnPropertyDescriptor(Telnyx.prototype, 'oauthClients')?.get).toBe('function');
    const client = new Telnyx({ apiKey: 'k' });
    expect(Object.keys(client)).not.toContain('oauthClients');
    expect(client.oauthClients).toBeInstanceOf(OAuthClients);
    expect(client.oauthClients).toBe(client.oauthClients);
  });
});
