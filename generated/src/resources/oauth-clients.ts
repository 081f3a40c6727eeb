// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/base-client.js';
import { APIResource } from '../core/resource.js';
import type { Endpoint } from '../internal/endpoint.js';
import { type Page, type PagePromise, requestPage, nextPageNumber } from '../core/pagination.js';
import type { operations, paths } from '../internal/openapi.js';
import type { OAuthClient, OAuthClientCreateRequest, OAuthClientUpdateRequest } from '../models.js';

/** Methods for `/oauth_clients`, `/oauth_clients/{id}`. */
export class OAuthClients extends APIResource {
  /**
   * List OAuth clients
   *
   * Retrieve a paginated list of OAuth clients for the authenticated user
   */
  list(query: OAuthClientListParams = {}, options?: RequestOptions): PagePromise<OAuthClientListResponse, OAuthClient> {
    return requestPage<OAuthClientListResponse, OAuthClient>(
      this._client,
      { method: 'get', path: '/oauth_clients', query } satisfies Endpoint<paths, '/oauth_clients', 'get'>,
      {
        kind: 'page-number',
        items: ['data'],
        pageParam: 'page[number]',
        currentPage: ['meta', 'page_number'],
        totalPages: ['meta', 'total_pages'],
      },
      options,
      nextPageNumber,
    );
  }

  /**
   * Create OAuth client
   *
   * Create a new OAuth client
   */
  create(body: OAuthClientCreateParams, options?: RequestOptions): APIPromise<OAuthClientCreateResponse> {
    return this._client.request<OAuthClientCreateResponse>(
      { method: 'post', path: '/oauth_clients', body } satisfies Endpoint<paths, '/oauth_clients', 'post'>,
      options,
    );
  }

  /**
   * Get OAuth client
   *
   * Retrieve a single OAuth client by ID
   * @param id - OAuth client ID
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<OAuthClientRetrieveResponse> {
    return this._client.request<OAuthClientRetrieveResponse>(
      { method: 'get', path: '/oauth_clients/{id}', pathParams: { id } } satisfies Endpoint<
        paths,
        '/oauth_clients/{id}',
        'get'
      >,
      options,
    );
  }

  /**
   * Update OAuth client
   *
   * Update an existing OAuth client
   * @param id - OAuth client ID
   */
  update(
    id: string,
    body: OAuthClientUpdateParams = {},
    options?: RequestOptions,
  ): APIPromise<OAuthClientUpdateResponse> {
    return this._client.request<OAuthClientUpdateResponse>(
      { method: 'put', path: '/oauth_clients/{id}', pathParams: { id }, body } satisfies Endpoint<
        paths,
        '/oauth_clients/{id}',
        'put'
      >,
      options,
    );
  }

  /**
   * Delete OAuth client
   *
   * Delete an OAuth client
   * @param id - OAuth client ID
   */
  delete(id: string, options?: RequestOptions): APIPromise<void> {
    return this._client.request<void>(
      { method: 'delete', path: '/oauth_clients/{id}', pathParams: { id }, response: 'void' } satisfies Endpoint<
        paths,
        '/oauth_clients/{id}',
        'delete'
      >,
      options,
    );
  }
}

/** Parameters of `list`: `GET /oauth_clients`, List OAuth clients. */
export type OAuthClientListParams = NonNullable<operations['ListOAuthClients']['parameters']['query']>;
/** Response of `list`: `GET /oauth_clients`, List OAuth clients. */
export type OAuthClientListResponse = operations['ListOAuthClients']['responses'][200]['content']['application/json'];
/** A page of `list`: `GET /oauth_clients`, List OAuth clients. Iterate it with `for await`, or call `getNextPage()`. */
export type OAuthClientsPage = Page<OAuthClientListResponse, OAuthClient>;
/** Parameters of `create`: `POST /oauth_clients`, Create OAuth client. */
export type OAuthClientCreateParams = OAuthClientCreateRequest;
/** Response of `create`: `POST /oauth_clients`, Create OAuth client. */
export type OAuthClientCreateResponse =
  operations['CreateOAuthClient']['responses'][201]['content']['application/json'];
/** Response of `retrieve`: `GET /oauth_clients/{id}`, Get OAuth client. */
export type OAuthClientRetrieveResponse = operations['GetOAuthClient']['responses'][200]['content']['application/json'];
/** Parameters of `update`: `PUT /oauth_clients/{id}`, Update OAuth client. */
export type OAuthClientUpdateParams = OAuthClientUpdateRequest;
/** Response of `update`: `PUT /oauth_clients/{id}`, Update OAuth client. */
export type OAuthClientUpdateResponse =
  operations['UpdateOAuthClient']['responses'][200]['content']['application/json'];

export declare namespace OAuthClients {
  export {
    type OAuthClientListParams as OAuthClientListParams,
    type OAuthClientListResponse as OAuthClientListResponse,
    type OAuthClientsPage as OAuthClientsPage,
    type OAuthClientCreateParams as OAuthClientCreateParams,
    type OAuthClientCreateResponse as OAuthClientCreateResponse,
    type OAuthClientRetrieveResponse as OAuthClientRetrieveResponse,
    type OAuthClientUpdateParams as OAuthClientUpdateParams,
    type OAuthClientUpdateResponse as OAuthClientUpdateResponse,
    type OAuthClient as OAuthClient,
    type OAuthClientCreateRequest as OAuthClientCreateRequest,
    type OAuthClientUpdateRequest as OAuthClientUpdateRequest,
  };
}
