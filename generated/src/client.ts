// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { TelnyxCore, type ClientOptions } from './core-client.js';
import * as Errors from './core/error.js';
import {
  WellKnown,
  type WellKnownRetrieveAuthorizationServerMetadataResponse,
  type WellKnownRetrieveProtectedResourceMetadataResponse,
} from './resources/well-known.js';
import {
  OAuth,
  type OAuthRetrieveAuthorizeParams,
  type OAuthRetrieveResponse,
  type OAuthGrantsParams,
  type OAuthGrantsResponse,
  type OAuthIntrospectParams,
  type OAuthIntrospectResponse,
  type OAuthRetrieveJwksResponse,
  type OAuthRegisterParams,
  type OAuthRegisterResponse,
  type OAuthTokenParams,
  type OAuthTokenResponse,
} from './resources/oauth.js';
import {
  OAuthClients,
  type OAuthClientListParams,
  type OAuthClientListResponse,
  type OAuthClientsPage,
  type OAuthClientCreateParams,
  type OAuthClientCreateResponse,
  type OAuthClientRetrieveResponse,
  type OAuthClientUpdateParams,
  type OAuthClientUpdateResponse,
} from './resources/oauth-clients.js';
import {
  OAuthGrants,
  type OAuthGrantListParams,
  type OAuthGrantListResponse,
  type OAuthGrantsPage,
  type OAuthGrantRetrieveResponse,
  type OAuthGrantDeleteResponse,
} from './resources/oauth-grants.js';
import {
  type AuthorizationServerMetadata,
  type ConsentTokenResponse,
  type CreateGrantResponse,
  type CreateOAuthGrantRequest,
  type IntrospectRequest,
  type IntrospectResponse,
  type JWKSet,
  type OAuthClient,
  type OAuthClientCreateRequest,
  type OAuthClientUpdateRequest,
  type OAuthDynamicRegistrationRequest,
  type OAuthDynamicRegistrationResponse,
  type OAuthGrant,
  type ResourceMetadata,
  type TokenRequest,
  type TokenResponse,
  type OAuthError,
  type OAuthPaginationMeta,
} from './models.js';
export type { ClientOptions };

/**
 * API client for the Telnyx API (OAuth subset).
 *
 * Telnyx provides global communications and connectivity APIs for developers — including SIP trunking, programmable voice, SMS, MMS, WhatsApp Business Messaging, Call Control, Fax, Wireless (IoT & eSIM), Phone Numbers (DID provisioning & porting), Emergency Services, and Network APIs for private interconnects and edge connectivity. Build, scale, and manage voice, messaging, and data networks with Telnyx's carrier-grade global infrastructure and API-first platform.
 */
export class Telnyx extends TelnyxCore {
  /** The class itself, for `const { Client } = require(...)`-style imports. */
  static readonly Telnyx = this;
  static readonly TelnyxError = Errors.TelnyxError;
  static readonly APIError = Errors.APIError;
  static readonly APIConnectionError = Errors.APIConnectionError;
  static readonly APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static readonly APIUserAbortError = Errors.APIUserAbortError;
  static readonly BadRequestError = Errors.BadRequestError;
  static readonly AuthenticationError = Errors.AuthenticationError;
  static readonly PermissionDeniedError = Errors.PermissionDeniedError;
  static readonly NotFoundError = Errors.NotFoundError;
  static readonly ConflictError = Errors.ConflictError;
  static readonly UnprocessableEntityError = Errors.UnprocessableEntityError;
  static readonly RateLimitError = Errors.RateLimitError;
  static readonly InternalServerError = Errors.InternalServerError;
  #wellKnown: WellKnown | undefined;
  #oauth: OAuth | undefined;
  #oauthClients: OAuthClients | undefined;
  #oauthGrants: OAuthGrants | undefined;

  /** Creates a client. Options not given are read from `TELNYX_*` environment variables. */
  constructor(options: ClientOptions = {}) {
    super(options);
  }

  /** Methods under `wellKnown`. */
  get wellKnown(): WellKnown {
    return (this.#wellKnown ??= new WellKnown(this));
  }

  /** Methods under `oauth`. */
  get oauth(): OAuth {
    return (this.#oauth ??= new OAuth(this));
  }

  /** Methods under `oauthClients`. */
  get oauthClients(): OAuthClients {
    return (this.#oauthClients ??= new OAuthClients(this));
  }

  /** Methods under `oauthGrants`. */
  get oauthGrants(): OAuthGrants {
    return (this.#oauthGrants ??= new OAuthGrants(this));
  }
}

Telnyx.WellKnown = WellKnown;
Telnyx.OAuth = OAuth;
Telnyx.OAuthClients = OAuthClients;
Telnyx.OAuthGrants = OAuthGrants;

export declare namespace Telnyx {
  export type { ClientOptions };
  export { WellKnown as WellKnown, OAuth as OAuth, OAuthClients as OAuthClients, OAuthGrants as OAuthGrants };
  export type {
    AuthorizationServerMetadata as AuthorizationServerMetadata,
    ConsentTokenResponse as ConsentTokenResponse,
    CreateGrantResponse as CreateGrantResponse,
    CreateOAuthGrantRequest as CreateOAuthGrantRequest,
    IntrospectRequest as IntrospectRequest,
    IntrospectResponse as IntrospectResponse,
    JWKSet as JWKSet,
    OAuthClient as OAuthClient,
    OAuthClientCreateRequest as OAuthClientCreateRequest,
    OAuthClientUpdateRequest as OAuthClientUpdateRequest,
    OAuthDynamicRegistrationRequest as OAuthDynamicRegistrationRequest,
    OAuthDynamicRegistrationResponse as OAuthDynamicRegistrationResponse,
    OAuthGrant as OAuthGrant,
    ResourceMetadata as ResourceMetadata,
    TokenRequest as TokenRequest,
    TokenResponse as TokenResponse,
    OAuthError as OAuthError,
    OAuthPaginationMeta as OAuthPaginationMeta,
    WellKnownRetrieveAuthorizationServerMetadataResponse as WellKnownRetrieveAuthorizationServerMetadataResponse,
    WellKnownRetrieveProtectedResourceMetadataResponse as WellKnownRetrieveProtectedResourceMetadataResponse,
    OAuthRetrieveAuthorizeParams as OAuthRetrieveAuthorizeParams,
    OAuthRetrieveResponse as OAuthRetrieveResponse,
    OAuthGrantsParams as OAuthGrantsParams,
    OAuthGrantsResponse as OAuthGrantsResponse,
    OAuthIntrospectParams as OAuthIntrospectParams,
    OAuthIntrospectResponse as OAuthIntrospectResponse,
    OAuthRetrieveJwksResponse as OAuthRetrieveJwksResponse,
    OAuthRegisterParams as OAuthRegisterParams,
    OAuthRegisterResponse as OAuthRegisterResponse,
    OAuthTokenParams as OAuthTokenParams,
    OAuthTokenResponse as OAuthTokenResponse,
    OAuthClientListParams as OAuthClientListParams,
    OAuthClientListResponse as OAuthClientListResponse,
    OAuthClientsPage as OAuthClientsPage,
    OAuthClientCreateParams as OAuthClientCreateParams,
    OAuthClientCreateResponse as OAuthClientCreateResponse,
    OAuthClientRetrieveResponse as OAuthClientRetrieveResponse,
    OAuthClientUpdateParams as OAuthClientUpdateParams,
    OAuthClientUpdateResponse as OAuthClientUpdateResponse,
    OAuthGrantListParams as OAuthGrantListParams,
    OAuthGrantListResponse as OAuthGrantListResponse,
    OAuthGrantsPage as OAuthGrantsPage,
    OAuthGrantRetrieveResponse as OAuthGrantRetrieveResponse,
    OAuthGrantDeleteResponse as OAuthGrantDeleteResponse,
  };
}
