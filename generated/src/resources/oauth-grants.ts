// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/base-client.js';
import { APIResource } from '../core/resource.js';
import type { Endpoint } from '../internal/endpoint.js';
import { type Page, type PagePromise, requestPage, nextPageNumber } from '../core/pagination.js';
import type { operations, paths } from '../internal/openapi.js';
import type { OAuthGrant } from '../models.js';

/** Methods for `/oauth_grants`, `/oauth_grants/{id}`. */
export class OAuthGrants extends APIResource {
  /**
   * List OAuth grants
   *
   * Retrieve a paginated list of OAuth grants for the authenticated user
   */
  list(query: OAuthGrantListParams = {}, options?: RequestOptions): PagePromise<OAuthGrantListResponse, OAuthGrant> {
    return requestPage<OAuthGrantListResponse, OAuthGrant>(
      this._client,
      { method: 'get', path: '/oauth_grants', query } satisfies Endpoint<paths, '/oauth_grants', 'get'>,
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
   * Get OAuth grant
   *
   * Retrieve a single OAuth grant by ID
   * @param id - OAuth grant ID
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<OAuthGrantRetrieveResponse> {
    return this._client.request<OAuthGrantRetrieveResponse>(
      { method: 'get', path: '/oauth_grants/{id}', pathParams: { id } } satisfies Endpoint<
        paths,
        '/oauth_grants/{id}',
        'get'
      >,
      options,
    );
  }

  /**
   * Revoke OAuth grant
   *
   * Revoke an OAuth grant
   * @param id - OAuth grant ID
   */
  delete(id: string, options?: RequestOptions): APIPromise<OAuthGrantDeleteResponse> {
    return this._client.request<OAuthGrantDeleteResponse>(
      { method: 'delete', path: '/oauth_grants/{id}', pathParams: { id } } satisfies Endpoint<
        paths,
        '/oauth_grants/{id}',
        'delete'
      >,
      options,
    );
  }
}

/** Parameters of `list`: `GET /oauth_grants`, List OAuth grants. */
export type OAuthGrantListParams = NonNullable<operations['ListOAuthGrants']['parameters']['query']>;
/** Response of `list`: `GET /oauth_grants`, List OAuth grants. */
export type OAuthGrantListResponse = operations['ListOAuthGrants']['responses'][200]['content']['application/json'];
/** A page of `list`: `GET /oauth_grants`, List OAuth grants. Iterate it with `for await`, or call `getNextPage()`. */
export type OAuthGrantsPage = Page<OAuthGrantListResponse, OAuthGrant>;
/** Response of `retrieve`: `GET /oauth_grants/{id}`, Get OAuth grant. */
export type OAuthGrantRetrieveResponse = operations['GetOAuthGrant']['responses'][200]['content']['application/json'];
/** Response of `delete`: `DELETE /oauth_grants/{id}`, Revoke OAuth grant. */
export type OAuthGrantDeleteResponse = operations['RevokeOAuthGrant']['responses'][200]['content']['application/json'];

export declare namespace OAuthGrants {
  export {
    type OAuthGrantListParams as OAuthGrantListParams,
    type OAuthGrantListResponse as OAuthGrantListResponse,
    type OAuthGrantsPage as OAuthGrantsPage,
    type OAuthGrantRetrieveResponse as OAuthGrantRetrieveResponse,
    type OAuthGrantDeleteResponse as OAuthGrantDeleteResponse,
    type OAuthGrant as OAuthGrant,
  };
}
