import type { ServerResponse } from 'node:http';
import { json, type SeenRequest, startServer, type TestServer } from '../support/http-server.js';

/**
 * A loopback server that injects faults on command, by path:
 * - `/flaky/<key>/<n>[/<status>][?slow]`: the first n requests per key answer <status> (503) with `retry-after-ms: 1`
 *   (none with `?slow`), then 200
 * - `/status/<code>`: always that status, with a Telnyx-style error body; `?should-retry=true|false` sets the header
 * - `/retry-after/<key>?seconds=..|ms=..|date=1`: 429 once with that header, then 200
 * - `/reset/<key>/<n>`: destroys the connection mid-response n times, then 200
 * - `/hang`: never answers; `/malformed`: 200 with broken JSON; `/huge?mb=N`: a large JSON array
 * - `/pages?page[number]=k&total=T`: page k of T (Telnyx page-number style, 2 items a page)
 * - `/oauth/token` and `/secure`: a client-credentials token endpoint and an endpoint that takes its tokens
 * - `/trickle`: 200 with JSON headers, then one byte every 20 ms, forever
 * - `/claims-huge`: 200 announcing a 600 MB body, then nothing
 * - `/sse-hang`: an event stream with one event, then nothing
 * - anything else: 404 with the method, URL and headers it received
 */
export interface FaultServer extends TestServer {
  counts: Map<string, number>;
  /** How many tokens the token endpoint has issued so far. */
  tokensIssued(): number;
  /** Tokens the API accepts; `revoke()` makes the current one answer 401 once. */
  revoke(): void;
  /** The `expires_in` of tokens issued from now on, in seconds. */
  setTokenLifetime(seconds: number): void;
}

export async function startFaultServer(): Promise<FaultServer> {
  const counts = new Map<string, number>();
  const bump = (key: string): number => {
    const next = (counts.get(key) ?? 0) + 1;
    counts.set(key, next);
    return next;
  };
  const state = { tokensIssued: 0, valid: new Set<string>(), lifetime: 3600 };

  const handle = (request: SeenRequest, res: ServerResponse): void => {
    const url = new URL(request.url, 'http://x');
    const parts = url.pathname.split('/').filter(Boolean);
    switch (parts[0]) {
      case 'flaky': {
        const [, key, n, status] = parts;
        const count = bump(key!);
        // `?slow` leaves out retry-after-ms, so the client's own backoff (0.5 s, 1 s, ...) applies.
        if (count <= Number(n))
          return json(
            res,
            Number(status ?? 503),
            { errors: [{ code: 'busy', detail: 'try again' }] },
            url.searchParams.has('slow') ? {} : { 'retry-after-ms': '1' },
          );
        return json(res, 200, {
          attempts: count,
          retryCount: request.headers['x-stainless-retry-count'] ?? null,
          idempotencyKey: request.headers['idempotency-key'] ?? null,
          body: request.body,
        });
      }
      case 'status': {
        bump(`status-${parts[1]}`);
        const hint = url.searchParams.get('should-retry');
        return json(
          res,
          Number(parts[1]),
          { errors: [{ code: String(parts[1]), title: 'Failure', detail: `status ${parts[1]}` }] },
          hint ? { 'x-should-retry': hint, 'retry-after-ms': '1' } : { 'retry-after-ms': '1' },
        );
      }
      case 'retry-after': {
        const count = bump(`retry-after-${parts[1]}`);
        if (count > 1) return json(res, 200, { attempts: count });
        const seconds = url.searchParams.get('seconds');
        const ms = url.searchParams.get('ms');
        const header: Record<string, string> =
          seconds !== null
            ? { 'retry-after': seconds }
            : ms !== null
              ? { 'retry-after-ms': ms }
              : { 'retry-after': new Date(Date.now() + 1000).toUTCString() };
        return json(res, 429, { error: 'rate_limited' }, header);
      }
      case 'reset': {
        const count = bump(`reset-${parts[1]}`);
        if (count <= Number(parts[2])) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
          res.write('{"partial":');
          res.socket?.destroy();
          return;
        }
        return json(res, 200, { attempts: count });
      }
      case 'hang':
        bump('hang');
        return;
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"a": [1, 2');
      case 'huge': {
        const mb = Number(url.searchParams.get('mb') ?? 16);
        const item = JSON.stringify({ id: 'x'.repeat(1000) });
        const count = Math.ceil((mb * 1024 * 1024) / item.length);
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(`[${Array.from({ length: count }, () => item).join(',')}]`);
      }
      case 'pages': {
        const page = Number(url.searchParams.get('page[number]') ?? 1);
        const total = Number(url.searchParams.get('total') ?? 3);
        bump('pages');
        const data = total === 0 ? [] : [{ id: `${page}-a` }, { id: `${page}-b` }];
        return json(res, 200, { data, meta: { page_number: page, total_pages: total, page_size: 2 } });
      }
      case 'oauth': {
        state.tokensIssued++;
        const token = `token-${state.tokensIssued}`;
        state.valid.add(token);
        bump('token');
        const expected = `Basic ${Buffer.from('my-id:my-secret').toString('base64')}`;
        if (request.headers['authorization'] !== expected)
          return json(res, 401, { error: 'invalid_client', error_description: 'bad client credentials' });
        if (request.body !== 'grant_type=client_credentials&scope=admin')
          return json(res, 400, { error: 'invalid_request', error_description: request.body });
        // Delay a little so concurrent callers overlap with the token fetch.
        setTimeout(() => json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: state.lifetime }), 50);
        return;
      }
      case 'secure': {
        bump('secure');
        const token = String(request.headers['authorization'] ?? '').replace(/^Bearer /, '');
        if (!state.valid.has(token)) return json(res, 401, { error: 'invalid_token' });
        return json(res, 200, { token });
      }
      case 'trickle': {
        bump('trickle');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        const timer = setInterval(() => res.write(' '), 20);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'sse-hang':
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        return void res.write('data: {"n":1}\n\n');
      case 'claims-huge':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(600 * 1024 * 1024) });
        return void res.write('[');
      default:
        return json(res, 404, {
          error: 'not_found',
          method: request.method,
          url: request.url,
          headers: request.headers,
        });
    }
  };

  const server = await startServer(handle);
  return Object.assign(server, {
    counts,
    tokensIssued: () => state.tokensIssued,
    setTokenLifetime: (seconds: number) => {
      state.lifetime = seconds;
    },
    revoke() {
      state.valid.clear();
    },
  });
}
