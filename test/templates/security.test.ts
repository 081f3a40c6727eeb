// Hostile input, second round (issue #19 items 1-5; issue #20's timeout): credentials never leave the API's origin
// (redirects, next-page links), errors never show a secret however they are printed, empty path params of any type are
// refused, and JSON/text bodies are bounded while they stream. A second origin is another loopback port.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { BaseClient, type ClientOptions, type SDKConfig } from '../../templates/src/core/base-client.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  SDKError,
} from '../../templates/src/core/error.js';
import {
  nextLinkHeaderPage,
  nextURLPage,
  type PaginationScheme,
  requestPage,
} from '../../templates/src/core/pagination.js';
import { json, type SeenRequest, startServer, type TestServer } from '../support/http-server.js';

const KEY = 'sk-origin-bound-7f3a';

const CONFIG: SDKConfig = {
  packageName: 'sec-sdk',
  packageVersion: '0.0.1',
  defaultBaseURL: 'https://api.example.com/v2',
  envPrefix: 'SEC_SDK',
  securitySchemes: {
    bearerAuth: { type: 'bearer' },
    partnerKey: { type: 'apiKey', in: 'header', name: 'X-Partner-Key' },
    session: { type: 'apiKey', in: 'cookie', name: 'session' },
  },
  // Every credential kind at once: a bearer token, an API-key header and a cookie.
  security: [['bearerAuth', 'partnerKey', 'session']],
  requiresCredentials: true,
};

class SecClient extends BaseClient {
  constructor(options: ClientOptions = {}) {
    super({ apiKey: KEY, maxRetries: 0, logLevel: 'off', ...options }, CONFIG);
  }
}

/** Headers that may carry a credential: none of them may reach the other origin. */
const CREDENTIAL_HEADERS = ['authorization', 'x-partner-key', 'cookie', 'x-custom-auth', 'x-tenant-secret'];
const caught = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/** The API (origin A) answers by path; `other` (origin B) records what reaches it and answers `{ at: 'other' }`. */
let api: TestServer;
let other: TestServer;
let routes: Map<string, (request: SeenRequest, res: ServerResponse) => void>;
beforeAll(async () => {
  routes = new Map();
  api = await startServer((request, res) => {
    const route = routes.get(new URL(request.url, 'http://x').pathname);
    if (route) return route(request, res);
    json(res, 200, {
      at: 'api',
      method: request.method,
      body: request.body,
      contentType: request.headers['content-type'] ?? null,
    });
  });
  other = await startServer((request, res) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/back') return redirect(res, 302, `${api.url}/landed`);
    if (path === '/page2') return json(res, 200, { data: [{ id: 3 }], next: null });
    json(res, 200, { at: 'other', method: request.method, body: request.body });
  });
});
afterAll(async () => {
  await api.close();
  await other.close();
});
afterEach(() => {
  routes.clear();
  other.requests.length = 0;
  api.requests.length = 0;
});

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location });
  res.end();
}

describe('redirects: credentials never leave the origin', () => {
  const defaultHeaders = {
    'X-Custom-Auth': 'custom-credential-1',
    'X-Tenant-Secret': 'tenant-credential-2',
    'X-Trace': 'trace-1',
  };

  test('a 302 to another origin reaches it without any credential the client added', async () => {
    routes.set('/start', (_request, res) => redirect(res, 302, `${other.url}/landing`));
    const client = new SecClient({ baseURL: api.url, defaultHeaders });
    const body = await client.request<{ at: string }>({ method: 'get', path: '/start' });
    expect(body.at).toBe('other');
    // The API itself got every credential.
    const first = api.requests[0]!.headers;
    expect(first['authorization']).toBe(`Bearer ${KEY}`);
    expect(first['x-partner-key']).toBe(KEY);
    expect(first['cookie']).toBe(`session=${KEY}`);
    const seen = other.requests[0]!.headers;
    for (const name of CREDENTIAL_HEADERS) expect(seen[name], name).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain(KEY);
    // Headers that are not credentials still go.
    expect(seen['x-trace']).toBe('trace-1');
    expect(seen['user-agent']).toBeDefined();
  });

  test('after leaving the origin, a redirect back to it carries no credentials either', async () => {
    routes.set('/start', (_request, res) => redirect(res, 301, `${other.url}/back`));
    routes.set('/landed', (request, res) =>
      json(res, 200, {
        authorization: request.headers['authorization'] ?? null,
        key: request.headers['x-partner-key'] ?? null,
      }),
    );
    const client = new SecClient({ baseURL: api.url });
    expect(await client.request({ method: 'get', path: '/start' })).toEqual({ authorization: null, key: null });
  });

  test('a redirect within the origin keeps the credentials', async () => {
    routes.set('/start', (_request, res) => redirect(res, 302, '/landed'));
    routes.set('/landed', (request, res) => json(res, 200, { key: request.headers['x-partner-key'] ?? null }));
    const client = new SecClient({ baseURL: api.url });
    expect(await client.request({ method: 'get', path: '/start' })).toEqual({ key: KEY });
  });

  test('307 and 308 keep the method and body; a cross-origin 308 still drops the credentials', async () => {
    routes.set('/start', (_request, res) => redirect(res, 307, '/moved'));
    routes.set('/moved', (request, res) =>
      json(res, 200, { method: request.method, body: request.body, key: request.headers['x-partner-key'] ?? null }),
    );
    const client = new SecClient({ baseURL: api.url });
    expect(await client.request({ method: 'post', path: '/start', body: { a: 1 } })).toEqual({
      method: 'POST',
      body: '{"a":1}',
      key: KEY,
    });

    routes.set('/start', (_request, res) => redirect(res, 308, `${other.url}/elsewhere`));
    expect(await client.request({ method: 'put', path: '/start', body: { b: 2 } })).toEqual({
      at: 'other',
      method: 'PUT',
      body: '{"b":2}',
    });
    for (const name of CREDENTIAL_HEADERS) expect(other.requests[0]!.headers[name], name).toBeUndefined();
  });

  test('303 turns a POST into a GET without its body; 302 after a POST too', async () => {
    const client = new SecClient({ baseURL: api.url });
    for (const status of [303, 302]) {
      routes.set('/start', (_request, res) => redirect(res, status, '/result'));
      expect(await client.request({ method: 'post', path: '/start', body: { a: 1 } })).toEqual({
        at: 'api',
        method: 'GET',
        body: '',
        contentType: null,
      });
    }
  });

  test('a redirect loop ends in a clear SDK error after 20 redirects', async () => {
    routes.set('/loop', (_request, res) => redirect(res, 302, '/loop'));
    const client = new SecClient({ baseURL: api.url });
    const error = await caught(client.request({ method: 'get', path: '/loop' }));
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toBe(
      'GET /loop was redirected more than 20 times (last to ' + `${api.url}/loop); not followed further.`,
    );
    expect(api.requests.length).toBe(21);
  });
});

describe('a whole URL on another origin, given to the client', () => {
  test('client.get and options.path send it without any credential; the API keeps them', async () => {
    const client = new SecClient({
      baseURL: api.url,
      defaultHeaders: { 'X-Custom-Auth': 'custom-credential-1', 'X-Trace': 'trace-1' },
      defaultQuery: { api_key: 'query-credential-3', lang: 'en' },
    });
    expect(await client.get(`${other.url}/elsewhere`)).toMatchObject({ at: 'other' });
    expect(await client.post('/x', { path: `${other.url}/moved`, body: { a: 1 } })).toMatchObject({ at: 'other' });
    await client.get(`${api.url}/own`);
    expect(other.requests).toHaveLength(2);
    for (const seen of other.requests) {
      for (const name of CREDENTIAL_HEADERS) expect(seen.headers[name], name).toBeUndefined();
      expect(seen.headers['x-trace']).toBe('trace-1');
      expect(seen.url).not.toContain('query-credential-3');
    }
    expect(api.requests[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(api.requests[0]!.headers['x-partner-key']).toBe(KEY);
  });
});

describe('next-page links on another origin', () => {
  const nextURL: PaginationScheme = { kind: 'next-url', items: ['data'], nextURL: ['next'] };
  const linkHeader: PaginationScheme = { kind: 'link-header', items: ['data'] };

  function servePages(): void {
    routes.set('/items', (_request, res) =>
      json(res, 200, { data: [{ id: 1 }], next: `${other.url}/page2` }, { link: `<${other.url}/page2>; rel="next"` }),
    );
  }

  test.each([
    ['next-url', nextURL, nextURLPage],
    ['link-header', linkHeader, nextLinkHeaderPage],
  ] as const)('%s: refused with a clear error; nothing reaches the other origin', async (_kind, scheme, find) => {
    servePages();
    const client = new SecClient({ baseURL: api.url });
    const first = await requestPage<unknown, { id: number }>(
      client,
      { method: 'get', path: '/items' },
      scheme,
      undefined,
      find as never,
    );
    expect(first.data).toEqual([{ id: 1 }]);
    const error = await caught(first.getNextPage());
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toBe(
      `The next page's URL (${other.url}/page2) is on another origin than the API's (${api.url}): not followed, as it would carry the client's credentials there. Set the client option followCrossOriginPages to follow such links without credentials.`,
    );
    expect(other.requests).toEqual([]);
  });

  test('followCrossOriginPages: followed, without credentials', async () => {
    servePages();
    const client = new SecClient({
      baseURL: api.url,
      followCrossOriginPages: true,
      defaultHeaders: { 'X-Custom-Auth': 'custom-credential-1' },
      defaultQuery: { api_key: 'query-credential-3' },
    });
    const ids: number[] = [];
    for await (const item of requestPage<unknown, { id: number }>(
      client,
      { method: 'get', path: '/items' },
      nextURL,
      undefined,
      nextURLPage as never,
    ))
      ids.push(item.id);
    expect(ids).toEqual([1, 3]);
    const seen = other.requests[0]!;
    for (const name of CREDENTIAL_HEADERS) expect(seen.headers[name], name).toBeUndefined();
    expect(seen.url).toBe('/page2');
  });

  test('a next link on the same origin keeps the credentials', async () => {
    routes.set('/items', (request, res) =>
      new URL(request.url, 'http://x').searchParams.get('p') === '2'
        ? json(res, 200, { data: [{ id: 2 }], next: null })
        : json(res, 200, { data: [{ id: 1 }], next: `${api.url}/items?p=2` }),
    );
    const client = new SecClient({ baseURL: api.url });
    const ids: number[] = [];
    for await (const item of requestPage<unknown, { id: number }>(
      client,
      { method: 'get', path: '/items' },
      nextURL,
      undefined,
      nextURLPage as never,
    ))
      ids.push(item.id);
    expect(ids).toEqual([1, 2]);
    expect(api.requests[1]!.headers['x-partner-key']).toBe(KEY);
  });
});

describe('errors never show a secret', () => {
  function echoKey(): void {
    routes.set('/echo', (request, res) =>
      json(
        res,
        401,
        { errors: [{ detail: `bad key ${String(request.headers['x-partner-key'])}` }], token: 'server-token-value' },
        { 'x-echo-key': String(request.headers['x-partner-key']), 'www-authenticate': `Bearer realm="${KEY}"` },
      ),
    );
  }

  test('inspect, console.log, JSON.stringify, String: through err.error and err.headers too', async () => {
    echoKey();
    const lines: string[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((...args: unknown[]) => void lines.push(args.map((arg) => inspect(arg)).join(' ')));
    const error = (await caught(
      new SecClient({ baseURL: api.url }).request({ method: 'get', path: '/echo' }),
    )) as AuthenticationError;
    console.log(error);
    log.mockRestore();
    expect(error).toBeInstanceOf(AuthenticationError);
    const shown = [
      inspect(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      String(error),
      error.stack,
      lines.join('\n'),
      JSON.stringify(error.error),
      JSON.stringify([...error.headers]),
    ];
    for (const text of shown) expect(text).not.toContain(KEY);
    expect(inspect(error)).toContain('bad key ***');
    expect(error.headers.get('x-echo-key')).toBe('***');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'AuthenticationError',
      message: '401 bad key ***',
      status: 401,
      error: { errors: [{ detail: 'bad key ***' }] },
    });
    // The raw values, on purpose only: getters on the prototype, so never shown.
    expect(error.rawHeaders.get('x-echo-key')).toBe(KEY);
    expect((error.rawError as { errors: Array<{ detail: string }> }).errors[0]!.detail).toBe(`bad key ${KEY}`);
    expect(Object.keys(error)).not.toContain('rawError');
  });

  test("a connection error's cause is masked when the error is shown", async () => {
    const client = new SecClient({
      baseURL: api.url,
      fetch: () => Promise.reject(new Error(`proxy refused ${KEY}`, { cause: new Error(`inner ${KEY}`) })),
    });
    const error = await caught(client.request({ method: 'get', path: '/x' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(inspect(error, { depth: 10 })).toContain('proxy refused ***');
    expect(inspect(error, { depth: 10 })).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  test('an uncaught error prints no secret', async () => {
    echoKey();
    const dir = await mkdtemp(join(tmpdir(), 'sdk-uncaught-'));
    try {
      const script = join(dir, 'uncaught.mts');
      const base = resolve('templates/src/core/base-client.ts');
      await writeFile(
        script,
        `import { BaseClient } from ${JSON.stringify(base)};\n` +
          `class C extends BaseClient { constructor() { super({ apiKey: ${JSON.stringify(KEY)}, baseURL: ${JSON.stringify(api.url)}, maxRetries: 0 }, ${JSON.stringify(CONFIG)}); } }\n` +
          `await new C().request({ method: 'get', path: '/echo' });\n`,
      );
      const stderr = await new Promise<string>((done) => {
        execFile(process.execPath, ['--import', 'tsx', script], { cwd: resolve('.') }, (_error, _stdout, err) =>
          done(err),
        );
      });
      expect(stderr).toContain('AuthenticationError: 401 bad key ***');
      expect(stderr).toContain("error: { errors: [ { detail: 'bad key ***' } ]");
      expect(stderr).not.toContain(KEY);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('path params that write no segment are refused', () => {
  const empties: Array<[string, unknown]> = [
    ['[]', []],
    ["['']", ['']],
    ['[[], null]', [[], null]],
    ['{}', {}],
    ['{ a: undefined }', { a: undefined }],
    ["new String('')", new String('')],
    ["an object whose String() is ''", { toString: () => '' }],
    [
      "a class instance whose String() is ''",
      new (class Id {
        toString(): string {
          return '';
        }
      })(),
    ],
    ['Object.create(null)', Object.create(null)],
  ];
  test.each(empties)('%s', async (_name, id) => {
    const client = new SecClient({ baseURL: api.url });
    const error = await caught(client.request({ method: 'delete', path: '/items/{id}', pathParams: { id } }));
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toBe(
      'Path parameter "id" is empty: the request would go to another path, so it is not sent.',
    );
    expect(api.requests).toEqual([]);
  });

  test('a boxed string is sent as the string it holds', async () => {
    const client = new SecClient({ baseURL: api.url });
    await client.request({ method: 'delete', path: '/items/{id}', pathParams: { id: new String('abc') } });
    expect(api.requests[0]!.url).toBe('/items/abc');
  });
});

describe('maxResponseSize', () => {
  /** Writes JSON-ish bytes until the client goes away; `closed` says whether it did. */
  function endless(status: number): { closed: () => boolean } {
    let closed = false;
    routes.set('/endless', (_request, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.write('[');
      const chunk = `${'"x",'.repeat(4096)}`;
      const pump = (): void => {
        while (!closed && res.write(chunk));
        if (!closed) res.once('drain', pump);
      };
      res.on('close', () => {
        closed = true;
      });
      pump();
    });
    return { closed: () => closed };
  }

  test('a JSON body that never ends stops at the limit, while it streams', async () => {
    const server = endless(200);
    const client = new SecClient({ baseURL: api.url, maxResponseSize: 256 * 1024 });
    const error = await caught(client.request({ method: 'get', path: '/endless' }));
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toBe(
      "The response body (more than 262144 bytes) is too large to read as text; raise the client's maxResponseSize (262144 bytes) or use .asResponse() and read response.body as a stream.",
    );
    await vi.waitFor(() => expect(server.closed()).toBe(true));
  });

  test('an error body is bounded too', async () => {
    endless(500);
    const client = new SecClient({ baseURL: api.url, maxResponseSize: 256 * 1024 });
    const error = await caught(client.request({ method: 'get', path: '/endless' }));
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(/^The response body \(more than 262144 bytes\) is too large/);
  });

  test('an announced length over the limit is refused before reading; the default is 100 MB', async () => {
    routes.set('/big', (_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024 + 1) });
      res.write('[');
    });
    const error = await caught(new SecClient({ baseURL: api.url }).request({ method: 'get', path: '/big' }));
    expect((error as Error).message).toBe(
      "The response body (104857601 bytes) is too large to read as text; raise the client's maxResponseSize (104857600 bytes) or use .asResponse() and read response.body as a stream.",
    );
  });

  test('a compressed body is counted as it inflates, whatever its content-length says', async () => {
    const packed = gzipSync(`[${'"x",'.repeat(256 * 1024)}"x"]`);
    routes.set('/bomb', (_request, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(packed.length),
      });
      res.end(packed);
    });
    expect(packed.length).toBeLessThan(64 * 1024);
    const error = await caught(
      new SecClient({ baseURL: api.url, maxResponseSize: 256 * 1024 }).request({ method: 'get', path: '/bomb' }),
    );
    expect((error as Error).message).toMatch(/^The response body \(more than 262144 bytes\) is too large/);
  });

  test('streams are not bounded: asResponse() and binary bodies', async () => {
    routes.set('/blob', (_request, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.alloc(64 * 1024, 1));
    });
    const client = new SecClient({ baseURL: api.url, maxResponseSize: 1024 });
    const blob = await client.request<Blob>({ method: 'get', path: '/blob', response: 'binary' });
    expect(blob.size).toBe(64 * 1024);
    const response = await client.request({ method: 'get', path: '/blob' }).asResponse();
    expect((await response.arrayBuffer()).byteLength).toBe(64 * 1024);
  });
});

describe('a timeout the SDK fired is a timeout, whatever fetch rejects with', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test.each([
    ['a plain Error', () => new Error('aborted')],
    ['a DOMException', () => new DOMException('This operation was aborted', 'AbortError')],
    ['a string', () => 'aborted'],
  ])('%s', async (_name, reason) => {
    vi.useFakeTimers();
    const fetch = (_url: string | URL | Request, init?: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(reason())));
    const client = new SecClient({ baseURL: api.url, fetch, timeout: 1000 });
    const pending = caught(client.request({ method: 'post', path: '/x', body: {} }));
    await vi.advanceTimersByTimeAsync(1000);
    const error = await pending;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out after 1000 ms.');
  });

  test.each([
    [
      'a fetch that ignores the signal and never settles',
      (): Promise<Response> => new Promise<Response>(() => undefined),
    ],
    [
      'a body that never ends and ignores the abort',
      (): Promise<Response> =>
        Promise.resolve(
          new Response(new ReadableStream({ pull: () => new Promise<void>(() => undefined) }), {
            headers: { 'content-type': 'application/json' },
          }),
        ),
    ],
  ])('%s', async (_name, fetch) => {
    vi.useFakeTimers();
    const client = new SecClient({ baseURL: api.url, fetch, timeout: 1000 });
    const pending = caught(client.request({ method: 'post', path: '/x', body: {} }));
    await vi.advanceTimersByTimeAsync(1000);
    const error = await Promise.race([pending, Promise.resolve('still pending')]);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });
});
