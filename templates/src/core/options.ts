// The options of a client and of a request, and the config a generated client hands the runtime: the types users
// write against, apart from the client that reads them (core/base-client.ts).
import type { AuthScheme } from '../internal/auth.js';
import type { HeadersLike } from '../internal/headers.js';
import type { Logger, LogLevel } from '../internal/logger.js';
import type { ClientCredentialsTokenSource } from '../internal/oauth.js';
import type { SchemeKeyOption, SchemeKeys } from '../internal/scheme-keys.js';
import type { Fetch } from '../internal/types.js';
import type { HTTPMethod } from './request-spec.js';

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
  /**
   * Overrides the API's base URL. Defaults to `<PREFIX>_BASE_URL`, then the spec's server; `null` is the spec's server
   * whatever the environment says, as in the official SDKs.
   */
  baseURL?: string | null | undefined;
  /**
   * One of the API's servers by name, for specs with more than one (the first is the default; the generated client
   * turns it into the base URL, internal/environments). With it, `baseURL` must be `null` or unset and
   * `<PREFIX>_BASE_URL` unset, as in the official SDKs.
   */
  environment?: string | undefined;
  /** Milliseconds before a request (each attempt, response body included) times out. Default 60 000. */
  timeout?: number | undefined;
  /** How many times a failed request is retried. Default 2. */
  maxRetries?: number | undefined;
  /** A custom `fetch` implementation (for proxies, tests or instrumentation). It is called with `redirect: 'manual'`. */
  fetch?: Fetch | undefined;
  /**
   * The most bytes a JSON or text response body may have; a larger one is refused (an `SDKError`) while it streams,
   * before it fills memory. Default 100 MB. Binary downloads, server-sent events and `asResponse()` are not bounded:
   * they are streams, read by the caller.
   */
  maxResponseSize?: number | undefined;
  /**
   * Follow next-page links (in a body or a `Link` header) to another origin than the request's, sending them without
   * credentials. Default `false`: such a link is an `SDKError`, as it sends the request where the API does not live.
   */
  followCrossOriginPages?: boolean | undefined;
  /** Extra `RequestInit` fields for every request (e.g. `dispatcher` for undici, `keepalive`). */
  fetchOptions?: RequestInit | undefined;
  /**
   * Headers sent with every request (a record, a `Headers` or `[name, value]` pairs); a `null` value removes a header
   * the SDK would send. The `<PREFIX>_CUSTOM_HEADERS` environment variable (`Name: value` lines) adds headers under
   * these.
   */
  defaultHeaders?: HeadersLike | undefined;
  /** Query parameters sent with every request. */
  defaultQuery?: Record<string, string | undefined> | undefined;
  /** How much to log. Defaults to the `<PREFIX>_LOG` environment variable, then `warn`. */
  logLevel?: LogLevel | undefined;
  /** Where logs go. Default: `console`. */
  logger?: Logger | undefined;
}

/**
 * Per-request options, the last argument of every method. Each overrides what the method would send: `path` and
 * `method` replace the operation's, `query` keys and `headers` are merged over the method's (`null` removes a header),
 * `body` replaces the body.
 */
export interface RequestOptions {
  /** Sends the request to this path (under the base URL) or absolute URL instead of the operation's. */
  path?: string | undefined;
  /** Sends the request with this HTTP method instead of the operation's. */
  method?: HTTPMethod | Uppercase<HTTPMethod> | undefined;
  /** Query parameters for this request, merged over the method's; an `undefined` value removes one. */
  query?: Record<string, unknown> | null | undefined;
  /** The request body, instead of the one the method would send. */
  body?: unknown;
  /** Extra headers for this request; a `null` value removes a header. */
  headers?: HeadersLike | undefined;
  /** Milliseconds before this request (each attempt, response body included) times out. */
  timeout?: number | undefined;
  /** How many times this request is retried. */
  maxRetries?: number | undefined;
  /** Aborts the request at once; an aborted request is never retried. */
  signal?: AbortSignal | null | undefined;
  /** The idempotency key of this call (default: a new one per call, reused by its retries, where the API takes one). */
  idempotencyKey?: string | undefined;
  /** Extra `RequestInit` fields for this request, over the client's `fetchOptions`. */
  fetchOptions?: RequestInit | undefined;
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
  /**
   * The option carrying the API key and its environment variable, where the API's own SDK names them otherwise than
   * `apiKey` and `<PREFIX>_API_KEY` (`bearerToken`, `ACME_TOKEN`).
   */
  keyOption?: { name: string; env: string };
  /** The spec's security schemes, by name. */
  securitySchemes: Readonly<Record<string, AuthScheme>>;
  /** The spec's top-level security requirements: what an operation that states none of its own needs. */
  security: readonly (readonly string[])[];
  /**
   * The OAuth 2.0 client-credentials flow (`ClientCredentialsTokenSource` from internal/oauth), given by clients whose
   * spec has a `tokenUrl`, so that other SDKs do not bundle it.
   */
  tokenSource?: typeof ClientCredentialsTokenSource;
  /** Schemes with a key of their own beside `apiKey` (internal/scheme-keys): scheme name -> client option and env var. */
  schemeKeyOptions?: Readonly<Record<string, SchemeKeyOption>>;
  /** How those keys are read and checked (`SchemeKeys` from internal/scheme-keys), given with `schemeKeyOptions`. */
  schemeKeys?: typeof SchemeKeys;
  /** Every operation's security requirements, to tell at construction whether credentials are needed. */
  requiresCredentials: boolean;
  /** The header that carries idempotency keys, when the API has one. */
  idempotencyHeader?: string;
  /** Header names (API keys) and body fields (`writeOnly`, `format: password`) to mask in logs. */
  secretHeaders?: readonly string[];
  secretFields?: readonly string[];
}
