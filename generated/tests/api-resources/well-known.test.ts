// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { describe, expect, test } from 'vitest';
import Telnyx from '../../src/index.js';
import { baseURL } from '../setup.js';
const client = new Telnyx({ apiKey: 'My API Key', baseURL });
describe('resource wellKnown', () => {
  test('retrieveAuthorizationServerMetadata: only required params', async () => {
    const { data, response } = await client.wellKnown.retrieveAuthorizationServerMetadata().withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('retrieveProtectedResourceMetadata: only required params', async () => {
    const { data, response } = await client.wellKnown.retrieveProtectedResourceMetadata().withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });
});
