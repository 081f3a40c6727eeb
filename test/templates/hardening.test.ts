// The request loop under hostile conditions (issue #11 item 5): dot-segment path params, bodies that never end, secrets
// in every place a client holds them, failures as SDK errors, and which requests are resent after a connection reset.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BaseClient,
  type ClientOptions,
  type RequestSpec,
  type SDKConfig,
} from '../../templates/src/core/base-client.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  NotFoundError,
  SDKError,
} from '../../templates/src/core/error.js';
import { eventStream } from '../../templates/src/core/streaming.js';
import type { Logger } from '../../templates/src/internal/logger.js';
import { startServer } from '../support/http-server.js';
import { type FaultServer, startFaultServer } from './fault-server.js';

const CONFIG: SDKConfig = {
  packageName: 'hard-sdk',
  packageVersion: '0.0.1',
  defaultBaseURL: 'https://api.example.com/v2',
  envPrefix: 'HARD_SDK',
  securitySchemes: {
    bearerAuth: { type: 'bearer' },
    queryKey: { type: 'apiKey', in: 'query', name: 'api_token' },
    cookieKey: { type: 'apiKey', in: 'cookie', name: 'session' },
    basicAuth: { type: 'basic' },
  },
  security: [['bearerAuth']],
  requiresCredentials: true,
};

class HardClient extends BaseClient {
  constructor(options: ClientOptions = {}, config: Partial<SDKConfig> = {}) {
    super({ logger: memoryLogger(), ...options }, { ...CONFIG, ...config });
  }
}

function memoryLogger(): Logger & { text(): string } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (message: string, ...rest: unknown[]) => {
      lines.push(`${level} ${message} ${rest.map((item) => JSON.stringify(item)).join(' ')}`);
    };
  return {
    text: () => lines.join('\n'),
    error: keep('error'),
    warn: keep('warn'),
    info: keep('info'),
    debug: keep('debug'),
  };
}

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

const unique = (): string => Math.random().toString(36).slice(2);
const caught = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('path params', () => {
  // WHATWG URL parsing resolves `.`/`..` segments, percent-encoded ones too (`/v2/x/%2E%2E` is `/v2/`), so no encoding
  // can carry them: they are refused before anything is sent.
  test.each(['..', '.'])('%s is refused, nothing is sent', async (id) => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: `${server.url}/v2/` });
    const before = server.requests.length;
    const error = await caught(client.request({ method: 'delete', path: '/echo/{id}', pathParams: { id } }));
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(
      /^Path parameter "id" is "[.%2Ee]+": URL parsing would resolve it and send the request to another path, so it is not sent\.$/,
    );
    expect(server.requests.length).toBe(before);
  });

  test.each([
    ['', 'empty'],
    [undefined, 'missing'],
  ])('%j is refused, nothing is sent', async (id, what) => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: `${server.url}/v2/` });
    const before = server.requests.length;
    const error = await caught(client.request({ method: 'delete', path: '/echo/{id}/tags', pathParams: { id } }));
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toBe(
      `Path parameter "id" is ${what}: the request would go to another path, so it is not sent.`,
    );
    expect(server.requests.length).toBe(before);
  });

  test.each([
    ['a..b', '/echo/a..b'],
    ['../x', '/echo/..%2Fx'],
    ['...', '/echo/...'],
    ['%2E%2E', '/echo/%252E%252E'],
  ])('%s is sent as %s', async (id, sent) => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: `${server.url}/v2/` });
    const error = await caught(client.request({ method: 'delete', path: '/echo/{id}', pathParams: { id } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).error).toMatchObject({ method: 'DELETE', url: `/v2${sent}` });
  });
});

describe('the timeout covers the whole response', () => {
  test('a body that trickles forever ends in APIConnectionTimeoutError, each attempt', async () => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: server.url });
    const before = server.counts.get('trickle') ?? 0;
    const error = await caught(client.request({ method: 'get', path: '/trickle' }, { timeout: 150, maxRetries: 1 }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out after 150 ms.');
    expect((server.counts.get('trickle') ?? 0) - before).toBe(2);
  });

  test('a caller abort mid-body is an APIUserAbortError, not a DOMException', async () => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await caught(client.request({ method: 'get', path: '/trickle' }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  test('an abort while reading an event stream is an APIUserAbortError; the stream is not bound by the timeout', async () => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: server.url });
    const controller = new AbortController();
    const stream = (await client.request(
      { method: 'get', path: '/sse-hang', response: 'sse', decode: eventStream },
      { signal: controller.signal, timeout: 50 },
    )) as AsyncIterable<unknown>;
    const seen: unknown[] = [];
    const error = await caught(
      (async () => {
        for await (const event of stream) {
          seen.push(event);
          setTimeout(() => controller.abort(), 150);
        }
      })(),
    );
    expect(seen).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  test('a body announced as 600 MB is refused with an SDK error before it is read', async () => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: server.url });
    const error = await caught(client.request({ method: 'get', path: '/claims-huge' }));
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(
      /^The response body \(629145600 bytes\) is too large to read as text; raise the client's maxResponseSize \(104857600 bytes\) or use \.asResponse\(\)/,
    );
  });

  test('a body stream that fails is an APIConnectionError', async () => {
    const failing = new ReadableStream({
      pull(controller) {
        controller.error(new TypeError('terminated'));
      },
    });
    const client = new HardClient({
      apiKey: 'key-1234',
      baseURL: server.url,
      maxRetries: 0,
      fetch: async () => new Response(failing, { headers: { 'content-type': 'application/json' } }),
    });
    const error = await caught(client.request({ method: 'get', path: '/x' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe('Connection error: terminated');
  });
});

describe('resending after a connection reset', () => {
  const post = (key: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
    method: 'post',
    path: `/reset/${key}/1`,
    body: { a: 1 },
    ...extra,
  });

  test('a POST without an idempotency key is not resent: it may have been applied', async () => {
    const logger = memoryLogger();
    const client = new HardClient({ apiKey: 'key-1234', baseURL: server.url, logger, logLevel: 'error' });
    const key = unique();
    const error = await caught(client.request(post(key)));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.counts.get(`reset-${key}`)).toBe(1);
    expect(logger.text()).toContain('(not retried: a POST without an idempotency key may have been applied)');
  });

  test('a POST given an idempotencyKey is sent with it and resent', async () => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: server.url });
    const key = unique();
    await expect(client.request(post(key), { idempotencyKey: 'given-key' })).resolves.toEqual({ attempts: 2 });
    expect(
      server.requests
        .filter((request) => request.url === `/reset/${key}/1`)
        .map((request) => request.headers['idempotency-key']),
    ).toEqual(['given-key', 'given-key']);
  });

  test('a GET, PUT or DELETE is resent', async () => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: server.url });
    for (const method of ['get', 'put', 'delete'] as const) {
      const key = unique();
      await expect(client.request({ method, path: `/reset/${key}/1` })).resolves.toEqual({ attempts: 2 });
    }
  });

  test('a POST with the API-wide idempotency header (config) is resent with the same key', async () => {
    const client = new HardClient(
      { apiKey: 'key-1234', baseURL: server.url },
      { idempotencyHeader: 'Idempotency-Key' },
    );
    const key = unique();
    await expect(client.request(post(key))).resolves.toEqual({ attempts: 2 });
    const sent = server.requests
      .filter((request) => request.url === `/reset/${key}/1`)
      .map((request) => request.headers['idempotency-key']);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^sdk-[0-9a-f-]{36}$/);
    expect(sent[1]).toBe(sent[0]);
  });

  test('an operation that declares an Idempotency-Key header param gets a key, and is resent', async () => {
    const client = new HardClient({ apiKey: 'key-1234', baseURL: server.url });
    const key = unique();
    const spec = post(key, {
      body: undefined,
      params: { name: 'n' },
      headerKeys: ['Idempotency-Key'],
      bodyEncoding: 'json',
    });
    await expect(client.request(spec)).resolves.toEqual({ attempts: 2 });
    const sent = server.requests.filter((request) => request.url === `/reset/${key}/1`);
    expect(sent[0]!.headers['idempotency-key']).toMatch(/^sdk-/);
    expect(sent[1]!.headers['idempotency-key']).toBe(sent[0]!.headers['idempotency-key']);

    // The caller's own key is used as given.
    const mine = unique();
    await client.request(
      post(mine, {
        body: undefined,
        params: { name: 'n', 'Idempotency-Key': 'caller-key' },
        headerKeys: ['Idempotency-Key'],
        bodyEncoding: 'json',
      }),
    );
    expect(
      server.requests
        .filter((request) => request.url === `/reset/${mine}/1`)
        .map((request) => request.headers['idempotency-key']),
    ).toEqual(['caller-key', 'caller-key']);
  });

  test('a refused connection is resent whatever the method: nothing reached the server', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    let calls = 0;
    const client = new HardClient({
      apiKey: 'key-1234',
      baseURL: closed.url,
      maxRetries: 1,
      fetch: (url, init) => (calls++, fetch(url, init)),
    });
    const error = await caught(client.request({ method: 'post', path: '/x', body: {} }, { timeout: 2000 }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(calls).toBe(2);
  });
});

describe('secrets never reach logs or error messages', () => {
  test('an API key in the query, a cookie, a header; basic credentials: masked at debug level', async () => {
    const logger = memoryLogger();
    const client = new HardClient({
      apiKey: 'qk-topsecret-1',
      username: 'ann',
      password: 'pw-topsecret-2',
      baseURL: server.url,
      logger,
      logLevel: 'debug',
    });
    for (const security of [[['queryKey']], [['cookieKey']], [['bearerAuth']], [['basicAuth']]]) {
      await client.request({ method: 'get', path: `/flaky/${unique()}/1`, security });
    }
    const text = logger.text();
    expect(server.requests.some((request) => request.url.includes('api_token=qk-topsecret-1'))).toBe(true);
    expect(text).toMatch(/info \[req_\d+\] GET http:\/\/127\.0\.0\.1:\d+\/flaky\/\w+\/1\?api_token=\*\*\* -> 503/);
    for (const secret of ['qk-topsecret-1', 'pw-topsecret-2', btoa('ann:pw-topsecret-2')])
      expect(text).not.toContain(secret);
  });

  test('user:password in baseURL is sent as Basic auth, never in URLs, logs or errors', async () => {
    const logger = memoryLogger();
    const client = new HardClient(
      { baseURL: `http://ann:url-secret-3@${server.url.slice(7)}/`, logger, logLevel: 'debug' },
      { security: [['basicAuth']] },
    );
    expect(client.baseURL).toBe(`${server.url}/`);
    await client.request({ method: 'get', path: `/flaky/${unique()}/0` });
    expect(server.requests.at(-1)!.headers['authorization']).toBe(`Basic ${btoa('ann:url-secret-3')}`);
    // A copy keeps the credentials, never showing them.
    const copy = client.withOptions({ maxRetries: 1 });
    expect(copy.baseURL).toBe(`${server.url}/`);
    await copy.request({ method: 'get', path: `/flaky/${unique()}/0` });
    expect(server.requests.at(-1)!.headers['authorization']).toBe(`Basic ${btoa('ann:url-secret-3')}`);

    const closed = await startServer(() => undefined);
    await closed.close();
    const refused = new HardClient(
      { baseURL: `http://ann:url-secret-3@${closed.url.slice(7)}`, logger, maxRetries: 0 },
      { security: [['basicAuth']] },
    );
    const error = await caught(refused.request({ method: 'get', path: '/x' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(`${(error as Error).message} ${String((error as Error).cause)}`).not.toContain('url-secret-3');
    expect(logger.text()).not.toContain('url-secret-3');
  });

  test('a key the API echoes back in an error body is masked in the error message', async () => {
    const echo = await startServer((request, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ detail: `bad key ${String(request.headers['authorization'])}` }] }));
    });
    try {
      const error = await caught(
        new HardClient({ apiKey: 'sk-echoed-4', baseURL: echo.url }).request({ method: 'get', path: '/x' }),
      );
      expect((error as Error).message).toBe('400 bad key Bearer ***');
    } finally {
      await echo.close();
    }
  });
});

describe('invalid headers are SDK errors', () => {
  test('at construction: a default header or an API key that cannot be sent', () => {
    expect(() => new HardClient({ apiKey: 'k-1234', defaultHeaders: { 'x-bad': 'a\nb' } })).toThrow(
      new SDKError('Invalid value for header "x-bad": it contains a line break, NUL or a character outside Latin-1.'),
    );
    expect(() => new HardClient({ apiKey: 'k-1234', defaultHeaders: { 'bad name': 'v' } })).toThrow(
      /^Invalid header name "bad name"/,
    );
    expect(() => new HardClient({ apiKey: 'line\nbreak' })).toThrow(/^Invalid value for the API key/);
    expect(() => new HardClient({ apiKey: 'k-1234', baseURL: 'not a url' })).toThrow(SDKError);
  });

  test('per request: the promise rejects with an SDKError naming the header', async () => {
    const client = new HardClient({ apiKey: 'k-1234', baseURL: server.url });
    const error = await caught(client.request({ method: 'get', path: '/x' }, { headers: { 'x-emoji': '😀' } }));
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(/^Invalid value for header "x-emoji"/);
  });
});
