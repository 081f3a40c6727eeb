import { describe, expect, test } from 'vitest';
import { readApiMdMethods, routeKey, scoreSurface } from '../../tools/surface-score.js';

describe('surface score: inferred names against a Stainless api.md', () => {
  const apiMd = [
    '- <code title="post /oauth_clients">client.oauthClients.<a href="./src/resources/oauth-clients.ts">create</a>({ ...params }) -> OAuthClientCreateResponse</code>',
    '- <code title="get /calls/{call_control_id}">client.calls.<a href="./src/resources/calls/calls.ts">retrieveStatus</a>(callControlID) -> X</code>',
    '- <code title="post /calls/{id}/actions/record_start">client.calls.actions.<a href="./x.ts">startRecording</a>(id) -> Y</code>',
    '- <code><a href="./src/resources/shared.ts">APIError</a></code>',
  ].join('\n');

  test('reads every method line: route, resource chain and method', () => {
    expect(readApiMdMethods(apiMd)).toEqual([
      { httpMethod: 'post', path: '/oauth_clients', chain: ['oauthClients'], method: 'create' },
      { httpMethod: 'get', path: '/calls/{call_control_id}', chain: ['calls'], method: 'retrieveStatus' },
      {
        httpMethod: 'post',
        path: '/calls/{id}/actions/record_start',
        chain: ['calls', 'actions'],
        method: 'startRecording',
      },
    ]);
  });

  test('matches by method and path whatever the path params are called, and classes the misses', () => {
    expect(routeKey('GET', '/calls/{call_control_id}/')).toBe(routeKey('get', '/calls/{id}'));
    const ours = [
      { httpMethod: 'post', path: '/oauth_clients', chain: ['oauthClients'], method: 'create' },
      { httpMethod: 'get', path: '/calls/{id}', chain: ['calls'], method: 'retrieve' },
      {
        httpMethod: 'post',
        path: '/calls/{id}/actions/record_start',
        chain: ['calls', 'actions', 'recordStart'],
        method: 'create',
      },
      { httpMethod: 'get', path: '/only/ours', chain: ['only'], method: 'list' },
    ];
    const score = scoreSurface(readApiMdMethods(apiMd), ours);
    expect([score.matched, score.exact, score.topLevel, score.resourcePath, score.methodName]).toEqual([3, 1, 3, 2, 1]);
    expect(score.misses.map((miss) => miss.pattern)).toEqual([
      'method: other word',
      'ours one resource deeper (action as sub-resource)',
    ]);
  });
});
