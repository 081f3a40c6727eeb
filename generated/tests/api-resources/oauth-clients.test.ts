// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { describe, expect, test } from 'vitest';
import Telnyx from '../../src/index.js';
import { baseURL } from '../setup.js';
const client = new Telnyx({ apiKey: 'My API Key', baseURL });
describe('resource oauthClients', () => {
  test('list: only required params', async () => {
    const { data, response } = await client.oauthClients.list().withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('list: required and optional params', async () => {
    const { data, response } = await client.oauthClients
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
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('create: only required params', async () => {
    const { data, response } = await client.oauthClients
      .create({
        allowed_grant_types: ['client_credentials'],
        allowed_scopes: ['admin'],
        client_type: 'public',
        name: 'My OAuth client',
      })
      .withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('create: required and optional params', async () => {
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
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('retrieve: only required params', async () => {
    const { data, response } = await client.oauthClients
      .retrieve('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e')
      .withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('update: only required params', async () => {
    const { data, response } = await client.oauthClients
      .update('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e', {})
      .withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('update: required and optional params', async () => {
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
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('delete: only required params', async () => {
    const { data, response } = await client.oauthClients.delete('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e').withResponse();
    expect(response.ok).toBe(true);
    expect(data).toBeUndefined();
  });
});
