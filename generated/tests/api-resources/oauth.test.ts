// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { describe, expect, test } from 'vitest';
import Telnyx from '../../src/index.js';
import { baseURL } from '../setup.js';
const client = new Telnyx({ apiKey: 'My API Key', baseURL });
describe('resource oauth', () => {
  test('retrieveAuthorize: only required params', async () => {
    const { data, response } = await client.oauth
      .retrieveAuthorize({ response_type: 'code', client_id: 'abc123', redirect_uri: 'https://example.com' })
      .withResponse();
    expect(response.ok).toBe(true);
    expect(data).toBeUndefined();
  });

  test('retrieveAuthorize: required and optional params', async () => {
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
    expect(response.ok).toBe(true);
    expect(data).toBeUndefined();
  });

  test('retrieve: only required params', async () => {
    const { data, response } = await client.oauth.retrieve('example-token').withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('grants: only required params', async () => {
    const { data, response } = await client.oauth
      .grants({ allowed: true, consent_token: 'example-token' })
      .withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('introspect: only required params', async () => {
    const { data, response } = await client.oauth.introspect({ token: 'example-token' }).withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('retrieveJwks: only required params', async () => {
    const { data, response } = await client.oauth.retrieveJwks().withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('register: only required params', async () => {
    const { data, response } = await client.oauth.register({}).withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('register: required and optional params', async () => {
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
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('token: only required params', async () => {
    const { data, response } = await client.oauth.token({ grant_type: 'client_credentials' }).withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('token: required and optional params', async () => {
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
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });
});
