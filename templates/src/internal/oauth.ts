import { APIError, SDKError } from '../core/error.js';
import type { Fetch } from './types.js';

/** Refresh a token this long before the server says it expires, so a request never carries a stale one. */
const EXPIRY_MARGIN_MS = 30_000;

export interface ClientCredentialsOptions {
  /** The token endpoint, resolved against the client's base URL at call time. */
  tokenURL: () => string;
  clientID: string;
  clientSecret: string;
  scopes?: readonly string[] | undefined;
  /** `basic`: HTTP Basic client authentication (the default); `body`: `client_id`/`client_secret` form fields. */
  clientAuth?: 'basic' | 'body' | undefined;
  fetch: Fetch;
  /** Called with each new access token (the client masks it in logs and errors). */
  onToken?: (token: string) => void;
  now?: () => number;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): fetches an access token with a form-urlencoded body, authenticating
 * the client with HTTP Basic (or with form fields, where the spec's token endpoint takes them), caches it until shortly before expiry, and shares one fetch between concurrent callers.
 */
export class ClientCredentialsTokenSource {
  readonly #options: ClientCredentialsOptions;
  #token: { value: string; expiresAt: number } | undefined;
  #inflight: Promise<string> | undefined;

  constructor(options: ClientCredentialsOptions) {
    this.#options = options;
  }

  /** A valid access token, fetched when there is none, it is about to expire, or `refresh` is set. */
  token(refresh = false): Promise<string> {
    const now = (this.#options.now ?? Date.now)();
    if (!refresh && this.#token && now < this.#token.expiresAt) return Promise.resolve(this.#token.value);
    this.#inflight ??= this.#fetchToken().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  /** Forgets the cached token (after the API rejected it). */
  invalidate(rejected?: string): void {
    if (rejected === undefined || this.#token?.value === rejected) this.#token = undefined;
  }

  async #fetchToken(): Promise<string> {
    const { clientID, clientSecret, scopes, clientAuth } = this.#options;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scopes && scopes.length > 0) body.set('scope', scopes.join(' '));
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (clientAuth === 'body') {
      body.set('client_id', clientID);
      body.set('client_secret', clientSecret);
    } else {
      headers['authorization'] = `Basic ${btoa(`${encodeURIComponent(clientID)}:${encodeURIComponent(clientSecret)}`)}`;
    }
    const response = await this.#options.fetch(this.#options.tokenURL(), {
      method: 'POST',
      headers,
      body: body.toString(),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: keep the text for the error.
    }
    if (!response.ok) throw APIError.generate(response.status, parsed, response.headers);
    const record = (parsed && typeof parsed === 'object' ? parsed : {}) as {
      access_token?: unknown;
      expires_in?: unknown;
    };
    if (typeof record.access_token !== 'string' || record.access_token === '') {
      throw new SDKError(`The token endpoint answered ${response.status} without an access_token.`);
    }
    const lifetimeMs = typeof record.expires_in === 'number' ? record.expires_in * 1000 : Number.POSITIVE_INFINITY;
    const margin = Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2);
    this.#options.onToken?.(record.access_token);
    this.#token = { value: record.access_token, expiresAt: (this.#options.now ?? Date.now)() + lifetimeMs - margin };
    return record.access_token;
  }
}
