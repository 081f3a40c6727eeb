import createClient from 'openapi-fetch';
import { APIPromise } from './api-promise.js';
import { APIConnectionError, APIError, SDKError } from './error.js';
import { readEnv } from '../internal/env.js';
import { toFormUrlEncoded } from '../internal/form.js';
import { mergeHeaders, type HeadersLike } from '../internal/headers.js';
import { parseResponse, type ResponseKind } from '../internal/response.js';
import { operationBaseURL } from '../internal/url.js';

/** The `fetch` the client calls; defaults to `globalThis.fetch`. */
export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** Options every generated client accepts. */
export interface ClientOptions {
  /** The API key sent as a bearer token. Defaults to the SDK's API key environment variable. */
  apiKey?: string | undefined;
  /** Overrides the API's base URL. Defaults to the SDK's base URL environment variable, then the spec's server. */
  baseURL?: string | undefined;
  /** A custom `fetch` implementation (for proxies, tests or instrumentation). */
  fetch?: Fetch | undefined;
  /** Headers sent with every request; a `null` value removes a header the SDK would send. */
  defaultHeaders?: Record<string, string | null | undefined> | undefined;
}

/** Per-request options, the last argument of every method. */
export interface RequestOptions {
  /** Extra headers for this request; a `null` value removes a header. */
  headers?: HeadersLike | undefined;
  /** Aborts the request. */
  signal?: AbortSignal | undefined;
}

/** What a generated client tells the runtime about its API. Filled in by the generator from the spec and config. */
export interface SDKConfig {
  /** Package name and version, for the `User-Agent`. */
  packageName: string;
  packageVersion: string;
  /** The spec's default server. */
  defaultBaseURL: string;
  /** Environment variables read when the option is not given. */
  apiKeyEnvVar: string;
  baseURLEnvVar: string;
  /** Whether any operation needs credentials, so a missing API key is an error at construction. */
  apiKeyRequired: boolean;
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
  pathParams?: Record<string, string | number | boolean>;
  /** Query parameters, when the operation has no body. */
  query?: object | undefined;
  /** The request body, when the operation has no query or header parameters. */
  body?: unknown;
  /** Parameters mixing query, header and body fields; split by `queryKeys` and `headerKeys`, the rest is the body. */
  params?: object | undefined;
  queryKeys?: readonly string[];
  headerKeys?: readonly string[];
  /** Encoding and content type of the body. */
  bodyEncoding?: BodyEncoding;
  contentType?: string;
  /** How to read a successful response. */
  response: ResponseKind;
  /** Whether the operation takes credentials. */
  secure: boolean;
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
      parseAs: 'stream';
      signal?: AbortSignal | undefined;
    },
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/**
 * The base of every generated client: resolves options against the environment and the spec's defaults, builds each
 * request and hands it to openapi-fetch, and turns non-success statuses into typed errors.
 */
export abstract class BaseClient {
  /** The base URL requests go to. */
  readonly baseURL: string;
  readonly #apiKey: string | undefined;
  readonly #config: SDKConfig;
  readonly #defaultHeaders: ClientOptions['defaultHeaders'];
  readonly #transport: Transport;

  constructor(options: ClientOptions, config: SDKConfig) {
    this.#config = config;
    this.#apiKey = options.apiKey ?? readEnv(config.apiKeyEnvVar);
    if (this.#apiKey === undefined && config.apiKeyRequired) {
      throw new SDKError(
        `The ${config.apiKeyEnvVar} environment variable is missing or empty; either provide it, or instantiate the client with an apiKey option, like new Client({ apiKey: 'My API Key' }).`,
      );
    }
    this.baseURL = (options.baseURL ?? readEnv(config.baseURLEnvVar) ?? config.defaultBaseURL).replace(/\/+$/, '');
    this.#defaultHeaders = options.defaultHeaders;
    const fetchImpl = options.fetch ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init));
    this.#transport = createClient({ fetch: fetchImpl }) as unknown as Transport;
  }

  /** Sends one request; the returned promise resolves to the parsed body. */
  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
    return new APIPromise<T>(this.send(spec, options), (response) => parseResponse<T>(response, spec.response));
  }

  /** Sends the request and answers the `Response` of a success; throws `APIError` subclasses for the rest. */
  protected async send(spec: RequestSpec, options?: RequestOptions): Promise<Response> {
    const { query, headers: headerParams, body } = splitParams(spec);
    const headers = mergeHeaders(
      {
        accept: 'application/json',
        'user-agent': `${this.#config.packageName}/JS ${this.#config.packageVersion}`,
        ...(body !== undefined && spec.contentType ? { 'content-type': spec.contentType } : {}),
      },
      spec.secure ? this.authHeaders() : undefined,
      this.#defaultHeaders,
      headerParams,
      options?.headers,
    );
    let result: Awaited<ReturnType<Transport['request']>>;
    try {
      result = await this.#transport.request(spec.method, spec.path, {
        baseUrl: operationBaseURL(this.baseURL, this.#config.defaultBaseURL, spec.server),
        params: { path: spec.pathParams ?? {}, query: query ?? {} },
        headers,
        body,
        bodySerializer: (value) => serializeBody(value, spec.bodyEncoding ?? 'json'),
        parseAs: 'stream',
        signal: options?.signal,
      });
    } catch (cause) {
      if (cause instanceof SDKError) throw cause;
      throw new APIConnectionError(`Connection error: ${describeCause(cause)}`, { cause });
    }
    const { response, error } = result;
    if (!response.ok) throw APIError.generate(response.status, error, response.headers);
    return response;
  }

  /** The credentials of an authenticated request. */
  protected authHeaders(): Record<string, string> | undefined {
    return this.#apiKey === undefined ? undefined : { authorization: `Bearer ${this.#apiKey}` };
  }
}

function splitParams(spec: RequestSpec): { query?: object; headers?: Record<string, string>; body?: unknown } {
  if (spec.params === undefined) return { query: spec.query, body: spec.body };
  const queryKeys = new Set(spec.queryKeys ?? []);
  const headerKeys = new Set(spec.headerKeys ?? []);
  const query: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec.params)) {
    if (queryKeys.has(key)) query[key] = value;
    else if (headerKeys.has(key)) {
      if (value !== undefined && value !== null) headers[key] = String(value);
    } else body[key] = value;
  }
  const hasBody = spec.bodyEncoding !== undefined && Object.keys(body).length > 0;
  return { query, headers, body: hasBody ? body : undefined };
}

function serializeBody(body: unknown, encoding: BodyEncoding): BodyInit {
  switch (encoding) {
    case 'form':
      return toFormUrlEncoded(body);
    case 'multipart':
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
