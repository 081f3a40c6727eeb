import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APIPromise } from '../../templates/src/core/api-promise.js';
import { BaseClient, type ClientOptions, type RequestSpec } from '../../templates/src/core/base-client.js';
import { APIConnectionError, APIError, NotFoundError, SDKError } from '../../templates/src/core/error.js';
import { formBody } from '../../templates/src/internal/form.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

class TestClient extends BaseClient {
  constructor(options: ClientOptions = {}) {
    super(options, {
      packageName: 'test-sdk',
      packageVersion: '1.2.3',
      defaultBaseURL: 'https://api.example.com/v2',
      envPrefix: 'TEST_SDK',
      securitySchemes: { bearerAuth: { type: 'bearer' } },
      security: [['bearerAuth']],
      requiresCredentials: true,
    });
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, res) => {
    if (request.url.startsWith('/missing'))
      return json(res, 404, { errors: [{ code: '404', detail: 'no such thing' }] });
    if (request.url.startsWith('/empty')) {
      res.writeHead(204);
      return res.end();
    }
    json(res, 200, { echo: request.body, url: request.url });
  });
});
afterAll(() => server.close());

// Response kind and security are left to the defaults (JSON; the spec's top-level security), as generated calls do.
const get = (path: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({ method: 'get', path, ...extra });

describe('BaseClient', () => {
  test('a missing API key is a clear error at construction; the env var is the default', () => {
    delete process.env['TEST_SDK_API_KEY'];
    expect(() => new TestClient()).toThrow(SDKError);
    expect(() => new TestClient()).toThrow(/TEST_SDK_API_KEY environment variable is missing or empty/);
    process.env['TEST_SDK_API_KEY'] = 'from-env';
    expect(() => new TestClient({ baseURL: server.url })).not.toThrow();
    delete process.env['TEST_SDK_API_KEY'];
  });

  test('base URL: option, then env var, then the spec default, kept as given (as the official SDK); the key never shows in inspect', () => {
    expect(new TestClient({ apiKey: 'k' }).baseURL).toBe('https://api.example.com/v2');
    process.env['TEST_SDK_BASE_URL'] = 'http://env.example/';
    expect(new TestClient({ apiKey: 'k' }).baseURL).toBe('http://env.example/');
    expect(new TestClient({ apiKey: 'k', baseURL: 'http://opt.example' }).baseURL).toBe('http://opt.example');
    delete process.env['TEST_SDK_BASE_URL'];
    expect(inspect(new TestClient({ apiKey: 'sk-very-secret' }), { depth: 5 })).not.toContain('sk-very-secret');
  });

  test('sends auth, user agent, path and query params; default headers can be removed with null', async () => {
    const client = new TestClient({
      apiKey: 'secret',
      baseURL: server.url,
      defaultHeaders: { 'x-default': 'd', 'user-agent': null },
    });
    const result = await client.request<{ url: string }>(
      get('/items/{id}', { pathParams: { id: 'a/b c' }, query: { 'page[size]': 2, tags: ['x', 'y'] } }),
      { headers: { 'x-call': 'c' } },
    );
    expect(result.url).toBe('/items/a%2Fb%20c?page[size]=2&tags=x&tags=y');
    const seen = server.requests.at(-1)!;
    expect(seen.headers['authorization']).toBe('Bearer secret');
    expect(seen.headers['x-default']).toBe('d');
    expect(seen.headers['x-call']).toBe('c');
    expect(seen.headers['user-agent']).not.toContain('test-sdk');

    await new TestClient({ apiKey: 'secret', baseURL: server.url }).request(get('/ua'));
    expect(server.requests.at(-1)!.headers['user-agent']).toBe('test-sdk/JS 1.2.3');
  });

  test('operations without security send no credentials', async () => {
    await new TestClient({ apiKey: 'secret', baseURL: server.url }).request(get('/public', { security: [] }));
    expect(server.requests.at(-1)!.headers['authorization']).toBeUndefined();
  });

  test("bodies go out in the spec's encoding; mixed params are split by key", async () => {
    const client = new TestClient({ apiKey: 'k', baseURL: server.url });
    await client.request({
      method: 'post',
      path: '/token',
      body: { grant_type: 'client_credentials', scope: 'admin' },
      bodyEncoding: 'form',
      encode: formBody,
      contentType: 'application/x-www-form-urlencoded',
      response: 'json',
      security: [],
    });
    let seen = server.requests.at(-1)!;
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen.body).toBe('grant_type=client_credentials&scope=admin');

    await client.request({
      method: 'post',
      path: '/things',
      params: { limit: 5, 'x-trace': 't', name: 'n' },
      queryKeys: ['limit'],
      headerKeys: ['x-trace'],
      bodyEncoding: 'json',
    });
    seen = server.requests.at(-1)!;
    expect(seen.url).toBe('/things?limit=5');
    expect(seen.headers['x-trace']).toBe('t');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen.body)).toEqual({ name: 'n' });

    // A field the API names `__proto__` is sent like any other, not taken for the object's prototype.
    await client.request({
      method: 'post',
      path: '/things',
      params: JSON.parse('{"limit": 1, "__proto__": {"x": 1}, "name": "n"}') as object,
      queryKeys: ['limit'],
      bodyEncoding: 'json',
    });
    expect(server.requests.at(-1)!.url).toBe('/things?limit=1');
    expect(server.requests.at(-1)!.body).toBe('{"__proto__":{"x":1},"name":"n"}');

    // A required body with no fields given is still sent, as `{}` (Prism and real APIs refuse a missing one); an optional one is not.
    await client.request({
      method: 'post',
      path: '/things',
      params: { 'x-trace': 't' },
      headerKeys: ['x-trace'],
      bodyEncoding: 'json',
      bodyRequired: true,
    });
    seen = server.requests.at(-1)!;
    expect(seen.body).toBe('{}');
    expect(seen.headers['content-type']).toBe('application/json');
    await client.request({
      method: 'post',
      path: '/things',
      params: { 'x-trace': 't' },
      headerKeys: ['x-trace'],
      bodyEncoding: 'json',
    });
    expect(server.requests.at(-1)!.body).toBe('');

    // Without a bodyEncoding, params hold query and header fields only: nothing else becomes a body.
    await client.request({ method: 'get', path: '/things', params: { limit: 5, stray: 'x' }, queryKeys: ['limit'] });
    seen = server.requests.at(-1)!;
    expect(seen.url).toBe('/things?limit=5');
    expect(seen.body).toBe('');
    expect(seen.headers['content-type']).toBeUndefined();
  });

  test("defaults: a body is JSON, the response is parsed as JSON, the security is the spec's top-level one", async () => {
    const client = new TestClient({ apiKey: 'k', baseURL: server.url });
    const result = await client.request<{ echo: string }>({ method: 'post', path: '/things', body: { name: 'n' } });
    const seen = server.requests.at(-1)!;
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers['authorization']).toBe('Bearer k');
    expect(JSON.parse(seen.body)).toEqual({ name: 'n' });
    expect(JSON.parse(result.echo)).toEqual({ name: 'n' });
  });

  test('non-success statuses throw typed errors with status, headers and body', async () => {
    const client = new TestClient({ apiKey: 'k', baseURL: server.url });
    const error = await client.request(get('/missing')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(APIError);
    const apiError = error as NotFoundError;
    expect(apiError.status).toBe(404);
    expect(apiError.headers.get('content-type')).toBe('application/json');
    expect(apiError.error).toEqual({ errors: [{ code: '404', detail: 'no such thing' }] });
    expect(apiError.message).toBe('404 404: no such thing');
  });

  test('204 resolves to undefined; the promise offers withResponse and asResponse', async () => {
    const client = new TestClient({ apiKey: 'k', baseURL: server.url });
    const promise = client.request<void>(get('/empty', { response: 'void' }));
    expect(promise).toBeInstanceOf(APIPromise);
    expect(await promise).toBeUndefined();
    const raw = await client.request(get('/raw')).asResponse();
    expect(raw).toBeInstanceOf(Response);
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toMatchObject({ url: '/raw' });
    const { data, response } = await client.request<{ url: string }>(get('/pair')).withResponse();
    expect(data.url).toBe('/pair');
    expect(response.status).toBe(200);
  });

  test('a refused connection is an APIConnectionError; a custom fetch is used', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const error = await new TestClient({ apiKey: 'k', baseURL: closed.url })
      .request(get('/x'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/^Connection error: fetch failed: .*ECONNREFUSED/);

    const urls: string[] = [];
    const client = new TestClient({
      apiKey: 'k',
      baseURL: 'http://nowhere.invalid',
      fetch: async (url) => (urls.push(url), Response.json({ ok: true })),
    });
    expect(await client.request(get('/custom'))).toEqual({ ok: true });
    expect(urls).toEqual(['http://nowhere.invalid/custom']);
  });
});
