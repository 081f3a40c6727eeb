// client.buildURL(path, query) is documented as the URL a request to `path` goes to: checked against the URL a request
// with the same query really sends (an injected fetch records it).
import { describe, expect, test } from 'vitest';
import { BaseClient, type ClientOptions, type SDKConfig } from '../../templates/src/core/base-client.js';

const CONFIG: SDKConfig = {
  packageName: 'url-sdk',
  packageVersion: '0.0.1',
  defaultBaseURL: 'https://api.example.com/v1',
  envPrefix: 'URL_SDK',
  securitySchemes: {},
  security: [],
  requiresCredentials: false,
};

class UrlClient extends BaseClient {
  constructor(options: ClientOptions) {
    super(options, CONFIG);
  }
}

/** The URL buildURL gives and the URL a GET with that query sends. */
async function both(
  query: Record<string, unknown>,
  defaultQuery?: Record<string, string>,
): Promise<{ built: string; sent: string }> {
  const sent: string[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    sent.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  const client = new UrlClient({ fetch, maxRetries: 0, ...(defaultQuery && { defaultQuery }) });
  await client.get('/items', { query });
  let built: string;
  try {
    built = client.buildURL('/items', query);
  } catch (error) {
    built = `throws: ${(error as Error).message}`;
  }
  return { built, sent: sent[0]! };
}

describe('buildURL is the URL a request sends', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['a number', { a: 1 }, 'a=1'],
    ['reserved characters, encoded', { a: 'x y/z&' }, 'a=x%20y%2Fz%26'],
    ['an array, exploded', { tags: ['a', 'b'] }, 'tags=a&tags=b'],
    ['a bracketed name', { 'page[size]': 2 }, 'page[size]=2'],
    [
      'booleans and empty strings kept, null and undefined left out',
      { b: true, e: '', u: undefined, n: null },
      'b=true&e=',
    ],
  ])('%s', async (_title, query, search) => {
    const { built, sent } = await both(query);
    expect(sent).toBe(`https://api.example.com/v1/items?${search}`);
    expect(built).toBe(sent);
  });

  test('with the default query', async () => {
    const { built, sent } = await both({ a: 1 }, { tenant: 't' });
    expect(sent).toBe('https://api.example.com/v1/items?tenant=t&a=1');
    expect(built).toBe(sent);
  });

  // Values where buildURL once differed (openapi-fetch's query serializer against the request's form serializer); both
  // now build URLs with openapi-fetch's builder and the SDK's serializers.
  const differing: Array<[string, Record<string, unknown>, string]> = [
    // buildURL: filter[status]=on&filter[n]=2 (deepObject); sent: the members as keys (form, exploded).
    ['an object value', { filter: { status: 'on', n: 2 } }, 'status=on&n=2'],
    // buildURL throws ("Deeply-nested arrays/objects aren't supported"); sent: brackets.
    ['a nested object value', { filter: { nested: { deep: 1 } } }, 'nested[deep]=1'],
    // buildURL leaves a Date out; sent: its ISO text.
    ['a Date', { d: new Date(0) }, 'd=1970-01-01T00%3A00%3A00.000Z'],
  ];
  test.each(differing)('sent: %s', async (_title, query, search) => {
    expect((await both(query)).sent).toBe(`https://api.example.com/v1/items?${search}`);
  });
  test.each(differing)('buildURL agrees: %s', async (_title, query) => {
    const { built, sent } = await both(query);
    expect(built).toBe(sent);
  });
});
