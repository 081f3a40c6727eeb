import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../generator/load/load-config.js';
import { allResources, buildModel } from '../../generator/model/build-model.js';
import { camelCase, docText, kebabCase, pascalCase, singular, splitWords, typeName, variableName } from '../../generator/model/naming.js';
import { findCollectionPaths, inferPlacement } from '../../generator/model/placement.js';
import type { HTTPMethod } from '../../generator/model/types.js';

describe('case conversion', () => {
  test.each([
    ['oauth_clients', ['oauth', 'clients']],
    ['GetOAuthJWKS', ['Get', 'OAuth', 'JWKS']],
    ['.well-known', ['well', 'known']],
    ['page[size]', ['page', 'size']],
    ['HTTPServer2Go', ['HTTP', 'Server2', 'Go']],
  ])('splitWords(%j)', (input, words) => {
    expect(splitWords(input)).toEqual(words);
  });

  test('camelCase, pascalCase with casing, kebabCase', () => {
    expect(camelCase('oauth_clients')).toBe('oauthClients');
    expect(camelCase('.well-known')).toBe('wellKnown');
    expect(pascalCase('oauth_client', { oauth: 'OAuth' })).toBe('OAuthClient');
    expect(pascalCase('oauth_client')).toBe('OauthClient');
    expect(pascalCase('Telnyx OAuth JWKS')).toBe('TelnyxOAuthJwks');
    expect(camelCase('GetOAuthJWKS')).toBe('getOAuthJwks');
    expect(kebabCase('oauthClients')).toBe('oauth-clients');
  });

  test('variable names are legal identifiers', () => {
    expect(variableName('consent_token')).toBe('consentToken');
    expect(variableName('default')).toBe('default_');
    expect(variableName('3d_secure')).toBe('_3dSecure');
  });

  test('type names keep PascalCase spec names, re-case the rest, and avoid globals', () => {
    expect(typeName('JWKSet')).toBe('JWKSet');
    expect(typeName('oauth_Error', { oauth: 'OAuth' })).toBe('OAuthError');
    expect(typeName('blob')).toBe('BlobModel');
    expect(typeName('Response')).toBe('ResponseModel');
    expect(typeName('2fa_settings')).toBe('_2faSettings');
  });

  test.each([
    ['oauth_clients', 'oauth_client'],
    ['policies', 'policy'],
    ['addresses', 'address'],
    ['status', 'status'],
    ['oauth', 'oauth'],
    ['wellKnown', 'wellKnown'],
  ])('singular(%j) = %j', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });

  test('doc text cannot close the comment it sits in', () => {
    // `/*` too: ts-morph closes a comment with an unmatched `/*` in it early, before its tags.
    expect(docText('accepts */* and ends */')).toBe('accepts *\\/\\* and ends *\\/');
    expect(docText('a\r\nb\u0007')).toBe('a\nb');
  });
});

describe('placement of operations', () => {
  const telnyxPaths = [
    '/.well-known/oauth-authorization-server',
    '/oauth/authorize',
    '/oauth/consent/{consent_token}',
    '/oauth/grants',
    '/oauth/token',
    '/oauth/jwks',
    '/oauth_clients',
    '/oauth_clients/{id}',
    '/oauth_grants/{id}',
  ];
  const collections = findCollectionPaths(telnyxPaths);
  const place = (method: HTTPMethod, path: string, all = collections) => {
    const { chain, method: name } = inferPlacement(path, method, all);
    return `${chain.join('.')}.${name}`;
  };

  test.each([
    ['get', '/oauth_clients', 'oauthClients.list'],
    ['post', '/oauth_clients', 'oauthClients.create'],
    ['get', '/oauth_clients/{id}', 'oauthClients.retrieve'],
    ['put', '/oauth_clients/{id}', 'oauthClients.update'],
    ['patch', '/oauth_clients/{id}', 'oauthClients.update'],
    ['delete', '/oauth_clients/{id}', 'oauthClients.delete'],
    ['get', '/oauth/authorize', 'oauth.retrieveAuthorize'],
    ['get', '/oauth/jwks', 'oauth.retrieveJwks'],
    ['post', '/oauth/token', 'oauth.token'],
    ['post', '/oauth/grants', 'oauth.grants'],
    ['get', '/oauth/consent/{consent_token}', 'oauth.consent.retrieve'],
    ['get', '/.well-known/oauth-authorization-server', 'wellKnown.retrieveOauthAuthorizationServer'],
  ] as const)('%s %s -> %s', (method, path, expected) => {
    expect(place(method, path)).toBe(expected);
  });

  test('nested resources and actions', () => {
    const paths = ['/accounts/{id}/members', '/accounts/{id}/members/{member_id}', '/calls/{id}/actions/hangup', '/v2/users', '/foo/bar', '/foo/bar/{id}'];
    const all = findCollectionPaths(paths);
    expect(place('get', '/accounts/{id}/members/{member_id}', all)).toBe('accounts.members.retrieve');
    expect(place('get', '/accounts/{id}/members', all)).toBe('accounts.members.list');
    expect(place('post', '/calls/{id}/actions/hangup', all)).toBe('calls.actions.hangup');
    expect(place('get', '/v2/users', all)).toBe('users.list');
    // `/foo/bar` is continued by `/foo/bar/{id}`, so `bar` is a collection, not an action of `foo`.
    expect(place('post', '/foo/bar', all)).toBe('foo.bar.create');
  });
});

describe('names that clash in one resource', () => {
  const ok = { '200': { description: 'ok' } };
  const document = {
    openapi: '3.1.0',
    info: { title: 'Items', version: '1' },
    paths: {
      '/items': { get: { responses: ok }, delete: { operationId: 'deleteCollectionItems', responses: ok } },
      '/items/{id}': {
        put: { operationId: 'replaceItem', responses: ok },
        patch: { operationId: 'patchItem', responses: ok },
        delete: { operationId: 'deleteItem', responses: ok },
      },
      '/things/{id}': { post: { operationId: 'postThing', responses: ok }, put: { operationId: 'putThing', responses: ok } },
      // Telnyx's custom storage credentials: POST creates, PUT updates, both on the item.
      '/credentials/{id}': { post: { operationId: 'CreateCredentials', responses: ok }, put: { operationId: 'UpdateCredentials', responses: ok } },
      // Telnyx's RCS messages: an action named like the resource under it moves into it.
      '/messages/rcs': { post: { operationId: 'SendRcsMessage', responses: ok } },
      '/messages/rcs/deeplinks/{agent_id}': { get: { responses: ok } },
      '/ai/openai/embeddings': { post: { operationId: 'embed', responses: ok } },
      '/ai/openai/embeddings/models': { get: { responses: ok } },
    },
  };

  test('PUT beside PATCH is replace; DELETE of the collection beside DELETE of an item is deleteAll; others fall back to the operationId', async () => {
    const model = buildModel(structuredClone(document) as never, await loadConfig(undefined, undefined), 'items.yaml');
    const names = (property: string) => model.resources.find((resource) => resource.property === property)!.methods.map((method) => `${method.httpMethod} ${method.name}`).sort();
    expect(names('items')).toEqual(['delete delete', 'delete deleteAll', 'get list', 'patch update', 'put replace']);
    // POST and PUT on one item are both "update" by shape, and neither convention decides: their operationIds do.
    expect(names('things')).toEqual(['post postThing', 'put putThing']);
    expect(model.warnings.filter((warning) => warning.includes('is taken'))).toHaveLength(2);
  });

  test('an operation named like a child resource whose paths lie under its own moves into it', async () => {
    const model = buildModel(structuredClone(document) as never, await loadConfig(undefined, undefined), 'items.yaml');
    const methods = (chain: string) => allResources(model.resources).find((resource) => resource.chain.join('.') === chain)!.methods.map((method) => method.name).sort();
    // Named by the operationId's verb when it is a method verb (`SendRcsMessage`), else by the HTTP method (POST).
    expect([methods('messages'), methods('messages.rcs')]).toEqual([[], ['send']]);
    expect([methods('ai.openai'), methods('ai.openai.embeddings')]).toEqual([[], ['create', 'retrieveModels']]);
    expect(model.warnings.filter((warning) => warning.includes('/messages/rcs') || warning.includes('/embeddings'))).toEqual([]);
  });

  test('but not one the config names: it stays where the config puts it', async () => {
    const config = { ...(await loadConfig(undefined, undefined)), operations: { SendRcsMessage: { method: 'rcs' } } };
    const model = buildModel(structuredClone(document) as never, config, 'items.yaml');
    const methods = (chain: string) => allResources(model.resources).find((resource) => resource.chain.join('.') === chain)!.methods.map((method) => method.name);
    expect([methods('messages'), methods('messages.rcs')]).toEqual([['sendRcsMessage'], []]);
  });

  test("otherwise the operationIds' verbs, when exactly one of them says the name taken", async () => {
    const model = buildModel(structuredClone(document) as never, await loadConfig(undefined, undefined), 'items.yaml');
    const credentials = model.resources.find((resource) => resource.property === 'credentials')!;
    expect(credentials.methods.map((method) => `${method.httpMethod} ${method.name}`).sort()).toEqual(['post create', 'put update']);
    expect(model.warnings.filter((warning) => warning.includes('/credentials/'))).toEqual([]);
  });
});

describe('names of the client, the package and the resource classes, without a config', () => {
  const ok = { '200': { description: 'ok' } };
  const document = {
    openapi: '3.1.0',
    info: { title: "GitHub's REST API", version: '1' },
    paths: {
      // `orgs.repos` comes first in the document; the top-level `repos` is still plain `Repos`.
      '/orgs/{org}/repos': { get: { responses: ok } },
      '/repos/{owner}/{repo}': { get: { responses: ok } },
      '/repos/{owner}/{repo}/repos': { get: { responses: ok } },
      '/hooks': { get: { responses: ok } },
    },
    components: { schemas: { Hooks: { type: 'object', properties: { id: { type: 'integer' } } } } },
  };

  test("the title's words as written: no word split at its capitals or at an apostrophe", async () => {
    const model = buildModel(structuredClone(document) as never, await loadConfig(undefined, undefined), 'github.yaml');
    expect(model.clientName).toBe('GitHub');
    expect(model.packageName).toBe('github');
    expect(model.envPrefix).toBe('GITHUB');
    expect(splitWords("GitHub's don't")).toEqual(['Git', 'Hub', 'dont']);
  });

  test('an env-var prefix does not start with a digit', async () => {
    const model = buildModel({ ...structuredClone(document), info: { title: '1Password Connect', version: '1' } } as never, await loadConfig(undefined, undefined), 'x.yaml');
    expect([model.clientName, model.packageName, model.envPrefix]).toEqual(['_1PasswordConnect', '1password-connect', '_1PASSWORD_CONNECT']);
  });

  test('a resource class is named for its property unless its parent, a sibling or a model type has the name', async () => {
    const model = buildModel(structuredClone(document) as never, await loadConfig(undefined, undefined), 'github.yaml');
    const byChain = Object.fromEntries(allResources(model.resources).map((resource) => [resource.chain.join('.'), resource.className]));
    expect(byChain).toMatchObject({ 'orgs.repos': 'Repos', repos: 'Repos', 'repos.repos': 'ReposResource', hooks: 'HooksResource' });
  });

  test("a top-level resource's types keep its own word; a nested resource that wants it too is qualified", async () => {
    // Telnyx: `ai.conversations.message` comes first in the document, `messages` is top-level: MessageCreateParams.
    const paths = {
      '/ai/conversations/{id}/message': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } },
      '/messages': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } },
    };
    const model = buildModel({ ...structuredClone(document), paths } as never, await loadConfig(undefined, undefined), 'telnyx.yaml');
    const byChain = Object.fromEntries(allResources(model.resources).map((resource) => [resource.chain.join('.'), [resource.typePrefix, resource.methods[0]?.paramsTypeName]]));
    expect(byChain).toMatchObject({ messages: ['Message', 'MessageCreateParams'], 'ai.conversations.message': ['AiConversationMessage', 'AiConversationMessageCreateParams'] });
  });

  test('two resources of one singular: the second takes the words as written before any number', async () => {
    // GitHub: `/user` (the authenticated user) beside `/users/{username}`, and `user.keys` beside `users.keys` and `keys`.
    const paths = {
      '/user': { get: { responses: ok } },
      '/user/keys': { get: { responses: ok } },
      '/user/keys/{key_id}': { get: { responses: ok } },
      '/users/{username}': { get: { responses: ok } },
      '/users/{username}/keys': { get: { responses: ok } },
      '/users/{username}/keys/{key_id}': { get: { responses: ok } },
      '/keys/{key_id}': { get: { responses: ok } },
      '/app': { get: { responses: ok } },
      '/apps/{slug}': { get: { responses: ok } },
    };
    const model = buildModel({ ...structuredClone(document), paths } as never, await loadConfig(undefined, undefined), 'github.yaml');
    const byChain = Object.fromEntries(allResources(model.resources).map((resource) => [resource.chain.join('.'), resource.typePrefix]));
    expect(byChain).toEqual({ keys: 'Key', user: 'User', 'user.keys': 'UserKey', users: 'Users', 'users.keys': 'UsersKey', app: 'App', apps: 'Apps' });
  });
});
