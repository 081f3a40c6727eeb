import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { nextPage, type PaginationScheme, parseLinkHeader } from '../../templates/src/core/pagination.js';
import { Stream } from '../../templates/src/core/streaming.js';
import { toFile, toMultipartForm } from '../../templates/src/core/uploads.js';
import { applyAuth } from '../../templates/src/internal/auth.js';
import { createRedactor, redactBodyText } from '../../templates/src/internal/redact.js';
import { MAX_RETRY_AFTER_MS, retryDelayMs, shouldRetryResponse } from '../../templates/src/internal/retries.js';
import { rebaseURL } from '../../templates/src/internal/url.js';

describe('retry policy', () => {
  test('backoff is min(0.5 * 2^n, 8) s with up to 25% jitter', () => {
    const none = () => 0;
    const most = () => 1;
    expect([0, 1, 2, 3, 4, 5].map((n) => retryDelayMs(n, undefined, none))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(retryDelayMs(0, undefined, most)).toBe(375);
    expect(retryDelayMs(10, undefined, most)).toBe(6000);
  });

  test('server waits are honoured within 0..60 s, else ignored', () => {
    const now = () => Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelayMs(0, new Headers({ 'retry-after-ms': '250' }), () => 0, now)).toBe(250);
    expect(retryDelayMs(0, new Headers({ 'retry-after': '2' }), () => 0, now)).toBe(2000);
    expect(retryDelayMs(0, new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), () => 0, now)).toBe(3000);
    expect(retryDelayMs(0, new Headers({ 'retry-after': String(MAX_RETRY_AFTER_MS / 1000 + 1) }), () => 0, now)).toBe(
      500,
    );
    expect(retryDelayMs(0, new Headers({ 'retry-after': 'soon' }), () => 0, now)).toBe(500);
  });

  test('which responses are retried', () => {
    const status = (code: number, headers: Record<string, string> = {}) =>
      shouldRetryResponse(new Response(null, { status: code, headers }));
    expect([408, 409, 429, 500, 502, 503, 504].map((code) => status(code))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 422].map((code) => status(code))).toEqual([false, false, false, false, false]);
    expect(status(503, { 'x-should-retry': 'false' })).toBe(false);
    expect(status(400, { 'x-should-retry': 'true' })).toBe(true);
  });
});

describe('pagination schemes', () => {
  const none = new Headers();
  const data = [{ id: 'a' }, { id: 'b' }];
  test.each<[string, PaginationScheme, Record<string, unknown>, unknown, Headers, unknown]>([
    [
      'page number, more',
      {
        kind: 'page-number',
        items: ['data'],
        pageParam: 'page[number]',
        currentPage: ['meta', 'page_number'],
        totalPages: ['meta', 'total_pages'],
      },
      { 'page[size]': 2 },
      { data, meta: { page_number: 1, total_pages: 2 } },
      none,
      { query: { 'page[size]': 2, 'page[number]': 2 } },
    ],
    [
      'page number, last',
      {
        kind: 'page-number',
        items: ['data'],
        pageParam: 'page[number]',
        currentPage: ['meta', 'page_number'],
        totalPages: ['meta', 'total_pages'],
      },
      {},
      { data, meta: { page_number: 2, total_pages: 2 } },
      none,
      null,
    ],
    [
      'page number, no total: until empty',
      { kind: 'page-number', items: ['data'], pageParam: 'page' },
      { page: 4 },
      { data },
      none,
      { query: { page: 5 } },
    ],
    [
      'cursor',
      { kind: 'cursor', items: ['data'], cursorParam: 'page[after]', nextCursor: ['meta', 'cursors', 'after'] },
      {},
      { data, meta: { cursors: { after: 'c2' } } },
      none,
      { query: { 'page[after]': 'c2' } },
    ],
    [
      'cursor, none left',
      { kind: 'cursor', items: ['data'], cursorParam: 'cursor', nextCursor: ['next_cursor'] },
      {},
      { data, next_cursor: null },
      none,
      null,
    ],
    [
      'starting_after / has_more',
      { kind: 'cursor-id', items: ['data'], cursorParam: 'starting_after', hasMore: ['has_more'], idField: 'id' },
      { limit: 2 },
      { data, has_more: true },
      none,
      { query: { limit: 2, starting_after: 'b' } },
    ],
    [
      'has_more false',
      { kind: 'cursor-id', items: ['data'], cursorParam: 'starting_after', hasMore: ['has_more'], idField: 'id' },
      {},
      { data, has_more: false },
      none,
      null,
    ],
    [
      'next link in body',
      { kind: 'next-url', items: ['data'], nextURL: ['links', 'next'] },
      {},
      { data, links: { next: '/v2/things?page=2' } },
      none,
      { url: '/v2/things?page=2' },
    ],
    [
      'Link header',
      { kind: 'link-header', items: [] },
      {},
      data,
      new Headers({
        link: '<https://api.github.com/x?page=3>; rel="next", <https://api.github.com/x?page=9>; rel="last"',
      }),
      { url: 'https://api.github.com/x?page=3' },
    ],
    [
      'offset',
      { kind: 'offset', items: ['items'], offsetParam: 'offset', limitParam: 'limit', total: ['total'] },
      { offset: 0, limit: 2 },
      { items: data, total: 5 },
      none,
      { query: { offset: 2, limit: 2 } },
    ],
    [
      'offset, short page',
      { kind: 'offset', items: ['items'], offsetParam: 'offset', limitParam: 'limit' },
      { offset: 4, limit: 2 },
      { items: [{ id: 'e' }] },
      none,
      null,
    ],
  ])('%s', (_, scheme, query, body, headers, expected) => {
    expect(nextPage(scheme, query, body, headers)).toEqual(expected);
  });

  test('Link header parsing', () => {
    expect(parseLinkHeader('<a>; rel="prev first", <b>; rel=next')).toEqual({ prev: 'a', first: 'a', next: 'b' });
    expect(parseLinkHeader(null)).toEqual({});
  });
});

describe('uploads', () => {
  test('toFile accepts a Buffer, ArrayBuffer, string, Blob, Response, Node stream and web stream', async () => {
    const read = async (file: File) => [file.name, file.type, await file.text()];
    expect(await read(await toFile(Buffer.from('buf'), 'a.txt', { type: 'text/plain' }))).toEqual([
      'a.txt',
      'text/plain',
      'buf',
    ]);
    expect(await read(await toFile(new TextEncoder().encode('ab').buffer as ArrayBuffer, 'b.bin'))).toEqual([
      'b.bin',
      '',
      'ab',
    ]);
    expect(await read(await toFile('text', 'c.txt'))).toEqual(['c.txt', '', 'text']);
    expect(await read(await toFile(new Blob(['blob'], { type: 'image/png' }), 'd.png'))).toEqual([
      'd.png',
      'image/png',
      'blob',
    ]);
    expect(
      await read(await toFile(new Response('resp', { headers: { 'content-type': 'text/csv' } }), 'e.csv')),
    ).toEqual(['e.csv', 'text/csv', 'resp']);
    const nodeStream = Object.assign(Readable.from([Buffer.from('no'), Buffer.from('de')]), {
      path: '/tmp/dir/report.pdf',
    });
    expect(await read(await toFile(nodeStream))).toEqual(['report.pdf', '', 'node']);
    const webStream = new ReadableStream<Uint8Array>({
      start: (c) => (c.enqueue(new TextEncoder().encode('web')), c.close()),
    });
    expect(await read(await toFile(webStream, 'f'))).toEqual(['f', '', 'web']);
    await expect(toFile(42 as unknown as string)).rejects.toThrow(/^Unexpected data type: number$/);
  });

  test("toFile as the official SDKs' tests expect it: their error words, response-likes, names and overrides", async () => {
    class MyClass {
      name = 'foo';
    }
    await expect(toFile({ foo: 'string' } as never)).rejects.toThrow(
      'Unexpected data type: object; constructor: Object; props: ["foo"]',
    );
    await expect(toFile(new MyClass() as never)).rejects.toThrow(
      'Unexpected data type: object; constructor: MyClass; props: ["name"]',
    );
    // Anything with url and blob() (another library's Response); a Response made by hand has no URL.
    const like = { url: 'https://example.com/my/audio.mp3', blob: async () => new Blob(['a']) };
    expect((await toFile(like)).name).toBe('audio.mp3');
    expect((await toFile(new Response('content'))).name).toBe('unknown_file');
    // A File is returned as it is, unless a name or a property is given.
    const input = new File(['foo'], 'input.jsonl', { type: 'jsonl', lastModified: 1000 });
    expect(await toFile(input)).toBe(input);
    const changed = await toFile(input, 'foo.jsonl', { type: 'plain/text', lastModified: 2000 });
    expect([changed.name, changed.type, changed.lastModified, await changed.text()]).toEqual([
      'foo.jsonl',
      'plain/text',
      2000,
      'foo',
    ]);
    const streamed = await toFile(Readable.from([Buffer.from('x')]), 'x.txt', { lastModified: 3000 });
    expect(streamed.lastModified).toBe(3000);
  });

  test('toFile without a global File says so', async () => {
    const saved = globalThis.File;
    Object.assign(globalThis, { File: undefined });
    try {
      await expect(toFile('x')).rejects.toThrow(
        '`File` is not defined as a global, which is required for file uploads.',
      );
    } finally {
      Object.assign(globalThis, { File: saved });
    }
  });

  test('multipart bodies: files as parts, arrays as key[], objects as key[prop]', async () => {
    const file = await toFile('pdf bytes', 'doc.pdf', { type: 'application/pdf' });
    const form = toMultipartForm({ file, tags: ['a', 'b'], meta: { k: 1 }, count: 3, skip: undefined });
    expect([...form.keys()]).toEqual(['file', 'tags[]', 'tags[]', 'meta[k]', 'count']);
    expect((form.get('file') as File).name).toBe('doc.pdf');
    expect(form.getAll('tags[]')).toEqual(['a', 'b']);
    expect(form.get('meta[k]')).toBe('1');
  });
});

describe('server-sent events', () => {
  test('events are parsed across chunk boundaries; JSON data is parsed; [DONE] ends', async () => {
    const chunks = [
      'event: delta\ndata: {"n":',
      '1}\n\n: comment\ndata: plain\ndata: text\n\nid: 7\nda',
      'ta: {"n":2}\n\ndata: [DONE]\n\n',
    ];
    const body = new ReadableStream<Uint8Array>({
      start: (c) => (chunks.forEach((chunk) => c.enqueue(new TextEncoder().encode(chunk))), c.close()),
    });
    const stream = new Stream<unknown>(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    const seen: unknown[] = [];
    for await (const item of stream) seen.push(item);
    expect(seen).toEqual([{ n: 1 }, 'plain\ntext', { n: 2 }]);
    await expect(stream.events().next()).rejects.toThrow(/only once/);
  });
});

describe('auth and secrets', () => {
  test('each scheme puts its credential where the spec says', async () => {
    const schemes = {
      bearer: { type: 'bearer' as const },
      basic: { type: 'basic' as const },
      header: { type: 'apiKey' as const, in: 'header' as const, name: 'X-API-Key' },
      query: { type: 'apiKey' as const, in: 'query' as const, name: 'api_key' },
      cookie: { type: 'apiKey' as const, in: 'cookie' as const, name: 'session' },
    };
    const creds = { apiKey: 'k1', username: 'u', password: 'p' };
    expect((await applyAuth([['bearer']], schemes, creds)).headers).toEqual({ authorization: 'Bearer k1' });
    expect((await applyAuth([['basic']], schemes, creds)).headers).toEqual({ authorization: `Basic ${btoa('u:p')}` });
    expect((await applyAuth([['header']], schemes, creds)).headers).toEqual({ 'x-api-key': 'k1' });
    expect((await applyAuth([['query']], schemes, creds)).query).toEqual({ api_key: 'k1' });
    expect((await applyAuth([['cookie']], schemes, creds)).headers).toEqual({ cookie: 'session=k1' });
    expect(await applyAuth([[]], schemes, creds)).toEqual({ headers: {}, query: {} });
    expect((await applyAuth([['basic'], ['bearer']], schemes, { apiKey: 'k2' })).headers).toEqual({
      authorization: 'Bearer k2',
    });
  });

  test('redaction masks credential headers, secret fields (and spec writeOnly fields), and URL secrets', () => {
    const redactor = createRedactor(['X-Custom-Key'], ['pin']);
    expect(redactor.headers(new Headers({ authorization: 'Bearer s', 'x-custom-key': 'k', accept: 'a' }))).toEqual({
      authorization: '***',
      'x-custom-key': '***',
      accept: 'a',
    });
    expect(redactor.value({ client_secret: 's', a: [{ access_token: 't', pin: '1234', keep: 1 }] })).toEqual({
      client_secret: '***',
      a: [{ access_token: '***', pin: '***', keep: 1 }],
    });
    expect(redactor.url('https://u:pw@x.test/p?api_key=k&q=1')).toBe('https://u:***@x.test/p?api_key=***&q=1');
    expect(
      redactBodyText('grant_type=client_credentials&client_secret=s', 'application/x-www-form-urlencoded', redactor),
    ).toBe('grant_type=client_credentials&client_secret=***');
  });

  test('token URLs under the default server follow the base URL', () => {
    expect(
      rebaseURL('https://api.telnyx.com/v2/oauth/token', 'https://api.telnyx.com/v2', 'http://127.0.0.1:4010'),
    ).toBe('http://127.0.0.1:4010/oauth/token');
    expect(rebaseURL('https://auth.other.com/token', 'https://api.telnyx.com/v2', 'http://127.0.0.1:4010')).toBe(
      'https://auth.other.com/token',
    );
  });
});
