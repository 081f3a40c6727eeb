// Call shapes an existing SDK's api.md fixes (`--surface`, issues #12 and #13): a binary body as an argument of its own
// (`update(key, body, { ...params })`, also the default), a route split by body content type (`post /documents?content-type=multipart`),
// and a params argument the spec does not declare, so that options passed after it still arrive. Generated, then called
// against a loopback server.
import { mkdtempSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GenerateResult, generate } from '../../generator/generate.js';
import { writeOutput } from '../../generator/write/write-output.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Outside the repository, in temporary folders (the package's node_modules links to the repository's).
const scratch = mkdtempSync(join(tmpdir(), 'sdkgen-surface-shapes-'));
const out = join(scratch, 'sdk');
const input = join(scratch, 'input');

const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const ok = {
  '200': {
    description: 'ok',
    content: { 'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' } } } } },
  },
};
const none = { '204': { description: 'stored' } };
const spec = {
  openapi: '3.1.0',
  info: { title: 'Store', version: '1' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/kvs/{id}/keys/{key}': {
      put: {
        operationId: 'PutKey',
        parameters: [
          id,
          { name: 'key', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'ttl_secs', in: 'query', schema: { type: 'integer' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        responses: none,
      },
    },
    '/documents': {
      post: {
        operationId: 'CreateDocument',
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', properties: { url: { type: 'string' } } } },
            'multipart/form-data': {
              schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
            },
          },
        },
        responses: ok,
      },
    },
    '/assistants/{id}/clone': { post: { operationId: 'CloneAssistant', parameters: [id], responses: ok } },
  },
};
const apiMd = [
  '# Keys',
  '- <code title="put /kvs/{id}/keys/{key}">client.kvs.keys.<a href="./src/resources/kvs/keys.ts">update</a>(key, body, { ...params }) -> void</code>',
  '# Documents',
  '- <code title="post /documents?content-type=multipart">client.documents.<a href="./src/resources/documents.ts">upload</a>({ ...params }) -> DocumentUploadResponse</code>',
  '- <code title="post /documents">client.documents.<a href="./src/resources/documents.ts">uploadJson</a>({ ...params }) -> DocumentUploadJsonResponse</code>',
  '# Assistants',
  '- <code title="post /assistants/{assistant_id}/clone">client.assistants.<a href="./src/resources/assistants.ts">clone</a>(assistantID, { ...params }) -> AssistantCloneResponse</code>',
  '',
].join('\n');

let surfaced: GenerateResult;
let inferred: GenerateResult;
let server: TestServer;
type Sdk = {
  kvs: { keys: { update(key: string, body: unknown, params: { id: string; ttl_secs?: number }): Promise<void> } };
  documents: {
    upload(params: { file?: unknown }): Promise<unknown>;
    uploadJson(params: { url?: string }): Promise<unknown>;
  };
  assistants: { clone(id: string, params?: Record<string, never>, options?: { path?: string }): Promise<unknown> };
};
let client: Sdk;

const file = (result: GenerateResult, path: string): string =>
  result.files.find((candidate) => candidate.path === path)!.text;

beforeAll(async () => {
  await mkdir(input, { recursive: true });
  await writeFile(join(input, 'spec.json'), JSON.stringify(spec));
  await writeFile(join(input, 'api.md'), apiMd);
  [surfaced, inferred] = await Promise.all([
    generate({ spec: join(input, 'spec.json'), surface: join(input, 'api.md'), cwd: root }),
    generate({ spec: join(input, 'spec.json'), cwd: root }),
  ]);
  // Its node_modules links to the repository's, so the SDK's sources resolve openapi-fetch from there.
  await writeOutput(out, surfaced.files, { force: true });
  await symlink(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  server = await startServer((request, response) =>
    request.url.startsWith('/kvs/')
      ? (response.writeHead(204), response.end())
      : json(response, 200, { ok: true, path: request.url }),
  );
  const { default: Store } = (await import(join(out, 'src/index.ts'))) as {
    default: new (options: { apiKey?: string; baseURL: string; maxRetries: number }) => Sdk;
  };
  client = new Store({ baseURL: server.url, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('a binary body api.md writes as an argument of its own', () => {
  test('is the argument after the path params, sent as the body; the params object keeps the parent id and the query', async () => {
    // An inline binary body is the runtime's Uploadable, by that name.
    expect(file(surfaced, 'src/resources/kvs/keys.ts')).toMatch(
      /update\(\s*key: string,\s*body: Uploadable,\s*params: KeyUpdateParams,/,
    );
    expect(file(surfaced, 'src/resources/kvs/keys.ts')).toContain(
      "import { binaryBody, type Uploadable } from '../../core/uploads.js';",
    );
    expect(file(surfaced, 'api.md')).toContain('update</a>(key, body, params) -> void');
    expect(file(surfaced, 'README.md')).toMatch(
      /Raw bytes \(a binary body[^\n]*\n\n```ts\nawait client\.kvs\.keys\.update\('[^']*', new File\(/,
    );
    await client.kvs.keys.update('k/1', new Uint8Array([1, 2, 3]), { id: 'ns', ttl_secs: 60 });
    const seen = server.requests.at(-1)!;
    expect([seen.method, seen.url, seen.headers['content-type'], seen.body]).toEqual([
      'PUT',
      '/kvs/ns/keys/k%2F1?ttl_secs=60',
      'application/octet-stream',
      '\u0001\u0002\u0003',
    ]);
  });

  test('without api.md too: the official SDKs take a binary body so', () => {
    expect(file(inferred, 'src/resources/kvs/keys.ts')).toMatch(
      /update\(\s*key: string,\s*body: [^,]+,\s*params: KeyUpdateParams,/,
    );
  });
});

describe('a route api.md splits by content type', () => {
  test('is one method per content type, each sending its own; api.md lists both lines as the existing one does', async () => {
    const docs = file(surfaced, 'api.md');
    expect(docs).toContain(
      '<code title="post /documents?content-type=multipart">client.documents.<a href="./src/resources/documents.ts">upload</a>',
    );
    expect(docs).toContain(
      '<code title="post /documents">client.documents.<a href="./src/resources/documents.ts">uploadJson</a>',
    );
    await client.documents.upload({ file: new File(['hello'], 'a.txt') });
    const multipart = server.requests.at(-1)!;
    expect(multipart.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart.body).toContain('filename="a.txt"');
    await client.documents.uploadJson({ url: 'https://example.com/a.pdf' });
    const jsonRequest = server.requests.at(-1)!;
    expect([jsonRequest.headers['content-type'], jsonRequest.body]).toEqual([
      'application/json',
      '{"url":"https://example.com/a.pdf"}',
    ]);
  });

  test('without api.md the route is one method', () => {
    const methods = file(inferred, 'src/resources/documents.ts').match(/^ {2}[a-z]\w*\(/gm);
    expect(methods).toHaveLength(1);
  });
});

describe('a params argument the spec does not declare', () => {
  test('is kept where api.md shows it, typed empty, so the request options after it apply', async () => {
    expect(file(surfaced, 'src/resources/assistants.ts')).toMatch(
      /clone\(id: string, query: AssistantCloneParams = \{\}, options\?: RequestOptions\)/,
    );
    expect(file(surfaced, 'src/resources/assistants.ts')).toContain(
      'export type AssistantCloneParams = Record<string, never>;',
    );
    await client.assistants.clone('a1', {}, { path: '/elsewhere' });
    expect(server.requests.at(-1)!.url).toBe('/elsewhere');
    await client.assistants.clone('a1');
    expect(server.requests.at(-1)!.url).toBe('/assistants/a1/clone');
    expect(file(inferred, 'src/resources/assistants.ts')).toMatch(/clone\(id: string, options\?: RequestOptions\)/);
  });
});

test('the generated SDK, its tests included, type-checks', async () => {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const result = await promisify(execFile)(process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(out, 'tsconfig.json'),
    '--noEmit',
  ]).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  expect(result).toBe('');
}, 120_000);
