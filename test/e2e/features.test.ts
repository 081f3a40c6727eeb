// The golden fixture SDK (test/fixtures/features-sdk) against a loopback server: what Prism cannot show.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Files, { type Logger, Stream, toFile } from '../fixtures/features-sdk/src/index.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, res) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"type":"start","n":1}\n\n');
      setTimeout(() => res.end('event: update\ndata: {"type":"tick","n":2}\n\ndata: [DONE]\n\n'), 20);
      return;
    }
    if (url.pathname.startsWith('/downloads/')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void res.end(Buffer.from([0, 1, 2, 253, 254, 255]));
    }
    if (url.pathname === '/files' && request.method === 'GET') {
      const cursor = url.searchParams.get('cursor');
      return cursor === null
        ? json(res, 200, {
            data: [
              { id: 'f1', name: 'a' },
              { id: 'f2', name: 'b' },
            ],
            next_cursor: 'c2',
          })
        : json(res, 200, { data: [{ id: 'f3', name: 'c' }], next_cursor: null });
    }
    if (url.pathname === '/files' && request.method === 'POST') return json(res, 201, { id: 'f9', name: 'upload.txt' });
    if (url.pathname === '/uploads') return json(res, 201, { id: 'raw', name: url.searchParams.get('name') });
    if (url.pathname === '/accounts') return json(res, 201, { email: 'e' });
    if (url.pathname.startsWith('/search/')) return json(res, 200, { data: [] });
    if (url.pathname.startsWith('/folders/')) return json(res, 200, { id: 'f1', name: 'a' });
    return json(res, 404, {});
  });
});
afterAll(() => server.close());

const client = (extra: Record<string, unknown> = {}) =>
  new Files({ apiKey: 'files-key', baseURL: server.url, ...extra });

describe('the fixture SDK', () => {
  test('a nested resource takes its parent id from the params object; an array body goes as { body }; renamed fields keep their wire names', async () => {
    await client().folders.files.retrieve('file 1', { folder_id: 'fold/1', include: 'metadata' });
    expect(server.requests.at(-1)!.url).toBe('/folders/fold%2F1/files/file%201?include=metadata');
    await client().folders.files.replace('file_1', { folder_id: 'fold_1', body: ['red', 'blue'] });
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual(['red', 'blue']);
    await client().folders.files.update('file_1', { folder_id: 'fold_1', timeout_seconds: 30, name: 'n' });
    const seen = server.requests.at(-1)!;
    expect([seen.method, seen.url]).toEqual(['PATCH', '/folders/fold_1/files/file_1']);
    expect(JSON.parse(seen.body)).toEqual({ Timeout: 30, name: 'n' });
  });

  test('query params go out in the style the spec gives each: nested deepObject, pipe-delimited, non-exploded form', async () => {
    await client().search.retrieve('folder', {
      filter: { name: { contains: 'a&b' }, size: { gt: 10 } },
      ids: ['f1', 'f2'],
      fields: ['id', 'bytes'],
    });
    const seen = server.requests.at(-1)!;
    expect(seen.url).toBe('/search/folder?filter[name][contains]=a%26b&filter[size][gt]=10&ids=f1|f2&fields=id,bytes');
  });

  test('the API key goes in the header the spec names; POSTs carry an idempotency key', async () => {
    await client().files.create({
      file: await toFile(Buffer.from('hello'), 'hello.txt', { type: 'text/plain' }),
      purpose: 'batch',
      tags: ['x', 'y'],
    });
    const seen = server.requests.at(-1)!;
    expect(seen.headers['x-api-key']).toBe('files-key');
    expect(seen.headers['authorization']).toBeUndefined();
    expect(seen.headers['idempotency-key']).toMatch(/^sdk-/);
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.body).toContain('filename="hello.txt"');
    expect(seen.body).toContain('Content-Type: text/plain');
    expect(seen.body).toContain('hello');
    expect(seen.body).toContain('name="tags[]"');
  });

  test('an octet-stream body goes out as bytes, with its query param beside it', async () => {
    const result = await client().uploads.create(new Blob([new Uint8Array([9, 8, 7])]), { name: 'raw.bin' });
    expect(result).toEqual({ id: 'raw', name: 'raw.bin' });
    const seen = server.requests.at(-1)!;
    expect(seen.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.from(seen.body, 'latin1')).toEqual(Buffer.from([9, 8, 7]));
  });

  test('a binary download resolves to a Blob, asked for with its own Accept', async () => {
    const blob = await client().downloads.retrieve('f1');
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0, 1, 2, 253, 254, 255]);
    expect(server.requests.at(-1)!.headers['accept']).toBe('application/octet-stream');
  });

  test('a text/event-stream response is a Stream of parsed events', async () => {
    const stream = await client().events.stream();
    expect(stream).toBeInstanceOf(Stream);
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events).toEqual([
      { type: 'start', n: 1 },
      { type: 'tick', n: 2 },
    ]);
    expect(server.requests.at(-1)!.headers['accept']).toBe('text/event-stream');
  });

  test('cursor pagination inferred from cursor/next_cursor walks every page', async () => {
    const ids: string[] = [];
    for await (const file of client().files.list({ limit: 2 })) ids.push(file.id);
    expect(ids).toEqual(['f1', 'f2', 'f3']);
    expect(server.requests.at(-1)!.url).toBe('/files?limit=2&cursor=c2');
  });

  test('writeOnly fields from the spec are masked in logs; operations with security: [] send no key', async () => {
    const lines: string[] = [];
    const keep = (message: string, ...rest: unknown[]) =>
      void lines.push([message, ...rest.map((item) => JSON.stringify(item))].join(' '));
    const logger: Logger = { error: keep, warn: keep, info: keep, debug: keep };
    await client({ logLevel: 'debug', logger }).accounts.create({ email: 'a@b.c', pin: '987654' });
    expect(lines.join('\n')).toContain('\\"pin\\":\\"***\\"');
    expect(lines.join('\n')).not.toContain('987654');
    expect(server.requests.at(-1)!.headers['x-api-key']).toBeUndefined();
  });
});
