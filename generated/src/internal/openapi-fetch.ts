// Copied from templates/src/internal/openapi-fetch.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

// Everything the runtime uses of openapi-fetch, behind this one module (frozen upstream since 2026-09-19, pinned exactly
// in package.json): replacing it means rewriting this file only. Its CommonJS declarations (`export =`) hide the named
// exports from TypeScript in the CommonJS build, though they are there at run time: they are typed here, once.
import * as openapiFetch from 'openapi-fetch';

/** openapi-fetch's client typed by an API's `paths`, as `client.fetch` gives it (the generated client names `paths`). */
export type { Client as TypedClient } from 'openapi-fetch';

type QuerySerializer = (query: Record<string, unknown>) => string;

/** The request openapi-fetch hands its `fetch`: built by `SentRequest` below, not by the platform's `Request`. */
export interface SentRequest<Context> {
  url: string;
  method: string;
  /** Merged by openapi-fetch (`null` values removed). */
  headers: Headers;
  /** What the caller passed to `send` for this request, for the `fetch` that carries it. */
  context: Context;
}

interface OpenAPIFetchClient {
  request(method: string, url: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  use(middleware: { onRequest(params: { request: Request; options: { parseAs: ReadAs } }): undefined }): void;
}

/** How the caller of a typed call asked openapi-fetch to read a successful body (its `parseAs`). */
export type ReadAs = 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream';

interface OpenAPIFetch {
  default(options: object): OpenAPIFetchClient;
  createFinalURL(
    pathname: string,
    options: {
      baseUrl: string;
      params: { path?: Record<string, unknown> | undefined; query?: Record<string, unknown> };
      querySerializer: QuerySerializer;
      pathSerializer: (path: string, params: Record<string, unknown>) => string;
    },
  ): string;
  defaultPathSerializer(path: string, params: Record<string, unknown>): string;
}

// Property by property, not destructured: a bundler then keeps what is used and shakes the rest of openapi-fetch out.
export const defaultPathSerializer = (openapiFetch as unknown as OpenAPIFetch).defaultPathSerializer;

/**
 * The URL of a call, built by openapi-fetch (`createFinalURL`, what its client builds URLs with) with the SDK's
 * serializers: the base URL (trailing slashes dropped) and the path template, `fillPath` filling the path's params (the
 * base URL is left alone), `serializeQuery` writing the query. A path that is a whole URL (a next-page link) is used as
 * it is, and a path without a leading slash gets one, as the official SDKs join them.
 */
export function finalURL(
  base: string,
  path: string,
  pathParams: Record<string, unknown> | undefined,
  query: Record<string, unknown>,
  serializeQuery: QuerySerializer,
  fillPath: (path: string, params: Record<string, unknown>) => string,
): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(path);
  const baseUrl = absolute ? '' : base.replace(/\/+$/, '');
  // A path with a query of its own (a URL openapi-fetch built for client.fetch, `client.get('/x?a=1')`) keeps it,
  // first, and the rest follows it: openapi-fetch would add a second `?`.
  const mark = path.indexOf('?');
  const own = mark < 0 ? '' : path.slice(mark + 1);
  const bare = mark < 0 ? path : path.slice(0, mark);
  const pathname = absolute || bare.startsWith('/') ? bare : `/${bare}`;
  return (openapiFetch as unknown as OpenAPIFetch).createFinalURL(pathname, {
    baseUrl,
    params: { path: pathParams, query },
    querySerializer:
      own === ''
        ? serializeQuery
        : (values) => {
            const rest = serializeQuery(values);
            return rest === '' ? own : `${own}&${rest}`;
          },
    // Called only with path params; without them (a path given by hand) the path is sent as written.
    pathSerializer: pathParams ? (url, values) => baseUrl + fillPath(url.slice(baseUrl.length), values) : unused,
  });
}

const unused = (url: string): string => url;

/**
 * openapi-fetch's `Request` option: a plain record of what it built. The platform's `Request` would cost a copy of
 * everything per call (measured: 15 kB and 20 µs), and the request loop sends each attempt as `fetch(url, init)` itself.
 */
class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly context: unknown;

  constructor(url: string, init: { method: string; headers: Headers; context?: unknown }) {
    this.url = url;
    this.method = init.method;
    this.headers = init.headers;
    this.context = init.context;
  }
}

/**
 * One call as the SDK hands it to openapi-fetch: the URL is final (the SDK's serializers filled it, by each param's
 * style). The body is not handed over: it goes to the loop in `context`, encoded by the operation's encoder. Through
 * openapi-fetch's `bodySerializer` it would cost a second merge of the headers per call (2.5 kB) and get a JSON
 * content type wherever the SDK sends none (a stream, bytes), and openapi-fetch cannot resend it anyway.
 */
export interface TransportCall<Context> {
  method: string;
  url: string;
  headers: Record<string, string | null>;
  context: Context;
}

/** What openapi-fetch answers: the success body is left unread (`parseAs: 'stream'`); an error body parsed. */
export interface TransportResult {
  response: Response;
  error?: unknown;
}

/**
 * An openapi-fetch client, made once per SDK client, whose `fetch` is `send`: the SDK's request loop (retries,
 * timeouts over the body, redirects, aborts). openapi-fetch merges the headers, runs the call and parses error bodies.
 */
export function createTransport<Context>(
  send: (request: SentRequest<Context>) => Promise<Response>,
): (call: TransportCall<Context>) => Promise<TransportResult> {
  const client = (openapiFetch as unknown as OpenAPIFetch).default({
    baseUrl: '',
    Request: PlainRequest,
    fetch: (request: SentRequest<Context>) => send(request),
    // URLs come with their query.
    querySerializer: () => '',
  });
  return (call) =>
    client.request(call.method, call.url, {
      headers: call.headers,
      parseAs: 'stream',
      context: call.context,
    }) as Promise<TransportResult>;
}

/**
 * openapi-fetch's own client, for `client.fetch`: openapi-fetch builds each request from the typed call (path params
 * filled by `fillPath`, the query by `serializeQuery`, the body by its JSON serializer) and `send` carries the `Request`
 * it built, told how the caller will read the body. openapi-fetch parses the answer into `{ data, error, response }`.
 */
export function createTypedClient(
  baseUrl: string,
  serializeQuery: QuerySerializer,
  fillPath: (path: string, params: Record<string, unknown>) => string,
  send: (request: Request, readAs: ReadAs) => Promise<Response>,
): unknown {
  // The only place openapi-fetch tells what the caller reads is its middleware's options; the request is the key.
  const readAs = new WeakMap<Request, ReadAs>();
  const client = (openapiFetch as unknown as OpenAPIFetch).default({
    baseUrl,
    querySerializer: serializeQuery,
    pathSerializer: fillPath,
    fetch: (request: Request) => send(request, readAs.get(request) ?? 'json'),
  });
  client.use({
    onRequest({ request, options }) {
      readAs.set(request, options.parseAs);
      return undefined;
    },
  });
  return client;
}
