// Calling conventions of the official client (issue #12 items 3, 8, 9), after ../shared/reference/telnyx-node/tests/index.test.ts:
// fetch(url, init), base URL slashes, operation servers, the retry-count header, readable options, request options
// that override the method, and client.get/post/put/patch/delete.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APIPromise } from '../../templates/src/core/api-promise.js';
import { BaseClient, type ClientOptions, type SDKConfig } from '../../templates/src/core/base-client.js';
import { APIUserAbortError, NotFoundError, RateLimitError } from '../../templates/src/core/error.js';
import { withEnvironment } from '../../templates/src/internal/environments.js';
import type { Logger } from '../../templates/src/internal/logger.js';
import { type FaultServer, startFaultServer } from './fault-server.js';

const CONFIG: SDKConfig = {
  packageName: 'conv-sdk',
  packageVersion: '0.0.1',
  defaultBaseURL: 'https://api.example.com/v2',
  envPrefix: 'CONV_SDK',
  securitySchemes: { bearerAuth: { type: 'bearer' } },
  security: [['bearerAuth']],
  requiresCredentials: true,
};

const quiet: Logger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

class ConvClient extends BaseClient {
  constructor(options: ClientOptions = {}) {
    super({ logger: quiet, ...options }, CONFIG);
  }
}

interface Captured {
  url: string;
  init: RequestInit;
}

/** A fetch that records its calls and answers each with `answer` (JSON `{}` by default). */
function capturing(answer: (call: number) => Response = () => Response.json({})): {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  calls: Captured[];
} {
  const calls: Captured[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return answer(calls.length);
    },
  };
}

const rateLimited = (): Response => new Response(undefined, { status: 429, headers: { 'retry-after-ms': '1' } });
const headerOf = (call: Captured | undefined, name: string): string | null => new Headers(call?.init.headers).get(name);

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

describe('fetch and URLs', () => {
  test('a custom fetch receives (url: string, init: RequestInit) with the method upper-cased', async () => {
    const wire = capturing();
    const client = new ConvClient({ apiKey: 'k', baseURL: 'http://localhost:5000/', fetch: wire.fetch });
    await client.patch('/foo');
    expect(typeof wire.calls[0]!.url).toBe('string');
    expect(wire.calls[0]!.url).toBe('http://localhost:5000/foo');
    expect(wire.calls[0]!.init.method).toBe('PATCH');
    expect(wire.calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
    expect(headerOf(wire.calls[0], 'authorization')).toBe('Bearer k');
  });

  test.each([
    ['http://localhost:5000/custom/path/', 'http://localhost:5000/custom/path/foo'],
    ['http://localhost:5000/custom/path', 'http://localhost:5000/custom/path/foo'],
    ['http://localhost:5000/custom/path//', 'http://localhost:5000/custom/path/foo'],
  ])('baseURL %s: requests go to %s; client.baseURL is kept as given', async (baseURL, url) => {
    const wire = capturing();
    const client = new ConvClient({ apiKey: 'k', baseURL, fetch: wire.fetch });
    expect(client.baseURL).toBe(baseURL);
    await client.get('/foo');
    await client.get('foo');
    expect(wire.calls.map((call) => call.url)).toEqual([url, url]);
  });

  test("an operation's server on another host yields to a baseURL the caller set, and is used when none is set", async () => {
    const wire = capturing();
    const spec = { method: 'get', path: '/listen', server: 'wss://stream.example.com/v2' } as const;
    await new ConvClient({ apiKey: 'k', baseURL: 'http://127.0.0.1:4010', fetch: wire.fetch }).request(spec);
    await new ConvClient({ apiKey: 'k', fetch: wire.fetch }).request(spec);
    expect(wire.calls.map((call) => call.url)).toEqual([
      'http://127.0.0.1:4010/listen',
      'wss://stream.example.com/v2/listen',
    ]);
  });
});

describe('buildURL and buildRequest, as the official client has them', () => {
  test('buildURL: base URL slashes, the default query, and an operation server only while the base URL is the default', () => {
    const client = new ConvClient({
      apiKey: 'k',
      baseURL: 'http://localhost:5000/custom/path/',
      defaultQuery: { apiVersion: 'foo', hello: 'world' },
    });
    expect(client.buildURL('/foo', null)).toBe('http://localhost:5000/custom/path/foo?apiVersion=foo&hello=world');
    expect(client.buildURL('/foo', { hello: undefined })).toBe('http://localhost:5000/custom/path/foo?apiVersion=foo');
    expect(client.buildURL('/foo', null, 'http://localhost:5000/option')).toBe(
      'http://localhost:5000/custom/path/foo?apiVersion=foo&hello=world',
    );
    expect(new ConvClient({ apiKey: 'k' }).buildURL('/foo', null, 'http://localhost:5000/option')).toBe(
      'http://localhost:5000/option/foo',
    );
  });

  test('buildRequest: default headers kept on undefined, removed with null; names case-insensitive', async () => {
    const client = new ConvClient({
      apiKey: 'k',
      baseURL: 'http://localhost:5000/',
      defaultHeaders: { 'X-My-Default-Header': '2' },
    });
    expect((await client.buildRequest({ path: '/foo', method: 'post' })).req.headers.get('x-my-default-header')).toBe(
      '2',
    );
    expect(
      (
        await client.buildRequest({ path: '/foo', method: 'post', headers: { 'X-My-Default-Header': undefined } })
      ).req.headers.get('x-my-default-header'),
    ).toBe('2');
    expect(
      (
        await client.buildRequest({ path: '/foo', method: 'post', headers: { 'X-My-Default-Header': null } })
      ).req.headers.has('x-my-default-header'),
    ).toBe(false);
    const { req, url } = await client.buildRequest({
      path: '/foo',
      method: 'post',
      body: { value: 'hello' },
      headers: { 'X-Foo': 'baz', 'x-foo': 'bar', 'x-Foo': undefined, 'x-baz': 'bam', 'X-Baz': null },
    });
    expect(url).toBe('http://localhost:5000/foo');
    expect(req.method).toBe('POST');
    expect(req.body).toBe('{"value":"hello"}');
    expect(req.headers.get('x-foo')).toBe('bar');
    expect(req.headers.has('x-baz')).toBe(false);
  });
});

describe("default headers and the base URL, in the official SDKs' other forms", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  test('defaultHeaders as a Headers or as [name, value] pairs; per-request headers as pairs', async () => {
    for (const defaultHeaders of [
      new Headers({ 'X-My-Default-Header': '2' }),
      [['X-My-Default-Header', '2']] as const,
    ]) {
      const client = new ConvClient({ apiKey: 'k', baseURL: 'http://localhost:5000/', defaultHeaders });
      const { req } = await client.buildRequest({ path: '/foo', method: 'post', headers: [['x-extra', 'e']] });
      expect([req.headers.get('x-my-default-header'), req.headers.get('x-extra')]).toEqual(['2', 'e']);
    }
  });

  test('<PREFIX>_CUSTOM_HEADERS adds `Name: value` lines under defaultHeaders', async () => {
    process.env['CONV_SDK_CUSTOM_HEADERS'] = 'X-Env-Header: env\nX-My-Default-Header: env-default\nnot a header';
    try {
      const client = new ConvClient({
        apiKey: 'k',
        baseURL: 'http://localhost:5000/',
        defaultHeaders: new Headers({ 'X-My-Default-Header': '2' }),
      });
      const { req } = await client.buildRequest({ path: '/foo', method: 'post' });
      expect([req.headers.get('x-env-header'), req.headers.get('x-my-default-header')]).toEqual(['env', '2']);
      expect(
        [...req.headers].map(([name]) => name).filter((name) => name.startsWith('x-') && !name.startsWith('x-sdk')),
      ).toEqual(['x-env-header', 'x-my-default-header', 'x-stainless-retry-count']);
    } finally {
      delete process.env['CONV_SDK_CUSTOM_HEADERS'];
    }
  });

  test('baseURL: null is the default server, whatever <PREFIX>_BASE_URL says', () => {
    process.env['CONV_SDK_BASE_URL'] = 'https://example.com/from_env';
    try {
      expect(new ConvClient({ apiKey: 'k', baseURL: null }).baseURL).toBe('https://api.example.com/v2');
      expect(new ConvClient({ apiKey: 'k' }).baseURL).toBe('https://example.com/from_env');
    } finally {
      delete process.env['CONV_SDK_BASE_URL'];
    }
  });
});

describe("environments: the spec's servers by name", () => {
  // As a generated client whose spec has two servers makes itself.
  class EnvClient extends BaseClient {
    constructor(options: ClientOptions = {}) {
      const environments = { production: 'https://api.example.com/v2', sandbox: 'https://sandbox.example.com/v2' };
      super(withEnvironment({ logger: quiet, ...options }, environments, CONFIG.envPrefix), CONFIG);
    }
  }

  test('chosen by name; with a base URL (option or variable) ambiguous, as the official SDKs word it; null allows it', () => {
    expect(new EnvClient({ apiKey: 'k', environment: 'sandbox' }).baseURL).toBe('https://sandbox.example.com/v2');
    expect(new EnvClient({ apiKey: 'k' }).baseURL).toBe('https://api.example.com/v2');
    expect(() => new EnvClient({ apiKey: 'k', environment: 'sandbox', baseURL: 'http://localhost' })).toThrow(
      'Ambiguous URL; The `baseURL` option (or CONV_SDK_BASE_URL env var) and the `environment` option are given. If you want to use the environment you must pass baseURL: null',
    );
    process.env['CONV_SDK_BASE_URL'] = 'https://example.com/from_env';
    try {
      expect(() => new EnvClient({ apiKey: 'k', environment: 'production' })).toThrow(/^Ambiguous URL/);
      expect(new EnvClient({ apiKey: 'k', environment: 'sandbox', baseURL: null }).baseURL).toBe(
        'https://sandbox.example.com/v2',
      );
    } finally {
      delete process.env['CONV_SDK_BASE_URL'];
    }
    expect(() => new EnvClient({ apiKey: 'k', environment: 'staging' })).toThrow(
      'Unknown environment "staging": one of production, sandbox.',
    );
  });

  test("withOptions keeps the environment's URL, and takes another environment", () => {
    const client = new EnvClient({ apiKey: 'k', environment: 'sandbox' });
    expect(client.withOptions({ timeout: 5 }).baseURL).toBe('https://sandbox.example.com/v2');
    expect(client.withOptions({ environment: 'production' }).baseURL).toBe('https://api.example.com/v2');
  });
});

describe('the retry-count header', () => {
  test('is sent on every attempt, counting from 0', async () => {
    const wire = capturing((call) => (call <= 2 ? rateLimited() : Response.json({ a: 1 })));
    const client = new ConvClient({ apiKey: 'k', fetch: wire.fetch, maxRetries: 4 });
    expect(await client.request({ path: '/foo', method: 'get' })).toEqual({ a: 1 });
    expect(wire.calls.map((call) => headerOf(call, 'x-stainless-retry-count'))).toEqual(['0', '1', '2']);
  });

  test('can be overridden per request, or removed with null per request and by default', async () => {
    const overridden = capturing((call) => (call <= 2 ? rateLimited() : Response.json({})));
    await new ConvClient({ apiKey: 'k', fetch: overridden.fetch }).request({
      path: '/foo',
      method: 'get',
      headers: { 'X-Stainless-Retry-Count': '42' },
    });
    expect(overridden.calls.map((call) => headerOf(call, 'x-stainless-retry-count'))).toEqual(['42', '42', '42']);

    const removed = capturing((call) => (call <= 2 ? rateLimited() : Response.json({})));
    await new ConvClient({ apiKey: 'k', fetch: removed.fetch }).get('/foo', {
      headers: { 'X-Stainless-Retry-Count': null },
    });
    expect(removed.calls.map((call) => new Headers(call.init.headers).has('x-stainless-retry-count'))).toEqual([
      false,
      false,
      false,
    ]);

    const byDefault = capturing((call) => (call <= 1 ? rateLimited() : Response.json({})));
    await new ConvClient({
      apiKey: 'k',
      fetch: byDefault.fetch,
      defaultHeaders: { 'X-Stainless-Retry-Count': null },
    }).get('/foo');
    expect(byDefault.calls.map((call) => new Headers(call.init.headers).has('x-stainless-retry-count'))).toEqual([
      false,
      false,
    ]);
  });

  test('a timed-out attempt is retried (the fetch sees its signal abort)', async () => {
    let count = 0;
    const client = new ConvClient({
      apiKey: 'k',
      timeout: 20,
      fetch: (_url, { signal }) => {
        if (count++ === 0)
          return new Promise((_resolve, reject) =>
            signal?.addEventListener('abort', () => reject(new Error('timed out'))),
          );
        return Promise.resolve(Response.json({ a: 1 }));
      },
    });
    expect(await client.get('/foo')).toEqual({ a: 1 });
    expect(count).toBe(2);
  });
});

describe('client properties', () => {
  test('apiKey, baseURL, maxRetries, timeout and logLevel are readable, with their defaults', () => {
    const client = new ConvClient({ apiKey: 'my-key' });
    expect([client.apiKey, client.baseURL, client.maxRetries, client.timeout, client.logLevel]).toEqual([
      'my-key',
      'https://api.example.com/v2',
      2,
      60_000,
      'warn',
    ]);
    process.env['CONV_SDK_API_KEY'] = 'env-key';
    try {
      expect(new ConvClient().apiKey).toBe('env-key');
      expect(new ConvClient({ apiKey: 'option-key' }).apiKey).toBe('option-key');
    } finally {
      delete process.env['CONV_SDK_API_KEY'];
    }
  });

  test('an invalid log level in the env var is reported as the official client words it; the option wins silently', () => {
    const warnings: string[] = [];
    const logger: Logger = { ...quiet, warn: (message: string) => void warnings.push(message) };
    process.env['CONV_SDK_LOG'] = 'not a log level';
    try {
      expect(new ConvClient({ apiKey: 'k', logger }).logLevel).toBe('warn');
      expect(warnings).toEqual([
        'process.env[\'CONV_SDK_LOG\'] was set to "not a log level", expected one of ["off","error","warn","info","debug"]',
      ]);
      expect(new ConvClient({ apiKey: 'k', logger, logLevel: 'debug' }).logLevel).toBe('debug');
      expect(warnings).toHaveLength(1);
    } finally {
      delete process.env['CONV_SDK_LOG'];
    }
  });

  test('withOptions copies the current values, changed ones included; the original is untouched', async () => {
    const wire = capturing();
    const client = new ConvClient({
      apiKey: 'k',
      baseURL: 'http://localhost:5000/',
      timeout: 1000,
      fetch: wire.fetch,
      defaultHeaders: { 'x-test-header': 'v' },
      defaultQuery: { 'test-param': 'p' },
    });
    client.baseURL = 'http://localhost:6000/';
    client.timeout = 2000;
    client.apiKey = 'rotated-key';
    client.logLevel = 'error';
    const copy = client.withOptions({ maxRetries: 10 });
    expect(copy).not.toBe(client);
    expect(copy.constructor).toBe(client.constructor);
    expect([copy.baseURL, copy.timeout, copy.maxRetries, copy.apiKey, copy.logLevel]).toEqual([
      'http://localhost:6000/',
      2000,
      10,
      'rotated-key',
      'error',
    ]);
    expect(client.maxRetries).toBe(2);
    await copy.get('/bar');
    expect(wire.calls[0]!.url).toBe('http://localhost:6000/bar?test-param=p');
    expect(headerOf(wire.calls[0], 'x-test-header')).toBe('v');
    expect(headerOf(wire.calls[0], 'authorization')).toBe('Bearer rotated-key');
  });
});

describe("APIPromise in the official SDKs' form: new APIPromise(client, responsePromise)", () => {
  const official = (response: Response) =>
    Promise.resolve({ response, requestLogID: 'log_7', retryOfRequestLogID: undefined, startTime: Date.now() });

  test('parses the body as they do (JSON by content type, else text) and logs it at debug only', async () => {
    const logged: unknown[][] = [];
    const logger: Logger = { ...quiet, debug: (...args: unknown[]) => void logged.push(args) };
    const debug = new ConvClient({ apiKey: 'k', logger, logLevel: 'debug' });
    expect(await new APIPromise(debug, official(Response.json({ a: 1 })))).toEqual({ a: 1 });
    expect(await new APIPromise(debug, official(new Response('plain')))).toBe('plain');
    expect(logged.map(([message]) => message)).toEqual(['[log_7] response parsed', '[log_7] response parsed']);
    expect(logged[0]![1]).toMatchObject({ status: 200 });

    logged.length = 0;
    await new APIPromise(new ConvClient({ apiKey: 'k', logger, logLevel: 'info' }), official(new Response()));
    expect(logged).toEqual([]);
  });

  test('withResponse() gives the same Response', async () => {
    const response = Response.json([1]);
    const { data, response: same } = await new APIPromise(
      new ConvClient({ apiKey: 'k' }),
      official(response),
    ).withResponse();
    expect(data).toEqual([1]);
    expect(same).toBe(response);
  });
});

describe('request options override what the method would send', () => {
  const spec = { method: 'get', path: '/items/{id}', pathParams: { id: 'a' }, query: { limit: 1, keep: 'x' } } as const;

  test('path, method, query, body and headers', async () => {
    const wire = capturing();
    const client = new ConvClient({ apiKey: 'k', baseURL: 'http://h', fetch: wire.fetch });
    await client.request(spec, {
      path: '/_stainless_unknown_path',
      method: 'post',
      query: { limit: 2, keep: undefined, extra: 'y' },
      body: { b: 1 },
      headers: { 'x-extra': 'e', authorization: null },
    });
    const { url, init } = wire.calls[0]!;
    expect(url).toBe('http://h/_stainless_unknown_path?limit=2&extra=y');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"b":1}');
    expect(headerOf(wire.calls[0], 'content-type')).toBe('application/json');
    expect(headerOf(wire.calls[0], 'x-extra')).toBe('e');
    expect(new Headers(init.headers).has('authorization')).toBe(false);
  });

  test('an unknown path is a typed error from the server', async () => {
    const client = new ConvClient({ apiKey: 'k', baseURL: server.url });
    await expect(client.request(spec, { path: '/_stainless_unknown_path' })).rejects.toBeInstanceOf(NotFoundError);
  });

  test("fetchOptions are merged over the client's; timeout, maxRetries, idempotencyKey and signal apply", async () => {
    const wire = capturing(() => rateLimited());
    const client = new ConvClient({
      apiKey: 'k',
      baseURL: 'http://h',
      fetch: wire.fetch,
      fetchOptions: { keepalive: true, redirect: 'error' },
      maxRetries: 0,
    });
    const error = await client
      .request(
        { method: 'post', path: '/x', body: {} },
        { fetchOptions: { redirect: 'manual' }, maxRetries: 2, idempotencyKey: 'idem-1', timeout: 5000 },
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(wire.calls).toHaveLength(3);
    expect(wire.calls[0]!.init).toMatchObject({ keepalive: true, redirect: 'manual' });
    expect(wire.calls.map((call) => headerOf(call, 'idempotency-key'))).toEqual(['idem-1', 'idem-1', 'idem-1']);
    await expect(client.request({ method: 'get', path: '/x' }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(wire.calls).toHaveLength(3);
  });
});

describe('bodies given as request options', () => {
  const encoder = new TextEncoder();
  const sources = (): Array<[string, unknown]> => [
    ['an iterator', [encoder.encode('a\nb\nc\n')][Symbol.iterator]()],
    ['a ReadableStream', new Response('a\nb\nc\n').body],
    [
      'an async generator',
      (async function* () {
        yield 'a\n';
        yield encoder.encode('b\nc\n');
      })(),
    ],
  ];

  test.each(sources())('%s is sent as a stream, with no content type of ours', async (_name, body) => {
    const client = new ConvClient({ apiKey: 'k', baseURL: 'http://h' });
    const { req } = await client.buildRequest({ path: '/foo', method: 'post', body });
    expect(req.body).toBeInstanceOf(ReadableStream);
    expect(req.headers.get('content-type')).toBeNull();
    expect(await new Response(req.body).text()).toBe('a\nb\nc\n');
  });

  test('objects that are only iterable, or serializable, are JSON', async () => {
    class Collection {
      toJSON(): string[] {
        return ['item'];
      }
      *[Symbol.iterator](): Iterator<string> {
        yield 'item';
      }
    }
    const client = new ConvClient({ apiKey: 'k', baseURL: 'http://h' });
    const { req } = await client.buildRequest({ path: '/foo', method: 'post', body: new Collection() });
    expect(req.body).toBe('["item"]');
    expect(req.headers.get('content-type')).toBe('application/json');
  });

  test('an async iterable reaches the server whole, with its own content type', async () => {
    const client = new ConvClient({ apiKey: 'k', baseURL: server.url });
    const body = (async function* () {
      yield 'streamed ';
      yield 'text';
    })();
    const result = await client.post<{ body: string }>(`/flaky/stream-${Math.random()}/0`, {
      body,
      headers: { 'content-type': 'text/plain' },
    });
    expect(result.body).toBe('streamed text');
    expect(server.requests.at(-1)!.headers['content-type']).toBe('text/plain');
  });
});

describe('client.get/post/put/patch/delete for endpoints without a method', () => {
  test('return an APIPromise with withResponse(), typed errors and retries', async () => {
    const client = new ConvClient({ apiKey: 'k', baseURL: server.url });
    const promise = client.post<{ attempts: number; body: string }>(`/flaky/verbs-${Math.random()}/1`, {
      body: { name: 'n' },
      query: { q: '1' },
    });
    expect(promise).toBeInstanceOf(APIPromise);
    const { data, response } = await promise.withResponse();
    expect(data).toMatchObject({ attempts: 2, body: '{"name":"n"}' });
    expect(response.status).toBe(200);
    expect(server.requests.at(-1)!.url).toMatch(/\?q=1$/);
    for (const verb of ['get', 'put', 'patch', 'delete'] as const) {
      await expect(client[verb]('/nowhere')).rejects.toBeInstanceOf(NotFoundError);
      expect(server.requests.at(-1)!.method).toBe(verb.toUpperCase());
    }
  });
});
