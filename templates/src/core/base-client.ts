import createClient from 'openapi-fetch';
import { APIPromise } from './api-promise.js';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, SDKError } from './error.js';
import { Page, PagePromise, type PaginationScheme } from './pagination.js';
import { isStreamBody, prepareBody, toMultipartForm } from './uploads.js';
import { applyAuth, type AuthScheme, type Credentials } from '../internal/auth.js';
import { readEnv } from '../internal/env.js';
import { toFormUrlEncoded } from '../internal/form.js';
import { mergeHeaders, type HeadersLike } from '../internal/headers.js';
import { levelledLogger, logsAt, resolveLogLevel, type Logger, type LogLevel } from '../internal/logger.js';
import { ClientCredentialsTokenSource } from '../internal/oauth.js';
import { platformHeaders } from '../internal/platform.js';
import { createRedactor, redactBodyText, type Redactor } from '../internal/redact.js';
import { serializeHeader, serializePath, serializeQuery, type ParamStyles } from '../internal/params.js';
import { parseResponse, type ResponseKind } from '../internal/response.js';
import { retryDelayMs, shouldRetryResponse, sleep } from '../internal/retries.js';
import type { Fetch } from '../internal/types.js';
import { operationBaseURL, rebaseURL } from '../internal/url.js';

export type { Fetch, Logger, LogLevel };

/** Options every generated client accepts. */
export interface ClientOptions {
  /** The API key. Defaults to the `<PREFIX>_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** OAuth 2.0 client credentials, for specs with a client-credentials flow. Default: `<PREFIX>_CLIENT_ID` / `_SECRET`. */
  clientID?: string | undefined;
  clientSecret?: string | undefined;
  /** HTTP Basic credentials, for specs with a basic scheme. Default: `<PREFIX>_USERNAME` / `<PREFIX>_PASSWORD`. */
  username?: string | undefined;
  password?: string | undefined;
  /** Overrides the API's base URL. Defaults to `<PREFIX>_BASE_URL`, then the spec's server. */
  baseURL?: string | undefined;
  /** Milliseconds before a request (each attempt) times out. Default 60 000. */
  timeout?: number | undefined;
  /** How many times a failed request is retried. Default 2. */
  maxRetries?: number | undefined;
  /** A custom `fetch` implementation (for proxies, tests or instrumentation). */
  fetch?: Fetch | undefined;
  /** Extra `RequestInit` fields for every request (e.g. `dispatcher` for undici, `keepalive`). */
  fetchOptions?: RequestInit | undefined;
  /** Headers sent with every request; a `null` value removes a header the SDK would send. */
  defaultHeaders?: Record<string, string | null | undefined> | undefined;
  /** Query parameters sent with every request. */
  defaultQuery?: Record<string, string | undefined> | undefined;
  /** How much to log. Defaults to the `<PREFIX>_LOG` environment variable, then `warn`. */
  logLevel?: LogLevel | undefined;
  /** Where logs go. Default: `console`. */
  logger?: Logger | undefined;
}

/** Per-request options, the last argument of every method. */
export interface RequestOptions {
  /** Extra headers for this request; a `null` value removes a header. */
  headers?: HeadersLike | undefined;
  /** Extra query parameters for this request. */
  query?: Record<string, unknown> | undefined;
  /** Milliseconds before this request (each attempt) times out. */
  timeout?: number | undefined;
  /** How many times this request is retried. */
  maxRetries?: number | undefined;
  /** Aborts the request at once; an aborted request is never retried. */
  signal?: AbortSignal | undefined;
  /** The idempotency key of this call (default: a new one per call, reused by its retries). */
  idempotencyKey?: string | undefined;
}

/** What a generated client tells the runtime about its API. Filled in by the generator from the spec and config. */
export interface SDKConfig {
  /** Package name and version, for the `User-Agent`. */
  packageName: string;
  packageVersion: string;
  /** The spec's default server. */
  defaultBaseURL: string;
  /** Prefix of the environment variables (`TELNYX` for `TELNYX_API_KEY`). */
  envPrefix: string;
  /** The spec's security schemes, by name. */
  securitySchemes: Readonly<Record<string, AuthScheme>>;
  /** The spec's top-level security requirements: what an operation that states none of its own needs. */
  security: readonly (readonly string[])[];
  /** Every operation's security requirements, to tell at construction whether credentials are needed. */
  requiresCredentials: boolean;
  /** The header that carries idempotency keys, when the API has one. */
  idempotencyHeader?: string;
  /** Header names (API keys) and body fields (`writeOnly`, `format: password`) to mask in logs. */
  secretHeaders?: readonly string[];
  secretFields?: readonly string[];
}

/** HTTP methods as the spec spells them. */
export type HTTPMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** How a request body goes on the wire. */
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'binary' | 'text';

/** One operation call, as a generated resource method describes it. */
export interface RequestSpec {
  method: HTTPMethod;
  /** The path template from the spec, e.g. `/oauth_clients/{id}`. */
  path: string;
  pathParams?: Record<string, unknown>;
  /** Query parameters, when the operation has no body. */
  query?: object | undefined;
  /** The request body, when the operation has no query or header parameters. */
  body?: unknown;
  /** Parameters mixing query, header and body fields; split by `queryKeys` and `headerKeys`, the rest is the body. */
  params?: object | undefined;
  queryKeys?: readonly string[];
  headerKeys?: readonly string[];
  /** When the body does not sit in the params object (not an object, or a field named like a query param), its key. */
  bodyKey?: string;
  /**
   * Encoding and content type of the body (default: JSON). In a `params` object, a `bodyEncoding` says that the fields
   * which are neither query nor header parameters are the body.
   */
  bodyEncoding?: BodyEncoding;
  contentType?: string;
  /** Body fields the SDK names differently from the API (`x-sdk-param`): SDK name -> wire name. */
  renames?: Readonly<Record<string, string>>;
  /** `style`/`explode` of the params whose serialization is not their location's default, by name. */
  paramStyles?: ParamStyles;
  /** How to read a successful response (default: JSON). */
  response?: ResponseKind;
  /** The `Accept` header, when the success response is not JSON (`application/octet-stream`, `text/csv`). */
  accept?: string;
  /**
   * Security requirements, when the operation states its own: alternatives of scheme names; `[]` among them means
   * credentials are optional. Default: the spec's top-level requirements.
   */
  security?: readonly (readonly string[])[];
  /** An operation-level server from the spec, if it has one. */
  server?: string;
}

/** The part of openapi-fetch's client used here, typed loosely: the generated methods carry the precise types. */
interface Transport {
  request(
    method: string,
    path: string,
    init: {
      baseUrl: string;
      params: { path?: object; query?: object };
      headers: Headers;
      body?: unknown;
      bodySerializer?: (body: unknown) => BodyInit;
      querySerializer: (query: Record<string, unknown>) => string;
      pathSerializer: (url: string, params: Record<string, unknown>) => string;
      parseAs: 'stream';
      duplex?: 'half';
      fetch: (request: Request) => Promise<Response>;
    } & Omit<RequestInit, 'body' | 'headers'>,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

/** The settings of one call, after options and defaults are merged. */
interface CallSettings {
  maxRetries: number;
  timeout: number;
  signal: AbortSignal | undefined;
  label: string;
}

/**
 * The base of every generated client: resolves options against the environment and the spec's defaults, builds each
 * request and hands it to openapi-fetch, with a fetch of its own underneath that adds timeouts, retries, OAuth token
 * refresh and logging; turns non-success statuses into typed errors.
 */
export abstract class BaseClient {
  /** The base URL requests go to. */
  readonly baseURL: string;
  /** Per-attempt timeout, in milliseconds. */
  readonly timeout: number;
  /** How many times failed requests are retried. */
  readonly maxRetries: number;
  readonly #options: ClientOptions;
  readonly #config: SDKConfig;
  readonly #credentials: Credentials;
  readonly #fetch: Fetch;
  readonly #transport: Transport;
  readonly #logLevel: LogLevel;
  readonly #logger: Logger;
  readonly #redactor: Redactor;
  readonly #platform: Record<string, string>;
  #requestCount = 0;

  constructor(options: ClientOptions, config: SDKConfig) {
    this.#options = options;
    this.#config = config;
    const env = (name: string): string | undefined => readEnv(`${config.envPrefix}_${name}`);
    this.baseURL = (options.baseURL ?? env('BASE_URL') ?? config.defaultBaseURL).replace(/\/+$/, '');
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const baseLogger = options.logger ?? console;
    this.#logLevel = resolveLogLevel(options.logLevel, `${config.envPrefix}_LOG`, baseLogger);
    this.#logger = levelledLogger(baseLogger, this.#logLevel);
    this.#redactor = createRedactor(config.secretHeaders, config.secretFields);
    this.#platform = platformHeaders(config.packageName, config.packageVersion);
    const userFetch = options.fetch ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init));
    this.#fetch = userFetch;

    const oauth = Object.values(config.securitySchemes).find((scheme) => scheme.type === 'oauth2' && scheme.tokenUrl !== undefined);
    const clientID = options.clientID ?? env('CLIENT_ID');
    const clientSecret = options.clientSecret ?? env('CLIENT_SECRET');
    this.#credentials = {
      apiKey: options.apiKey ?? env('API_KEY'),
      username: options.username ?? env('USERNAME'),
      password: options.password ?? env('PASSWORD'),
      tokenSource:
        oauth?.type === 'oauth2' && clientID !== undefined && clientSecret !== undefined
          ? new ClientCredentialsTokenSource({
              tokenURL: () => rebaseURL(oauth.tokenUrl!, config.defaultBaseURL, this.baseURL),
              clientID,
              clientSecret,
              scopes: oauth.scopes,
              clientAuth: oauth.clientAuth,
              fetch: (request) => this.#fetchWithRetries(request, this.#settings({}, 'POST oauth token'), undefined),
            })
          : undefined,
    };
    const { apiKey, username, tokenSource } = this.#credentials;
    if (config.requiresCredentials && apiKey === undefined && username === undefined && tokenSource === undefined) {
      const hint = oauth ? `, or clientID and clientSecret (${config.envPrefix}_CLIENT_ID, ${config.envPrefix}_CLIENT_SECRET)` : '';
      throw new SDKError(
        `The ${config.envPrefix}_API_KEY environment variable is missing or empty; either provide it, or instantiate the client with an apiKey option${hint}.`,
      );
    }
    this.#transport = createClient({}) as unknown as Transport;
  }

  /** A copy of this client with some options changed; the original is untouched. */
  withOptions(options: Partial<ClientOptions>): this {
    const Constructor = this.constructor as new (options: ClientOptions) => this;
    return new Constructor({ ...this.#options, ...options });
  }

  /** Sends one request; the returned promise resolves to the parsed body. */
  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
    return new APIPromise<T>(this.#send(spec, options), (response) => parseResponse<T>(response, spec.response ?? 'json'));
  }

  /** Sends a list request; the result is the first page, and iterating it walks every item of every page. */
  requestPage<Body, Item>(spec: RequestSpec, pagination: PaginationScheme, options?: RequestOptions): PagePromise<Body, Item> {
    const firstQuery = { ...((spec.query ?? {}) as Record<string, unknown>) };
    const fetchPage = (next: { query: Record<string, unknown> } | { url: string }): APIPromise<Body> =>
      'url' in next ? this.request<Body>(urlSpec(spec, next.url, this.baseURL), options) : this.request<Body>({ ...spec, query: next.query }, options);
    return new PagePromise<Body, Item>(this.#send(spec, options), async (response) => {
      const body = await parseResponse<Body>(response, 'json');
      return new Page<Body, Item>(pagination, firstQuery, body, response, fetchPage);
    });
  }

  async #send(spec: RequestSpec, options: RequestOptions = {}): Promise<Response> {
    const { query, headers: headerParams, body: rawBody } = splitParams(spec);
    const method = spec.method.toUpperCase();
    const settings = this.#settings(options, `${method} ${spec.path}`);
    const idempotency =
      this.#config.idempotencyHeader && method !== 'GET' && method !== 'HEAD'
        ? { [this.#config.idempotencyHeader]: options.idempotencyKey ?? `sdk-${crypto.randomUUID()}` }
        : undefined;
    const security = spec.security ?? this.#config.security;
    const encoding = spec.bodyEncoding ?? 'json';
    const body = await prepareBody(rawBody, encoding);
    const auth = await applyAuth(security, this.#config.securitySchemes, this.#credentials);
    const headers = mergeHeaders(
      { accept: spec.accept ?? (spec.response === 'sse' ? 'text/event-stream' : 'application/json'), ...this.#platform },
      body !== undefined ? contentTypeHeader(encoding, spec.contentType) : undefined,
      auth.headers,
      idempotency,
      this.#options.defaultHeaders,
      headerParams,
      options.headers,
    );
    const fullQuery = { ...this.#options.defaultQuery, ...(query as Record<string, unknown>), ...options.query, ...auth.query };
    const retryAuth = async (): Promise<Record<string, string> | undefined> => {
      if (auth.token === undefined) return undefined;
      this.#credentials.tokenSource?.invalidate(auth.token);
      return (await applyAuth(security, this.#config.securitySchemes, this.#credentials, true)).headers;
    };
    let result: Awaited<ReturnType<Transport['request']>>;
    try {
      result = await this.#transport.request(spec.method, spec.path, {
        ...this.#options.fetchOptions,
        baseUrl: operationBaseURL(this.baseURL, this.#config.defaultBaseURL, spec.server),
        params: { path: spec.pathParams ?? {}, query: fullQuery },
        headers,
        body,
        bodySerializer: (value) => serializeBody(value, encoding),
        querySerializer: (values) => serializeQuery(values, spec.paramStyles),
        pathSerializer: (url, values) => serializePath(url, values, spec.paramStyles),
        parseAs: 'stream',
        // fetch sends a stream body only when told it goes out while the response may come back (Node, Deno, Chromium).
        ...(isStreamBody(body) && { duplex: 'half' }),
        fetch: (request) => this.#fetchWithRetries(request, settings, retryAuth),
      });
    } catch (cause) {
      if (cause instanceof SDKError) throw cause;
      throw new APIConnectionError(`Connection error: ${describeCause(cause)}`, { cause });
    }
    const { response, error } = result;
    if (!response.ok) {
      const apiError = APIError.generate(response.status, error, response.headers);
      this.#logger.debug(`[${settings.label}] failed: ${apiError.message}`);
      throw apiError;
    }
    return response;
  }

  #settings(options: RequestOptions, label: string): CallSettings {
    return {
      maxRetries: Math.max(0, options.maxRetries ?? this.maxRetries),
      timeout: options.timeout ?? this.timeout,
      signal: options.signal,
      label,
    };
  }

  /**
   * The request loop under openapi-fetch: one attempt per iteration, each with its own timeout and a fresh copy of the
   * request (so bodies, streams included, are replayable). Retries connection errors, timeouts and retryable statuses;
   * on a 401 with an OAuth token, retries once with a fresh token.
   */
  async #fetchWithRetries(request: Request, settings: CallSettings, refreshAuth: (() => Promise<Record<string, string> | undefined>) | undefined): Promise<Response> {
    const requestId = `req_${++this.#requestCount}`;
    let authHeaders: Record<string, string> | undefined;
    let refreshedAuth = false;
    for (let attempt = 0; ; attempt++) {
      const retriesLeft = settings.maxRetries - attempt;
      if (settings.signal?.aborted) throw new APIUserAbortError();
      const headers = mergeHeaders(request.headers, authHeaders, attempt > 0 ? { 'x-sdk-retry-count': String(attempt) } : undefined);
      const timeout = new AbortController();
      const signal = settings.signal ? AbortSignal.any([settings.signal, timeout.signal]) : timeout.signal;
      const attemptRequest = new Request(request.clone(), { headers, signal });
      this.#logRequest(requestId, attemptRequest, attempt, settings);
      const timer = setTimeout(() => timeout.abort(new APIConnectionTimeoutError()), settings.timeout);
      const started = Date.now();
      let response: Response;
      try {
        response = await this.#fetch(attemptRequest, this.#options.fetchOptions);
      } catch (cause) {
        clearTimeout(timer);
        if (settings.signal?.aborted) throw new APIUserAbortError();
        const error = timeout.signal.aborted ? new APIConnectionTimeoutError(`Request timed out after ${settings.timeout} ms.`) : new APIConnectionError(`Connection error: ${describeCause(cause)}`, { cause });
        if (retriesLeft <= 0) {
          this.#logger.error(`[${requestId}] ${settings.label} failed after ${attempt + 1} attempt(s): ${error.message}`);
          throw error;
        }
        await this.#backoff(requestId, settings, attempt, undefined, error.message);
        continue;
      }
      clearTimeout(timer);
      this.#logger.info(`[${requestId}] ${attemptRequest.method} ${this.#redactor.url(attemptRequest.url)} -> ${response.status} in ${Date.now() - started} ms (attempt ${attempt + 1})`);
      if (logsAt(this.#logLevel, 'debug')) this.#logger.debug(`[${requestId}] response headers`, this.#redactor.headers(response.headers));
      if (response.status === 401 && refreshAuth && !refreshedAuth) {
        refreshedAuth = true;
        const fresh = await refreshAuth();
        if (fresh) {
          authHeaders = fresh;
          await response.body?.cancel();
          attempt--; // a token refresh is not a retry
          continue;
        }
      }
      if (response.ok || retriesLeft <= 0 || !shouldRetryResponse(response)) return response;
      await response.body?.cancel().catch(() => undefined);
      await this.#backoff(requestId, settings, attempt, response.headers, `status ${response.status}`);
    }
  }

  async #backoff(requestId: string, settings: CallSettings, attempt: number, headers: Headers | undefined, reason: string): Promise<void> {
    const delay = retryDelayMs(attempt, headers);
    this.#logger.warn(`[${requestId}] ${settings.label}: ${reason}; retrying in ${Math.round(delay)} ms (${settings.maxRetries - attempt} retries left)`);
    try {
      await sleep(delay, settings.signal);
    } catch {
      throw new APIUserAbortError();
    }
  }

  #logRequest(requestId: string, request: Request, attempt: number, settings: CallSettings): void {
    if (!logsAt(this.#logLevel, 'debug')) return;
    const info = { method: request.method, url: this.#redactor.url(request.url), attempt: attempt + 1, timeout: settings.timeout, headers: this.#redactor.headers(request.headers) };
    this.#logger.debug(`[${requestId}] sending request`, info);
    void request
      .clone()
      .text()
      .then((text) => {
        if (text) this.#logger.debug(`[${requestId}] request body`, redactBodyText(text, request.headers.get('content-type'), this.#redactor));
      })
      .catch(() => undefined);
  }
}

/** A request to a server-given URL (a next page): the same operation, at that URL, with no params of its own. */
function urlSpec(spec: RequestSpec, url: string, baseURL: string): RequestSpec {
  const absolute = new URL(url, `${baseURL}/`);
  const query = Object.fromEntries(absolute.searchParams);
  return { ...spec, path: absolute.pathname, server: absolute.origin, query, pathParams: {}, params: undefined };
}

function splitParams(spec: RequestSpec): { query?: object; headers?: Record<string, string>; body?: unknown } {
  if (spec.params === undefined) return { query: spec.query, body: renameFields(spec.body, spec.renames) };
  const queryKeys = new Set(spec.queryKeys ?? []);
  const headerKeys = new Set(spec.headerKeys ?? []);
  const query: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec.params)) {
    if (queryKeys.has(key)) query[key] = value;
    else if (headerKeys.has(key)) {
      const text = serializeHeader(value, spec.paramStyles?.[key]);
      if (text !== undefined) headers[key] = text;
    } else body[key] = value;
  }
  if (spec.bodyKey !== undefined) return { query, headers, body: body[spec.bodyKey] };
  const hasBody = spec.bodyEncoding !== undefined && Object.keys(body).length > 0;
  return { query, headers, body: hasBody ? renameFields(body, spec.renames) : undefined };
}

/** Puts renamed body fields back under their wire names. */
function renameFields(body: unknown, renames: Readonly<Record<string, string>> | undefined): unknown {
  if (renames === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [Object.hasOwn(renames, key) ? renames[key]! : key, value]));
}

/** The `Content-Type` of a request body: the spec's, JSON by default; none for multipart (`fetch` adds the boundary). */
function contentTypeHeader(encoding: BodyEncoding, contentType: string | undefined): Record<string, string> | undefined {
  if (encoding === 'multipart') return undefined;
  const type = contentType ?? (encoding === 'json' ? 'application/json' : undefined);
  return type === undefined ? undefined : { 'content-type': type };
}

function serializeBody(body: unknown, encoding: BodyEncoding): BodyInit {
  switch (encoding) {
    case 'form':
      return toFormUrlEncoded(body);
    case 'multipart':
      return body instanceof FormData ? body : toMultipartForm(body);
    case 'binary':
    case 'text':
      return body as BodyInit;
    case 'json':
      return JSON.stringify(body);
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
