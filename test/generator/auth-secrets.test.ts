// The model's reading of security schemes and requirements (model/auth.ts) and of secret fields (model/secrets.ts),
// table-driven on small documents.
import { describe, expect, test } from 'vitest';
import type { OpenAPIDocument } from '../../generator/load/load-spec.js';
import { readSecurity, readSecuritySchemes } from '../../generator/model/auth.js';
import { collectSecretFields } from '../../generator/model/secrets.js';
import type { AuthScheme } from '../../generator/model/types.js';

const doc = (components: Record<string, unknown>, paths: Record<string, unknown> = {}): OpenAPIDocument =>
  ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components }) as OpenAPIDocument;

describe('readSecuritySchemes', () => {
  test.each<[string, unknown, AuthScheme | undefined]>([
    ['http bearer', { type: 'http', scheme: 'bearer' }, { type: 'bearer' }],
    [
      'http Bearer (scheme names are case-insensitive)',
      { type: 'http', scheme: 'Bearer', bearerFormat: 'JWT' },
      { type: 'bearer' },
    ],
    ['http basic', { type: 'http', scheme: 'basic' }, { type: 'basic' }],
    ['http digest: unsupported', { type: 'http', scheme: 'digest' }, undefined],
    [
      'apiKey in header',
      { type: 'apiKey', in: 'header', name: 'X-Key' },
      { type: 'apiKey', in: 'header', name: 'X-Key' },
    ],
    ['apiKey in query', { type: 'apiKey', in: 'query', name: 'key' }, { type: 'apiKey', in: 'query', name: 'key' }],
    ['apiKey in cookie', { type: 'apiKey', in: 'cookie', name: 'sid' }, { type: 'apiKey', in: 'cookie', name: 'sid' }],
    ['apiKey in a place no request has', { type: 'apiKey', in: 'body', name: 'k' }, undefined],
    ['apiKey without a name', { type: 'apiKey', in: 'header' }, undefined],
    [
      'oauth2 client credentials: token URL and scope names',
      {
        type: 'oauth2',
        flows: { clientCredentials: { tokenUrl: 'https://a.test/token', scopes: { read: 'r', write: 'w' } } },
      },
      { type: 'oauth2', tokenUrl: 'https://a.test/token', scopes: ['read', 'write'] },
    ],
    [
      'oauth2 client credentials without scopes',
      { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token' } } },
      { type: 'oauth2', tokenUrl: '/token', scopes: [] },
    ],
    [
      'oauth2 with other flows only: a token the user brings',
      { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'x', tokenUrl: 'y' } } },
      { type: 'oauth2' },
    ],
    [
      'openIdConnect: a token the user brings',
      { type: 'openIdConnect', openIdConnectUrl: 'https://a.test/.well-known' },
      { type: 'oauth2' },
    ],
    ['mutualTLS: unsupported', { type: 'mutualTLS' }, undefined],
  ])('%s', (_title, scheme, expected) => {
    const warnings: string[] = [];
    const schemes = readSecuritySchemes(doc({ securitySchemes: { s: scheme } }), warnings);
    expect(schemes['s']).toEqual(expected);
    expect(Object.keys(schemes)).toEqual(expected ? ['s'] : []);
    expect(warnings).toEqual(
      expected
        ? []
        : [
            expect.stringMatching(
              /^security scheme "s" \(.+\) is not supported; operations needing it are sent without it$/,
            ),
          ],
    );
  });

  test('a scheme given by $ref is followed; names like __proto__ are plain keys; output sorted by name', () => {
    const warnings: string[] = [];
    const schemes = readSecuritySchemes(
      doc({
        securitySchemes: {
          zeta: { $ref: '#/components/x-schemes/bearer' },
          ['__proto__']: { type: 'http', scheme: 'basic' },
          alpha: { type: 'http', scheme: 'digest' },
        },
        'x-schemes': { bearer: { type: 'http', scheme: 'bearer' } },
      }),
      warnings,
    );
    expect(Object.getPrototypeOf(schemes)).toBe(null);
    expect(Object.keys(schemes)).toEqual(['__proto__', 'zeta']);
    expect(Object.getOwnPropertyDescriptor(schemes, '__proto__')?.value).toEqual({ type: 'basic' });
    expect(schemes['zeta']).toEqual({ type: 'bearer' });
    expect(warnings).toEqual([
      'security scheme "alpha" (http digest) is not supported; operations needing it are sent without it',
    ]);
  });

  test('no components: no schemes', () => {
    expect(readSecuritySchemes({ openapi: '3.0.3', info: { title: 't', version: '1' } }, [])).toEqual({});
  });
});

describe('readSecurity', () => {
  const schemes: Record<string, AuthScheme> = {
    key: { type: 'apiKey', in: 'header', name: 'X-Key' },
    token: { type: 'bearer' },
  };
  test.each<[string, Array<Record<string, unknown>> | undefined, string[][]]>([
    ['none given', undefined, []],
    ['empty list', [], []],
    ['one scheme', [{ token: [] }], [['token']]],
    ['alternatives, in the spec order', [{ token: [] }, { key: [] }], [['token'], ['key']]],
    ['two schemes together', [{ key: [], token: [] }], [['key', 'token']]],
    ['{} (anonymous allowed) is kept as an empty requirement', [{ token: [] }, {}], [['token'], []]],
    ['a requirement naming an unknown scheme is dropped, the others kept', [{ digest: [] }, { key: [] }], [['key']]],
    ['a pair with one unknown scheme is dropped whole', [{ key: [], digest: [] }], []],
    ['inherited names are not schemes', [{ toString: [] }], []],
  ])('%s', (_title, requirements, expected) => {
    expect(readSecurity(requirements, schemes)).toEqual(expected);
  });
});

describe('collectSecretFields', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
    [
      'writeOnly and format: password in component schemas',
      {
        schemas: {
          A: {
            properties: {
              pin: { type: 'string', writeOnly: true },
              pass: { type: 'string', format: 'password' },
              name: { type: 'string' },
            },
          },
        },
      },
      {},
      ['pass', 'pin'],
    ],
    [
      'a property given by $ref to a secret schema',
      {
        schemas: {
          Secret: { type: 'string', format: 'password' },
          A: { properties: { token: { $ref: '#/components/schemas/Secret' } } },
        },
      },
      {},
      ['token'],
    ],
    [
      'nested objects, arrays and request bodies under paths',
      {},
      {
        '/x': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    properties: {
                      outer: { type: 'array', items: { properties: { api_secret: { writeOnly: true } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      ['api_secret'],
    ],
    [
      'readOnly or other formats are not secrets',
      { schemas: { A: { properties: { id: { readOnly: true }, at: { format: 'date-time' } } } } },
      {},
      [],
    ],
    [
      'examples and x- extensions are data, not schemas',
      {
        schemas: {
          A: {
            example: { properties: { e: { writeOnly: true } } },
            'x-extra': { properties: { x: { writeOnly: true } } },
          },
        },
      },
      {},
      [],
    ],
    [
      'each name once, sorted',
      {
        schemas: {
          A: { properties: { b: { writeOnly: true }, a: { writeOnly: true } } },
          B: { properties: { b: { format: 'password' } } },
        },
      },
      {},
      ['a', 'b'],
    ],
  ])('%s', (_title, components, paths, expected) => {
    expect(collectSecretFields({ components, paths })).toEqual(expected);
  });

  test('a cycle through the document ends', () => {
    const A: Record<string, unknown> = { properties: { pw: { writeOnly: true } } };
    (A['properties'] as Record<string, unknown>)['self'] = A;
    expect(collectSecretFields({ components: { schemas: { A } } })).toEqual(['pw']);
  });
});
