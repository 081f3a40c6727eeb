// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { describe, expect, test } from 'vitest';
import Telnyx from '../../src/index.js';
import { baseURL } from '../setup.js';
const client = new Telnyx({ apiKey: 'My API Key', baseURL });
describe('resource oauthGrants', () => {
  test('list: only required params', async () => {
    const { data, response } = await client.oauthGrants.list().withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('list: required and optional params', async () => {
    const { data, response } = await client.oauthGrants.list({ 'page[size]': 20, 'page[number]': 1 }).withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('retrieve: only required params', async () => {
    const { data, response } = await client.oauthGrants.retrieve('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e').withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });

  test('delete: only required params', async () => {
    const { data, response } = await client.oauthGrants.delete('182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e').withResponse();
    expect(response.ok).toBe(true);
    expect(data).not.toBeInstanceOf(Response);
  });
});
