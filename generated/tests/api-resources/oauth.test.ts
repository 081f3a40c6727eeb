// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { afterAll, describe, expect, test } from 'vitest';
import Telnyx from '../../src/index.js';
import { readResponses, startMockServer } from '../mock-server.js';
const mock = await startMockServer();
afterAll(() => mock.close());
const client = new Telnyx({ apiKey: 'My API Key', baseURL: mock.url });
// What the mock answers each method with: the spec's example of its response, or a value built from its schema.
const responses = readResponses(new URL('./oauth.responses.json', import.meta.url));
describe('resource oauth', () => {
  test('retrieveAuthorize: only required params', async () => {
    mock.respond(
      { method: 'GET', path: '/oauth/authorize', query: ['response_type', 'client_id', 'redirect_uri'] },
      responses.retrieveAuthorize,
    );
    const { data, response } = await client.oauth
      .retrieveAuthorize({ response_type: 'code', client_id: 'abc123', redirect_uri: 'https://example.com' })
      .withResponse();
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/oauth/authorize' }]);
  });

  test('retrieveAuthorize: required and optional params', async () => {
    mock.respond(
      { method: 'GET', path: '/oauth/authorize', query: ['response_type', 'client_id', 'redirect_uri'] },
      responses.retrieveAuthorize,
    );
    const { data, response } = await client.oauth
      .retrieveAuthorize({
        response_type: 'code',
        client_id: 'abc123',
        redirect_uri: 'https://example.com',
        scope: 'example scope',
        state: 'example state',
        code_challenge: 'example code challenge',
        code_challenge_method: 'plain',
      })
      .withResponse();
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/oauth/authorize' }]);
  });

  test('retrieve: only required params', async () => {
    const served = mock.respond({ method: 'GET', path: '/oauth/consent/{consent_token}' }, responses.retrieve);
    const { data, response } = await client.oauth.retrieve('example-token').withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/oauth/consent/example-token' }]);
  });

  test('grants: only required params', async () => {
    const served = mock.respond({ method: 'POST', path: '/oauth/grants', body: 'application/json' }, responses.grants);
    const { data, response } = await client.oauth
      .grants({ allowed: true, consent_token: 'example-token' })
      .withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'POST', path: '/oauth/grants' }]);
  });

  test('introspect: only required params', async () => {
    const served = mock.respond(
      { method: 'POST', path: '/oauth/introspect', body: 'application/x-www-form-urlencoded' },
      responses.introspect,
    );
    const { data, response } = await client.oauth.introspect({ token: 'example-token' }).withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'POST', path: '/oauth/introspect' }]);
  });

  test('retrieveJwks: only required params', async () => {
    const served = mock.respond({ method: 'GET', path: '/oauth/jwks' }, responses.retrieveJwks);
    const { data, response } = await client.oauth.retrieveJwks().withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/oauth/jwks' }]);
  });

  test('register: only required params', async () => {
    const served = mock.respond(
      { method: 'POST', path: '/oauth/register', body: 'application/json' },
      responses.register,
    );
    const { data, response } = await client.oauth.register({}).withResponse();
    expect(response.status).toBe(201);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'POST', path: '/oauth/register' }]);
  });

  test('register: required and optional params', async () => {
    const served = mock.respond(
      { method: 'POST', path: '/oauth/register', body: 'application/json' },
      responses.register,
    );
    const { data, response } = await client.oauth
      .register({
        client_name: 'My OAuth Application',
        grant_types: ['authorization_code'],
        logo_uri: 'https://example.com',
        policy_uri: 'https://example.com',
        redirect_uris: ['https://example.com/callback'],
        response_types: ['code'],
        scope: 'admin',
        token_endpoint_auth_method: 'none',
        tos_uri: 'https://example.com',
      })
      .withResponse();
    expect(response.status).toBe(201);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'POST', path: '/oauth/register' }]);
  });

  test('token: only required params', async () => {
    const served = mock.respond(
      { method: 'POST', path: '/oauth/token', body: 'application/x-www-form-urlencoded' },
      responses.token,
    );
    const { data, response } = await client.oauth.token({ grant_type: 'client_credentials' }).withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'POST', path: '/oauth/token' }]);
  });

  test('token: required and optional params', async () => {
    const served = mock.respond(
      { method: 'POST', path: '/oauth/token', body: 'application/x-www-form-urlencoded' },
      responses.token,
    );
    const { data, response } = await client.oauth
      .token({
        client_id: 'abc123',
        client_secret: 'correct-horse-battery-staple',
        code: 'example code',
        code_verifier: 'example code verifier',
        grant_type: 'client_credentials',
        redirect_uri: 'https://example.com',
        refresh_token: 'example-token',
        scope: 'admin',
      })
      .withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'POST', path: '/oauth/token' }]);
  });
});
