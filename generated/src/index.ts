// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

export { Telnyx as default, Telnyx } from './client.js';
export type { ClientOptions } from './client.js';
export { TelnyxCore } from './core-client.js';
export type { Fetch, Logger, LogLevel, RequestOptions } from './core/base-client.js';
export { APIPromise } from './core/api-promise.js';
export type { APIResponse } from './core/api-promise.js';
export { Page, PagePromise } from './core/pagination.js';
export { Stream } from './core/streaming.js';
export type { ServerSentEvent } from './core/streaming.js';
export { toFile } from './core/uploads.js';
export type { ToFileInput, Uploadable } from './core/uploads.js';
export {
  TelnyxError,
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
} from './core/error.js';
export type {
  AuthorizationServerMetadata,
  ConsentTokenResponse,
  CreateGrantResponse,
  CreateOAuthGrantRequest,
  IntrospectRequest,
  IntrospectResponse,
  JWKSet,
  OAuthClient,
  OAuthClientCreateRequest,
  OAuthClientUpdateRequest,
  OAuthDynamicRegistrationRequest,
  OAuthDynamicRegistrationResponse,
  OAuthGrant,
  ResourceMetadata,
  TokenRequest,
  TokenResponse,
  OAuthError,
  OAuthPaginationMeta,
} from './models.js';
export type {
  WellKnownRetrieveAuthorizationServerMetadataResponse,
  WellKnownRetrieveProtectedResourceMetadataResponse,
} from './resources/well-known.js';
export type {
  OAuthRetrieveAuthorizeParams,
  OAuthRetrieveResponse,
  OAuthGrantsParams,
  OAuthGrantsResponse,
  OAuthIntrospectParams,
  OAuthIntrospectResponse,
  OAuthRetrieveJwksResponse,
  OAuthRegisterParams,
  OAuthRegisterResponse,
  OAuthTokenParams,
  OAuthTokenResponse,
} from './resources/oauth.js';
export type {
  OAuthClientListParams,
  OAuthClientListResponse,
  OAuthClientsPage,
  OAuthClientCreateParams,
  OAuthClientCreateResponse,
  OAuthClientRetrieveResponse,
  OAuthClientUpdateParams,
  OAuthClientUpdateResponse,
} from './resources/oauth-clients.js';
export type {
  OAuthGrantListParams,
  OAuthGrantListResponse,
  OAuthGrantsPage,
  OAuthGrantRetrieveResponse,
  OAuthGrantDeleteResponse,
} from './resources/oauth-grants.js';
