import { describe, expect, test } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  describeErrorBody,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  SDKError,
  UnprocessableEntityError,
} from '../../templates/src/core/error.js';
import { readEnv } from '../../templates/src/internal/env.js';
import { toFormUrlEncoded } from '../../templates/src/internal/form.js';
import { mergeHeaders } from '../../templates/src/internal/headers.js';
import { isJSONContentType, parseResponse } from '../../templates/src/internal/response.js';
import { operationBaseURL } from '../../templates/src/internal/url.js';

describe('errors', () => {
  test('one class per status, all instanceof APIError and the SDK base', () => {
    const cases: Array<[number, unknown]> = [
      [400, BadRequestError],
      [401, AuthenticationError],
      [404, NotFoundError],
      [422, UnprocessableEntityError],
      [429, RateLimitError],
      [503, InternalServerError],
      [418, APIError],
    ];
    for (const [status, Class] of cases) {
      const error = APIError.generate(status, undefined, new Headers());
      expect(error).toBeInstanceOf(Class as typeof APIError);
      expect(error).toBeInstanceOf(APIError);
      expect(error).toBeInstanceOf(SDKError);
      expect(error.status).toBe(status);
      expect(error.name).toBe((Class as typeof APIError).name);
    }
  });

  test("messages carry the API's own error text", () => {
    expect(
      APIError.generate(
        422,
        { errors: [{ code: '10015', title: 'Invalid', detail: 'name is too long' }] },
        new Headers(),
      ).message,
    ).toBe('422 10015: name is too long');
    expect(
      APIError.generate(400, { error: 'invalid_grant', error_description: 'code expired' }, new Headers()).message,
    ).toBe('400 invalid_grant: code expired');
    expect(APIError.generate(401, { error: 'invalid_client' }, new Headers()).message).toBe('401 invalid_client');
    expect(APIError.generate(500, { error: { message: 'boom' } }, new Headers()).message).toBe('500 boom');
    expect(APIError.generate(502, '<html>bad gateway</html>', new Headers()).message).toBe(
      '502 <html>bad gateway</html>',
    );
    expect(APIError.generate(500, undefined, new Headers()).message).toBe('500 status code (no body)');
    expect(describeErrorBody({ unknown: 1 })).toBe('{"unknown":1}');
    expect(describeErrorBody('x'.repeat(600))).toHaveLength(501);
  });
});

describe('headers, env, forms, URLs', () => {
  test('later header sets win, null removes, names are case-insensitive', () => {
    const headers = mergeHeaders(
      { Accept: 'application/json', 'X-A': '1' },
      { accept: 'text/plain', 'x-a': null },
      undefined,
      new Headers({ 'X-B': '2' }),
    );
    expect(Object.fromEntries(headers)).toEqual({ accept: 'text/plain', 'x-b': '2' });
  });

  test('readEnv trims and treats blank as unset', () => {
    process.env['SDK_TEST_VAR'] = '  value ';
    expect(readEnv('SDK_TEST_VAR')).toBe('value');
    process.env['SDK_TEST_VAR'] = '   ';
    expect(readEnv('SDK_TEST_VAR')).toBeUndefined();
    delete process.env['SDK_TEST_VAR'];
  });

  test('form bodies use bracket keys for nesting and skip undefined', () => {
    expect(toFormUrlEncoded({ grant_type: 'client_credentials', scope: 'admin', skip: undefined })).toBe(
      'grant_type=client_credentials&scope=admin',
    );
    expect(
      decodeURIComponent(toFormUrlEncoded({ metadata: { a: 1 }, items: [{ price: 'p' }], on: true, none: null })),
    ).toBe('metadata[a]=1&items[0][price]=p&on=true&none=');
  });

  test('an operation server follows an overridden base URL', () => {
    const api = 'https://api.telnyx.com/v2';
    const wellKnown = 'https://api.telnyx.com';
    expect(operationBaseURL(api, api)).toBe(api);
    expect(operationBaseURL(api, api, wellKnown)).toBe(wellKnown);
    expect(operationBaseURL('http://localhost:4010/v2', api, wellKnown)).toBe('http://localhost:4010');
    expect(operationBaseURL('http://localhost:4010', api, wellKnown)).toBe('http://localhost:4010');
    // An operation that repeats the default server (Telnyx's listSttProviders) goes where the rest goes, not to /v2.
    expect(operationBaseURL('http://localhost:4010', api, api)).toBe('http://localhost:4010');
    expect(operationBaseURL('http://localhost:4010', api, 'https://api.telnyx.com/v3')).toBe('http://localhost:4010');
    expect(operationBaseURL('http://localhost:4010/v2', api, 'https://api.telnyx.com/v3')).toBe(
      'http://localhost:4010/v3',
    );
    // A server on another host yields to a base URL the caller set (wss:// speech-to-text against a mock).
    expect(operationBaseURL('http://localhost:4010', api, 'https://files.example.com/upload')).toBe(
      'http://localhost:4010',
    );
    expect(operationBaseURL(api, api, 'wss://stream.example.com/v2')).toBe('wss://stream.example.com/v2');
  });
});

describe('response parsing', () => {
  test("by content type and the spec's kind", async () => {
    expect(
      await parseResponse(new Response('{"a":1}', { headers: { 'content-type': 'application/json' } }), 'json'),
    ).toEqual({ a: 1 });
    expect(
      await parseResponse(new Response('{"a":1}', { headers: { 'content-type': 'application/vnd.api+json' } }), 'json'),
    ).toEqual({ a: 1 });
    expect(await parseResponse(new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } }), 'json')).toBe(
      '<p>hi</p>',
    );
    expect(await parseResponse(new Response('plain', { headers: { 'content-type': 'text/plain' } }), 'text')).toBe(
      'plain',
    );
    expect(await parseResponse(new Response(null, { status: 204 }), 'json')).toBeUndefined();
    expect(
      await parseResponse(new Response('', { headers: { 'content-type': 'application/json' } }), 'json'),
    ).toBeUndefined();
    expect(await parseResponse(new Response('ignored'), 'void')).toBeUndefined();
    const blob = await parseResponse<Blob>(new Response(new Uint8Array([1, 2, 3])), 'binary');
    expect(blob.size).toBe(3);
  });

  test('malformed JSON is an SDK error that says so', async () => {
    const parsing = parseResponse(new Response('{"a":', { headers: { 'content-type': 'application/json' } }), 'json');
    await expect(parsing).rejects.toBeInstanceOf(SDKError);
    await expect(
      parseResponse(new Response('{"a":', { headers: { 'content-type': 'application/json' } }), 'json'),
    ).rejects.toThrow(/Could not parse the response body as JSON/);
  });

  test('JSON content types', () => {
    expect(isJSONContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJSONContentType('application/problem+json')).toBe(true);
    expect(isJSONContentType('text/html')).toBe(false);
  });
});
