// Stream and byte bodies (#12 item 2) from the fixture SDK to a loopback server: binary bodies and multipart uploads
// from every source users have, streamed with `duplex: 'half'`, and replayed on a retry.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Files, { type Uploadable } from '../fixtures/features-sdk/src/index.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

const TEXT = 'line one\nline two\n';
let server: TestServer;
let dir: string;
let path: string;
let failNext = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdk-streams-'));
  path = join(dir, 'notes.txt');
  await writeFile(path, TEXT);
  server = await startServer((request, res) => {
    if (failNext > 0) {
      failNext--;
      return json(res, 503, { error: 'busy' });
    }
    if (request.url.startsWith('/uploads')) return json(res, 201, { id: 'raw', name: 'x' });
    return json(res, 201, { id: 'f1', name: 'x' });
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const client = () => new Files({ apiKey: 'k', baseURL: server.url, maxRetries: 1, logLevel: 'off' });
const encoder = new TextEncoder();
const halves = [TEXT.slice(0, 5), TEXT.slice(5)];

async function* generator(): AsyncGenerator<Uint8Array> {
  for (const half of halves) yield encoder.encode(half);
}

const sources: Array<[string, () => Uploadable]> = [
  [
    'a web ReadableStream',
    () => new ReadableStream({ start: (c) => (halves.forEach((half) => c.enqueue(encoder.encode(half))), c.close()) }),
  ],
  ['an async generator', () => generator()],
  ['an fs.ReadStream', () => createReadStream(path)],
  ['a Node Readable of strings', () => Readable.from(halves)],
  ['a Buffer', () => Buffer.from(TEXT)],
  ['a Uint8Array', () => encoder.encode(TEXT)],
  ['an ArrayBuffer', () => encoder.encode(TEXT).buffer as ArrayBuffer],
  ['a Blob', () => new Blob([TEXT])],
  ['a File', () => new File([TEXT], 'notes.txt')],
  ['a Response', () => new Response(TEXT)],
];

describe('binary bodies', () => {
  test.each(sources)('%s is sent as its bytes', async (_, source) => {
    await client().uploads.create(source(), { name: 'notes.txt' });
    const seen = server.requests.at(-1)!;
    expect(seen.body).toBe(TEXT);
    expect(seen.headers['content-type']).toBe('application/octet-stream');
  });

  test('an iterator of chunks is sent as its bytes, not as "[object Array Iterator]"', async () => {
    await client().uploads.create(halves.values() as unknown as Uploadable, { name: 'n' });
    expect(server.requests.at(-1)!.body).toBe(TEXT);
  });

  test('a streamed body is replayed when the first attempt is retried', async () => {
    failNext = 1;
    const before = server.requests.length;
    await client().uploads.create(createReadStream(path), { name: 'n' });
    const attempts = server.requests.slice(before);
    expect(attempts.map((request) => request.body)).toEqual([TEXT, TEXT]);
  });
});

describe('multipart uploads', () => {
  test.each(sources)('%s as a file field becomes a file part', async (_, source) => {
    await client().files.create({ file: source(), purpose: 'batch' });
    const seen = server.requests.at(-1)!;
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.body).toMatch(/name="file"; filename="[^"]+"/);
    expect(seen.body).toContain(TEXT);
    expect(seen.body).toContain('name="purpose"');
  });

  test('an fs.ReadStream keeps its file name', async () => {
    await client().files.create({ file: createReadStream(path), purpose: 'batch' });
    expect(server.requests.at(-1)!.body).toContain('filename="notes.txt"');
  });
});
