// What the runtime uses of openapi-fetch (frozen upstream, pinned exactly), through the one module that wraps it: a
// client whose `fetch` is the SDK's request loop, its header merging, its error-body parsing. A new openapi-fetch (or a
// replacement of the module) must keep these.

import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { BaseClient, type SDKConfig } from '../../templates/src/core/base-client.js';
import { ClientCredentialsTokenSource } from '../../templates/src/internal/oauth.js';
import { createTransport, finalURL, type SentRequest } from '../../templates/src/internal/openapi-fetch.js';
import { serializeFormQuery, serializeSimplePath } from '../../templates/src/internal/params.js';
import { fillPath } from '../../templates/src/internal/url.js';

// Counts the openapi-fetch clients made and the requests sent through them.
const counts = vi.hoisted(() => ({ clients: 0, requests: 0 }));
vi.mock('openapi-fetch', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>();
  type Client = { request(...args: unknown[]): Promise<unknown> };
  const createClient = (options: object): Client => {
    counts.clients++;
    const client = (actual['default'] as (options: object) => Client)(options);
    return {
      ...client,
      request: (...args: unknown[]) => {
        counts.requests++;
        return client.request(...args);
      },
    };
  };
  return { ...actual, default: createClient };
});

describe('createTransport', () => {
  test('hands its fetch the URL as given, merged headers without nulls, and the context; no body, no content type', async () => {
    const seen: Array<SentRequest<string>> = [];
    const send = createTransport<string>(async (request) => {
      seen.push(request);
      return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const result = await send({
      method: 'put',
      url: 'http://127.0.0.1:1/a/b%2Fc?x=1&y[z]=2',
      headers: { 'x-a': '1', 'x-removed': null },
      context: 'ctx',
    });
    const request = seen[0]!;
    expect(request.url).toBe('http://127.0.0.1:1/a/b%2Fc?x=1&y[z]=2');
    expect(request.method).toBe('PUT');
    expect(request.context).toBe('ctx');
    expect([...request.headers]).toEqual([['x-a', '1']]);
    // A success body is left unread, for the SDK to read (bounded, inside its timeout).
    expect(result.response.bodyUsed).toBe(false);
    expect(result.error).toBeUndefined();
  });

  test.each([
    ['{"errors":[{"detail":"no"}]}', { errors: [{ detail: 'no' }] }],
    ['plain text', 'plain text'],
    ['', ''],
  ])('an error body %j is parsed as %j', async (text, parsed) => {
    const send = createTransport<undefined>(async () => new Response(text, { status: 422 }));
    const result = await send({ method: 'get', url: 'http://x/y', headers: {}, context: undefined });
    expect(result.error).toEqual(parsed);
    expect(result.response.status).toBe(422);
  });
});

describe("finalURL: openapi-fetch's URL builder with the SDK's serializers", () => {
  const fill = (template: string, values: Record<string, unknown>) => fillPath(template, values, serializeSimplePath);
  test.each([
    [
      'http://h/v2/',
      '/items/{id}',
      { id: 'a b' },
      { 'page[size]': 2, tags: ['x', 'y'] },
      'http://h/v2/items/a%20b?page[size]=2&tags=x&tags=y',
    ],
    ['http://h/v2', 'items', undefined, {}, 'http://h/v2/items'],
    ['http://h/{tenant}/v2', '/items/{id}', { id: '1' }, { q: '?' }, 'http://h/{tenant}/v2/items/1?q=%3F'],
    ['http://h/v2', 'https://other/page?x=1', {}, {}, 'https://other/page?x=1'],
    ['http://h/v2', '/x/{y}', undefined, {}, 'http://h/v2/x/{y}'],
    // A path's own query comes first, the rest after it (one `?`).
    ['http://h/v2', 'https://other/page?x=1', {}, { key: 'k' }, 'https://other/page?x=1&key=k'],
    ['http://h/v2', '/items?a=1&a=2', undefined, { b: 3 }, 'http://h/v2/items?a=1&a=2&b=3'],
  ])('%s + %s', (base, path, params, query, expected) => {
    expect(finalURL(base, path, params, query, serializeFormQuery, fill)).toBe(expected);
  });

  test("the SDK's path checks hold", () => {
    expect(() => finalURL('http://h', '/items/{id}', { id: '..' }, {}, serializeFormQuery, fill)).toThrow(
      /Path parameter "id" is "\.\."/,
    );
    expect(() => finalURL('http://h', '/items/{id}', { id: [] }, {}, serializeFormQuery, fill)).toThrow(
      /Path parameter "id" is empty/,
    );
  });
});

describe('the SDK client', () => {
  const config: SDKConfig = {
    packageName: 'of',
    packageVersion: '0',
    defaultBaseURL: 'http://127.0.0.1:1',
    envPrefix: 'OF',
    securitySchemes: {},
    security: [],
    requiresCredentials: false,
  };
  class Client extends BaseClient {}

  test('sends every request through its one openapi-fetch client, made on the first request', async () => {
    const fetch = vi.fn(
      async () => new Response('{"a":1}', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const client = new Client({ fetch }, config);
    const before = { ...counts };
    expect(await client.get('/one')).toEqual({ a: 1 });
    expect(await client.post('/two', { body: { b: 2 } })).toEqual({ a: 1 });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(counts.clients - before.clients).toBe(1);
    expect(counts.requests - before.requests).toBe(2);
    const [, init] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(init.redirect).toBe('manual');
    expect((init.headers as Headers).get('content-type')).toBe('application/json');
  });

  test('the OAuth token request goes through the same openapi-fetch client as the call that needed it', async () => {
    const fetch = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith('/oauth/token')
        ? new Response('{"access_token":"tok-1","expires_in":3600}', {
            headers: { 'content-type': 'application/json' },
          })
        : new Response('{"a":1}', { headers: { 'content-type': 'application/json' } }),
    );
    const oauthConfig: SDKConfig = {
      ...config,
      securitySchemes: { oauth: { type: 'oauth2', tokenUrl: 'http://127.0.0.1:1/oauth/token', scopes: [] } },
      security: [['oauth']],
      tokenSource: ClientCredentialsTokenSource,
    };
    const client = new Client({ fetch, clientID: 'id', clientSecret: 'secret' }, oauthConfig);
    const before = { ...counts };
    expect(await client.get('/one')).toEqual({ a: 1 });
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      'http://127.0.0.1:1/oauth/token',
      'http://127.0.0.1:1/one',
    ]);
    expect(counts.clients - before.clients).toBe(1);
    expect(counts.requests - before.requests).toBe(2);
    const [, sent] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect((sent.headers as Headers).get('authorization')).toBe('Bearer tok-1');
  });

  test('buildURL gives the URL a request really sends, object and list values included', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    const client = new Client({ fetch, baseURL: 'http://127.0.0.1:1/v1/', defaultQuery: { v: '2' } }, config);
    const query = { filter: { a: 1, b: 'x y' }, ids: [1, 2], flag: true };
    await client.get('/items', { query });
    const [sent] = fetch.mock.calls[0] as unknown as [string];
    expect(client.buildURL('/items', query)).toBe(sent);
    expect(sent).toBe('http://127.0.0.1:1/v1/items?v=2&a=1&b=x%20y&ids=1&ids=2&flag=true');
  });

  test('openapi-fetch is pinned to one exact version wherever the runtime depends on it', () => {
    for (const file of ['templates/package.json', 'package.json', 'generated/package.json']) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      expect({ ...manifest.devDependencies, ...manifest.dependencies }['openapi-fetch'], file).toMatch(
        /^\d+\.\d+\.\d+$/,
      );
    }
  });
});
