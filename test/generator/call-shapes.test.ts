// Types and calls right for any spec (#21 item 2): synthetic specs, each generated into a package whose sources and
// generated tests must type-check, plus the shapes that make them do so.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { type GeneratedSdk, generateSdk } from '../support/generated-sdk.js';
import { json, startServer } from '../support/http-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const made: GeneratedSdk[] = [];
afterAll(() => Promise.all(made.map((sdk) => sdk.remove())));

/** A generated package, and a way to add a file to it (a call as a user writes it, type-checked with the rest). */
async function sdkOf(
  spec: string,
  folder: string,
): Promise<GeneratedSdk & { write(path: string, text: string): Promise<void> }> {
  const sdk = await generateSdk(`test/fixtures/call-shapes/${spec}`, folder);
  made.push(sdk);
  return Object.assign(sdk, { write: (path: string, text: string) => writeFile(join(sdk.dir, path), text) });
}

describe('parent ids and positional bodies (regressions)', () => {
  test('an optional binary body never precedes a required params argument; parent ids that cannot sit beside a map or a same-named body field are positional', async () => {
    const sdk = await sdkOf('parents.yaml', '.call-shapes-parents-sdk');
    // The optional binary body stays in the params, which a required query param makes required.
    expect(sdk.file('src/resources/sites/files.ts')).toMatch(
      /update\(fileID: string, params: FileUpdateParams, options\?: RequestOptions\)/,
    );
    // A map body (`additionalProperties: integer`) and a body field named like the parent id: both ids positional.
    expect(sdk.file('src/resources/sites/settings.ts')).toMatch(
      /update\(siteID: string, key: string, body: SettingUpdateParams = \{\}/,
    );
    expect(sdk.file('src/resources/sites/pages.ts')).toMatch(
      /update\(siteID: string, pageID: string, body: PageUpdateParams,/,
    );
    expect(sdk.file('src/resources/sites/pages.ts')).not.toMatch(/site_id: string \} &/);
    expect(await sdk.typecheck()).toBe('');
  }, 120_000);
});

describe('discriminated unions without a mapping', () => {
  test("where the options declare the property's value (one-value enum, const; oneOf and allOf), that value is its type", async () => {
    const sdk = await sdkOf('discriminators.yaml', '.call-shapes-discriminators-sdk');
    const types = sdk.file('src/internal/openapi.ts');
    expect(types).toMatch(/role: ['"]developer['"]/);
    expect(types).toMatch(/role: ['"]user['"]/);
    expect(types).toMatch(/kind: ['"]circle['"]/);
    expect(types).not.toMatch(/(role|kind)\??: ['"](DeveloperMessage|UserMessage|Circle)['"]/);
    // A message as the API documents it type-checks: the generated tests hold one, and so does this call.
    await sdk.write(
      'tests/discriminators.test.ts',
      `import Chat from '../src/index.js';
import type { Circle } from '../src/index.js';
const client = new Chat({ baseURL: 'http://localhost' });
export const call = () => client.messages.create({ message: { role: 'developer', content: 'be brief' } });
export const user = () => client.messages.create({ message: { role: 'user', content: 'hi' } });
export const circle: Circle = { kind: 'circle', radius: 1 };
`,
    );
    expect(await sdk.typecheck()).toBe('');
  }, 120_000);
});

describe('query names', () => {
  test("a bracketed list param (`include[]`) is `include`, sent as `include[]`; a path key's query (`/things?beta=true`) is a fixed param of its operation", async () => {
    const sdk = await sdkOf('query-names.yaml', '.call-shapes-query-sdk');
    const source = sdk.file('src/resources/things.ts');
    // The path and the method name are the path's, without its query.
    expect(source).toMatch(/method: 'post',\s+path: '\/things',\s+params,/);
    expect(source).toMatch(/\bcreate\(params: ThingCreateParams/);
    await sdk.write(
      'tests/query-names.test.ts',
      `import Things from '../src/index.js';
const client = new Things({ baseURL: 'http://localhost' });
export const list = () => client.things.list({ include: ['a', 'b'], limit: 2 });
export const create = () => client.things.create({ tags: ['x'], name: 'n', 'X-Trace': 't' });
// @ts-expect-error the bracketed name is not the SDK's
export const bracketed = () => client.things.list({ 'include[]': ['a'] });
`,
    );
    expect(await sdk.typecheck()).toBe('');

    const server = await startServer((_request, response) => json(response, 200, { ok: true }));
    try {
      const { default: Things } = (await import(join(sdk.dir, 'src/index.ts'))) as {
        default: new (options: object) => { things: Record<string, (params: object) => Promise<unknown>> };
      };
      const client = new Things({ baseURL: server.url, maxRetries: 0 });
      await client.things.list!({ include: ['a', 'b'], limit: 2 });
      await client.things.create!({ tags: ['x'], name: 'n' });
      const [list, create] = server.requests;
      expect(decodeURIComponent(list!.url)).toBe('/things?include[]=a&include[]=b&limit=2');
      expect(create!.method).toBe('POST');
      expect(decodeURIComponent(create!.url)).toBe('/things?tags[]=x&beta=true');
      expect(JSON.parse(create!.body)).toEqual({ name: 'n' });
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe("the client as the spec's code samples make it", () => {
  test('class, package and key option from `new Acme({ bearerToken: process.env[...] })`: read, sent, named in errors', async () => {
    const sdk = await sdkOf('sample-client.yaml', '.call-shapes-sample-client-sdk');
    expect(JSON.parse(sdk.file('package.json')).name).toBe('@acme/widgets');
    expect(sdk.file('src/core-client.ts')).toMatch(/bearerToken\?: string \| undefined;/);
    expect(sdk.file('src/core-client.ts')).not.toMatch(/apiKey\?:/);
    expect(sdk.file('README.md')).toContain("new Acme({ bearerToken: process.env['ACME_TOKEN'] })");
    await sdk.write(
      'tests/sample-client.test.ts',
      `import Acme from '../src/index.js';
export const client = new Acme({ bearerToken: 'My Bearer Token' });
export const token: string | undefined = client.bearerToken;
`,
    );
    expect(await sdk.typecheck()).toBe('');

    const server = await startServer((_request, response) => json(response, 200, { count: 1 }));
    const saved = process.env['ACME_TOKEN'];
    try {
      interface AcmeClient {
        bearerToken: string | undefined;
        widgets: { list(): Promise<unknown> };
        withOptions(options: object): AcmeClient;
      }
      const { default: Acme } = (await import(join(sdk.dir, 'src/index.ts'))) as {
        default: new (options?: object) => AcmeClient;
      };
      process.env['ACME_TOKEN'] = 'from-env';
      const fromEnv = new Acme({ baseURL: server.url, maxRetries: 0 });
      expect(fromEnv.bearerToken).toBe('from-env');
      await fromEnv.widgets.list();
      const given = new Acme({ baseURL: server.url, maxRetries: 0, bearerToken: 'given' });
      await given.withOptions({ timeout: 1000 }).widgets.list();
      expect(server.requests.map((request) => request.headers['authorization'])).toEqual([
        'Bearer from-env',
        'Bearer given',
      ]);
      delete process.env['ACME_TOKEN'];
      expect(() => new Acme({ baseURL: server.url })).toThrow(
        /The ACME_TOKEN environment variable is missing or empty; .* bearerToken option/,
      );
    } finally {
      if (saved === undefined) delete process.env['ACME_TOKEN'];
      else process.env['ACME_TOKEN'] = saved;
      await server.close();
    }
  }, 120_000);
});

describe('a body offered as multipart and as JSON', () => {
  test('either shape is accepted; a call with a file goes multipart, one without as JSON', async () => {
    const sdk = await sdkOf('multipart-or-json.yaml', '.call-shapes-multipart-sdk');
    await sdk.write(
      'tests/multipart-or-json.test.ts',
      `import Uploads, { toFile } from '../src/index.js';
const client = new Uploads({ baseURL: 'http://localhost' });
export const json = () => client.files.create({ purpose: 'fine-tune', url: 'https://example.com/a.jsonl' });
export const form = async () => client.files.create({ purpose: 'fine-tune', file: await toFile(new Uint8Array([1]), 'a.jsonl') });
export const bytes = () => client.files.create({ purpose: 'fine-tune', file: new Uint8Array([1]), dry_run: true });
// An API with an operation that takes a file carries toFile as a static too, as the official SDKs do.
export const viaStatic = () => Uploads.toFile(new Uint8Array([1]), 'b.jsonl');
`,
    );
    expect(await sdk.typecheck()).toBe('');

    const server = await startServer((_request, response) => json(response, 200, { id: 'file_1' }));
    try {
      const { default: Uploads } = (await import(join(sdk.dir, 'src/index.ts'))) as {
        default: new (options: object) => { files: { create(params: object): Promise<unknown> } };
      };
      const client = new Uploads({ baseURL: server.url, maxRetries: 0 });
      await client.files.create({ purpose: 'fine-tune', url: 'https://example.com/a.jsonl', dry_run: true });
      await client.files.create({ purpose: 'fine-tune', file: new Blob(['{"a":1}\n'], { type: 'application/jsonl' }) });
      const [sent, uploaded] = server.requests;
      expect(sent!.url).toBe('/files?dry_run=true');
      expect(sent!.headers['content-type']).toBe('application/json');
      expect(JSON.parse(sent!.body)).toEqual({ purpose: 'fine-tune', url: 'https://example.com/a.jsonl' });
      expect(uploaded!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(uploaded!.body).toMatch(/name="purpose"\r\n\r\nfine-tune\r\n/);
      expect(uploaded!.body).toMatch(
        /name="file"; filename="[^"]*"\r\nContent-Type: application\/jsonl\r\n\r\n\{"a":1\}\n\r\n/,
      );
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('two or more security schemes', () => {
  test('each scheme that carries a key is an option of its own, sent only where an operation names it; a missing one fails before sending', async () => {
    const sdk = await sdkOf('two-keys.yaml', '.call-shapes-keys-sdk');
    const core = sdk.file('src/core-client.ts');
    expect(core).toContain("Defaults to `process.env['KEYS_ADMIN_API_KEY']`");
    expect(core).toMatch(/adminAPIKey\?: string \| undefined;/);
    expect(core).toMatch(/partnerKey\?: string \| undefined;/);
    expect(core).not.toMatch(/legacy\w*\?: string/i);
    expect(await sdk.typecheck()).toBe('');

    const server = await startServer((_request, response) => json(response, 200, { ok: true }));
    type Keys = {
      models: { list(): Promise<unknown> };
      legacy: { models: { list(): Promise<unknown> } };
      organization: { users: { list(): Promise<unknown> } };
      partners: { reports: { list(): Promise<unknown> } };
    };
    try {
      const { default: Client } = (await import(join(sdk.dir, 'src/index.ts'))) as {
        default: new (options: object) => Keys;
      };
      const both = new Client({ apiKey: 'user-key', adminAPIKey: 'admin-key', baseURL: server.url, maxRetries: 0 });
      await both.models.list();
      await both.organization.users.list();
      await both.partners.reports.list();
      expect(
        server.requests.map((request) => [
          request.url,
          request.headers['authorization'],
          request.headers['x-partner-key'],
        ]),
      ).toEqual([
        ['/models', 'Bearer user-key', undefined],
        ['/organization/users', 'Bearer admin-key', undefined],
        ['/partners/reports', 'Bearer admin-key', undefined],
      ]);
      const userOnly = new Client({ apiKey: 'user-key', baseURL: server.url, maxRetries: 0 });
      // The usual scheme under another name takes the usual key.
      await userOnly.legacy.models.list();
      expect(server.requests.pop()!.headers['authorization']).toBe('Bearer user-key');
      await expect(userOnly.organization.users.list()).rejects.toThrow(
        'This operation needs adminAPIKey (or KEYS_ADMIN_API_KEY)',
      );
      await expect(userOnly.partners.reports.list()).rejects.toThrow(
        'needs partnerKey (or KEYS_PARTNER_KEY) or adminAPIKey (or KEYS_ADMIN_API_KEY)',
      );
      // Nothing was sent for either, and the user key went nowhere it was not named.
      expect(server.requests).toHaveLength(3);
      // A client with the admin key alone is a valid client.
      const adminOnly = new Client({ adminAPIKey: 'admin-key', baseURL: server.url, maxRetries: 0 });
      await adminOnly.organization.users.list();
      expect(server.requests[3]!.headers['authorization']).toBe('Bearer admin-key');
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('a Graph-shaped spec (item 7)', () => {
  test('its generated tests type-check: `@odata.type` discriminators down allOf chains, a union naming mapped options, JSON-content query params, a map body', async () => {
    const sdk = await sdkOf('graph-like.yaml', '.call-shapes-graph-sdk');
    const tests = sdk.file('tests/api-resources/users.test.ts');
    // A query param given by `content: application/json` is typed `string`: its example is the JSON text.
    expect(tests).toContain(`filterObject: '{"a":"example a"}'`);
    // The union without a mapping types its options by the values their base maps them to, not by schema names.
    expect(sdk.file('src/internal/openapi.ts')).not.toMatch(/'@odata\.type': 'microsoft\.graph\.(user|group)'/);
    expect(await sdk.typecheck()).toBe('');
  }, 120_000);
});
