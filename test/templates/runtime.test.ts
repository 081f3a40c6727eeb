// The runtime against a loopback server that injects faults: retries, timeouts, aborts, errors, pagination, OAuth.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  BaseClient,
  type ClientOptions,
  type RequestSpec,
  type SDKConfig,
} from '../../templates/src/core/base-client.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  RateLimitError,
  SDKError,
} from '../../templates/src/core/error.js';
import { nextPage, type PaginationScheme, requestPage } from '../../templates/src/core/pagination.js';
import type { Logger } from '../../templates/src/internal/logger.js';
import { ClientCredentialsTokenSource } from '../../templates/src/internal/oauth.js';
import { type FaultServer, startFaultServer } from './fault-server.js';

const CONFIG: SDKConfig = {
  packageName: 'fault-sdk',
  packageVersion: '0.0.1',
  defaultBaseURL: 'https://api.example.com/v2',
  envPrefix: 'FAULT_SDK',
  securitySchemes: {
    bearerAuth: { type: 'bearer' },
    oauth: { type: 'oauth2', tokenUrl: 'https://api.example.com/v2/oauth/token', scopes: ['admin'] },
  },
  security: [['bearerAuth']],
  requiresCredentials: true,
  idempotencyHeader: 'Idempotency-Key',
  tokenSource: ClientCredentialsTokenSource,
};

class FaultClient extends BaseClient {
  constructor(options: ClientOptions = {}) {
    super(options, CONFIG);
  }
}

/** A logger that keeps what it is given. */
function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (message: string, ...rest: unknown[]) => {
      lines.push(`${level} ${message} ${rest.map((item) => JSON.stringify(item)).join(' ')}`);
    };
  return { lines, error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') };
}

let server: FaultServer;
let client: FaultClient;
beforeAll(async () => {
  server = await startFaultServer();
  client = new FaultClient({ apiKey: 'sk-test-secret', baseURL: server.url, logger: memoryLogger() });
});
afterAll(() => server.close());
// A test that fails mid-way under fake timers must not leave them to the next.
afterEach(() => {
  vi.useRealTimers();
});

const get = (path: string): RequestSpec => ({ method: 'get', path });
const post = (path: string, body: unknown): RequestSpec => ({ method: 'post', path, body });
const unique = (): string => Math.random().toString(36).slice(2);

/** Resolves once `condition` holds, checking between turns of the event loop (no clock involved). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('retries', () => {
  test('N failures then success: retried with a retry-count header on each retry', async () => {
    const key = unique();
    const result = await client.request<{ attempts: number; retryCount: string }>(get(`/flaky/${key}/2`));
    expect(result).toMatchObject({ attempts: 3, retryCount: '2' });
  });

  test('gives up after maxRetries, with the last error', async () => {
    const key = unique();
    const error = await client.request(get(`/flaky/${key}/5`), { maxRetries: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).message).toBe('503 busy: try again');
    expect(server.counts.get(key)).toBe(2);
  });

  test.each([
    // 408 has no class of its own: the base APIError, exactly.
    { status: 408, Class: APIError, retried: true },
    { status: 409, Class: ConflictError, retried: true },
    { status: 429, Class: RateLimitError, retried: true },
    { status: 500, Class: InternalServerError, retried: true },
    { status: 400, Class: BadRequestError, retried: false },
    { status: 401, Class: AuthenticationError, retried: false },
  ])('status $status ends in $Class.name; retried: $retried', async ({ status, Class, retried }) => {
    const key = `status-${status}`;
    const before = server.counts.get(key) ?? 0;
    const error = await client.request(get(`/status/${status}`), { maxRetries: 2 }).catch((caught: unknown) => caught);
    expect((error as object).constructor).toBe(Class);
    expect((error as APIError).status).toBe(status);
    expect((server.counts.get(key) ?? 0) - before).toBe(retried ? 3 : 1);
  });

  test('x-should-retry overrides the status', async () => {
    let before = server.counts.get('status-503') ?? 0;
    await expect(client.request(get('/status/503?should-retry=false'))).rejects.toBeInstanceOf(InternalServerError);
    expect((server.counts.get('status-503') ?? 0) - before).toBe(1);
    before = server.counts.get('status-400') ?? 0;
    await expect(client.request(get('/status/400?should-retry=true'), { maxRetries: 1 })).rejects.toBeInstanceOf(
      BadRequestError,
    );
    expect((server.counts.get('status-400') ?? 0) - before).toBe(2);
  });

  test('retry-after (seconds and HTTP date) and retry-after-ms are honoured', async () => {
    // Fake timers: each backoff wait is seen (its length, from the warning logged before it) and then run at once.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const waits: number[] = [];
      const logger = memoryLogger();
      logger.warn = (message) => {
        const wait = /retrying in (\d+) ms/.exec(message)?.[1];
        if (wait === undefined) return;
        waits.push(Number(wait));
        setImmediate(() => vi.runOnlyPendingTimers());
      };
      const waiting = new FaultClient({ apiKey: 'sk-test-secret', baseURL: server.url, logger });
      await expect(waiting.request(get(`/retry-after/${unique()}?seconds=0.3`))).resolves.toEqual({ attempts: 2 });
      await expect(waiting.request(get(`/retry-after/${unique()}?ms=200`))).resolves.toEqual({ attempts: 2 });
      await expect(waiting.request(get(`/retry-after/${unique()}?date=1`))).resolves.toEqual({ attempts: 2 });
      expect(waits.slice(0, 2)).toEqual([300, 200]);
      // An HTTP date one second ahead, in whole seconds: at most a second (and a little clock skew) away.
      expect(waits[2]).toBeGreaterThanOrEqual(0);
      expect(waits[2]).toBeLessThanOrEqual(2_000);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a connection reset mid-response is retried', async () => {
    const key = unique();
    await expect(client.request(get(`/reset/${key}/1`))).resolves.toEqual({ attempts: 2 });
  });

  test('a reset on every attempt ends in APIConnectionError', async () => {
    const error = await client
      .request(get(`/reset/${unique()}/10`), { maxRetries: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  test('one idempotency key per call, reused by its retries; bodies are replayed', async () => {
    const key = unique();
    const result = await client.request<{ idempotencyKey: string; body: string; attempts: number }>(
      post(`/flaky/${key}/2`, { name: 'n' }),
    );
    expect(result.attempts).toBe(3);
    expect(result.idempotencyKey).toMatch(/^sdk-[0-9a-f-]{36}$/);
    expect(result.body).toBe('{"name":"n"}');
    const other = await client.request<{ idempotencyKey: string }>(post(`/flaky/${unique()}/0`, {}));
    expect(other.idempotencyKey).not.toBe(result.idempotencyKey);
    const given = await client.request<{ idempotencyKey: string }>(post(`/flaky/${unique()}/0`, {}), {
      idempotencyKey: 'mine',
    });
    expect(given.idempotencyKey).toBe('mine');
  });

  test('a stream body is replayable across retries', async () => {
    const key = unique();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed bytes'));
        controller.close();
      },
    });
    const spec: RequestSpec = {
      method: 'post',
      path: `/flaky/${key}/1`,
      body: stream,
      bodyEncoding: 'binary',
      contentType: 'application/octet-stream',
      response: 'json',
      security: [],
    };
    const result = await new FaultClient({
      apiKey: 'k',
      baseURL: server.url,
      fetchOptions: { duplex: 'half' } as RequestInit,
    }).request<{ body: string; attempts: number }>(spec);
    expect(result).toMatchObject({ attempts: 2, body: 'streamed bytes' });
  });
});

describe('timeouts and aborts', () => {
  test('a response that never comes times out, each attempt, then throws APIConnectionTimeoutError', async () => {
    const before = server.counts.get('hang') ?? 0;
    const error = await client
      .request(get('/hang'), { timeout: 100, maxRetries: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out after 100 ms.');
    expect((server.counts.get('hang') ?? 0) - before).toBe(2);
  });

  test('a caller abort stops at once and is never retried', async () => {
    const before = server.counts.get('hang') ?? 0;
    const controller = new AbortController();
    const call = client
      .request(get('/hang'), { signal: controller.signal, timeout: 10_000 })
      .catch((caught: unknown) => caught);
    // Aborted once the server has the request (not after a guessed delay, which a loaded machine may outrun).
    await until(() => (server.counts.get('hang') ?? 0) > before);
    controller.abort();
    const error = await call;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((server.counts.get('hang') ?? 0) - before).toBe(1);
  });

  test('an already aborted signal sends nothing', async () => {
    const before = server.counts.get('hang') ?? 0;
    await expect(client.request(get('/hang'), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.counts.get('hang') ?? 0).toBe(before);
  });

  test('an abort during the backoff wait ends the call', async () => {
    // Timers are fake, so the backoff wait never ends by itself (nor does the request timeout): only the abort, sent
    // once the wait has begun (the warning is logged just before it), can end the call.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const controller = new AbortController();
      const logger = memoryLogger();
      const warn = logger.warn;
      logger.warn = (message, ...rest) => {
        warn(message, ...rest);
        if (message.includes('retrying in')) setImmediate(() => controller.abort());
      };
      const key = unique();
      const waiting = new FaultClient({ apiKey: 'sk-test-secret', baseURL: server.url, logger });
      const call = waiting.request(get(`/flaky/${key}/5/500?slow`), { signal: controller.signal, maxRetries: 5 });
      await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
      expect(server.counts.get(key)).toBe(1);
      expect(logger.lines).toEqual([expect.stringMatching(/^warn .*: status 500; retrying in \d+ ms/)]);
    } finally {
      vi.useRealTimers();
    }
  }, 10_000);
});

describe('responses', () => {
  test('malformed JSON is a clear SDK error', async () => {
    const error = await client.request(get('/malformed')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as Error).message).toMatch(/^Could not parse the response body as JSON \(status 200, 11 bytes\)/);
  });

  test('a huge body is read whole', async () => {
    const items = await client.request<unknown[]>(get('/huge?mb=16'));
    expect(items.length).toBeGreaterThan(16_000);
  });
});

describe('pagination', () => {
  const scheme: PaginationScheme = {
    kind: 'page-number',
    items: ['data'],
    pageParam: 'page[number]',
    currentPage: ['meta', 'page_number'],
    totalPages: ['meta', 'total_pages'],
  };
  const list = (total: number) =>
    requestPage<{ data: Array<{ id: string }> }, { id: string }>(
      client,
      { ...get('/pages'), query: { total } },
      scheme,
      undefined,
      nextPage,
    );

  test.each([
    [0, []],
    [1, ['1-a', '1-b']],
    [3, ['1-a', '1-b', '2-a', '2-b', '3-a', '3-b']],
  ])('%i pages: for await walks every item, fetching lazily', async (total, ids) => {
    const before = server.counts.get('pages') ?? 0;
    const seen: string[] = [];
    for await (const item of list(total)) seen.push(item.id);
    expect(seen).toEqual(ids);
    expect((server.counts.get('pages') ?? 0) - before).toBe(Math.max(total, 1));
  });

  test('a page has data, hasNextPage, getNextPage and iterPages; it fetches only what is asked', async () => {
    const before = server.counts.get('pages') ?? 0;
    const first = await list(3);
    expect(first.data.map((item) => item.id)).toEqual(['1-a', '1-b']);
    expect(first.body.data).toHaveLength(2);
    expect(first.hasNextPage()).toBe(true);
    expect((server.counts.get('pages') ?? 0) - before).toBe(1);
    const second = await first.getNextPage();
    expect(second.data.map((item) => item.id)).toEqual(['2-a', '2-b']);
    const pages: number[] = [];
    for await (const page of first.iterPages()) pages.push(page.data.length);
    expect(pages).toEqual([2, 2, 2]);
    const last = await await second.getNextPage();
    expect(last.hasNextPage()).toBe(false);
    await expect(last.getNextPage()).rejects.toThrow(/No next page/);
  });
});

describe('OAuth 2.0 client credentials', () => {
  const secure: RequestSpec = { method: 'get', path: '/secure', response: 'json', security: [['oauth']] };

  test('fetches one token for concurrent requests, caches it, and refreshes it after a 401', async () => {
    const oauthClient = new FaultClient({
      clientID: 'my-id',
      clientSecret: 'my-secret',
      baseURL: server.url,
      logger: memoryLogger(),
    });
    const issuedBefore = server.tokensIssued();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => oauthClient.request<{ token: string }>(secure)));
    expect(new Set(results.map((result) => result.token)).size).toBe(1);
    expect(server.tokensIssued() - issuedBefore).toBe(1);
    await oauthClient.request(secure);
    expect(server.tokensIssued() - issuedBefore).toBe(1);

    server.revoke();
    const after = await oauthClient.request<{ token: string }>(secure);
    expect(after.token).not.toBe(results[0]!.token);
    expect(server.tokensIssued() - issuedBefore).toBe(2);
  });

  test('refreshes the token shortly before it expires', async () => {
    server.setTokenLifetime(1);
    // The token source reads this clock, not the wall's: time passes when the test says.
    let clock = 1_000_000;
    class ClockedTokenSource extends ClientCredentialsTokenSource {
      constructor(options: ConstructorParameters<typeof ClientCredentialsTokenSource>[0]) {
        super({ ...options, now: () => clock });
      }
    }
    class ClockedClient extends BaseClient {
      constructor(options: ClientOptions) {
        super(options, { ...CONFIG, tokenSource: ClockedTokenSource });
      }
    }
    try {
      const oauthClient = new ClockedClient({
        clientID: 'my-id',
        clientSecret: 'my-secret',
        baseURL: server.url,
        logger: memoryLogger(),
      });
      const issuedBefore = server.tokensIssued();
      const first = await oauthClient.request<{ token: string }>(secure);
      const cached = await oauthClient.request<{ token: string }>(secure);
      expect(cached.token).toBe(first.token);
      // A 1 s token is treated as expired after half its life, so the next call, 0.6 s later, fetches a new one.
      clock += 600;
      const renewed = await oauthClient.request<{ token: string }>(secure);
      expect(renewed.token).not.toBe(first.token);
      expect(server.tokensIssued() - issuedBefore).toBe(2);
    } finally {
      server.setTokenLifetime(3600);
    }
  });

  test('the token URL follows an overridden base URL; bad credentials are an AuthenticationError without the secret', async () => {
    const bad = new FaultClient({
      clientID: 'my-id',
      clientSecret: 'wrong-secret',
      baseURL: server.url,
      logger: memoryLogger(),
    });
    const error = await bad.request(secure).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe('401 invalid_client: bad client credentials');
    expect(JSON.stringify(error)).not.toContain('wrong-secret');
  });

  test('without any credentials the client refuses to start, naming both ways in', () => {
    expect(() => new FaultClient({ baseURL: server.url })).toThrow(
      /FAULT_SDK_API_KEY environment variable is missing or empty; either provide it, or instantiate the client with an apiKey option, or clientID and clientSecret/,
    );
  });
});

describe('logging', () => {
  test('info logs method, URL, status, attempt and duration; debug logs headers and bodies with secrets masked', async () => {
    const logger = memoryLogger();
    const logged = new FaultClient({ apiKey: 'sk-live-topsecret', baseURL: server.url, logLevel: 'debug', logger });
    await logged.request(
      post(`/flaky/${unique()}/1`, { name: 'x', client_secret: 'cs-hidden', nested: { password: 'pw-hidden' } }),
    );
    const text = logger.lines.join('\n');
    expect(text).toMatch(
      /info \[req_\d+\] POST http:\/\/127\.0\.0\.1:\d+\/flaky\/\w+\/1 -> 503 in \d+ ms \(attempt 1\)/,
    );
    expect(text).toMatch(/-> 200 in \d+ ms \(attempt 2\)/);
    expect(text).toMatch(/warn \[req_\d+\] POST \/flaky\/\w+\/1: status 503; retrying in \d+ ms/);
    expect(text).toContain('"authorization":"***"');
    expect(text).toContain('\\"client_secret\\":\\"***\\"');
    for (const secret of ['sk-live-topsecret', 'cs-hidden', 'pw-hidden']) expect(text).not.toContain(secret);
  });

  test('the default level is warn, from the env var when set; off is silent', async () => {
    const logger = memoryLogger();
    process.env['FAULT_SDK_LOG'] = 'off';
    const quiet = new FaultClient({ apiKey: 'k', baseURL: server.url, logger });
    delete process.env['FAULT_SDK_LOG'];
    await quiet.request(get(`/flaky/${unique()}/1`));
    expect(logger.lines).toEqual([]);
    const warnOnly = new FaultClient({ apiKey: 'k', baseURL: server.url, logger });
    await warnOnly.request(get(`/flaky/${unique()}/1`));
    expect(logger.lines.map((line) => line.split(' ')[0])).toEqual(['warn']);
  });
});

describe('client options', () => {
  test('withOptions returns a configured copy; defaultQuery and per-request query are sent', async () => {
    const copy = client.withOptions({ maxRetries: 0, defaultQuery: { tenant: 't1' } });
    expect(copy).toBeInstanceOf(FaultClient);
    expect(copy.maxRetries).toBe(0);
    expect(client.maxRetries).toBe(2);
    expect(copy.baseURL).toBe(client.baseURL);
    const key = unique();
    await expect(copy.request(get(`/flaky/${key}/1`))).rejects.toBeInstanceOf(InternalServerError);
    await copy.request(get(`/flaky/${key}/0`), { query: { extra: '1' } });
    expect(server.requests.at(-1)!.url).toBe(`/flaky/${key}/0?tenant=t1&extra=1`);
  });

  test('platform headers name the SDK, OS, arch and runtime', async () => {
    await client.request(get(`/flaky/${unique()}/0`));
    const headers = server.requests.at(-1)!.headers;
    expect(headers['user-agent']).toBe('fault-sdk/JS 0.0.1');
    expect(headers['x-sdk-runtime']).toBe('node');
    expect(headers['x-sdk-runtime-version']).toBe(process.version);
    expect(headers['x-sdk-os']).toBe('Linux');
    expect(headers['x-sdk-arch']).toMatch(/^(x64|arm64)$/);
  });
});
