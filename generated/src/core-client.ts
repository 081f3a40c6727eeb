// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { BaseClient, type ClientOptions as BaseClientOptions } from './core/base-client.js';
import type { TypedClient } from './internal/openapi-fetch.js';
import type { paths } from './internal/openapi.js';
import { ClientCredentialsTokenSource } from './internal/oauth.js';

/** Options of the {@link Telnyx} client. */
export interface ClientOptions extends Omit<BaseClientOptions, 'username' | 'password' | 'environment'> {
  /**
   * The API key, sent as a bearer token.
   *
   * Defaults to `process.env['TELNYX_API_KEY']`.
   */
  apiKey?: string | undefined;
  /**
   * OAuth 2.0 client ID: with `clientSecret`, the client fetches and refreshes access tokens itself.
   *
   * Defaults to `process.env['TELNYX_CLIENT_ID']`.
   */
  clientID?: string | undefined;
  /**
   * OAuth 2.0 client secret.
   *
   * Defaults to `process.env['TELNYX_CLIENT_SECRET']`.
   */
  clientSecret?: string | undefined;
  /**
   * Overrides the base URL of the API.
   *
   * Defaults to `process.env['TELNYX_BASE_URL']`, then `https://api.telnyx.com/v2`; `null` is `https://api.telnyx.com/v2` whatever the environment says.
   */
  baseURL?: string | null | undefined;
}

/** The Telnyx client without its resources: hand it to a resource class imported alone, for the smallest bundle. */
export class TelnyxCore extends BaseClient {
  /** Creates a client. Options not given are read from `TELNYX_*` environment variables. */
  constructor(options: ClientOptions = {}) {
    super(options, {
      packageName: 'telnyx',
      packageVersion: '0.1.0',
      defaultBaseURL: 'https://api.telnyx.com/v2',
      envPrefix: 'TELNYX',
      securitySchemes: {
        bearerAuth: { type: 'bearer' },
        oauthClientAuth: {
          type: 'oauth2',
          tokenUrl: 'https://api.telnyx.com/v2/oauth/token',
          scopes: ['admin'],
          clientAuth: 'body',
        },
      },
      security: [['bearerAuth']],
      requiresCredentials: true,
      tokenSource: ClientCredentialsTokenSource,
    });
  }

  /**
   * openapi-fetch's client for any operation of the API by path and method, typed by the spec (`paths`):
   * `await client.fetch.GET(path, { params: { path, query } })` answers `{ data, error, response }`, an error
   * status in `error`. It sends with the client's credentials (to the base URL's origin only), default
   * headers, retries, timeouts and redirects; a request that gets no response throws the SDK's errors.
   */
  get fetch(): TypedClient<paths> {
    return this.openapiFetch() as TypedClient<paths>;
  }
}
