// Issue #25 items 2-3: `client.fetch` is openapi-fetch's client typed by the spec's `paths`, sent through the SDK's
// request loop (auth on the API's origin only, retries, timeouts, redirects, masking); and the generated methods'
// requests are checked against `paths` at compile time (internal/endpoint.ts). The type checks below are compiled by
// `npm run typecheck` (the root tsconfig includes test/): a `@ts-expect-error` that no longer errors fails it.
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from 'vitest';
import { Telnyx } from '../../generated/src/client.js';
import { APIConnectionTimeoutError, TelnyxError } from '../../generated/src/core/error.js';
import type { Endpoint, MethodOf, WirePath } from '../../generated/src/internal/endpoint.js';
import type { components, paths } from '../../generated/src/internal/openapi.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

const KEY = 'sk-typed-fetch-91c2';
let api: TestServer;
let other: TestServer;
const attempts = new Map<string, number>();

beforeAll(async () => {
  api = await startServer((request, res) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/oauth_clients/flaky') {
      const seen = (attempts.get('flaky') ?? 0) + 1;
      attempts.set('flaky', seen);
      if (seen === 1) return json(res, 503, { errors: [{ detail: 'busy' }] }, { 'retry-after-ms': '1' });
    }
    if (url.pathname === '/oauth_clients/missing')
      return json(res, 404, { errors: [{ code: '10005', title: 'Resource not found', detail: KEY }] });
    if (url.pathname === '/oauth_clients/hang') return; // never answers
    if (url.pathname === '/oauth_clients/redirect') {
      res.writeHead(302, { location: `${other.url}/oauth_clients/landed` });
      return res.end();
    }
    return json(res, request.method === 'POST' ? 201 : 200, {
      data: { client_id: url.pathname.split('/').pop(), name: 'n', query: url.search },
    });
  });
  other = await startServer((_request, res) => json(res, 200, { data: { at: 'other' } }));
});

afterAll(async () => {
  await api.close();
  await other.close();
});

const client = (options: ConstructorParameters<typeof Telnyx>[0] = {}): Telnyx =>
  new Telnyx({ apiKey: KEY, baseURL: api.url, maxRetries: 1, logLevel: 'off', ...options });

describe('client.fetch: openapi-fetch typed by paths, through the SDK', () => {
  test('GET with a path param: the path filled, the key sent, the body parsed and typed', async () => {
    const { data, error, response } = await client().fetch.GET('/oauth_clients/{id}', {
      params: { path: { id: 'abc' } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.data?.client_id).toBe('abc');
    expectTypeOf(data!.data).toEqualTypeOf<components['schemas']['OAuthClient'] | undefined>();
    const seen = api.requests.at(-1)!;
    expect(seen.url).toBe('/oauth_clients/abc');
    expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen.headers['user-agent']).toBeDefined();
  });

  test('POST sends the typed body as JSON; the query goes through the SDK serializer with the default query', async () => {
    const { data } = await client({ defaultQuery: { trace: '1' } }).fetch.POST('/oauth_clients', {
      body: { name: 'My OAuth client', allowed_scopes: ['admin'], client_type: 'public', allowed_grant_types: [] },
    });
    expect(data?.data?.client_id).toBe('oauth_clients');
    const seen = api.requests.at(-1)!;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/oauth_clients?trace=1');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen.body)).toMatchObject({ name: 'My OAuth client', client_type: 'public' });
    // The query as the SDK's own method sends it.
    const list = await client().fetch.GET('/oauth_clients', { params: { query: { 'page[number]': 2 } } });
    expect(list.response.status).toBe(200);
    const typedURL = api.requests.at(-1)!.url;
    await client().oauthClients.list({ 'page[number]': 2 });
    expect(typedURL).toBe(api.requests.at(-1)!.url);
    expect(typedURL).toBe('/oauth_clients?page[number]=2');
    // A query param the call gives wins over the default query's value of that name: sent once.
    await client({ defaultQuery: { 'page[number]': '1', trace: '1' } }).fetch.GET('/oauth_clients', {
      params: { query: { 'page[number]': 3 } },
    });
    expect(api.requests.at(-1)!.url).toBe('/oauth_clients?page[number]=3&trace=1');
  });

  test('an error status is openapi-fetch’s `error`, parsed', async () => {
    const { data, error, response } = await client().fetch.GET('/oauth_clients/{id}', {
      params: { path: { id: 'missing' } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ errors: [{ code: '10005' }] });
  });

  test('retries a retryable status, as every SDK call does', async () => {
    attempts.clear();
    const { data } = await client().fetch.GET('/oauth_clients/{id}', { params: { path: { id: 'flaky' } } });
    expect(attempts.get('flaky')).toBe(2);
    expect(data?.data?.client_id).toBe('flaky');
    expect(api.requests.at(-1)!.headers['x-stainless-retry-count']).toBe('1');
  });

  test('a timeout throws the SDK’s timeout error', async () => {
    const error = await client({ timeout: 50, maxRetries: 0 })
      .fetch.GET('/oauth_clients/{id}', { params: { path: { id: 'hang' } } })
      .catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  test('a path param that would change the path is refused before sending', async () => {
    const before = api.requests.length;
    const error = await client()
      .fetch.DELETE('/oauth_clients/{id}', { params: { path: { id: '..' } } })
      .catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(TelnyxError);
    expect(api.requests.length).toBe(before);
  });

  test('credentials stay on the API’s origin: a redirect or a per-call baseUrl elsewhere gets none', async () => {
    const redirected = await client().fetch.GET('/oauth_clients/{id}', { params: { path: { id: 'redirect' } } });
    expect(redirected.data).toEqual({ data: { at: 'other' } });
    // A default query's credential (api_key) stays too; its other params go.
    const elsewhere = await client({ defaultQuery: { api_key: 'q-secret-5', lang: 'en' } }).fetch.GET(
      '/oauth_clients/{id}',
      { baseUrl: other.url, params: { path: { id: 'x' } } },
    );
    expect(elsewhere.response.status).toBe(200);
    expect(other.requests).toHaveLength(2);
    for (const seen of other.requests) expect(seen.headers.authorization).toBeUndefined();
    expect(other.requests[1]!.url).toBe('/oauth_clients/x?lang=en');
  });

  test('the client made for one base URL is remade when baseURL changes', async () => {
    const sdk = client({ baseURL: other.url });
    await sdk.fetch.GET('/oauth_clients/{id}', { params: { path: { id: 'a' } } });
    sdk.baseURL = api.url;
    await sdk.fetch.GET('/oauth_clients/{id}', { params: { path: { id: 'b' } } });
    expect(api.requests.at(-1)!.url).toBe('/oauth_clients/b');
    expect(api.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  test('paths, methods and params are typed by the spec', () => {
    const sdk = client();
    // Compile-time only: the calls are never awaited against a server.
    const typeChecks = (): void => {
      // @ts-expect-error: no such path in the spec
      void sdk.fetch.GET('/oauth_client/{id}', { params: { path: { id: 'a' } } });
      // @ts-expect-error: the path param is required
      void sdk.fetch.GET('/oauth_clients/{id}', {});
      // @ts-expect-error: the body's name is a string
      void sdk.fetch.POST('/oauth_clients', { body: { name: 1 } });
    };
    expect(typeof typeChecks).toBe('function');
  });
});

describe('Endpoint: a generated request checked against paths', () => {
  test('method, path, path params, query and body of the operation', () => {
    type Create = Endpoint<paths, '/oauth_clients', 'post'>;
    type Retrieve = Endpoint<paths, '/oauth_clients/{id}', 'get'>;
    expectTypeOf<MethodOf<paths['/oauth_clients/{id}']>>().toEqualTypeOf<'get' | 'put' | 'delete'>();
    expectTypeOf<WirePath<'/things/{id}?beta=true'>>().toEqualTypeOf<'/things/{id}'>();
    expectTypeOf<WirePath<'/files/{id}#add_link'>>().toEqualTypeOf<'/files/{id}'>();
    expectTypeOf<WirePath<'/#Action=Run'>>().toEqualTypeOf<'/'>();
    const good = {
      method: 'post',
      path: '/oauth_clients',
      body: { name: 'n', allowed_scopes: [], client_type: 'public', allowed_grant_types: [] },
    } satisfies Create;
    const retrieve = { method: 'get', path: '/oauth_clients/{id}', pathParams: { id: 'a' } } satisfies Retrieve;
    // @ts-expect-error: a method the path item does not declare
    type Patch = Endpoint<paths, '/oauth_clients', 'patch'>;
    // @ts-expect-error: another operation's path
    const wrongPath = { method: 'post', path: '/oauth_grants' } satisfies Create;
    // @ts-expect-error: a path param the operation does not have
    const wrongParam = { method: 'get', path: '/oauth_clients/{id}', pathParams: { key: 'a' } } satisfies Retrieve;
    // @ts-expect-error: a body where the operation takes none
    const noBody = { method: 'get', path: '/oauth_clients/{id}', body: {} } satisfies Retrieve;
    // @ts-expect-error: a body member of the wrong type
    const wrongBody = { method: 'post', path: '/oauth_clients', body: { name: 1 } } satisfies Create;
    // Fields the SDK shapes its own way (`x-sdk-param`, `include[]`) are not checked against the spec's names.
    const renamed = { method: 'post', path: '/oauth_clients', body: { other: 1 } } satisfies Endpoint<
      paths,
      '/oauth_clients',
      'post',
      'body'
    >;
    expect([good, retrieve, wrongPath, wrongParam, noBody, wrongBody, renamed].length).toBe(7);
    expectTypeOf<Patch>().not.toBeNever();
  });
});
