// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { afterAll, describe, expect, test } from 'vitest';
import Telnyx from '../../src/index.js';
import { readResponses, startMockServer } from '../mock-server.js';
const mock = await startMockServer();
afterAll(() => mock.close());
const client = new Telnyx({ apiKey: 'My API Key', baseURL: mock.url });
// What the mock answers each method with: the spec's example of its response, or a value built from its schema.
const responses = readResponses(new URL('./oauth-clients.responses.json', import.meta.url));
describe('resource oauthClients', () => {
  test('list: only required params', async () => {
    const served = mock.respond({ method: 'GET', path: '/oauth_clients' }, responses.list);
    const { data: page, response } = await client.oauthClients.list().withResponse();
    expect(response.status).toBe(200);
    expect(page.body).toEqual(served.body);
    expect(page.data).toHaveLength(1);
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/oauth_clients' }]);
  });

  test('list: required and optional params', async () => {
    const served = mock.respond({ method: 'GET', path: '/oauth_clients' }, responses.list);
    const { data: page, response } = await client.oauthClients
      .list({
        'page[size]': 20,
        'page[number]': 1,
        'filter[client_type]': 'confidential',
        'filter[verified]': true,
        'filter[allowed_grant_types][contains]': 'client_credentials',
        'filter[name]': 'example filter name',
        'filter[name][contains]': 'example filter name contains',
        'filter[client_id]': 'example filter client id',
      })
      .withResponse();
    expect(response.status).toBe(200);
    expect(page.body).toEqual(served.body);
    expect(page.data).toHaveLength(1);
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/oauth_clients' }]);
  });

  test('create: only required params', async () => {
    const served = mock.respond({ method: 'POST', path: '/oauth_clients', body: 'application/json' }, responses.create);
    const { data, response } = await client.oauthClients
      .create({
        allowed_grant_types: ['client_credentials'],
        allowed_scopes: ['admin'],
        client_type: 'public',
        name: 'My OAuth client',
      })
      .withResponse();
    expect(response.status).toBe(201);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'POST', path: '/oauth_clients' }]);
  });

  test('create: required and optional params', async () => {
    const served = mock.respond({ method: 'POST', path: '/oauth_clients', body: 'application/json' }, responses.create);
    const { data, response } = await client.oauthClients
      .create({
        allowed_grant_types: ['client_credentials'],
        allowed_scopes: ['admin'],
        client_type: 'public',
        logo_uri: 'https://example.com',
        name: 'My OAuth client',
        policy_uri: 'https://example.com',
        redirect_uris: [],
        require_pkce: false,
        tos_uri: 'https://example.com',
      })
      .withResponse();
    expect(response.status).toBe(201);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'POST', path: '/oauth_clients' }]);
  });

  test('retrieve: only required params', async () => {
    const served = mock.respond({ method: 'GET', path: '/oauth_clients/{id}' }, responses.retrieve);
    const { data, response } = await client.oauthClients
      .retrieve('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e')
      .withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([
      { method: 'GET', path: '/oauth_clients/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    ]);
  });

  test('update: only required params', async () => {
    const served = mock.respond(
      { method: 'PUT', path: '/oauth_clients/{id}', body: 'application/json' },
      responses.update,
    );
    const { data, response } = await client.oauthClients
      .update('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e', {})
      .withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([
      { method: 'PUT', path: '/oauth_clients/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    ]);
  });

  test('update: required and optional params', async () => {
    const served = mock.respond(
      { method: 'PUT', path: '/oauth_clients/{id}', body: 'application/json' },
      responses.update,
    );
    const { data, response } = await client.oauthClients
      .update('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e', {
        allowed_grant_types: ['client_credentials'],
        allowed_scopes: ['admin'],
        logo_uri: 'https://example.com',
        name: 'My example',
        policy_uri: 'https://example.com',
        redirect_uris: ['https://example.com'],
        require_pkce: true,
        tos_uri: 'https://example.com',
      })
      .withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([
      { method: 'PUT', path: '/oauth_clients/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    ]);
  });

  test('delete: only required params', async () => {
    mock.respond({ method: 'DELETE', path: '/oauth_clients/{id}' }, responses.delete);
    const { data, response } = await client.oauthClients.delete('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e').withResponse();
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(mock.requests).toMatchObject([
      { method: 'DELETE', path: '/oauth_clients/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    ]);
  });
});
