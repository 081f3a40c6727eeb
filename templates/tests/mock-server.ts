import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The request a test expects: its method and the operation's path template (each `{param}` stands for one non-empty
 * path segment), and what it must carry.
 */
export interface ExpectedRequest {
  method: string;
  path: string;
  /** Query params the request must carry (a deepObject or bracketed param counts as `name[...]`). */
  query?: readonly string[];
  /** Header params the request must carry. */
  headers?: readonly string[];
  /** The content type of a body the request must carry (its media type; parameters such as a boundary are ignored). */
  body?: string;
}

/**
 * What the mock answers, as the generator wrote it from the spec: the operation's success status and content type,
 * and its body (the spec's example, or a value built from the schema). Text and binary bodies are strings; a
 * `text/event-stream` body is the list of events' data, each sent as JSON in an event of its own.
 */
export interface MockResponse {
  status: number;
  contentType?: string;
  body?: unknown;
}

/** A request as the mock received it. `path` is as sent (percent-encoded), without the query. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback HTTP server that answers each test's request with the response the test set. */
export interface MockServer {
  /** The base URL to give the client: `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The requests received since the last `respond()`. */
  readonly requests: readonly ReceivedRequest[];
  /**
   * Answers the next requests with `response` when they match `expected`, else with a 400 whose message says what
   * differs (the SDK throws it). Returns `response`, for the test to compare with what the SDK returns.
   */
  respond(expected: ExpectedRequest, response: MockResponse | undefined): MockResponse;
  close(): Promise<void>;
}

/** Starts a mock server on a free loopback port; `close()` it when the tests end. */
export async function startMockServer(): Promise<MockServer> {
  let route: { expected: ExpectedRequest; response: MockResponse } | undefined;
  let requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // Split by hand: `new URL()` would read a path starting with `//` as a host.
      const [path = '', query = ''] = (req.url ?? '').split(/\?(.*)/s);
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path,
        query: new URLSearchParams(query),
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(received);
      const problem = route
        ? mismatch(route.expected, received)
        : 'no response was set for this request (call mock.respond() first)';
      if (problem !== undefined || !route) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `mock server: ${problem} (got ${received.method} ${req.url})` }));
        return;
      }
      send(res, route.response);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    respond(expected, response) {
      if (!response) throw new Error(`no response for ${expected.method} ${expected.path} in the test's data`);
      route = { expected, response };
      requests = [];
      return response;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The responses of one test file, by method name, from the JSON file the generator wrote beside it. */
export function readResponses(file: URL): Readonly<Record<string, MockResponse>> {
  // Read as data, not imported as a module: `__proto__` in an example is a key like any other.
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, MockResponse>;
}

/** The text of a binary response (a `Blob`), however the spec types it. */
export async function textOf(value: unknown): Promise<string> {
  return value instanceof Blob ? value.text() : String(value);
}

/** What differs between the request a test expects and the one received, if anything. */
function mismatch(expected: ExpectedRequest, received: ReceivedRequest): string | undefined {
  if (received.method !== expected.method.toUpperCase()) return `expected method ${expected.method.toUpperCase()}`;
  if (!pathPattern(expected.path).test(received.path)) return `expected path ${expected.path}`;
  const keys = [...received.query.keys()];
  const missingQuery = expected.query?.find((name) => !keys.some((key) => key === name || key.startsWith(`${name}[`)));
  if (missingQuery !== undefined) return `expected query param ${missingQuery}`;
  const missingHeader = expected.headers?.find((name) => received.headers[name.toLowerCase()] === undefined);
  if (missingHeader !== undefined) return `expected header ${missingHeader}`;
  if (expected.body !== undefined) {
    if (received.body === '') return 'expected a request body';
    const sent = mediaType(received.headers['content-type'] ?? '');
    if (sent !== mediaType(expected.body))
      return `expected a ${mediaType(expected.body)} body, got ${sent || 'no content type'}`;
  }
  return undefined;
}

/** `/things/{id}` as a pattern of the path as sent: each param one non-empty segment, the rest as a URL encodes it. */
function pathPattern(template: string): RegExp {
  const parts = template
    .split(/\{[^{}]*\}/)
    .map((literal) => new URL(`http://127.0.0.1/${literal.replace(/[?#]/g, encodeURIComponent)}`).pathname.slice(1));
  const escaped = parts.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]+')}$`);
}

function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

function send(res: import('node:http').ServerResponse, response: MockResponse): void {
  const headers = response.contentType === undefined ? {} : { 'content-type': response.contentType };
  res.writeHead(response.status, headers);
  if (response.body === undefined) return void res.end();
  if (mediaType(response.contentType ?? '') === 'text/event-stream') {
    const events = Array.isArray(response.body) ? response.body : [response.body];
    return void res.end(events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join(''));
  }
  res.end(
    typeof response.body === 'string' && !isJSON(response.contentType) ? response.body : JSON.stringify(response.body),
  );
}

function isJSON(contentType: string | undefined): boolean {
  const mime = mediaType(contentType ?? 'application/json');
  return mime.endsWith('/json') || mime.endsWith('+json');
}
