// The generated Telnyx client against Prism serving spec/openapi.yaml: the runtime's behaviour on a real server.
import { describe, expect, inject, test } from 'vitest';
import Telnyx, {
  AuthenticationError,
  type OAuthClientCreateParams,
  UnprocessableEntityError,
} from '../../generated/src/index.js';

const baseURL = inject('TEST_API_BASE_URL');

/** A fetch that records what goes over the wire, then sends it for real. */
function recordingFetch(): {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  seen: Array<{ method: string; url: string; authorization: string | null; body: string }>;
} {
  const seen: Array<{ method: string; url: string; authorization: string | null; body: string }> = [];
  return {
    seen,
    fetch: async (url, init) => {
      // The SDK calls fetch as the official SDKs do: a URL string and a RequestInit.
      expect(typeof url).toBe('string');
      seen.push({
        method: init.method ?? 'GET',
        url,
        authorization: new Headers(init.headers).get('authorization'),
        body: typeof init.body === 'string' ? init.body : '',
      });
      return fetch(url, init);
    },
  };
}

const params: OAuthClientCreateParams = {
  allowed_grant_types: ['client_credentials'],
  allowed_scopes: ['admin'],
  client_type: 'confidential',
  name: 'loop',
};

describe('Telnyx client on Prism', () => {
  test('create an OAuth client, then authenticate a new client with its client_id and client_secret', async () => {
    const admin = new Telnyx({ apiKey: 'test-api-key', baseURL });
    const created = await admin.oauthClients.create(params);
    const { client_id: clientID, client_secret: clientSecret } = created.data!;
    expect(clientID).toEqual(expect.any(String));

    const wire = recordingFetch();
    const oauthClient = new Telnyx({ clientID, clientSecret: clientSecret!, baseURL, fetch: wire.fetch });
    const page = await oauthClient.oauthClients.list();
    expect(page.data.length).toBeGreaterThan(0);
    expect(wire.seen.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /oauth/token',
      'GET /oauth_clients',
    ]);
    // The token endpoint follows the overridden base URL and gets the credentials the spec describes (form fields).
    expect(new URLSearchParams(wire.seen[0]!.body).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(wire.seen[0]!.body).get('client_id')).toBe(clientID);
    // The API call carries the access token Prism's token endpoint issued.
    expect(wire.seen[1]!.authorization).toMatch(/^Bearer .+/);
  });

  test('for await walks the list and stops when the pages run out', async () => {
    const client = new Telnyx({ apiKey: 'test-api-key', baseURL });
    const items = [];
    for await (const item of client.oauthClients.list({ 'page[size]': 2 })) items.push(item);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toHaveProperty('record_type', 'oauth_client');
  });

  test('a request the spec forbids is an UnprocessableEntityError carrying the API error body', async () => {
    const client = new Telnyx({ apiKey: 'test-api-key', baseURL });
    const bad = { ...params, client_type: 'secret' } as unknown as OAuthClientCreateParams;
    const error = await client.oauthClients.create(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).status).toBe(422);
    expect((error as UnprocessableEntityError).error).toHaveProperty('error');
  });

  test('no credentials on a secured operation: Prism answers 401, which is an AuthenticationError', async () => {
    const client = new Telnyx({ apiKey: 'k', baseURL, defaultHeaders: { authorization: null } });
    await expect(client.oauthClients.list()).rejects.toBeInstanceOf(AuthenticationError);
  });

  test('withResponse and asResponse', async () => {
    const client = new Telnyx({ apiKey: 'test-api-key', baseURL });
    const { data, response } = await client.oauthClients.create(params).withResponse();
    expect(response.status).toBe(201);
    expect(data.data?.record_type).toBe('oauth_client');
    const raw = await client.wellKnown.retrieveProtectedResourceMetadata().asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(raw.headers.get('content-type')).toMatch(/application\/json/);
  });
});
