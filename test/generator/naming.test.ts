import { describe, expect, test } from 'vitest';
import { jsdocText as docText } from '../../generator/core/escape.js';
import { loadConfig } from '../../generator/load/load-config.js';
import { allResources, buildModel } from '../../generator/model/build-model.js';
import {
  camelCase,
  kebabCase,
  pascalCase,
  singular,
  splitWords,
  typeName,
  variableName,
} from '../../generator/model/naming.js';
import { findCollectionPaths, inferPlacement, verbBefore, withoutTagPrefix } from '../../generator/model/placement.js';
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
    const paths = [
      '/accounts/{id}/members',
      '/accounts/{id}/members/{member_id}',
      '/calls/{id}/actions/hangup',
      '/v2/users',
      '/foo/bar',
      '/foo/bar/{id}',
    ];
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
      '/things/{id}': {
        post: { operationId: 'postThing', responses: ok },
        put: { operationId: 'putThing', responses: ok },
      },
      // Telnyx's custom storage credentials: POST creates, PUT updates, both on the item.
      '/credentials/{id}': {
        post: { operationId: 'CreateCredentials', responses: ok },
        put: { operationId: 'UpdateCredentials', responses: ok },
      },
      // Telnyx's RCS messages: an action named like the resource under it moves into it.
      '/messages/rcs': { post: { operationId: 'SendRcsMessage', responses: ok } },
      '/messages/rcs/deeplinks/{agent_id}': { get: { responses: ok } },
      '/ai/openai/embeddings': { post: { operationId: 'embed', responses: ok } },
      '/ai/openai/embeddings/models': { get: { responses: ok } },
    },
  };

  test('PUT beside PATCH or POST is replace; DELETE of the collection beside DELETE of an item is deleteAll', async () => {
    const model = buildModel(structuredClone(document) as never, await loadConfig(undefined, undefined), 'items.yaml');
    const names = (property: string) =>
      model.resources
        .find((resource) => resource.property === property)!
        .methods.map((method) => `${method.httpMethod} ${method.name}`)
        .sort();
    expect(names('items')).toEqual(['delete delete', 'delete deleteAll', 'get list', 'patch update', 'put replace']);
    // POST and PUT on one item are both "update" by shape: PUT replaces, as beside PATCH.
    expect(names('things')).toEqual(['post update', 'put replace']);
    expect(model.warnings.filter((warning) => warning.includes('is taken'))).toHaveLength(0);
  });

  test('an operation named like a child resource whose paths lie under its own moves into it', async () => {
    const model = buildModel(structuredClone(document) as never, await loadConfig(undefined, undefined), 'items.yaml');
    const methods = (chain: string) =>
      allResources(model.resources)
        .find((resource) => resource.chain.join('.') === chain)!
        .methods.map((method) => method.name)
        .sort();
    // Named by the operationId's verb when it is a method verb (`SendRcsMessage`), else by the HTTP method (POST).
    expect([methods('messages'), methods('messages.rcs')]).toEqual([[], ['send']]);
    expect([methods('ai.openai'), methods('ai.openai.embeddings')]).toEqual([[], ['create', 'retrieveModels']]);
    expect(
      model.warnings.filter((warning) => warning.includes('/messages/rcs') || warning.includes('/embeddings')),
    ).toEqual([]);
  });

  test('but not one the config names: it stays where the config puts it', async () => {
    const config = { ...(await loadConfig(undefined, undefined)), operations: { SendRcsMessage: { method: 'rcs' } } };
    const model = buildModel(structuredClone(document) as never, config, 'items.yaml');
    const methods = (chain: string) =>
      allResources(model.resources)
        .find((resource) => resource.chain.join('.') === chain)!
        .methods.map((method) => method.name);
    expect([methods('messages'), methods('messages.rcs')]).toEqual([['sendRcsMessage'], []]);
  });

  test("otherwise the operationIds' verbs, when exactly one of them says the name taken", async () => {
    const model = buildModel(structuredClone(document) as never, await loadConfig(undefined, undefined), 'items.yaml');
    const credentials = model.resources.find((resource) => resource.property === 'credentials')!;
    expect(credentials.methods.map((method) => `${method.httpMethod} ${method.name}`).sort()).toEqual([
      'post create',
      'put update',
    ]);
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
      '/orgs/{org}/repos': { get: { responses: ok }, post: { responses: ok } },
      '/repos/{owner}/{repo}': { get: { responses: ok } },
      // Two operations: a resource of its own (a single one would be a method of `repos`).
      '/repos/{owner}/{repo}/repos': { get: { responses: ok }, post: { responses: ok } },
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
    const model = buildModel(
      { ...structuredClone(document), info: { title: '1Password Connect', version: '1' } } as never,
      await loadConfig(undefined, undefined),
      'x.yaml',
    );
    expect([model.clientName, model.packageName, model.envPrefix]).toEqual([
      '_1PasswordConnect',
      '1password-connect',
      '_1PASSWORD_CONNECT',
    ]);
  });

  test('a resource class is named for its property unless its parent, a sibling or a model type has the name', async () => {
    const model = buildModel(structuredClone(document) as never, await loadConfig(undefined, undefined), 'github.yaml');
    const byChain = Object.fromEntries(
      allResources(model.resources).map((resource) => [resource.chain.join('.'), resource.className]),
    );
    expect(byChain).toMatchObject({
      'orgs.repos': 'Repos',
      repos: 'Repos',
      'repos.repos': 'ReposResource',
      hooks: 'HooksResource',
    });
  });

  test("a top-level resource's types keep its own word; a nested resource that wants it too is qualified", async () => {
    // Telnyx: `ai.conversations.message` comes first in the document, `messages` is top-level: MessageCreateParams.
    const paths = {
      '/ai/conversations/{id}/message': {
        post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok },
        delete: { responses: ok },
      },
      '/messages': {
        post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok },
      },
    };
    const model = buildModel(
      { ...structuredClone(document), paths } as never,
      await loadConfig(undefined, undefined),
      'telnyx.yaml',
    );
    const byChain = Object.fromEntries(
      allResources(model.resources).map((resource) => [
        resource.chain.join('.'),
        [resource.typePrefix, resource.methods[0]?.paramsTypeName],
      ]),
    );
    expect(byChain).toMatchObject({
      messages: ['Message', 'MessageCreateParams'],
      'ai.conversations.message': ['AIConversationMessage', 'AIConversationMessageCreateParams'],
    });
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
    const model = buildModel(
      { ...structuredClone(document), paths } as never,
      await loadConfig(undefined, undefined),
      'github.yaml',
    );
    const byChain = Object.fromEntries(
      allResources(model.resources).map((resource) => [resource.chain.join('.'), resource.typePrefix]),
    );
    expect(byChain).toEqual({
      keys: 'Key',
      user: 'User',
      'user.keys': 'UserKey',
      users: 'Users',
      'users.keys': 'UsersKey',
      app: 'App',
      apps: 'Apps',
    });
  });
});

describe('inference rules (issue 13): a small synthetic spec per rule, no configuration', () => {
  const object = { type: 'object', properties: { id: { type: 'string' } } };
  const list = { type: 'object', properties: { data: { type: 'array', items: object } } };
  const json = (schema: object) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });
  const op = (operationId?: string, schema: object = object, extra: object = {}) => ({
    ...(operationId && { operationId }),
    responses: json(schema),
    ...extra,
  });
  const paged = { parameters: [{ name: 'page[number]', in: 'query', schema: { type: 'integer' } }] };
  const surface = async (paths: Record<string, unknown>) => {
    const model = buildModel(
      { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths } as never,
      await loadConfig(undefined, undefined),
      't.yaml',
    );
    const byRoute: Record<string, string> = {};
    for (const resource of allResources(model.resources)) {
      for (const method of resource.methods)
        byRoute[`${method.httpMethod} ${method.path}`] = [...resource.chain, method.name].join('.');
    }
    return { byRoute, model };
  };

  test('initialisms are capitals in member, variable and type names; other words are words', async () => {
    expect(camelCase('access_ip_address')).toBe('accessIPAddress');
    expect(camelCase('alphanumeric_sender_ids')).toBe('alphanumericSenderIDs');
    expect(camelCase('gather_using_ai')).toBe('gatherUsingAI');
    expect(camelCase('ip_addresses')).toBe('ipAddresses');
    expect(variableName('assistant_id')).toBe('assistantID');
    expect(pascalCase('global_ips')).toBe('GlobalIPs');
    expect(pascalCase('messaging_url_domain')).toBe('MessagingURLDomain');
    // General identity-protocol initialisms (issue 22): testLDAPConnection, SAMLProvider, ssoSettings.
    expect(camelCase('test-ldap-connection')).toBe('testLDAPConnection');
    expect(pascalCase('saml_provider')).toBe('SAMLProvider');
    expect(camelCase('TestOidcSsoScimFlow')).toBe('testOIDCSSOSCIMFlow');
    // Not initialisms to the official SDKs: `retrieveJwks`, `sipRegistrationStatus`, `sendGroupMms`.
    expect(camelCase('GetOAuthJWKS')).toBe('getOAuthJwks');
    expect(pascalCase('sip_mms')).toBe('SipMms');
    const { model } = await surface({
      '/access_ip_address': { get: op('ListAccessIpAddresses', list) },
      '/access_ip_address/{access_ip_address_id}': {
        get: op(undefined, object, {
          parameters: [{ name: 'access_ip_address_id', in: 'path', required: true, schema: { type: 'string' } }],
        }),
      },
    });
    const resource = model.resources[0]!;
    expect([
      resource.property,
      resource.className,
      resource.typePrefix,
      resource.methods[1]!.pathParams[0]!.variable,
    ]).toEqual(['accessIPAddress', 'AccessIPAddress', 'AccessIPAddress', 'accessIPAddressID']);
  });

  test('a segment under an item that holds one operation is a method of the item, named by verb and segment', async () => {
    const { byRoute } = await surface({
      '/assistants/{id}/clone': { post: op('clone_assistant') },
      '/conferences/{id}/participants': { get: op('ListConferenceParticipants', list, paged) },
      '/orders/{id}/requirement_group': { put: op() },
      '/orders/{id}/token': { post: op('CreateOrderToken') },
      '/orders/{id}/cancel': { patch: op('CancelOrder') },
      '/orders/{id}/notes': { get: op(undefined, list), post: op() },
      '/docs/{id}/download': { get: op('DownloadDoc') },
    });
    expect(byRoute).toEqual({
      'post /assistants/{id}/clone': 'assistants.clone',
      'get /conferences/{id}/participants': 'conferences.listParticipants',
      'put /orders/{id}/requirement_group': 'orders.updateRequirementGroup',
      // Under an item the segment names a thing of it; a CRUD verb of the operationId says what happens to it.
      'post /orders/{id}/token': 'orders.createToken',
      // A segment the operationId starts with is a verb itself; a GET's segment names what it reads.
      'patch /orders/{id}/cancel': 'orders.cancel',
      'get /docs/{id}/download': 'docs.retrieveDownload',
      // Two operations: a resource of its own.
      'get /orders/{id}/notes': 'orders.notes.list',
      'post /orders/{id}/notes': 'orders.notes.create',
    });
  });

  test("the operationId's verb where it is a domain verb for the resource itself", async () => {
    const { byRoute } = await surface({
      '/calls': { post: op('DialCall'), get: op('ListCalls', list) },
      '/calls/{id}': { get: op('GetCallById'), delete: op('HangupCallNow') },
      '/messages': { post: op('SendMessage') },
      '/assistants/{id}/tags': { post: op('add_assistant_tag'), get: op('list_tags', list) },
      '/users': { post: op('UsersCreate') },
      '/widgets': { post: op('PublishWidgetToStore') },
      '/things': { post: op('v1_create_thing') },
    });
    expect(byRoute).toEqual({
      'post /calls': 'calls.dial',
      'get /calls': 'calls.list',
      'get /calls/{id}': 'calls.retrieve',
      // `now` is no word of the resource: the operationId says more than a verb for it.
      'delete /calls/{id}': 'calls.delete',
      'post /messages': 'messages.send',
      // `add` only restates a POST: create (as the OpenAI-style SDKs name it; Telnyx's says add).
      'post /assistants/{id}/tags': 'assistants.tags.create',
      'get /assistants/{id}/tags': 'assistants.tags.list',
      'post /users': 'users.create',
      'post /widgets': 'widgets.create',
      'post /things': 'things.create',
    });
  });

  test('an operationId verb that is no verb (a typo of a CRUD word) says nothing, unless the summary says it too', async () => {
    const { byRoute } = await surface({
      '/country_coverage': { get: op('retreiveCountryCoverage') },
      '/coverage_checks': { get: op('retreiveCoverageChecks', object, { summary: 'Retreive coverage checks' }) },
      '/calls': { post: op('DialCall') },
    });
    expect(byRoute).toEqual({
      'get /country_coverage': 'countryCoverage.retrieve',
      // The summary agrees: the spec means the word, whatever it is.
      'get /coverage_checks': 'coverageChecks.retreive',
      'post /calls': 'calls.dial',
    });
  });

  test("the summary's verb where a call changes something and the verb says more than its HTTP method", async () => {
    const summary = (text: string) => ({ summary: text });
    const { byRoute } = await surface({
      '/media': {
        post: op('CreateMediaStorage', object, summary('Upload media')),
        get: op('ListMedia', list, summary('Upload media')),
      },
      '/voice_designs/{id}': {
        patch: op('updateVoiceDesign', object, summary('Rename a voice design')),
        delete: op(undefined, object, summary('Deletes a voice design')),
      },
      '/gists/{id}/star': {
        put: op(undefined, object, summary('Star a gist')),
        delete: op(undefined, object, summary('Unstar a gist')),
      },
      '/uploads': { post: op('uploadRaw', object, summary('Upload raw bytes')) },
      '/teams/{id}/members': { post: op(undefined, object, summary('Add a member to a team')) },
      '/teams/{id}/members/{user}': {
        delete: op(undefined, object, summary('Removes a member')),
        put: op(undefined, object, summary('Add a member')),
      },
      '/runs': { post: op(undefined, object, summary('Forking start')) },
      '/sessions': { post: op(undefined, object, summary('Sign in')) },
      '/calls': { post: op('DialCall', object, summary('Start a call')) },
    });
    expect(byRoute).toEqual({
      // `Upload` on a POST only restates it (the OpenAI-style SDKs: files.create; see the next tests).
      'post /media': 'media.create',
      // A GET reads, whatever its summary says.
      'get /media': 'media.list',
      'patch /voice_designs/{id}': 'voiceDesigns.rename',
      'delete /voice_designs/{id}': 'voiceDesigns.delete',
      // A verb that names the resource says nothing new of it: no `gists.star.star`, no `uploads.upload`.
      'put /gists/{id}/star': 'gists.star.update',
      'delete /gists/{id}/star': 'gists.star.unstar',
      'post /uploads': 'uploads.create',
      // `Add` on a POST and `Remove` on a DELETE only restate the method; on a PUT, `add` says what the PUT does.
      'post /teams/{id}/members': 'teams.members.create',
      'delete /teams/{id}/members/{user}': 'teams.members.delete',
      'put /teams/{id}/members/{user}': 'teams.members.add',
      // `Forking` is no verb; the operationId's domain verb comes before the summary's.
      'post /runs': 'runs.create',
      // A phrasal verb is not its first word.
      'post /sessions': 'sessions.create',
      'post /calls': 'calls.dial',
    });
  });

  test("an action segment: a verb the summary starts with is the method; a thing takes the summary's verb", async () => {
    const summary = (text: string, operationId?: string) => op(operationId, object, { summary: text });
    const { byRoute } = await surface({
      '/messages/long_code': { post: summary('Send a long code message', 'CreateLongCodeMessage') },
      '/orders/{id}/validation_codes': { post: summary('Validate hosted number codes') },
      '/audio/transcriptions': { post: summary('Transcribe speech to text') },
      '/bookings/{id}/payment': { post: summary('Pay for a booking') },
      '/contacts/{id}/address': { put: summary('Add an address') },
      '/groups/{id}/insights/{iid}/unassign': { delete: summary('Unassign an insight from a group') },
      '/workflows/{id}/disable': { put: summary('Disable a workflow') },
      '/schemes/{id}/mapping/delete': { post: summary('Remove issue types from a scheme') },
      '/docs/{id}/download': { get: summary('Download a document', 'DownloadDocument') },
      '/blocks/export': { get: summary('Export blocks as CSV') },
      // Named by its summary, it is still the action of the resource under it, which it joins as that resource's verb.
      '/messages/rcs': { post: summary('Send an RCS message', 'SendRcsMessage') },
      '/messages/rcs/deeplinks/{agent_id}': { get: op('GenerateRcsDeeplink') },
    });
    expect(byRoute).toEqual({
      'post /messages/long_code': 'messages.sendLongCode',
      // The segment's words made from the verb are not said twice.
      'post /orders/{id}/validation_codes': 'orders.validateCodes',
      // A plural noun the summary's verb makes names what the POST creates (issue 26): see below.
      'post /audio/transcriptions': 'audio.transcriptions.create',
      'post /bookings/{id}/payment': 'bookings.pay',
      'put /contacts/{id}/address': 'contacts.addAddress',
      'delete /groups/{id}/insights/{iid}/unassign': 'groups.insights.unassign',
      'put /workflows/{id}/disable': 'workflows.disable',
      'post /schemes/{id}/mapping/delete': 'schemes.mapping.delete',
      // A GET is its segment only where the operationId and the summary both say it.
      'get /docs/{id}/download': 'docs.download',
      'get /blocks/export': 'blocks.retrieveExport',
      'post /messages/rcs': 'messages.rcs.send',
      'get /messages/rcs/deeplinks/{agent_id}': 'messages.rcs.deeplinks.generate',
    });
  });

  test('list or retrieve from the response: pages and arrays list, one object is retrieved', async () => {
    const { byRoute } = await surface({
      '/balance': { get: op('GetUserBalance') },
      '/usage': { get: op('GetUsage', list) },
      '/channels': { get: op('ListInboundChannels') },
      '/widgets': { get: op('GetWidgets') },
      '/widgets/{id}': { get: op() },
      '/ai/models': { get: op('list_models', list) },
      '/ai/providers': { get: op('GetProviders', list) },
      '/ai/events': { get: op('GetEvents', list, paged) },
      '/ai/settings': { get: op('GetSettings', list) },
      '/ai/settings/{id}': { get: op() },
      // The summary or operationId says list: `List …`, `Get all …`; a summary's plain `Get` says nothing.
      '/user_tags': { get: op('GetUserTags', object, { summary: 'List user tags' }) },
      '/assistant_tags': { get: op('get_all_assistant_tags', list) },
      '/blocklist_values': { get: op('BlocklistGetAll', object, { summary: 'Get all possible blocklist values' }) },
      '/reviewers': { get: op('pulls/list-requested-reviewers', list, { summary: 'Get requested reviewers' }) },
      '/ai/regions': { get: op('apps/regions', list, { summary: 'List regions' }) },
    });
    expect(byRoute).toMatchObject({
      'get /balance': 'balance.retrieve',
      // A list the operationId calls a get: one thing (a report), not a collection to page through.
      'get /usage': 'usage.retrieve',
      'get /channels': 'channels.list',
      // Items of the path exist: a collection, whatever its GET answers.
      'get /widgets': 'widgets.list',
      'get /ai/models': 'ai.listModels',
      'get /ai/providers': 'ai.retrieveProviders',
      'get /ai/events': 'ai.listEvents',
      'get /user_tags': 'userTags.list',
      'get /assistant_tags': 'assistantTags.list',
      'get /blocklist_values': 'blocklistValues.list',
      'get /reviewers': 'reviewers.list',
      'get /ai/regions': 'ai.listRegions',
    });
  });

  test('a noun_verb segment is verb first when the operationId puts the verb first, its nouns spelt in full as the operationId or summary spells them', async () => {
    const { byRoute } = await surface({
      '/conferences/{id}/actions/record_start': { post: op('StartConferenceRecording') },
      '/conferences/{id}/actions/playback_stop': { post: op('ConferencePlaybackStop') },
      '/calls/{id}/actions/client_state_update': { put: op('UpdateClientState') },
      '/calls/{id}/actions/ai_assistant_join': { post: op('CallJoinAIAssistant') },
      // Spelt in full where the operationId or the summary has the longer word.
      '/calls/{id}/actions/fork_start': { post: op('StartCallFork', object, { summary: 'Forking start' }) },
      '/calls/{id}/actions/record_pause': { post: op('PauseCallRecording', object, { summary: 'Record pause' }) },
    });
    expect(byRoute).toEqual({
      'post /conferences/{id}/actions/record_start': 'conferences.actions.startRecording',
      'post /conferences/{id}/actions/playback_stop': 'conferences.actions.playbackStop',
      'put /calls/{id}/actions/client_state_update': 'calls.actions.updateClientState',
      'post /calls/{id}/actions/ai_assistant_join': 'calls.actions.joinAIAssistant',
      'post /calls/{id}/actions/fork_start': 'calls.actions.startForking',
      'post /calls/{id}/actions/record_pause': 'calls.actions.pauseRecording',
    });
  });

  test('a static segment that several operations reach is a resource; two lists or retrieves in one are told apart', async () => {
    const { byRoute, model } = await surface({
      '/phone_numbers/messaging': { get: op('ListMessaging', list, paged) },
      '/phone_numbers/{id}/messaging': { get: op(), patch: op() },
      '/payment/prefs': { get: op(), patch: op() },
      '/missions/runs': { get: op(undefined, list) },
      '/missions/{id}/runs': { get: op(undefined, list) },
      '/brands/otp/{ref}': { get: op() },
      '/brands/{id}/otp': { get: op(), post: op() },
    });
    expect(byRoute).toEqual({
      'get /phone_numbers/messaging': 'phoneNumbers.messaging.list',
      'get /phone_numbers/{id}/messaging': 'phoneNumbers.messaging.retrieve',
      'patch /phone_numbers/{id}/messaging': 'phoneNumbers.messaging.update',
      'get /payment/prefs': 'payment.prefs.retrieve',
      'patch /payment/prefs': 'payment.prefs.update',
      'get /missions/runs': 'missions.runs.listAll',
      'get /missions/{id}/runs': 'missions.runs.list',
      'get /brands/otp/{ref}': 'brands.otp.retrieve',
      'get /brands/{id}/otp': 'brands.otp.list',
      'post /brands/{id}/otp': 'brands.otp.create',
    });
    expect(model.warnings.filter((warning) => warning.includes('is taken'))).toEqual([]);
  });

  test('a name the rules make that is taken falls back to what the path alone says, not to the operationId', async () => {
    const { byRoute, model } = await surface({
      // Both GETs would be `dashboard` (the operationId's verb): their path names them.
      '/metrics/{id}/qos': { get: op('dashboardMetricQos', list) },
      '/metrics/{id}/qos/{qid}': { get: op('DashboardMetricsQos') },
      // `update` folded into the item clashes with PUT of the item: it stays a resource of its own.
      '/credentials/{id}': { put: op('updateCredential') },
      '/credentials/{id}/update': { post: op('updateCredentialPassword') },
    });
    expect(byRoute).toMatchObject({
      'get /metrics/{id}/qos': 'metrics.qos.list',
      'get /metrics/{id}/qos/{qid}': 'metrics.qos.retrieve',
    });
    expect(byRoute['post /credentials/{id}/update']).toBe('credentials.update.create');
    expect(model.warnings.filter((warning) => warning.includes('/metrics/'))).toEqual([]);
  });

  test("a paginated method's type is its page, named for the items; a second page of the same items for its method", async () => {
    const widget = { $ref: '#/components/schemas/Widget' };
    const page = { type: 'object', properties: { data: { type: 'array', items: widget } } };
    const document = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/widgets': { get: op('ListWidgets', page, paged) },
        '/gadgets/{id}/widgets': { get: op('ListGadgetWidgets', page, paged), post: op() },
        '/policies': {
          get: op('ListPolicies', { type: 'object', properties: { data: { type: 'array', items: object } } }, paged),
        },
        // Paged another way than the rest: the page says how.
        '/gizmos': {
          get: op(
            'ListGizmos',
            { type: 'object', properties: { data: { type: 'array', items: widget }, next_cursor: { type: 'string' } } },
            { parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string' } }] },
          ),
        },
      },
      components: { schemas: { Widget: object } },
    };
    const model = buildModel(document as never, await loadConfig(undefined, undefined), 't.yaml');
    const pages = Object.fromEntries(
      allResources(model.resources).flatMap((resource) =>
        resource.methods.map((method) => [`${resource.chain.join('.')}.${method.name}`, method.pageTypeName]),
      ),
    );
    expect(pages).toEqual({
      'widgets.list': 'WidgetsPage',
      'gadgets.widgets.list': 'GadgetWidgetListPage',
      'gadgets.widgets.create': undefined,
      'policies.list': 'PolicyListPage',
      'gizmos.list': 'WidgetsCursorPage',
    });
  });
});

describe('naming rules that hold across APIs (issues 22 and 26): a synthetic spec per rule, no configuration', () => {
  const object = { type: 'object', properties: { id: { type: 'string' } } };
  const list = { type: 'object', properties: { data: { type: 'array', items: object } } };
  const array = { type: 'array', items: object };
  const json = (schema: object) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });
  const op = (operationId?: string, schema: object = object, extra: object = {}) => ({
    ...(operationId && { operationId }),
    responses: json(schema),
    ...extra,
  });
  const surface = async (paths: Record<string, unknown>) => {
    const model = buildModel(
      { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths } as never,
      await loadConfig(undefined, undefined),
      't.yaml',
    );
    const byRoute: Record<string, string> = {};
    for (const resource of allResources(model.resources)) {
      for (const method of resource.methods)
        byRoute[`${method.httpMethod} ${method.path}`] = [...resource.chain, method.name].join('.');
    }
    return { byRoute, fallbacks: model.warnings.filter((warning) => warning.includes('is taken')) };
  };

  test('a segment that is a name and a format param is the name; a #fragment is a segment of its own', async () => {
    const { byRoute, fallbacks } = await surface({
      '/Accounts/{Sid}/Calls{ext}': { get: op(undefined, list), post: op() },
      '/Accounts/{Sid}/Calls/{CallSid}{ext}': { get: op(), post: op() },
      '/files/{id}/thumbnail.{format}': { get: op() },
      '/files/{id}': { get: op() },
      '/files/{id}#shared_link': { put: op() },
    });
    expect(byRoute).toEqual({
      'get /Accounts/{Sid}/Calls{ext}': 'accounts.calls.list',
      'post /Accounts/{Sid}/Calls{ext}': 'accounts.calls.create',
      'get /Accounts/{Sid}/Calls/{CallSid}{ext}': 'accounts.calls.retrieve',
      'post /Accounts/{Sid}/Calls/{CallSid}{ext}': 'accounts.calls.update',
      'get /files/{id}/thumbnail.{format}': 'files.retrieveThumbnail',
      'get /files/{id}': 'files.retrieve',
      'put /files/{id}#shared_link': 'files.updateSharedLink',
    });
    expect(fallbacks).toEqual([]);
  });

  test('an operationId is read without its tag prefix (Tag_Operation, TagOperation, tag/operation)', async () => {
    expect(withoutTagPrefix('gists/get-revision', ['gists'])).toBe('get_revision');
    expect(withoutTagPrefix('actionsGetArtifact', ['actions'])).toBe('Get_Artifact');
    expect(withoutTagPrefix('dropletActions_post_byTag', ['Droplet Actions'])).toBe('post_by_Tag');
    expect(withoutTagPrefix('OAuthClients_list', ['OAuth Clients'])).toBe('list');
    // Without a tag, a group before a separator where a verb follows it.
    expect(withoutTagPrefix('Pets_ListByOwner')).toBe('ListByOwner');
    // Nothing would be left, or the first word is no group: as written.
    expect(withoutTagPrefix('Gists', ['gists'])).toBe('Gists');
    expect(withoutTagPrefix('get_users')).toBe('get_users');
    const { byRoute } = await surface({
      '/calls': {
        post: op('Calls_DialCall', object, { tags: ['Calls'] }),
        get: op('Calls_ListCalls', list, { tags: ['Calls'] }),
      },
      '/calls/{id}/recordings': {
        post: op('callsCreateRecording', object, { tags: ['calls'] }),
        get: op(undefined, list),
      },
    });
    expect(byRoute).toEqual({
      'post /calls': 'calls.dial',
      'get /calls': 'calls.list',
      'post /calls/{id}/recordings': 'calls.recordings.create',
      'get /calls/{id}/recordings': 'calls.recordings.list',
    });
  });

  test('a GET with no item above it that answers a list is listX, whatever its operationId, unless that calls it a get (a report)', async () => {
    const paged = { parameters: [{ name: 'page[number]', in: 'query', schema: { type: 'integer' } }] };
    const { byRoute } = await surface({
      '/jobs/{id}': { get: op() },
      '/jobs/{id}/events': { get: op(undefined, list, paged) },
      // Under an item, a list that is not paged reads a part of the item (the official Telnyx SDK: retrieveEvents).
      '/jobs/{id}/checkpoints': { get: op('jobCheckpoints', array) },
      '/org/audit_logs': { get: op('audit-logs', list) },
      '/org/members': { get: op(undefined, array) },
      '/org/usage': { get: op('GetOrgUsage', list) },
    });
    expect(byRoute).toEqual({
      'get /jobs/{id}': 'jobs.retrieve',
      'get /jobs/{id}/events': 'jobs.listEvents',
      'get /jobs/{id}/checkpoints': 'jobs.retrieveCheckpoints',
      'get /org/audit_logs': 'org.listAuditLogs',
      'get /org/members': 'org.listMembers',
      'get /org/usage': 'org.retrieveUsage',
    });
  });

  test('a single POST on a nested path whose last segment is a plural noun creates one of those (issue 26)', async () => {
    const { byRoute } = await surface({
      '/chat/completions': {
        post: op('createChatCompletion', object, {
          summary: 'Creates a model response for the given chat conversation',
        }),
      },
      '/speech/transcriptions': { post: op(undefined, object, { summary: 'Transcribe audio into text' }) },
      '/photos/edits': { post: op(undefined, object, { summary: 'Edit an image' }) },
      // Not a plural noun, or a verb of its own says more: an action as before.
      '/messages/long_code': { post: op(undefined, object, { summary: 'Send a long code message' }) },
      '/messages/batch': { post: op() },
      '/calls/record_start': { post: op() },
      '/orders/{id}/tokens': { post: op('CreateOrderToken') },
    });
    expect(byRoute).toEqual({
      'post /chat/completions': 'chat.completions.create',
      'post /speech/transcriptions': 'speech.transcriptions.create',
      'post /photos/edits': 'photos.edits.create',
      'post /messages/long_code': 'messages.sendLongCode',
      'post /messages/batch': 'messages.batch',
      'post /calls/record_start': 'calls.recordStart',
      'post /orders/{id}/tokens': 'orders.createTokens',
    });
  });

  test('operations named alike are told apart by what differs, not by their operationIds', async () => {
    const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
    const { byRoute, fallbacks } = await surface({
      // A path that adds a param to another's names what the param picks (less a kind word: imageType -> Image).
      '/signatures/{id}': { get: op('signaturesGetSignature') },
      '/signatures/{id}/{imageType}': { get: op('signaturesGetSignatureImage') },
      '/gists/{gist_id}': { get: op('gists/get') },
      '/gists/{gist_id}/{sha}': { get: op('gists/get-revision') },
      // The same path with another param: the one by id is plain, the other is read by its param.
      '/icon/{id}': { get: op('getIconById', object, { parameters: [id('id')] }) },
      '/icon/{term}': { get: op('getIconByTerm', object, { parameters: [id('term')] }) },
      // Their summaries' verbs differ.
      '/files/{id}/metadata/{key}': {
        put: op('put1', object, { summary: 'Update metadata instance' }),
        post: op('post1', object, { summary: 'Create metadata instance' }),
      },
      // PUT beside POST of one item: PUT replaces.
      '/roles/{id}': { put: op('fullyUpdateRole'), post: op('partialUpdateRole') },
      // PUT of the collection beside PUT of its item.
      '/webhooks': { put: op('updateWebhooks') },
      '/webhooks/{id}': { put: op('updateWebhook') },
    });
    expect(byRoute).toEqual({
      'get /signatures/{id}': 'signatures.retrieve',
      'get /signatures/{id}/{imageType}': 'signatures.retrieveImage',
      'get /gists/{gist_id}': 'gists.retrieve',
      'get /gists/{gist_id}/{sha}': 'gists.retrieveSha',
      'get /icon/{id}': 'icon.retrieve',
      'get /icon/{term}': 'icon.retrieveByTerm',
      'put /files/{id}/metadata/{key}': 'files.metadata.update',
      'post /files/{id}/metadata/{key}': 'files.metadata.create',
      'put /roles/{id}': 'roles.replace',
      'post /roles/{id}': 'roles.update',
      'put /webhooks': 'webhooks.updateAll',
      'put /webhooks/{id}': 'webhooks.update',
    });
    expect(fallbacks).toEqual([]);
  });

  test("a leading path param is a scope, a kebab-case act under it a method, and GET / the API's own info, never root", async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/': { get: op(undefined, { $ref: '#/components/schemas/ServerInfoRepresentation' }) },
        '/{realm}': { get: op(), put: op(), delete: op() },
        '/{realm}/users': { get: op(undefined, array), post: op() },
        '/{realm}/users/{id}': { get: op() },
        '/{realm}/clear-keys-cache': { post: op() },
        '/{realm}/logout-all': { post: op() },
      },
      components: { schemas: { ServerInfoRepresentation: object } },
    };
    const model = buildModel(document as never, await loadConfig(undefined, undefined), 't.yaml');
    const byRoute: Record<string, string> = {};
    for (const resource of allResources(model.resources))
      for (const method of resource.methods)
        byRoute[`${method.httpMethod} ${method.path}`] = [...resource.chain, method.name].join('.');
    expect(byRoute).toEqual({
      'get /': 'serverInfo.retrieve',
      'get /{realm}': 'realms.retrieve',
      'put /{realm}': 'realms.update',
      'delete /{realm}': 'realms.delete',
      'get /{realm}/users': 'users.list',
      'post /{realm}/users': 'users.create',
      'get /{realm}/users/{id}': 'users.retrieve',
      'post /{realm}/clear-keys-cache': 'realms.clearKeysCache',
      'post /{realm}/logout-all': 'realms.logoutAll',
    });
    // Without a schema or operationId to name it, GET / is `api.retrieve`.
    expect((await surface({ '/': { get: op() } })).byRoute).toEqual({ 'get /': 'api.retrieve' });
  });

  test('a POST on one thing whose GET answers the same schema updates it', async () => {
    const policy = { $ref: '#/components/schemas/RetentionPolicy' };
    const document = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/org/retention_policy': { get: op(undefined, policy), post: op(undefined, policy) },
        // A GET that takes a query looks things up: its POST still creates.
        '/org/members': {
          get: op(undefined, policy, { parameters: [{ name: 'email', in: 'query', schema: { type: 'string' } }] }),
          post: op(undefined, policy),
        },
        // Items of the path exist: a collection, whatever its GET answers.
        '/org/teams': { get: op(undefined, policy), post: op(undefined, policy) },
        '/org/teams/{id}': { get: op(undefined, policy) },
      },
      components: { schemas: { RetentionPolicy: object } },
    };
    const model = buildModel(document as never, await loadConfig(undefined, undefined), 't.yaml');
    const byRoute: Record<string, string> = {};
    for (const resource of allResources(model.resources))
      for (const method of resource.methods)
        byRoute[`${method.httpMethod} ${method.path}`] = [...resource.chain, method.name].join('.');
    expect(byRoute).toMatchObject({
      'get /org/retention_policy': 'org.retentionPolicy.retrieve',
      'post /org/retention_policy': 'org.retentionPolicy.update',
      'post /org/members': 'org.members.create',
      'post /org/teams': 'org.teams.create',
    });
  });

  test('a summary or operationId verb that only restates the HTTP method keeps the CRUD name (assign, upload, add: create; remove: delete)', async () => {
    const { byRoute } = await surface({
      '/users/{id}/roles': { post: op(undefined, object, { summary: 'Assign a role to a user' }) },
      '/users/{id}/roles/{role_id}': { delete: op(undefined, object, { summary: 'Unassign a role from a user' }) },
      '/groups/{id}/users/{user_id}': {
        delete: op('removeGroupUser', object, { summary: 'Remove a user from a group' }),
      },
      '/files': { post: op(undefined, object, { summary: 'Upload a file' }) },
      '/pets': { post: op('addPet') },
      // A verb that says more than the method stays.
      '/faxes': { post: op(undefined, object, { summary: 'Send a fax' }) },
    });
    expect(byRoute).toEqual({
      'post /users/{id}/roles': 'users.roles.create',
      'delete /users/{id}/roles/{role_id}': 'users.roles.delete',
      'delete /groups/{id}/users/{user_id}': 'groups.users.delete',
      'post /files': 'files.create',
      'post /pets': 'pets.create',
      'post /faxes': 'faxes.send',
    });
  });

  test('version segments are no resources: v2, v2.1, 2.0, a bare number after api', async () => {
    const { byRoute } = await surface({
      '/v2.1/accounts/{id}': { get: op() },
      '/2.0/repositories': { get: op(undefined, array) },
      '/api/3/issues/{id}': { delete: op() },
    });
    expect(byRoute).toEqual({
      'get /v2.1/accounts/{id}': 'accounts.retrieve',
      'get /2.0/repositories': 'repositories.list',
      'delete /api/3/issues/{id}': 'issues.delete',
    });
  });

  test('a summary verb the resource is the things made by says nothing new: create (embeddings, validations)', async () => {
    const { byRoute } = await surface({
      '/embeddings': { post: op(undefined, object, { summary: 'Embed documents' }) },
      '/embeddings/url': { post: op(undefined, object, { summary: 'Embed URL content' }) },
      '/validations': { post: op(undefined, object, { summary: 'Validate an email address' }) },
      '/collaborator_invitations': { post: op(undefined, object, { summary: 'Invite a collaborator' }) },
      // Not a plural noun of the verb: a gerund, or a word that only begins alike. The verb stays.
      '/user/following/{username}': { put: op(undefined, object, { summary: 'Follow a user' }) },
      '/meetings/{id}/recordings/status': { put: op(undefined, object, { summary: 'Recover meeting recordings' }) },
    });
    expect(byRoute).toEqual({
      'post /embeddings': 'embeddings.create',
      'post /embeddings/url': 'embeddings.url',
      'post /validations': 'validations.create',
      'post /collaborator_invitations': 'collaboratorInvitations.create',
      'put /user/following/{username}': 'user.following.follow',
      'put /meetings/{id}/recordings/status': 'meetings.recordings.recoverStatus',
    });
  });

  test('two verbs a summary offers as alternatives (Enable or disable, Add or update) name no act: the CRUD name', async () => {
    const { byRoute } = await surface({
      '/teams/{id}/memberships/{username}': {
        put: op(undefined, object, { summary: 'Add or update team membership' }),
      },
      '/devices/{id}': { put: op(undefined, object, { summary: 'Lock or unlock a device' }) },
      '/phone_numbers/{id}/calling_settings': {
        get: op(),
        patch: op(undefined, object, { summary: 'Enable or disable calling for a phone number' }),
      },
      // One verb, or a verb and its object: the verb stays.
      '/sends/{id}': { put: op(undefined, object, { summary: 'Pause a scheduled send' }) },
      '/alarms/{id}': { patch: op(undefined, object, { summary: 'Snooze alarm or reminder' }) },
    });
    expect(byRoute).toEqual({
      'put /teams/{id}/memberships/{username}': 'teams.memberships.update',
      'put /devices/{id}': 'devices.update',
      'get /phone_numbers/{id}/calling_settings': 'phoneNumbers.callingSettings.retrieve',
      'patch /phone_numbers/{id}/calling_settings': 'phoneNumbers.callingSettings.update',
      'put /sends/{id}': 'sends.pause',
      'patch /alarms/{id}': 'alarms.snooze',
    });
  });

  test('an act named like a child resource keeps its verb when it moves there (settleCreditAccount: creditAccount.settle)', async () => {
    expect(verbBefore('settleCreditAccount', 'creditAccount')).toBe('settle');
    expect(verbBefore('createCreditAccount', 'creditAccount')).toBeUndefined();
    expect(verbBefore('creditAccount', 'creditAccount')).toBeUndefined();
    expect(verbBefore('accountCreditAccount', 'creditAccount')).toBeUndefined();
    const { byRoute, fallbacks } = await surface({
      '/v2/x402/credit_account': { post: op('settleX402Payment', object, { summary: 'Settle a payment' }) },
      '/v2/x402/credit_account/quote': { post: op(undefined, object, { summary: 'Quote' }) },
      // Without a verb of its own it is the child's create.
      '/v2/wallets/top_up': { post: op(undefined, object, { summary: 'A top-up' }) },
      '/v2/wallets/top_up/estimate': { post: op() },
    });
    expect(byRoute).toEqual({
      'post /v2/x402/credit_account': 'x402.creditAccount.settle',
      'post /v2/x402/credit_account/quote': 'x402.creditAccount.quote',
      'post /v2/wallets/top_up': 'wallets.topUp.create',
      'post /v2/wallets/top_up/estimate': 'wallets.topUp.estimate',
    });
    expect(fallbacks).toEqual([]);
  });

  test('a POST action whose operationId says create makes the thing its segment names (createFromUpload, createRegistrationToken)', async () => {
    const { byRoute } = await surface({
      '/voice_clones/from_upload': { post: op('createVoiceCloneFromUpload') },
      '/orgs/{org}/runners/registration-token': { post: op('createRegistrationTokenForOrg') },
      '/goals/{id}/setMetric': { post: op('createGoalMetric') },
      '/goals/{id}/setMetricCurrentValue': { post: op('updateGoalMetric') },
      // A segment that is itself a verb, or a CRUD word, is the act already.
      '/jobs/delete_numbers': { post: op('CreateDeleteNumbersJob') },
      '/jobs/export_numbers': { post: op('CreateExportNumbersJob') },
    });
    expect(byRoute).toEqual({
      'post /voice_clones/from_upload': 'voiceClones.createFromUpload',
      'post /orgs/{org}/runners/registration-token': 'orgs.runners.createRegistrationToken',
      'post /goals/{id}/setMetric': 'goals.setMetric',
      'post /goals/{id}/setMetricCurrentValue': 'goals.setMetricCurrentValue',
      'post /jobs/delete_numbers': 'jobs.deleteNumbers',
      'post /jobs/export_numbers': 'jobs.exportNumbers',
    });
  });

  test('a GET whose summary says Download reads a file: downloadX (GitHub downloadJobLogs…, Telnyx downloadSample)', async () => {
    const { byRoute } = await surface({
      '/voice_clones/{id}/sample': {
        get: op('getVoiceCloneSample', object, { summary: 'Download voice clone audio sample' }),
      },
      '/jobs/{id}/logs': { get: op(undefined, object, { summary: 'Download job logs' }) },
      '/documents/{id}/download': { get: op(undefined, object, { summary: 'Download a document' }) },
      // Any other summary verb says nothing of a GET.
      '/jobs/{id}/output': { get: op(undefined, object, { summary: 'Fetch job output' }) },
    });
    expect(byRoute).toEqual({
      'get /voice_clones/{id}/sample': 'voiceClones.downloadSample',
      'get /jobs/{id}/logs': 'jobs.downloadLogs',
      'get /documents/{id}/download': 'documents.download',
      'get /jobs/{id}/output': 'jobs.retrieveOutput',
    });
  });

  test("an action segment is read without its parent's name (network_interfaces of a network: listInterfaces)", async () => {
    const paged = { parameters: [{ name: 'page[number]', in: 'query', schema: { type: 'integer' } }] };
    const { byRoute } = await surface({
      '/networks/{id}/network_interfaces': { get: op(undefined, list, paged) },
      '/projects/{id}/project_memberships': { get: op(undefined, list, paged) },
      '/users/{id}/user_task_list': { get: op() },
      // Nothing left that names a thing, or no parent's name in it: as it is.
      '/schedules/schedule_e': { get: op(undefined, list, paged) },
      '/boards/{id}/board': { get: op() },
      '/boards/{id}/members': { get: op(undefined, list, paged) },
    });
    expect(byRoute).toEqual({
      'get /networks/{id}/network_interfaces': 'networks.listInterfaces',
      'get /projects/{id}/project_memberships': 'projects.listMemberships',
      'get /users/{id}/user_task_list': 'users.retrieveTaskList',
      'get /schedules/schedule_e': 'schedules.listScheduleE',
      'get /boards/{id}/board': 'boards.retrieveBoard',
      'get /boards/{id}/members': 'boards.listMembers',
    });
  });
});
