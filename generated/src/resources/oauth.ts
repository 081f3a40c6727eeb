// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/base-client.js';
import { APIResource } from '../core/resource.js';
import type { Endpoint } from '../internal/endpoint.js';
import { formBody } from '../internal/form.js';
import type { operations, paths } from '../internal/openapi.js';
import type {
  ConsentTokenResponse,
  CreateGrantResponse,
  CreateOAuthGrantRequest,
  IntrospectRequest,
  IntrospectResponse,
  JWKSet,
  OAuthDynamicRegistrationRequest,
  OAuthDynamicRegistrationResponse,
  TokenRequest,
  TokenResponse,
} from '../models.js';

/** Methods for `/oauth/authorize`, `/oauth/consent/{consent_token}`, `/oauth/grants`, `/oauth/introspect`, `/oauth/jwks`, `/oauth/register`, `/oauth/token`. */
export class OAuth extends APIResource {
  /**
   * OAuth authorization endpoint
   *
   * OAuth 2.0 authorization endpoint for the authorization code flow
   */
  retrieveAuthorize(query: OAuthRetrieveAuthorizeParams, options?: RequestOptions): APIPromise<void> {
    return this._client.request<void>(
      { method: 'get', path: '/oauth/authorize', query, response: 'void', security: [] } satisfies Endpoint<
        paths,
        '/oauth/authorize',
        'get'
      >,
      options,
    );
  }

  /**
   * Get OAuth consent token
   *
   * Retrieve details about an OAuth consent token
   * @param consentToken - OAuth consent token
   */
  retrieve(consentToken: string, options?: RequestOptions): APIPromise<OAuthRetrieveResponse> {
    return this._client.request<OAuthRetrieveResponse>(
      {
        method: 'get',
        path: '/oauth/consent/{consent_token}',
        pathParams: { consent_token: consentToken },
      } satisfies Endpoint<paths, '/oauth/consent/{consent_token}', 'get'>,
      options,
    );
  }

  /**
   * Create OAuth grant
   *
   * Create an OAuth authorization grant
   */
  grants(body: OAuthGrantsParams, options?: RequestOptions): APIPromise<OAuthGrantsResponse> {
    return this._client.request<OAuthGrantsResponse>(
      { method: 'post', path: '/oauth/grants', body } satisfies Endpoint<paths, '/oauth/grants', 'post'>,
      options,
    );
  }

  /**
   * Token introspection
   *
   * Introspect an OAuth access token to check its validity and metadata
   */
  introspect(body: OAuthIntrospectParams, options?: RequestOptions): APIPromise<OAuthIntrospectResponse> {
    return this._client.request<OAuthIntrospectResponse>(
      {
        method: 'post',
        path: '/oauth/introspect',
        body,
        bodyEncoding: 'form',
        contentType: 'application/x-www-form-urlencoded',
        encode: formBody,
        security: [['oauthClientAuth']],
      } satisfies Endpoint<paths, '/oauth/introspect', 'post'>,
      options,
    );
  }

  /**
   * JSON Web Key Set
   *
   * Retrieve the JSON Web Key Set for token verification
   */
  retrieveJwks(options?: RequestOptions): APIPromise<OAuthRetrieveJwksResponse> {
    return this._client.request<OAuthRetrieveJwksResponse>(
      { method: 'get', path: '/oauth/jwks', security: [] } satisfies Endpoint<paths, '/oauth/jwks', 'get'>,
      options,
    );
  }

  /**
   * Dynamic client registration
   *
   * Register a new OAuth client dynamically (RFC 7591)
   */
  register(body: OAuthRegisterParams = {}, options?: RequestOptions): APIPromise<OAuthRegisterResponse> {
    return this._client.request<OAuthRegisterResponse>(
      { method: 'post', path: '/oauth/register', body, security: [] } satisfies Endpoint<
        paths,
        '/oauth/register',
        'post'
      >,
      options,
    );
  }

  /**
   * OAuth token endpoint
   *
   * Exchange authorization code, client credentials, or refresh token for access token
   */
  token(body: OAuthTokenParams, options?: RequestOptions): APIPromise<OAuthTokenResponse> {
    return this._client.request<OAuthTokenResponse>(
      {
        method: 'post',
        path: '/oauth/token',
        body,
        bodyEncoding: 'form',
        contentType: 'application/x-www-form-urlencoded',
        encode: formBody,
        security: [['oauthClientAuth'], []],
      } satisfies Endpoint<paths, '/oauth/token', 'post'>,
      options,
    );
  }
}

/** Parameters of `retrieveAuthorize`: `GET /oauth/authorize`, OAuth authorization endpoint. */
export type OAuthRetrieveAuthorizeParams = NonNullable<operations['AuthorizeOAuth']['parameters']['query']>;
/** Response of `retrieve`: `GET /oauth/consent/{consent_token}`, Get OAuth consent token. */
export type OAuthRetrieveResponse = ConsentTokenResponse;
/** Parameters of `grants`: `POST /oauth/grants`, Create OAuth grant. */
export type OAuthGrantsParams = CreateOAuthGrantRequest;
/** Response of `grants`: `POST /oauth/grants`, Create OAuth grant. */
export type OAuthGrantsResponse = CreateGrantResponse;
/** Parameters of `introspect`: `POST /oauth/introspect`, Token introspection. */
export type OAuthIntrospectParams = IntrospectRequest;
/** Response of `introspect`: `POST /oauth/introspect`, Token introspection. */
export type OAuthIntrospectResponse = IntrospectResponse;
/** Response of `retrieveJwks`: `GET /oauth/jwks`, JSON Web Key Set. */
export type OAuthRetrieveJwksResponse = JWKSet;
/** Parameters of `register`: `POST /oauth/register`, Dynamic client registration. */
export type OAuthRegisterParams = OAuthDynamicRegistrationRequest;
/** Response of `register`: `POST /oauth/register`, Dynamic client registration. */
export type OAuthRegisterResponse = OAuthDynamicRegistrationResponse;
/** Parameters of `token`: `POST /oauth/token`, OAuth token endpoint. */
export type OAuthTokenParams = TokenRequest;
/** Response of `token`: `POST /oauth/token`, OAuth token endpoint. */
export type OAuthTokenResponse = TokenResponse;

export declare namespace OAuth {
  export {
    type OAuthRetrieveAuthorizeParams as OAuthRetrieveAuthorizeParams,
    type OAuthRetrieveResponse as OAuthRetrieveResponse,
    type OAuthGrantsParams as OAuthGrantsParams,
    type OAuthGrantsResponse as OAuthGrantsResponse,
    type OAuthIntrospectParams as OAuthIntrospectParams,
    type OAuthIntrospectResponse as OAuthIntrospectResponse,
    type OAuthRetrieveJwksResponse as OAuthRetrieveJwksResponse,
    type OAuthRegisterParams as OAuthRegisterParams,
    type OAuthRegisterResponse as OAuthRegisterResponse,
    type OAuthTokenParams as OAuthTokenParams,
    type OAuthTokenResponse as OAuthTokenResponse,
    type ConsentTokenResponse as ConsentTokenResponse,
    type CreateGrantResponse as CreateGrantResponse,
    type CreateOAuthGrantRequest as CreateOAuthGrantRequest,
    type IntrospectRequest as IntrospectRequest,
    type IntrospectResponse as IntrospectResponse,
    type JWKSet as JWKSet,
    type OAuthDynamicRegistrationRequest as OAuthDynamicRegistrationRequest,
    type OAuthDynamicRegistrationResponse as OAuthDynamicRegistrationResponse,
    type TokenRequest as TokenRequest,
    type TokenResponse as TokenResponse,
  };
}
