// Copied from templates/src/core/base-client.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { type AppliedAuth, applyAuth, type Credentials } from '../internal/auth.js';
import { wireQuery } from '../internal/call-shape.js';
import { readEnv } from '../internal/env.js';
import { assignHeaders, checkHeader, headerRecord, parseHeaderLines, toHeaders } from '../internal/headers.js';
import { isLogLevel, type Logger, type LogLevel, logsAt, resolveLogLevel } from '../internal/logger.js';
import {
  createTransport,
  createTypedClient,
  finalURL,
  type ReadAs,
  type SentRequest,
  type TransportCall,
  type TransportResult,
} from '../internal/openapi-fetch.js';
import { serializeFormQuery, serializeHeader, serializeSimplePath } from '../internal/params.js';
import { platformHeaders } from '../internal/platform.js';
import { createRedactor, type Redactor, redactBodyText } from '../internal/redact.js';
import { DEFAULT_MAX_RESPONSE_SIZE, parseBody, type ResponseKind, readBody, readText } from '../internal/response.js';
import { retryDelayMs, shouldRetryResponse, sleep } from '../internal/retries.js';
import type { Fetch } from '../internal/types.js';
import { fillPath, isAbsoluteURL, operationBaseURL, originOf, rebaseURL } from '../internal/url.js';
import { APIPromise, type OfficialResponse, type RawResponse, type ResponseMode } from './api-promise.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  maskError,
  TelnyxError,
} from './error.js';
import type { ClientOptions, RequestOptions, SDKConfig } from './options.js';
import type { BodyEncoding, HTTPMethod, RequestSpec } from './request-spec.js';

export type { ClientOptions, RequestOptions, SDKConfig } from './options.js';
export type { BodyEncoding, HTTPMethod, RequestSpec } from './request-spec.js';
export type { Fetch, Logger, LogLevel };

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
/** Sent on every attempt (0 on the first), under the official SDKs' name; a caller's header of that name wins. */
const RETRY_COUNT_HEADER = 'x-stainless-retry-count';
/** Methods RFC 9110 calls idempotent: resent after a connection error even without an idempotency key. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
/** Connection errors that mean the request never left: safe to resend whatever the method. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const IDEMPOTENCY_PARAM = /^idempotency[-_]key$/i;
/** Redirects followed per attempt, as many as browsers' and undici's `fetch` follow. */
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Statuses whose responses have no body (a `Response` with one cannot be made). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/** Headers that describe a request body: dropped with it when a redirect turns the request into a GET (Fetch standard). */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** One request, ready to send: everything that stays the same across its attempts. */
interface PreparedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: BodyInit | undefined;
  fetchOptions: RequestInit | undefined;
  maxRetries: number;
  timeout: number;
  signal: AbortSignal | undefined;
  label: string;
  /** How to read a successful body; `mode.raw` (set by `asResponse()`) leaves it unread. */
  kind: ResponseKind;
  /** The most bytes a text or JSON body (error bodies included) may have. */
  maxResponseSize: number;
  mode: ResponseMode;
  /** Whether a connection error may be retried: an idempotent method, or an idempotency key sent. */
  resendable: boolean;
  /** Whether the caller set the retry-count header (or removed it): then it is left alone. */
  retryCountSet: boolean;
  /** On a 401 with an OAuth token: fresh auth headers, or undefined when there is nothing to refresh. */
  refreshAuth?: (() => Promise<Record<string, string> | undefined>) | undefined;
}

/** One call as it goes through openapi-fetch to the request loop, which leaves its result in `raw`. */
interface TransportContext {
  prepared: PreparedRequest;
  raw?: RawResponse;
}

/**
 * The SDK's error naming a header openapi-fetch could not set (never its value), for the `TypeError` it threw
 * before the loop ran; any other error as it is.
 */
function headerError(error: unknown, call: TransportContext): unknown {
  if (!(error instanceof TypeError) || call.raw !== undefined) return error;
  try {
    toHeaders(call.prepared.headers);
  } catch (invalid) {
    return invalid;
  }
  return error;
}

/** The option carrying the API key and its environment variable: the config's, else `apiKey` and `<PREFIX>_API_KEY`. */
function keyOptionOf(config: SDKConfig): { name: string; env: string } {
  return config.keyOption ?? { name: 'apiKey', env: `${config.envPrefix}_API_KEY` };
}

/**
 * The base of every generated client: resolves options against the environment and the spec's defaults, builds each
 * request (URLs with openapi-fetch's serializers) and runs the request loop: per-attempt timeouts that cover the body,
 * retries, OAuth token refresh and logging; turns non-success statuses into typed errors.
 */
export abstract class BaseClient {
  /** The base URL requests go to, as given (a trailing slash is fine). */
  baseURL: string;
  /** Per-attempt timeout, in milliseconds. */
  timeout: number;
  /** How many times failed requests are retried. */
  maxRetries: number;
  readonly #options: ClientOptions;
  readonly #config: SDKConfig;
  readonly #credentials: Credentials;
  readonly #fetch: Fetch;
  #logLevel: LogLevel;
  readonly #logger: Logger;
  readonly #redactor: Redactor;
  readonly #maxResponseSize: number;
  /** Platform and default headers, merged once, lower-case names. */
  readonly #baseHeaders: Record<string, string>;
  /** The defaultHeaders option (as a record) over <PREFIX>_CUSTOM_HEADERS; `null` values kept, to remove headers. */
  readonly #defaultHeaders: Record<string, string | null | undefined> | undefined;
  /** The base URL as given, `user:password@` included, and as stripped: `withOptions` passes the former on while unchanged. */
  readonly #givenBaseURL: { given: string; stripped: string };
  #requestCount = 0;
  /** openapi-fetch's typed client (`client.fetch`), for the base URL it was made with. */
  #typedClient: { baseURL: string; client: unknown } | undefined;
  /** The openapi-fetch client every request goes through, made on the first request. */
  #transport: ((call: TransportCall<TransportContext>) => Promise<TransportResult>) | undefined;

  constructor(options: ClientOptions, config: SDKConfig) {
    this.#options = options;
    this.#config = config;
    const env = (name: string): string | undefined => readEnv(`${config.envPrefix}_${name}`);
    // API-key headers are credentials whatever the config lists: masked in logs, never sent to another origin.
    const keyHeaders = Object.values(config.securitySchemes).flatMap((scheme) =>
      scheme.type === 'apiKey' && scheme.in === 'header' ? [scheme.name] : [],
    );
    this.#redactor = createRedactor([...(config.secretHeaders ?? []), ...keyHeaders], config.secretFields);
    this.#maxResponseSize = options.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE;
    // `null`: the spec's default, whatever <PREFIX>_BASE_URL says (an `environment` is a base URL by now: see
    // internal/environments).
    const givenBaseURL =
      options.baseURL === null ? config.defaultBaseURL : (options.baseURL ?? env('BASE_URL') ?? config.defaultBaseURL);
    const { url: baseURL, username: urlUser, password: urlPassword } = splitCredentials(givenBaseURL, this.#redactor);
    this.baseURL = baseURL;
    this.#givenBaseURL = { given: givenBaseURL, stripped: baseURL };
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#logger = maskedLogger(options.logger ?? console, this.#redactor);
    this.#logLevel = resolveLogLevel(options.logLevel, `${config.envPrefix}_LOG`, this.#logger);
    this.#fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));

    const oauth = Object.values(config.securitySchemes).find(
      (scheme) => scheme.type === 'oauth2' && scheme.tokenUrl !== undefined,
    );
    const clientID = options.clientID ?? env('CLIENT_ID');
    const clientSecret = options.clientSecret ?? env('CLIENT_SECRET');
    const keyOption = keyOptionOf(config);
    this.#credentials = {
      apiKey: (options as Record<string, string | undefined>)[keyOption.name] ?? readEnv(keyOption.env),
      username: options.username ?? env('USERNAME'),
      password: options.password ?? env('PASSWORD'),
      tokenSource:
        oauth?.type === 'oauth2' && config.tokenSource && clientID !== undefined && clientSecret !== undefined
          ? new config.tokenSource({
              tokenURL: () => rebaseURL(oauth.tokenUrl!, config.defaultBaseURL, this.baseURL),
              clientID,
              clientSecret,
              scopes: oauth.scopes,
              clientAuth: oauth.clientAuth,
              fetch: (url, init) => this.#tokenFetch(url, init),
              onToken: (token) => this.#redactor.addSecret(token),
            })
          : undefined,
      schemeKeys: config.schemeKeys?.read(options, config.schemeKeyOptions, env),
    };
    const { apiKey, username, password, tokenSource, schemeKeys } = this.#credentials;
    const ownKeys = Object.values(schemeKeys ?? {}).filter((key) => key !== undefined);
    for (const secret of [apiKey, password, clientSecret, urlPassword, ...ownKeys]) this.#redactor.addSecret(secret);
    for (const key of [apiKey, ...ownKeys]) if (key !== undefined) checkHeader('x', key, 'the API key');
    if (
      config.requiresCredentials &&
      apiKey === undefined &&
      username === undefined &&
      tokenSource === undefined &&
      urlUser === undefined &&
      ownKeys.length === 0
    ) {
      const hint = oauth
        ? `, or clientID and clientSecret (${config.envPrefix}_CLIENT_ID, ${config.envPrefix}_CLIENT_SECRET)`
        : '';
      throw new TelnyxError(
        `The ${keyOption.env} environment variable is missing or empty; either provide it, or instantiate the client with an ${keyOption.name} option${hint}.`,
      );
    }
    // user:password in the base URL: sent as HTTP Basic (as curl does) where no other credentials apply, never in URLs.
    const urlAuth =
      urlUser !== undefined && username === undefined
        ? { authorization: `Basic ${btoa(`${urlUser}:${urlPassword ?? ''}`)}` }
        : undefined;
    if (urlAuth) this.#redactor.addSecret(urlAuth.authorization.slice(6));
    if (username !== undefined) this.#redactor.addSecret(btoa(`${username}:${password ?? ''}`));
    // The defaultHeaders option over <PREFIX>_CUSTOM_HEADERS, as the official SDKs merge them.
    const customHeaders = parseHeaderLines(env('CUSTOM_HEADERS'));
    this.#defaultHeaders =
      customHeaders === undefined
        ? headerRecord(options.defaultHeaders)
        : { ...customHeaders, ...headerRecord(options.defaultHeaders) };
    this.#baseHeaders = assignHeaders(
      { accept: 'application/json', [RETRY_COUNT_HEADER]: '0' },
      platformHeaders(config.packageName, config.packageVersion),
      urlAuth,
      this.#defaultHeaders,
    );
    // An invalid default header is a construction-time error, not a failure of every request.
    for (const [name, value] of Object.entries(this.#baseHeaders)) checkHeader(name, value);
  }

  /** The API key the client sends (read and set; never shown by `console.log(client)`). */
  get apiKey(): string | undefined {
    return this.#credentials.apiKey;
  }

  set apiKey(value: string | undefined) {
    if (value !== undefined) checkHeader('x', value, 'the API key');
    this.#redactor.addSecret(value);
    this.#credentials.apiKey = value;
  }

  /** How much the client logs. */
  get logLevel(): LogLevel {
    return this.#logLevel;
  }

  set logLevel(value: LogLevel) {
    if (!isLogLevel(value))
      throw new TelnyxError(`logLevel must be one of off, error, warn, info, debug; got ${JSON.stringify(value)}.`);
    this.#logLevel = value;
  }

  /** A copy of this client with some options changed; the original is untouched. Current values are copied. */
  withOptions(options: Partial<ClientOptions>): this {
    const Constructor = this.constructor as new (options: ClientOptions) => this;
    return new Constructor({
      ...this.#options,
      baseURL: this.baseURL === this.#givenBaseURL.stripped ? this.#givenBaseURL.given : this.baseURL,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      logLevel: this.#logLevel,
      [keyOptionOf(this.#config).name]: this.#credentials.apiKey,
      // The copy's base URL is the current one: an environment is the caller's to give again.
      environment: undefined,
      ...(options.environment !== undefined && options.baseURL === undefined && { baseURL: null }),
      ...options,
    });
  }

  /**
   * The body of a response handed to `APIPromise` in the official SDKs' form (`new APIPromise(client, promise)`), parsed
   * as they parse it (JSON by content type, else the text), logged at `debug` as they log it.
   */
  protected async parseOfficialResponse(official: OfficialResponse): Promise<unknown> {
    const { response } = official;
    let body: unknown;
    try {
      body = await parseBody(response, 'json');
    } catch (error) {
      throw this.#mask(error);
    }
    if (logsAt(this.#logLevel, 'debug'))
      this.#logger.debug(`[${official.requestLogID ?? 'request'}] response parsed`, {
        status: response.status,
        url: this.#redactor.url(response.url),
        ...(official.startTime !== undefined && { durationMs: Date.now() - official.startTime }),
      });
    return body;
  }

  /** Sends one request; the returned promise resolves to the parsed body. */
  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
    const mode: ResponseMode = { raw: false };
    const kind = spec.response ?? 'json';
    const parse = (raw: RawResponse): T | Promise<T> => {
      try {
        const parsed = parseBody<T>(raw, kind, spec.decode);
        return parsed instanceof Promise ? parsed.catch((error: unknown) => Promise.reject(this.#mask(error))) : parsed;
      } catch (error) {
        throw this.#mask(error);
      }
    };
    return new APIPromise<T>(this.#send(spec, options, mode), parse, mode);
  }

  /** `GET path` on an endpoint the SDK has no method for, with the client's auth, retries and errors. */
  get<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#verb('get', path, options);
  }

  /** `POST path`; `options.body` is sent as JSON. */
  post<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#verb('post', path, options);
  }

  /** `PUT path`; `options.body` is sent as JSON. */
  put<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#verb('put', path, options);
  }

  /** `PATCH path`; `options.body` is sent as JSON. */
  patch<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#verb('patch', path, options);
  }

  /** `DELETE path`. */
  delete<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#verb('delete', path, options);
  }

  #verb<T>(method: HTTPMethod, path: string, options: RequestOptions = {}): APIPromise<T> {
    return this.request<T>({ method, path }, options);
  }

  /**
   * The URL a request to `path` goes to, with the default query and `query`; `defaultBaseURL` (an operation's own
   * server) is used only while the client's base URL is the spec's default, as in the official SDKs.
   */
  buildURL(path: string, query: Record<string, unknown> | null | undefined, defaultBaseURL?: string): string {
    const base =
      defaultBaseURL !== undefined &&
      this.baseURL.replace(/\/+$/, '') === this.#config.defaultBaseURL.replace(/\/+$/, '')
        ? defaultBaseURL
        : this.baseURL;
    // Built as requests build theirs (openapi-fetch's builder, the SDK's query serializer), so it is the URL sent.
    return finalURL(base, path, undefined, { ...this.#options.defaultQuery, ...query }, serializeFormQuery, fillPath);
  }

  /** What would be sent for these options (URL, method, merged headers, serialized body), without sending it. */
  async buildRequest(
    options: RequestOptions & { path: string; method: HTTPMethod | Uppercase<HTTPMethod> },
  ): Promise<{ url: string; timeout: number; req: RequestInit & { method: string; headers: Headers } }> {
    const prepared = await this.#prepare({ method: 'get', path: options.path }, options, { raw: false });
    const req = {
      method: prepared.method,
      headers: toHeaders(prepared.headers),
      body: prepared.body ?? null,
      ...(prepared.signal && { signal: prepared.signal }),
    };
    return { url: prepared.url, timeout: prepared.timeout, req };
  }

  /**
   * The openapi-fetch client behind the generated client's `fetch` (typed there by the spec's `paths`): made on first
   * use, and again once `baseURL` has changed.
   */
  protected openapiFetch(): unknown {
    if (this.#typedClient?.baseURL !== this.baseURL) {
      this.#typedClient = {
        baseURL: this.baseURL,
        client: createTypedClient(this.baseURL, serializeFormQuery, fillPath, (request, readAs) =>
          this.#sendBuilt(request, readAs).catch((error: unknown) => Promise.reject(this.#mask(error))),
        ),
      };
    }
    return this.#typedClient.client;
  }

  /**
   * Sends a request openapi-fetch built (`client.fetch`) through the request loop: the client's auth (on the base URL's
   * origin only), default headers, idempotency key, retries, timeouts over the body, redirects and masking. The body is
   * read as the caller asked (bounded as text), and handed back for openapi-fetch to parse.
   */
  async #sendBuilt(request: Request, readAs: ReadAs): Promise<Response> {
    // The URL openapi-fetch built, as a whole URL: one on another origin (a per-call `baseUrl`) goes without credentials.
    const prepared = await this.#prepare(
      {
        method: request.method as HTTPMethod,
        path: request.url,
        headers: request.headers,
        // Read once, so that every attempt can send it; its content type is the request's.
        body: request.body === null ? undefined : await request.arrayBuffer(),
        bodyEncoding: 'binary',
        response: readAs === 'json' || readAs === 'text' ? 'text' : 'binary',
      },
      { signal: request.signal },
      { raw: readAs === 'stream' },
    );
    const raw = await this.#loop(prepared);
    const { response, body } = raw;
    if (body === undefined) return response;
    return new Response(NULL_BODY_STATUSES.has(response.status) || body === '' ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  /**
   * Sends a request and hands its raw response to `wrap`, which makes the promise the caller gets. List methods page
   * through it (`requestPage` in core/pagination.ts), so that pagination is bundled only into SDKs' calls that use it.
   */
  requestWith<P>(
    spec: RequestSpec,
    options: RequestOptions | undefined,
    wrap: (sent: Promise<RawResponse>, mode: ResponseMode) => P,
  ): P {
    const mode: ResponseMode = { raw: false };
    return wrap(this.#send(spec, options, mode), mode);
  }

  /**
   * One call, start to end: prepared, carried by openapi-fetch through the request loop, an error status thrown as an
   * `APIError`; every error masked. One async step per call, so that a call costs as few promises as it can.
   */
  async #send(spec: RequestSpec, options: RequestOptions = {}, mode: ResponseMode): Promise<RawResponse> {
    let call: TransportContext | undefined;
    try {
      const prepared = await this.#prepare(spec, options, mode);
      call = { prepared };
      const result = await this.#transported(call);
      const raw = call.raw!;
      const { response } = raw;
      if (!response.ok) {
        // openapi-fetch's parse of the error body: JSON where it is, else the text; an empty body is none.
        const body = result.error === '' ? undefined : result.error;
        const apiError = APIError.generate(response.status, body, response.headers);
        if (logsAt(this.#logLevel, 'debug')) this.#logger.debug(`[${prepared.label}] failed: ${apiError.message}`);
        throw apiError;
      }
      return raw;
    } catch (error) {
      throw this.#mask(call === undefined ? error : headerError(error, call));
    }
  }

  /**
   * Every error leaving the client is masked: messages (token endpoint errors, causes, echoed bodies), an API error's
   * body and headers, and whatever `console.log` or `JSON.stringify` would show of it.
   */
  #mask(error: unknown): unknown {
    return error instanceof Error ? maskError(error, this.#redactor) : error;
  }

  /**
   * The credentials a request carries to the API's origin (`own`; none elsewhere), by the security requirements: a key
   * the operation needs and the client lacks is an error before anything is sent. Synchronous unless a token is fetched.
   */
  #authenticate(security: readonly (readonly string[])[], own: boolean): AppliedAuth | Promise<AppliedAuth> {
    if (!own) return { headers: {}, query: {} };
    const config = this.#config;
    const missing = config.schemeKeys?.missing(
      security,
      config.schemeKeyOptions,
      this.#credentials.schemeKeys,
      config.envPrefix,
    );
    if (missing !== undefined) throw new TelnyxError(missing);
    return applyAuth(security, config.securitySchemes, this.#credentials);
  }

  /** With an OAuth token: the request's fresh auth headers after a 401 (the token it sent invalidated first). */
  #refresher(security: readonly (readonly string[])[], auth: AppliedAuth): PreparedRequest['refreshAuth'] {
    if (auth.token === undefined) return undefined;
    return async (): Promise<Record<string, string> | undefined> => {
      this.#credentials.tokenSource?.invalidate(auth.token);
      return (await applyAuth(security, this.#config.securitySchemes, this.#credentials, true)).headers;
    };
  }

  /**
   * Sends a prepared request through the openapi-fetch client (made on the first request), whose `fetch` is the
   * request loop; the loop's result lands in `call.raw`. The body goes to the loop with `prepared`, beside
   * openapi-fetch (see TransportCall).
   */
  #transported(call: TransportContext): Promise<TransportResult> {
    const { prepared } = call;
    return (this.#transport ??= createTransport<TransportContext>((request) => this.#send1(request)))({
      method: prepared.method,
      url: prepared.url,
      headers: prepared.headers,
      context: call,
    });
  }

  /**
   * The `fetch` of the openapi-fetch client: runs the request loop on what openapi-fetch built (its merged headers),
   * keeps the loop's result for `#send`, and hands openapi-fetch a response it can read: the body of a success is
   * left to the SDK (openapi-fetch is told not to read it), an error body it parses is the one the loop read, bounded.
   */
  async #send1(request: SentRequest<TransportContext>): Promise<Response> {
    const raw = await this.#loop(request.context.prepared, request.headers);
    request.context.raw = raw;
    const { response, body } = raw;
    if (response.ok || body === undefined) return response;
    const text = typeof body === 'string' ? body : '';
    return new Response(text === '' || NULL_BODY_STATUSES.has(response.status) ? null : text, {
      status: response.status,
      headers: response.headers,
    });
  }

  /** Everything about a call that does not change between attempts: URL, headers (merged once), body, settings. */
  async #prepare(spec: RequestSpec, options: RequestOptions, mode: ResponseMode): Promise<PreparedRequest> {
    if (options.signal?.aborted) throw new APIUserAbortError();
    const split = splitParams(spec);
    const method = (options.method ?? spec.method).toUpperCase();
    const path = options.path ?? spec.path;
    const given = options.body !== undefined ? options.body : split.body;
    // A body the operation also takes as a multipart form goes so when it carries a file.
    const form = given === undefined ? undefined : spec.multipart?.(given);
    const encoding = form === undefined ? (spec.bodyEncoding ?? 'json') : 'multipart';
    const encode = form === undefined ? spec.encode : undefined;
    // The operation's encoder (multipart, binary, form), before anything is fetched: uploads are read into files here.
    const body = form !== undefined ? await form : given !== undefined && encode ? await encode(given) : given;
    const security = spec.security ?? this.#config.security;
    const base = operationBaseURL(this.baseURL, this.#config.defaultBaseURL, spec.server);
    // A whole URL on another origin than the API's (a server's next-page link, or one given to client.get) is sent
    // without the client's credentials; a server's link there is refused unless the client opts in.
    const foreign = isAbsoluteURL(path) && originOf(path) !== originOf(base);
    if (foreign && spec.linkFromServer === true && this.#options.followCrossOriginPages !== true) {
      throw new TelnyxError(
        `The next page's URL (${this.#redactor.url(path)}) is on another origin than the API's (${originOf(base)}): not followed, as it would carry the client's credentials there. Set the client option followCrossOriginPages to follow such links without credentials.`,
      );
    }
    const authenticated = this.#authenticate(security, !foreign);
    // Awaited only when a token is fetched: a static key adds no step to the call.
    const auth = authenticated instanceof Promise ? await authenticated : authenticated;
    const refreshAuth = this.#refresher(security, auth);

    // Copied with Object.assign, not spread: V8 gives a spread copy a shape that turns slow on the first header added
    // (measured: 1.6 µs against 0.14 µs per call).
    const headers: Record<string, string> = Object.assign({}, this.#baseHeaders);
    if (spec.accept !== undefined) headers['accept'] = spec.accept;
    else if (spec.response === 'sse') headers['accept'] = 'text/event-stream';
    // A stream where JSON is expected (request options, client.post) goes as is, with no content type of ours.
    const stream = encoding === 'json' && body !== undefined ? toStream(body) : undefined;
    const contentType =
      body === undefined || stream !== undefined ? undefined : contentTypeOf(encoding, spec.contentType);
    if (contentType !== undefined) headers['content-type'] = contentType;
    for (const name in auth.headers) headers[name] = auth.headers[name]!;
    // The operation's own Idempotency-Key header param, else the API-wide header from the config; non-GET only.
    const declared = spec.headerKeys?.find((key) => IDEMPOTENCY_PARAM.test(key));
    // A caller's own key goes out as `Idempotency-Key` where the API names no header, and makes the call resendable.
    const idempotencyHeader = (
      declared ??
      this.#config.idempotencyHeader ??
      (options.idempotencyKey !== undefined ? 'Idempotency-Key' : undefined)
    )?.toLowerCase();
    if (idempotencyHeader !== undefined && method !== 'GET' && method !== 'HEAD') {
      headers[idempotencyHeader] = options.idempotencyKey ?? `sdk-${crypto.randomUUID()}`;
    }
    const userHeaders = headerRecord(options.headers);
    const specHeaders = headerRecord(spec.headers);
    assignHeaders(headers, this.#defaultHeaders, split.headers, specHeaders, userHeaders);
    if (foreign) this.#dropCredentials(headers);
    const retryCountSet =
      hasHeader(this.#defaultHeaders, RETRY_COUNT_HEADER) ||
      hasHeader(specHeaders, RETRY_COUNT_HEADER) ||
      hasHeader(userHeaders, RETRY_COUNT_HEADER);

    const specQuery = wireQuery(split.query, spec.queryNames, spec.fixedQuery);
    const query =
      options.query === undefined || options.query === null
        ? specQuery
        : { ...(specQuery as Record<string, unknown>), ...options.query };
    let defaultQuery = foreign ? this.#withoutCredentials(this.#options.defaultQuery) : this.#options.defaultQuery;
    // A path with a query of its own (client.fetch's URLs) sets the default query's names it has.
    if (defaultQuery !== undefined && path.includes('?')) defaultQuery = withoutNamesOf(path, defaultQuery);
    // Merged only where there is something to merge (the serializers never change what they are given).
    const fullQuery =
      defaultQuery === undefined && isEmpty(auth.query)
        ? ((query ?? {}) as Record<string, unknown>)
        : { ...defaultQuery, ...(query as Record<string, unknown>), ...auth.query };
    // Every OpenAPI style (deepObject as nested brackets, delimited arrays...), by the operation's params.
    const styled = spec.paramSerializers;
    const serializeQuery =
      spec.querySerializer ??
      (styled ? (values: Record<string, unknown>) => styled.query(values, spec.paramStyles) : serializeFormQuery);
    const serializePath =
      spec.pathSerializer ??
      (styled
        ? (template: string, values: Record<string, unknown>) => styled.path(template, values, spec.paramStyles)
        : serializeSimplePath);
    // openapi-fetch's URL builder, with the SDK's serializers; path values are checked by fillPath (no `..`, no empty).
    const url = finalURL(
      base,
      path,
      spec.pathParams,
      fullQuery,
      serializeQuery,
      spec.pathParams ? (template, values) => fillPath(template, values, serializePath) : fillPath,
    );

    return {
      url,
      method,
      headers,
      // JSON unless encoded above; other bodies without an encoder (FormData, bytes, text) go as given.
      body:
        stream ??
        (body === undefined ? undefined : encoding === 'json' && !encode ? JSON.stringify(body) : (body as BodyInit)),
      fetchOptions: options.fetchOptions
        ? { ...this.#options.fetchOptions, ...options.fetchOptions }
        : this.#options.fetchOptions,
      maxRetries: Math.max(0, options.maxRetries ?? this.maxRetries),
      timeout: options.timeout ?? this.timeout,
      signal: options.signal ?? undefined,
      label: `${method} ${path}`,
      kind: spec.response ?? 'json',
      maxResponseSize: this.#maxResponseSize,
      mode,
      resendable:
        IDEMPOTENT_METHODS.has(method) || (idempotencyHeader !== undefined && headers[idempotencyHeader] !== undefined),
      retryCountSet,
      refreshAuth,
    };
  }

  /** The token endpoint goes the same way (openapi-fetch, the loop's timeouts and retries); a form POST, resendable. */
  async #tokenFetch(url: string, init: RequestInit): Promise<Response> {
    const call: TransportContext = {
      prepared: {
        url,
        method: 'POST',
        headers: assignHeaders(Object.assign({}, this.#baseHeaders), init.headers as Record<string, string>),
        body: init.body ?? undefined,
        fetchOptions: this.#options.fetchOptions,
        maxRetries: this.maxRetries,
        timeout: this.timeout,
        signal: undefined,
        label: 'POST oauth token',
        kind: 'text',
        maxResponseSize: this.#maxResponseSize,
        mode: { raw: false },
        // Asking for a token twice is harmless.
        resendable: true,
        retryCountSet: false,
      },
    };
    try {
      await this.#transported(call);
    } catch (error) {
      throw headerError(error, call);
    }
    const raw = call.raw!;
    return new Response(typeof raw.body === 'string' ? raw.body : null, {
      status: raw.response.status,
      headers: raw.response.headers,
    });
  }

  /**
   * The request loop: one attempt per iteration, each with one `AbortSignal` and a timeout that lasts until the body
   * is read (server-sent events and `asResponse()` stop it at the headers). Retries connection errors and timeouts
   * of resendable requests, and retryable statuses; on a 401 with an OAuth token, retries once with a fresh token.
   */
  async #loop(request: PreparedRequest, merged?: Headers): Promise<RawResponse> {
    const requestId = `req_${++this.#requestCount}`;
    const userSignal = request.signal;
    let headers = merged ?? toHeaders(request.headers);
    let body = request.body;
    let refreshedAuth = false;
    for (let attempt = 0; ; attempt++) {
      const retriesLeft = request.maxRetries - attempt;
      if (userSignal?.aborted) throw new APIUserAbortError();
      if (attempt > 0 && !request.retryCountSet) {
        headers = new Headers(headers);
        headers.set(RETRY_COUNT_HEADER, String(attempt));
      }
      // A stream body is read by the attempt that sends it: keep a copy for the next one while retries remain.
      let sent = body;
      if (body instanceof ReadableStream && retriesLeft > 0) [sent, body] = body.tee();
      const controller = new AbortController();
      const onAbort = userSignal && ((): void => controller.abort(userSignal.reason));
      if (userSignal && onAbort) userSignal.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(abortOnTimeout, request.timeout, controller);
      // Redirects are followed by the SDK (#followRedirects), never by fetch: it would carry credentials to another origin.
      const init: RequestInit = {
        ...request.fetchOptions,
        method: request.method,
        headers,
        body: sent,
        signal: controller.signal,
        redirect: 'manual',
      };
      if (sent instanceof ReadableStream) (init as { duplex?: string }).duplex = 'half';
      if (logsAt(this.#logLevel, 'debug')) this.#logRequest(requestId, request, headers, attempt);
      const started = logsAt(this.#logLevel, 'info') ? Date.now() : 0;
      let keepListening = false;
      let failure: APIConnectionError;
      let response: Response | undefined;
      try {
        // A custom fetch that ignores the signal (or a body that never ends and never errors) still ends at the
        // timeout, as the SDK's own timeout error.
        response = await this.#guard(this.#fetch(request.url, init), controller.signal);
        if (REDIRECT_STATUSES.has(response.status) || response.type === 'opaqueredirect') {
          response = await this.#guard(this.#followRedirects(request, init, response, requestId), controller.signal);
        }
        if (logsAt(this.#logLevel, 'info')) {
          this.#logger.info(
            `[${requestId}] ${request.method} ${this.#redactor.url(request.url)} -> ${response.status} in ${Date.now() - started} ms (attempt ${attempt + 1})`,
          );
          if (logsAt(this.#logLevel, 'debug'))
            this.#logger.debug(`[${requestId}] response headers`, this.#redactor.headers(response.headers));
        }
        if (response.ok) {
          if (request.mode.raw || request.kind === 'sse') {
            // The caller reads the body: their abort still reaches it, the timeout no longer does.
            keepListening = true;
            return { response };
          }
          return {
            response,
            body: await this.#guard(readBody(response, request.kind, request.maxResponseSize), controller.signal),
          };
        }
        if (response.status === 401 && request.refreshAuth && !refreshedAuth) {
          refreshedAuth = true;
          const fresh = await request.refreshAuth();
          if (fresh) {
            headers = new Headers(headers);
            for (const name in fresh) headers.set(name, fresh[name]!);
            await response.body?.cancel().catch(() => undefined);
            attempt--; // a token refresh is not a retry
            continue;
          }
        }
        if (retriesLeft <= 0 || !shouldRetryResponse(response))
          return { response, body: await this.#guard(readText(response, request.maxResponseSize), controller.signal) };
        await response.body?.cancel().catch(() => undefined);
      } catch (cause) {
        if (cause instanceof TelnyxError && !(cause instanceof APIConnectionError)) throw cause;
        if (userSignal?.aborted) throw new APIUserAbortError();
        // What the fetch still holds (a body it never ends) is let go.
        response?.body?.cancel().catch(() => undefined);
        failure = controller.signal.aborted
          ? new APIConnectionTimeoutError(`Request timed out after ${request.timeout} ms.`)
          : new APIConnectionError(`Connection error: ${this.#redactor.text(describeCause(cause))}`, { cause });
        const resendable = request.resendable || (response === undefined && notSent(cause));
        if (retriesLeft <= 0 || !resendable) {
          if (logsAt(this.#logLevel, 'error')) {
            const why = resendable
              ? `after ${attempt + 1} attempt(s)`
              : `(not retried: a ${request.method} without an idempotency key may have been applied)`;
            this.#logger.error(`[${requestId}] ${request.label} failed ${why}: ${failure.message}`);
          }
          throw failure;
        }
        await this.#backoff(requestId, request, attempt, undefined, failure.message);
        continue;
      } finally {
        clearTimeout(timer);
        if (userSignal && onAbort && !keepListening) userSignal.removeEventListener('abort', onAbort);
      }
      await this.#backoff(requestId, request, attempt, response.headers, `status ${response.status}`);
    }
  }

  /**
   * Follows the redirect `first` answered, by hand (`fetch` itself drops only `Authorization` on a redirect to
   * another origin, so an API-key header would follow it): at most `MAX_REDIRECTS`, a 303 (and a 301/302 after a POST)
   * as a GET without the body, 307/308 with method and body. Once a redirect leaves the request's origin, every header
   * that may carry a credential is dropped, for that hop and every one after it.
   */
  async #followRedirects(
    request: PreparedRequest,
    init: RequestInit,
    first: Response,
    requestId: string,
  ): Promise<Response> {
    const refuse = request.fetchOptions?.redirect === 'error';
    const origin = originOf(request.url);
    let url = request.url;
    let current = init;
    let crossed = false;
    for (let hops = 0; ; hops++) {
      const response = hops === 0 ? first : await this.#fetch(url, current);
      if (response.type === 'opaqueredirect') {
        throw new TelnyxError(
          `${request.label} was redirected, and this runtime's fetch hides where to (an opaque redirect), so it is not followed: the SDK follows redirects itself, so that credentials never leave the API's origin.`,
        );
      }
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return response;
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return response; // an unusable Location: the 3xx is the answer, an APIError
      }
      await response.body?.cancel().catch(() => undefined);
      const where = this.#redactor.url(next.href);
      if (refuse)
        throw new TelnyxError(`${request.label} was redirected to ${where}, and fetchOptions.redirect is 'error'.`);
      if (hops >= MAX_REDIRECTS)
        throw new TelnyxError(
          `${request.label} was redirected more than ${MAX_REDIRECTS} times (last to ${where}); not followed further.`,
        );
      if (next.protocol !== 'https:' && next.protocol !== 'http:')
        throw new TelnyxError(
          `${request.label} was redirected to a ${next.protocol} URL; only http(s) redirects are followed.`,
        );
      const headers = new Headers(current.headers);
      let method = current.method ?? 'GET';
      let body = current.body;
      if (
        (response.status === 303 && method !== 'GET' && method !== 'HEAD') ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = 'GET';
        body = undefined;
        for (const name of BODY_HEADERS) headers.delete(name);
      } else if (body instanceof ReadableStream) {
        throw new TelnyxError(
          `${request.label} was redirected (${response.status}) with a streamed body, which cannot be sent twice; send it to ${where} directly.`,
        );
      }
      if (!crossed && next.origin !== origin) {
        crossed = true;
      }
      if (crossed) {
        const record = Object.fromEntries(headers);
        this.#dropCredentials(record);
        current = { ...current, headers: record, method, body };
      } else current = { ...current, headers, method, body };
      if (logsAt(this.#logLevel, 'debug'))
        this.#logger.debug(
          `[${requestId}] ${response.status} redirect to ${where}${crossed ? ' (another origin: sent without credentials)' : ''}`,
        );
      url = next.href;
    }
  }

  /**
   * A custom fetch's promise (or its body's), raced against the attempt's signal: such a fetch may ignore the signal.
   * The runtime's own fetch honours it, so its promises go as they are (no extra promise per call).
   */
  #guard<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
    return this.#options.fetch === undefined ? promise : untilAborted(promise, signal);
  }

  /** Removes from `headers` (lower-case names) every header that may carry a credential. */
  #dropCredentials(headers: Record<string, string>): void {
    for (const name of Object.keys(headers))
      if (this.#redactor.isCredentialHeader(name, headers[name]!)) delete headers[name];
  }

  /** A query without the entries that may carry a credential (by name or by a secret value). */
  #withoutCredentials(
    query: Record<string, string | undefined> | undefined,
  ): Record<string, string | undefined> | undefined {
    if (!query) return query;
    return Object.fromEntries(
      Object.entries(query).filter(([name, value]) => !this.#redactor.isCredentialHeader(name, value ?? '')),
    );
  }

  async #backoff(
    requestId: string,
    request: PreparedRequest,
    attempt: number,
    headers: Headers | undefined,
    reason: string,
  ): Promise<void> {
    const delay = retryDelayMs(attempt, headers);
    if (logsAt(this.#logLevel, 'warn')) {
      this.#logger.warn(
        `[${requestId}] ${request.label}: ${reason}; retrying in ${Math.round(delay)} ms (${request.maxRetries - attempt} retries left)`,
      );
    }
    try {
      await sleep(delay, request.signal);
    } catch {
      throw new APIUserAbortError();
    }
  }

  #logRequest(requestId: string, request: PreparedRequest, headers: Headers, attempt: number): void {
    const info = {
      method: request.method,
      url: this.#redactor.url(request.url),
      attempt: attempt + 1,
      timeout: request.timeout,
      headers: this.#redactor.headers(headers),
    };
    this.#logger.debug(`[${requestId}] sending request`, info);
    if (typeof request.body === 'string' && request.body !== '') {
      this.#logger.debug(
        `[${requestId}] request body`,
        redactBodyText(request.body, headers.get('content-type'), this.#redactor),
      );
    }
  }
}

/** `query` without the names the query part of `path` has. */
function withoutNamesOf(path: string, query: Record<string, string | undefined>): Record<string, string | undefined> {
  const own = new URLSearchParams(path.slice(path.indexOf('?') + 1));
  return Object.fromEntries(Object.entries(query).filter(([name]) => !own.has(name)));
}

function isEmpty(record: Record<string, unknown>): boolean {
  for (const _ in record) return false;
  return true;
}

/** A timer's callback (no closure per attempt): the attempt ends as the SDK's timeout error. */
function abortOnTimeout(controller: AbortController): void {
  controller.abort(new APIConnectionTimeoutError());
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts, whichever comes first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Removes `user:password@` from a URL (fetch refuses it, and it would reach logs and errors); returns both parts. */
function splitCredentials(url: string, redactor: Redactor): { url: string; username?: string; password?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TelnyxError(
      `baseURL is not a valid URL: ${JSON.stringify(redactor.text(url.replace(/\/\/[^/@]*@/, '//***@')))}`,
    );
  }
  if (parsed.username === '' && parsed.password === '') return { url };
  const username = decodeURIComponent(parsed.username);
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  redactor.addSecret(password);
  const at = url.indexOf('@');
  return {
    url: url.slice(0, url.indexOf('//') + 2) + url.slice(at + 1),
    username,
    ...(password !== undefined && { password }),
  };
}

/** A logger that masks every secret the client holds, in messages and in what is logged with them. */
function maskedLogger(logger: Logger, redactor: Redactor): Logger {
  const mask = (message: string, rest: unknown[]): [string, ...unknown[]] => [
    redactor.text(message),
    ...rest.map((item) => (typeof item === 'string' ? redactor.text(item) : redactor.value(item))),
  ];
  return {
    error: (message, ...rest) => logger.error(...mask(message, rest)),
    warn: (message, ...rest) => logger.warn(...mask(message, rest)),
    info: (message, ...rest) => logger.info(...mask(message, rest)),
    debug: (message, ...rest) => logger.debug(...mask(message, rest)),
  };
}

function hasHeader(headers: Record<string, string | null | undefined> | undefined, name: string): boolean {
  if (!headers) return false;
  for (const key in headers) if (key.toLowerCase() === name && headers[key] !== undefined) return true;
  return false;
}

/** Whether a fetch failure happened before the request reached the server (refused, no DNS), so any method may be resent. */
function notSent(cause: unknown): boolean {
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' && NOT_SENT_CODES.has(code);
}

function splitParams(spec: RequestSpec): { query?: object; headers?: Record<string, string>; body?: unknown } {
  if (spec.params === undefined) return { query: spec.query, body: renameFields(spec.body, spec.renames) };
  const queryKeys = new Set(spec.queryKeys ?? []);
  const headerKeys = new Set(spec.headerKeys ?? []);
  // Keyed by the API's names: without a prototype, `__proto__` is a field like any other (set with `=` on a plain
  // object it would change the prototype and never be sent).
  const query = Object.create(null) as Record<string, unknown>;
  const headers = Object.create(null) as Record<string, string>;
  const body = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(spec.params)) {
    if (queryKeys.has(key)) query[key] = value;
    else if (headerKeys.has(key)) {
      const text = serializeHeader(value, spec.paramStyles?.[key]);
      if (text !== undefined) headers[key] = text;
    } else body[key] = value;
  }
  if (spec.bodyKey !== undefined) return { query, headers, body: body[spec.bodyKey] };
  const hasBody = spec.bodyEncoding !== undefined && (Object.keys(body).length > 0 || spec.bodyRequired === true);
  return { query, headers, body: hasBody ? renameFields(body, spec.renames) : undefined };
}

/** Puts renamed body fields back under their wire names. */
function renameFields(body: unknown, renames: Readonly<Record<string, string>> | undefined): unknown {
  if (renames === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [Object.hasOwn(renames, key) ? renames[key]! : key, value]),
  );
}

/** The `Content-Type` of a request body: the spec's, JSON by default; none for multipart (`fetch` adds the boundary). */
function contentTypeOf(encoding: BodyEncoding, contentType: string | undefined): string | undefined {
  if (encoding === 'multipart') return undefined;
  return contentType ?? (encoding === 'json' ? 'application/json' : undefined);
}

/** A `ReadableStream`, or one made from an iterator or async iterable of bytes or strings; else undefined. */
function toStream(body: unknown): ReadableStream<Uint8Array> | undefined {
  if (body instanceof ReadableStream) return body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const source = body as Partial<AsyncIterable<unknown> & Iterator<unknown> & Iterable<unknown>>;
  // Iterators and async iterables are streams; an object that is only iterable (a collection with toJSON) is JSON.
  const asyncIterate = source[Symbol.asyncIterator];
  const iterate = typeof source.next === 'function' ? source[Symbol.iterator] : undefined;
  const iterator: AsyncIterator<unknown> | Iterator<unknown> | undefined = asyncIterate
    ? asyncIterate.call(source)
    : iterate?.call(source);
  if (!iterator) return undefined;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : (value as Uint8Array));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
