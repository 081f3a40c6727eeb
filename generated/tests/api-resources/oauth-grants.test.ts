// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { afterAll, describe, expect, test } from 'vitest';
import Telnyx from '../../src/index.js';
import { readResponses, startMockServer } from '../mock-server.js';
const mock = await startMockServer();
afterAll(() => mock.close());
const client = new Telnyx({ apiKey: 'My API Key', baseURL: mock.url });
// What the mock answers each method with: the spec's example of its response, or a value built from its schema.
const responses = readResponses(new URL('./oauth-grants.responses.json', import.meta.url));
describe('resource oauthGrants', () => {
  test('list: only required params', async () => {
    const served = mock.respond({ method: 'GET', path: '/oauth_grants' }, responses.list);
    const { data: page, response } = await client.oauthGrants.list().withResponse();
    expect(response.status).toBe(200);
    expect(page.body).toEqual(served.body);
    expect(page.data).toHaveLength(1);
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/oauth_grants' }]);
  });

  test('list: required and optional params', async () => {
    const served = mock.respond({ method: 'GET', path: '/oauth_grants' }, responses.list);
    const { data: page, response } = await client.oauthGrants
      .list({ 'page[size]': 20, 'page[number]': 1 })
      .withResponse();
    expect(response.status).toBe(200);
    expect(page.body).toEqual(served.body);
    expect(page.data).toHaveLength(1);
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/oauth_grants' }]);
  });

  test('retrieve: only required params', async () => {
    const served = mock.respond({ method: 'GET', path: '/oauth_grants/{id}' }, responses.retrieve);
    const { data, response } = await client.oauthGrants.retrieve('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e').withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([
      { method: 'GET', path: '/oauth_grants/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    ]);
  });

  test('delete: only required params', async () => {
    const served = mock.respond({ method: 'DELETE', path: '/oauth_grants/{id}' }, responses.delete);
    const { data, response } = await client.oauthGrants.delete('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e').withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([
      { method: 'DELETE', path: '/oauth_grants/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    ]);
  });
});
