// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { afterAll, describe, expect, test } from 'vitest';
import Telnyx from '../../src/index.js';
import { readResponses, startMockServer } from '../mock-server.js';
const mock = await startMockServer();
afterAll(() => mock.close());
const client = new Telnyx({ apiKey: 'My API Key', baseURL: mock.url });
// What the mock answers each method with: the spec's example of its response, or a value built from its schema.
const responses = readResponses(new URL('./well-known.responses.json', import.meta.url));
describe('resource wellKnown', () => {
  test('retrieveAuthorizationServerMetadata: only required params', async () => {
    const served = mock.respond(
      { method: 'GET', path: '/.well-known/oauth-authorization-server' },
      responses.retrieveAuthorizationServerMetadata,
    );
    const { data, response } = await client.wellKnown.retrieveAuthorizationServerMetadata().withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/.well-known/oauth-authorization-server' }]);
  });

  test('retrieveProtectedResourceMetadata: only required params', async () => {
    const served = mock.respond(
      { method: 'GET', path: '/.well-known/oauth-protected-resource' },
      responses.retrieveProtectedResourceMetadata,
    );
    const { data, response } = await client.wellKnown.retrieveProtectedResourceMetadata().withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(served.body);
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/.well-known/oauth-protected-resource' }]);
  });
});
