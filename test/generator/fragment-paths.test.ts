// A path key with a #fragment (Box's `/files/{id}#add_shared_link`, EC2's `/#Action=RunInstances`) names an operation
// of its own in the spec; on the wire the fragment is never sent, and the request's query must still arrive.

import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type GeneratedSdk, generateSdk } from '../support/generated-sdk.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

const folder = mkdtempSync(join(tmpdir(), 'sdkgen-fragment-spec-'));
const ok = {
  '200': {
    description: 'ok',
    content: { 'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' } } } } },
  },
};
const spec = {
  openapi: '3.0.3',
  info: { title: 'Files', version: '1' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/files/{id}': {
      put: {
        operationId: 'UpdateFile',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: ok,
      },
    },
    '/files/{id}#add_shared_link': {
      put: {
        operationId: 'AddSharedLink',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'fields', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: ok,
      },
    },
  },
};

let sdk: GeneratedSdk;
let server: TestServer;
beforeAll(async () => {
  await writeFile(join(folder, 'spec.json'), JSON.stringify(spec));
  sdk = await generateSdk(join(folder, 'spec.json'), '.fragment-sdk');
  server = await startServer((_request, response) => json(response, 200, { ok: true }));
}, 120_000);
afterAll(async () => {
  await server?.close();
  await sdk?.remove();
});

test('the request goes to the path before the fragment, with its query', async () => {
  const methods = sdk.result.model.resources.flatMap((resource) =>
    resource.methods.map((method) => [method.name, method.path]),
  );
  expect(methods).toHaveLength(2);
  const { default: Files } = (await import(join(sdk.dir, 'src/index.ts'))) as {
    default: new (options: object) => { files: Record<string, (...args: unknown[]) => Promise<unknown>> };
  };
  const client = new Files({ baseURL: server.url, maxRetries: 0 });
  const shared = methods.find(([, path]) => path?.includes('#'))![0]!;
  await client.files[shared]!('f1', { fields: 'shared_link' });
  expect([server.requests.at(-1)!.method, server.requests.at(-1)!.url]).toEqual([
    'PUT',
    '/files/f1?fields=shared_link',
  ]);
}, 60_000);
