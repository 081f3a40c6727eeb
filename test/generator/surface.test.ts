import { describe, expect, test } from 'vitest';
import { emitResources } from '../../generator/emit/resources.js';
import { allResources, buildModel } from '../../generator/model/build-model.js';
import { readSurface, SurfaceError, surfaceRouteKey, surfaceTypeNames } from '../../generator/model/surface.js';

const API_MD = `# OAuthClients

Types:

- <code><a href="./src/resources/oauth-clients.ts">OAuthClient</a></code>
- <code><a href="./src/resources/oauth-clients.ts">OAuthClientCreateResponse</a></code>

Methods:

- <code title="get /oauth_clients">client.oauthClients.<a href="./src/resources/oauth-clients.ts">list</a>({ ...params }) -> OAuthClientsDefaultFlatPagination</code>
- <code title="post /oauth_clients">client.oauthClients.<a href="./src/resources/oauth-clients.ts">create</a>({ ...params }) -> OAuthClientCreateResponse</code>
- <code title="delete /oauth_clients/{id}">client.oauthClients.<a href="./src/resources/oauth-clients.ts">delete</a>(id) -> void</code>
- <code title="delete /ai/assistants/{assistant_id}/tags/{tag}">client.ai.assistants.tags.<a href="./src/resources/ai/assistants/tags.ts">remove</a>(tag, { ...params }) -> TagsResponse</code>
- <code title="post /numbers/batch">client.numbers.<a href="./src/resources/numbers.ts">batch</a>([ ...body ]) -> string</code>
`;

describe("reading an existing SDK's api.md (Stainless format)", () => {
  test('every method line: route, chain, method, positional path params, params object, result; types per module', () => {
    const surface = readSurface(API_MD, 'api.md');
    expect(surface.methods.map(({ line, ...method }) => method)).toEqual([
      {
        httpMethod: 'get',
        path: '/oauth_clients',
        chain: ['oauthClients'],
        method: 'list',
        positional: [],
        takesParams: true,
        returns: 'OAuthClientsDefaultFlatPagination',
        module: 'oauth-clients',
      },
      {
        httpMethod: 'post',
        path: '/oauth_clients',
        chain: ['oauthClients'],
        method: 'create',
        positional: [],
        takesParams: true,
        returns: 'OAuthClientCreateResponse',
        module: 'oauth-clients',
      },
      {
        httpMethod: 'delete',
        path: '/oauth_clients/{id}',
        chain: ['oauthClients'],
        method: 'delete',
        positional: ['id'],
        takesParams: false,
        returns: 'void',
        module: 'oauth-clients',
      },
      {
        httpMethod: 'delete',
        path: '/ai/assistants/{assistant_id}/tags/{tag}',
        chain: ['ai', 'assistants', 'tags'],
        method: 'remove',
        positional: ['tag'],
        takesParams: true,
        returns: 'TagsResponse',
        module: 'ai/assistants/tags',
      },
      {
        httpMethod: 'post',
        path: '/numbers/batch',
        chain: ['numbers'],
        method: 'batch',
        positional: [],
        takesParams: true,
        returns: 'string',
        module: 'numbers',
      },
    ]);
    expect(surface.methods[0]!.line).toBe(10);
    expect(surface.types.get('oauth-clients')).toEqual(['OAuthClient', 'OAuthClientCreateResponse']);
    expect(surfaceRouteKey('DELETE', '/ai/assistants/{id}/tags/{name}/')).toBe(
      surfaceRouteKey('delete', '/ai/assistants/{assistant_id}/tags/{tag}'),
    );
  });

  test('the type names a method fixes: response and params by convention, or the page', () => {
    const [list, create, , remove, batch] = readSurface(API_MD, 'api.md').methods;
    expect(surfaceTypeNames(list!, true)).toEqual({ page: 'OAuthClientsDefaultFlatPagination' });
    expect(surfaceTypeNames(create!, false)).toEqual({
      response: 'OAuthClientCreateResponse',
      params: 'OAuthClientCreateParams',
    });
    expect(surfaceTypeNames(remove!, false)).toEqual({ response: 'TagsResponse', params: 'TagsParams' });
    expect(surfaceTypeNames(batch!, false)).toEqual({});
  });

  test('a result written `unknown` or `string` takes the one type its module lists for the method', () => {
    const batch = readSurface(API_MD, 'api.md').methods[4]!;
    expect(surfaceTypeNames(batch, false, ['NumberBatchResponse', 'NumberListResponse'])).toEqual({
      response: 'NumberBatchResponse',
      params: 'NumberBatchParams',
    });
    // None, or more than one, that fits: nothing is taken.
    expect(surfaceTypeNames(batch, false, ['NumberListResponse'])).toEqual({});
    expect(surfaceTypeNames(batch, false, ['NumberBatchResponse', 'OtherNumberBatchResponse'])).toEqual({});
    expect(surfaceTypeNames({ ...batch, takesParams: false }, false, ['NumberBatchResponse'])).toEqual({
      response: 'NumberBatchResponse',
    });
  });

  test('a method line the format does not fit is an error with its line', () => {
    const broken = `${API_MD}- <code title="get /x">client.x.<a href="./x.ts">list</a>(a b) -> X</code>\n`;
    expect(() => readSurface(broken, 'api.md')).toThrow(SurfaceError);
    try {
      readSurface(broken, 'api.md');
    } catch (error) {
      expect((error as SurfaceError).line).toBe(15);
    }
  });
});

describe('generating with a surface: its names are kept, the rest inferred and listed', () => {
  const json = (schema: object) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });
  const client = { type: 'object', properties: { id: { type: 'string' } } };
  const document = {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    servers: [{ url: 'https://api.example.com' }],
    paths: {
      '/oauth_clients': {
        get: {
          parameters: [{ name: 'page[number]', in: 'query', schema: { type: 'integer' } }],
          responses: json({ type: 'object', properties: { data: { type: 'array', items: client } } }),
        },
        post: { requestBody: { content: { 'application/json': { schema: client } } }, responses: json(client) },
      },
      '/oauth_clients/{id}': {
        delete: {
          operationId: 'RevokeClient',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'gone' } },
        },
      },
      '/widgets': { post: { operationId: 'SpinWidget', summary: 'Spin a widget', responses: json(client) } },
    },
  };

  test('the resource chain, method and type names of api.md, additions and missing methods listed once each', () => {
    const model = buildModel(structuredClone(document) as never, {}, 't.yaml', readSurface(API_MD, 'api.md'));
    const methods = allResources(model.resources).flatMap((resource) =>
      resource.methods.map((method) => [
        `${resource.chain.join('.')}.${method.name}`,
        method.pageTypeName ?? method.responseTypeName ?? null,
        method.paramsTypeName ?? null,
      ]),
    );
    expect(methods).toEqual([
      // api.md does not show a page's params: inferred (no casing config here, so `Oauth`).
      ['oauthClients.list', 'OAuthClientsDefaultFlatPagination', 'OauthClientListParams'],
      ['oauthClients.create', 'OAuthClientCreateResponse', 'OAuthClientCreateParams'],
      // Not `revoke` (its operationId's verb): api.md says `delete`.
      ['oauthClients.delete', null, null],
      ['widgets.spin', 'WidgetSpinResponse', null],
    ]);
    expect(model.warnings).toEqual([
      '2 methods of api.md have no operation in the spec; the SDK leaves them out: DELETE /ai/assistants/{assistant_id}/tags/{tag} (api.md:13, client.ai.assistants.tags.remove); POST /numbers/batch (api.md:14, client.numbers.batch)',
      '1 operations are not in api.md; their names are inferred (additions): POST /widgets',
    ]);
  });
});

test('a method api.md shows returning `unknown` keeps the response and params names its module lists', () => {
  const document = {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    paths: {
      '/tools/{id}': {
        put: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: {
            content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } },
          },
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
            },
          },
        },
      },
    },
  };
  const api = `# Tools

Types:

- <code><a href="./src/resources/tools.ts">ToolsAddResponse</a></code>

Methods:

- <code title="put /tools/{id}">client.tools.<a href="./src/resources/tools.ts">add</a>(id, { ...params }) -> unknown</code>
`;
  const method = allResources(
    buildModel(structuredClone(document) as never, {}, 't.yaml', readSurface(api, 'api.md')).resources,
  )[0]!.methods[0]!;
  // Inference alone would say ToolAddResponse.
  expect([method.name, method.responseTypeName, method.paramsTypeName]).toEqual([
    'add',
    'ToolsAddResponse',
    'ToolsAddParams',
  ]);
});

test("a page's items take the name api.md lists for them; the page's body is named apart", () => {
  const document = {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    paths: {
      '/clusters': {
        get: {
          parameters: [{ name: 'page[number]', in: 'query', schema: { type: 'integer' } }],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      data: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
  const api = `# Clusters

Types:

- <code><a href="./src/resources/clusters.ts">ClusterListResponse</a></code>

Methods:

- <code title="get /clusters">client.clusters.<a href="./src/resources/clusters.ts">list</a>({ ...params }) -> ClusterListResponsesDefaultFlatPagination</code>
`;
  const surface = readSurface(api, 'api.md');
  expect(surfaceTypeNames(surface.methods[0]!, true, ['ClusterListResponse'])).toEqual({
    page: 'ClusterListResponsesDefaultFlatPagination',
    item: 'ClusterListResponse',
  });
  expect(surfaceTypeNames(surface.methods[0]!, true, [])).toEqual({
    page: 'ClusterListResponsesDefaultFlatPagination',
  });
  const model = buildModel(structuredClone(document) as never, {}, 't.yaml', surface);
  const method = allResources(model.resources)[0]!.methods[0]!;
  expect([method.pageTypeName, method.itemTypeName, method.responseTypeName]).toEqual([
    'ClusterListResponsesDefaultFlatPagination',
    'ClusterListResponse',
    'ClusterListPageResponse',
  ]);
  const source = emitResources(model).find((file) => file.path === 'src/resources/clusters.ts')!.text;
  expect(source).toMatch(
    /export type ClusterListResponse = NonNullable<ClusterListPageResponse\[["']data["']\]>\[number\];/,
  );
  expect(source).toContain(
    'export type ClusterListResponsesDefaultFlatPagination = Page<ClusterListPageResponse, ClusterListResponse>;',
  );
  expect(source).toMatch(/list\([^)]*\): PagePromise<ClusterListPageResponse, ClusterListResponse>/);
});

describe("api.md's arguments decide which path params are positional", () => {
  const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  const ok = {
    '200': {
      description: 'ok',
      content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } },
    },
  };
  const document = {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    paths: {
      // Path order puts the parent first; api.md takes the parent positionally here, the child named.
      '/accounts/{account_sid}/calls/{call_sid}': {
        get: { parameters: [pathParam('account_sid'), pathParam('call_sid')], responses: ok },
      },
      '/accounts/{account_sid}/queues/{queue_sid}': {
        get: { parameters: [pathParam('account_sid'), pathParam('queue_sid')], responses: ok },
      },
      '/rooms/{room_id}/sessions/{session_id}': {
        get: { parameters: [pathParam('room_id'), pathParam('session_id')], responses: ok },
        put: {
          parameters: [pathParam('room_id'), pathParam('session_id')],
          requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: ok,
        },
      },
    },
  };
  const API = `# Accounts

Methods:

- <code title="get /accounts/{account_sid}/calls/{call_sid}">client.accounts.calls.<a href="./src/resources/accounts/calls.ts">retrieve</a>(accountSid, { ...params }) -> Call</code>
- <code title="get /accounts/{account_sid}/queues/{queue_sid}">client.accounts.queues.<a href="./src/resources/accounts/queues.ts">retrieve</a>(accountSid, queueSid) -> Queue</code>
- <code title="put /rooms/{room_id}/sessions/{session_id}">client.rooms.sessions.<a href="./src/resources/rooms/sessions.ts">update</a>(sessionID, body, { ...params }) -> void</code>
- <code title="get /rooms/{room_id}/sessions/{session_id}">client.rooms.sessions.<a href="./src/resources/rooms/sessions.ts">retrieve</a>(sessionID, { ...params }) -> Session</code>
`;

  test('matched by name in any spelling, in the order api.md gives; the others named in the params object', () => {
    const model = buildModel(structuredClone(document) as never, {}, 't.yaml', readSurface(API, 'api.md'));
    const methods = Object.fromEntries(
      allResources(model.resources).flatMap((resource) =>
        resource.methods.map((method) => [
          `${resource.chain.join('.')}.${method.name}`,
          [method.positionalPathParams.map((param) => param.name), method.namedPathParams.map((param) => param.name)],
        ]),
      ),
    );
    expect(methods).toEqual({
      'accounts.calls.retrieve': [['account_sid'], ['call_sid']],
      'accounts.queues.retrieve': [['account_sid', 'queue_sid'], []],
      'rooms.sessions.retrieve': [['session_id'], ['room_id']],
      // A positional body is no path param: room_id stays named.
      'rooms.sessions.update': [['session_id'], ['room_id']],
    });
    // Without api.md: the last positional, the parents named.
    const inferred = buildModel(structuredClone(document) as never, {}, 't.yaml');
    const calls = allResources(inferred.resources)
      .flatMap((resource) => resource.methods)
      .find((method) => method.path.includes('/calls/'))!;
    expect(calls.positionalPathParams.map((param) => param.name)).toEqual(['call_sid']);
  });

  test('without api.md, the last path param in the path is positional, whatever order the spec lists them in', () => {
    const listed = structuredClone(document);
    listed.paths['/accounts/{account_sid}/calls/{call_sid}'].get.parameters.reverse();
    const model = buildModel(listed as never, {}, 't.yaml');
    const calls = allResources(model.resources)
      .flatMap((resource) => resource.methods)
      .find((method) => method.path.includes('/calls/'))!;
    expect(calls.pathParams.map((param) => param.name)).toEqual(['account_sid', 'call_sid']);
    expect(calls.positionalPathParams.map((param) => param.name)).toEqual(['call_sid']);
    expect(calls.namedPathParams.map((param) => param.name)).toEqual(['account_sid']);
  });
});

describe("other generators' naming extensions in the spec", () => {
  test('x-speakeasy-group / x-speakeasy-name-override and x-stainless-resource / x-stainless-method place the operation; a non-name is warned about', () => {
    const ok = { '200': { description: 'ok' } };
    const document = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/v1/user_keys': {
          get: { 'x-speakeasy-group': 'users.keys', 'x-speakeasy-name-override': 'list_all', responses: ok },
        },
        '/calls': { post: { 'x-stainless-method': 'dial', responses: ok } },
        '/things': { get: { 'x-speakeasy-name-override': 'not a name', responses: ok } },
      },
    };
    const model = buildModel(document as never, {}, 't.yaml');
    const names = allResources(model.resources).flatMap((resource) =>
      resource.methods.map(
        (method) => `${method.httpMethod} ${method.path} ${resource.chain.join('.')}.${method.name}`,
      ),
    );
    expect(names).toEqual([
      'get /v1/user_keys users.keys.listAll',
      'post /calls calls.dial',
      'get /things things.list',
    ]);
    expect(model.warnings).toEqual([
      'GET /things: x-speakeasy-name-override "not a name" is not a name; inferred instead',
    ]);
  });
});

describe('surface: in the config and --surface', () => {
  test('the config names an api.md relative to itself; a line api.md cannot be read is a located config error', async () => {
    const { mkdtemp, writeFile, mkdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { generate } = await import('../../generator/generate.js');
    const dir = await mkdtemp(join(tmpdir(), 'surface-'));
    await mkdir(join(dir, 'sdk'));
    await writeFile(
      join(dir, 'sdk', 'api.md'),
      '- <code title="post /oauth_clients">client.apps.<a href="./x.ts">register</a>({ ...params }) -> AppRegisterResponse</code>\n',
    );
    await writeFile(join(dir, 'sdk.config.yaml'), 'surface: sdk/api.md\n');
    const spec = new URL('../../spec/openapi.yaml', import.meta.url).pathname;
    const { model } = await generate({ spec, config: join(dir, 'sdk.config.yaml'), cwd: dir });
    const create = allResources(model.resources).flatMap((resource) =>
      resource.methods.map((method) => [
        resource.chain.join('.'),
        method.name,
        method.responseTypeName,
        method.httpMethod,
        method.path,
      ]),
    );
    expect(create).toContainEqual(['apps', 'register', 'AppRegisterResponse', 'post', '/oauth_clients']);
    await writeFile(
      join(dir, 'sdk', 'api.md'),
      '\n- <code title="post /oauth_clients">client.apps.<a href="./x.ts">register</a>(a b) -> X</code>\n',
    );
    await expect(generate({ spec, config: join(dir, 'sdk.config.yaml'), cwd: dir })).rejects.toThrow(
      /^sdk\/api\.md:2: arguments api\.md's format does not fit: \(a b\)$/,
    );
  }, 60_000);
});

describe('a route api.md lists twice', () => {
  test('keeps its other name as an alias of the first, on the same resource', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { generate } = await import('../../generator/generate.js');
    const dir = await mkdtemp(join(tmpdir(), 'surface-alias-'));
    await writeFile(
      join(dir, 'api.md'),
      [
        '- <code title="post /oauth_clients">client.oauthClients.<a href="./x.ts">create0</a>({ ...params }) -> OAuthClientCreateResponse</code>',
        '- <code title="post /oauth_clients">client.oauthClients.<a href="./x.ts">create</a>({ ...params }) -> OAuthClientCreateResponse</code>',
        // On another resource it is not the same method's name: left out.
        '- <code title="post /oauth_clients">client.apps.<a href="./x.ts">register</a>({ ...params }) -> OAuthClientCreateResponse</code>',
        '',
      ].join('\n'),
    );
    const spec = new URL('../../spec/openapi.yaml', import.meta.url).pathname;
    const { model, files } = await generate({ spec, surface: join(dir, 'api.md'), cwd: dir });
    const method = allResources(model.resources)
      .flatMap((resource) => resource.methods)
      .find((candidate) => candidate.name === 'create0')!;
    expect(method.aliases).toEqual(['create']);
    const source = files.find((file) => file.path === 'src/resources/oauth-clients.ts')!.text;
    expect(source).toMatch(/readonly create = this\.create0;/);
    expect(source).not.toContain('register');
  }, 60_000);
});
