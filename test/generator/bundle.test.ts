// Small bundles (#15 item 2): a resource imported alone against the core client bundles without the other resources
// (no module has side effects, the package says `"sideEffects": false`); the full client creates resources lazily.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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
    for (const other of ['/oauth_grants', '/oauth/introspect', '/.well-known/oauth-authorization-server', 'class OAuthGrants', 'retrieveJwks']) expect(code).not.toContain(other);
  });

  test('the full client, for comparison, has them all', async () => {
    const code = await bundle(`import Telnyx from './generated/src/index.js';\nawait new Telnyx({ apiKey: 'k' }).oauthClients.list();`);
    expect(code).toContain('/oauth_grants');
  });

  test('the package declares no side effects', async () => {
    expect(JSON.parse(await readFile(`${root}/generated/package.json`, 'utf8')).sideEffects).toBe(false);
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
