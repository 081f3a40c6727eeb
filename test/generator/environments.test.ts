// The `environment` option: a spec's servers by name, where it has two or more.
import { describe, expect, test } from 'vitest';
import type { OpenAPIDocument } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { readEnvironments } from '../../generator/model/environments.js';

const withServers = (servers: OpenAPIDocument['servers']): OpenAPIDocument => ({
  openapi: '3.0.3',
  info: { title: 'Servers', version: '1' },
  servers,
  paths: {},
});

describe('environments', () => {
  test('named by short descriptions, generic words dropped; the first is the default', () => {
    expect(
      readEnvironments(
        withServers([
          { url: 'https://api.acme.test/', description: 'Production server' },
          { url: 'https://sandbox.acme.test', description: 'Sandbox' },
          {
            url: 'https://{region}.acme.test',
            description: 'EU (Frankfurt)',
            variables: { region: { default: 'eu' } },
          },
        ]),
      ),
    ).toEqual([
      { name: 'production', url: 'https://api.acme.test' },
      { name: 'sandbox', url: 'https://sandbox.acme.test' },
      { name: 'eu_frankfurt', url: 'https://eu.acme.test' },
    ]);
  });

  test('without a usable description, as the official SDKs name them: production, environment_1, ...', () => {
    expect(
      readEnvironments(
        withServers([
          { url: 'https://a.test' },
          { url: 'https://b.test', description: 'The server that answers requests made from the staging cluster' },
          { url: 'https://c.test', description: 'Mock' },
          { url: 'https://d.test', description: 'Mock' },
        ]),
      ).map(({ name }) => name),
    ).toEqual(['production', 'environment_1', 'environment_2', 'environment_3']);
  });

  test('one server, relative ones or repeats: none; a configured base URL: none', () => {
    expect(readEnvironments(withServers([{ url: 'https://a.test' }]))).toEqual([]);
    expect(
      readEnvironments(withServers([{ url: 'https://a.test' }, { url: '/v2' }, { url: 'https://a.test/' }])),
    ).toEqual([]);
    const document = withServers([{ url: 'https://a.test' }, { url: 'https://b.test' }]);
    expect(buildModel(document, {}, 'spec.json').environments).toHaveLength(2);
    expect(buildModel(document, { baseURL: 'https://c.test' }, 'spec.json').environments).toEqual([]);
  });
});
