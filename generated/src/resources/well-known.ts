// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/base-client.js';
import { APIResource } from '../core/resource.js';
import type { Endpoint } from '../internal/endpoint.js';
import type { paths } from '../internal/openapi.js';
import type { AuthorizationServerMetadata, ResourceMetadata } from '../models.js';

/** Methods for `/.well-known/oauth-authorization-server`, `/.well-known/oauth-protected-resource`. */
export class WellKnown extends APIResource {
  /**
   * Authorization server metadata
   *
   * OAuth 2.0 Authorization Server Metadata (RFC 8414)
   */
  retrieveAuthorizationServerMetadata(
    options?: RequestOptions,
  ): APIPromise<WellKnownRetrieveAuthorizationServerMetadataResponse> {
    return this._client.request<WellKnownRetrieveAuthorizationServerMetadataResponse>(
      {
        method: 'get',
        path: '/.well-known/oauth-authorization-server',
        security: [],
        server: 'https://api.telnyx.com',
      } satisfies Endpoint<paths, '/.well-known/oauth-authorization-server', 'get'>,
      options,
    );
  }

  /**
   * Protected resource metadata
   *
   * OAuth 2.0 Protected Resource Metadata for resource discovery
   */
  retrieveProtectedResourceMetadata(
    options?: RequestOptions,
  ): APIPromise<WellKnownRetrieveProtectedResourceMetadataResponse> {
    return this._client.request<WellKnownRetrieveProtectedResourceMetadataResponse>(
      {
        method: 'get',
        path: '/.well-known/oauth-protected-resource',
        security: [],
        server: 'https://api.telnyx.com',
      } satisfies Endpoint<paths, '/.well-known/oauth-protected-resource', 'get'>,
      options,
    );
  }
}

/** Response of `retrieveAuthorizationServerMetadata`: `GET /.well-known/oauth-authorization-server`, Authorization server metadata. */
export type WellKnownRetrieveAuthorizationServerMetadataResponse = AuthorizationServerMetadata;
/** Response of `retrieveProtectedResourceMetadata`: `GET /.well-known/oauth-protected-resource`, Protected resource metadata. */
export type WellKnownRetrieveProtectedResourceMetadataResponse = ResourceMetadata;

export declare namespace WellKnown {
  export {
    type WellKnownRetrieveAuthorizationServerMetadataResponse as WellKnownRetrieveAuthorizationServerMetadataResponse,
    type WellKnownRetrieveProtectedResourceMetadataResponse as WellKnownRetrieveProtectedResourceMetadataResponse,
    type AuthorizationServerMetadata as AuthorizationServerMetadata,
    type ResourceMetadata as ResourceMetadata,
  };
}
