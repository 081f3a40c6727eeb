// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { BaseClient, type ClientOptions as BaseClientOptions } from './core/base-client.js';
import { WellKnown } from './resources/well-known.js';
import { OAuth } from './resources/oauth.js';
import { OAuthClients } from './resources/oauth-clients.js';
import { OAuthGrants } from './resources/oauth-grants.js';

/** Options of the {@link Telnyx} client. */
export interface ClientOptions extends Omit<BaseClientOptions, 'username' | 'password'> {
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
   * Defaults to `process.env['TELNYX_BASE_URL']`, then `https://api.telnyx.com/v2`.
   */
  baseURL?: string | undefined;
}

/**
 * API client for the Telnyx API (OAuth subset).
 *
 * Telnyx provides global communications and connectivity APIs for developers — including SIP trunking, programmable voice, SMS, MMS, WhatsApp Business Messaging, Call Control, Fax, Wireless (IoT & eSIM), Phone Numbers (DID provisioning & porting), Emergency Services, and Network APIs for private interconnects and edge connectivity. Build, scale, and manage voice, messaging, and data networks with Telnyx's carrier-grade global infrastructure and API-first platform.
 */
export class Telnyx extends BaseClient {
  /** Methods under `wellKnown`. */
  readonly wellKnown: WellKnown = new WellKnown(this);
  /** Methods under `oauth`. */
  readonly oauth: OAuth = new OAuth(this);
  /** Methods under `oauthClients`. */
  readonly oauthClients: OAuthClients = new OAuthClients(this);
  /** Methods under `oauthGrants`. */
  readonly oauthGrants: OAuthGrants = new OAuthGrants(this);

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
    });
  }
}
