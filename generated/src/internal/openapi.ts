// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

export interface paths {
  '/.well-known/oauth-authorization-server': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Authorization server metadata
     * @description OAuth 2.0 Authorization Server Metadata (RFC 8414)
     */
    get: operations['GetOAuthAuthorizationServerMetadata'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/oauth-protected-resource': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Protected resource metadata
     * @description OAuth 2.0 Protected Resource Metadata for resource discovery
     */
    get: operations['GetOAuthProtectedResourceMetadata'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth/authorize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * OAuth authorization endpoint
     * @description OAuth 2.0 authorization endpoint for the authorization code flow
     */
    get: operations['AuthorizeOAuth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth/consent/{consent_token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get OAuth consent token
     * @description Retrieve details about an OAuth consent token
     */
    get: operations['GetOAuthConsentToken'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth/grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create OAuth grant
     * @description Create an OAuth authorization grant
     */
    post: operations['CreateOAuthGrant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth/introspect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Token introspection
     * @description Introspect an OAuth access token to check its validity and metadata
     */
    post: operations['IntrospectOAuthToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth/jwks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * JSON Web Key Set
     * @description Retrieve the JSON Web Key Set for token verification
     */
    get: operations['GetOAuthJWKS'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dynamic client registration
     * @description Register a new OAuth client dynamically (RFC 7591)
     */
    post: operations['RegisterOAuthClient'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * OAuth token endpoint
     * @description Exchange authorization code, client credentials, or refresh token for access token
     */
    post: operations['ExchangeOAuthToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth_clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List OAuth clients
     * @description Retrieve a paginated list of OAuth clients for the authenticated user
     */
    get: operations['ListOAuthClients'];
    put?: never;
    /**
     * Create OAuth client
     * @description Create a new OAuth client
     */
    post: operations['CreateOAuthClient'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth_clients/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get OAuth client
     * @description Retrieve a single OAuth client by ID
     */
    get: operations['GetOAuthClient'];
    /**
     * Update OAuth client
     * @description Update an existing OAuth client
     */
    put: operations['UpdateOAuthClient'];
    post?: never;
    /**
     * Delete OAuth client
     * @description Delete an OAuth client
     */
    delete: operations['DeleteOAuthClient'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth_grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List OAuth grants
     * @description Retrieve a paginated list of OAuth grants for the authenticated user
     */
    get: operations['ListOAuthGrants'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth_grants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get OAuth grant
     * @description Retrieve a single OAuth grant by ID
     */
    get: operations['GetOAuthGrant'];
    put?: never;
    post?: never;
    /**
     * Revoke OAuth grant
     * @description Revoke an OAuth grant
     */
    delete: operations['RevokeOAuthGrant'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AuthorizationServerMetadata: {
      /**
       * Format: uri
       * @description Authorization endpoint URL
       */
      authorization_endpoint?: string;
      /** @description Supported PKCE code challenge methods */
      code_challenge_methods_supported?: string[];
      /** @description Supported grant types */
      grant_types_supported?: string[];
      /**
       * Format: uri
       * @description Token introspection endpoint URL
       */
      introspection_endpoint?: string;
      /**
       * Format: uri
       * @description Authorization server issuer URL
       */
      issuer?: string;
      /**
       * Format: uri
       * @description JWK Set endpoint URL
       */
      jwks_uri?: string;
      /**
       * Format: uri
       * @description Dynamic client registration endpoint URL
       */
      registration_endpoint?: string;
      /** @description Supported response types */
      response_types_supported?: string[];
      /**
       * @description Supported OAuth scopes
       * @example [
       *       "admin"
       *     ]
       */
      scopes_supported?: string[];
      /**
       * Format: uri
       * @description Token endpoint URL
       */
      token_endpoint?: string;
      /** @description Supported token endpoint authentication methods */
      token_endpoint_auth_methods_supported?: string[];
    };
    ConsentTokenResponse: {
      data?: {
        /** @description Client ID */
        client_id?: string;
        /**
         * Format: uri
         * @description URL of the client logo
         */
        logo_uri?: string | null;
        /** @description Client name */
        name?: string;
        /**
         * Format: uri
         * @description URL of the client's privacy policy
         */
        policy_uri?: string | null;
        /**
         * Format: uri
         * @description The redirect URI for this authorization
         */
        redirect_uri?: string;
        requested_scopes?: {
          /** @description Scope description */
          description?: string;
          /** @description Scope ID */
          id?: string;
          /** @description Scope name */
          name?: string;
        }[];
        /**
         * Format: uri
         * @description URL of the client's terms of service
         */
        tos_uri?: string | null;
        /** @description Whether the client is verified */
        verified?: boolean;
      };
    };
    CreateGrantResponse: {
      /**
       * Format: uri
       * @description Redirect URI with authorization code or error
       */
      redirect_uri: string;
    };
    CreateOAuthGrantRequest: {
      /** @description Whether the grant is allowed */
      allowed: boolean;
      /** @description Consent token */
      consent_token: string;
    };
    IntrospectRequest: {
      /** @description The token to introspect */
      token: string;
    };
    IntrospectResponse: {
      /** @description Whether the token is active */
      active: boolean;
      /** @description Audience */
      aud?: string;
      /** @description Client identifier */
      client_id?: string;
      /** @description Expiration timestamp */
      exp?: number;
      /** @description Issued at timestamp */
      iat?: number;
      /** @description Issuer */
      iss?: string;
      /** @description Space-separated list of scopes */
      scope?: string;
    };
    JWKSet: {
      keys?: {
        /** @description Algorithm */
        alg?: string;
        /** @description Key ID */
        kid?: string;
        /** @description Key type */
        kty?: string;
        /** @description Key use */
        use?: string;
      }[];
    };
    OAuthClient: {
      /** @description List of allowed OAuth grant types */
      allowed_grant_types?: ('client_credentials' | 'authorization_code' | 'refresh_token')[];
      /** @description List of allowed OAuth scopes */
      allowed_scopes?: string[];
      /** @description OAuth client identifier */
      client_id: string;
      /** @description Client secret (only included when available, for confidential clients) */
      client_secret?: string | null;
      /**
       * @description OAuth client type
       * @enum {string}
       */
      client_type: 'public' | 'confidential';
      /**
       * Format: date-time
       * @description Timestamp when the client was created
       */
      created_at: string;
      /**
       * Format: uri
       * @description URL of the client logo
       */
      logo_uri?: string | null;
      /** @description Human-readable name for the OAuth client */
      name: string;
      /** @description Organization ID that owns this OAuth client */
      org_id: string;
      /**
       * Format: uri
       * @description URL of the client's privacy policy
       */
      policy_uri?: string | null;
      /**
       * @description Record type identifier
       * @enum {string}
       */
      record_type: 'oauth_client';
      /** @description List of allowed redirect URIs */
      redirect_uris?: string[];
      /** @description Whether PKCE (Proof Key for Code Exchange) is required for this client */
      require_pkce: boolean;
      /**
       * Format: uri
       * @description URL of the client's terms of service
       */
      tos_uri?: string | null;
      /**
       * Format: date-time
       * @description Timestamp when the client was last updated
       */
      updated_at: string;
      /** @description User ID that created this OAuth client */
      user_id: string;
    };
    OAuthClientCreateRequest: {
      /** @description List of allowed OAuth grant types */
      allowed_grant_types: ('client_credentials' | 'authorization_code' | 'refresh_token')[];
      /**
       * @description List of allowed OAuth scopes
       * @example [
       *       "admin"
       *     ]
       */
      allowed_scopes: string[];
      /**
       * @description OAuth client type
       * @enum {string}
       */
      client_type: 'public' | 'confidential';
      /**
       * Format: uri
       * @description URL of the client logo
       */
      logo_uri?: string;
      /**
       * @description The name of the OAuth client
       * @example My OAuth client
       */
      name: string;
      /**
       * Format: uri
       * @description URL of the client's privacy policy
       */
      policy_uri?: string;
      /**
       * @description List of redirect URIs (required for authorization_code flow)
       * @default []
       */
      redirect_uris?: string[];
      /**
       * @description Whether PKCE (Proof Key for Code Exchange) is required for this client
       * @default false
       */
      require_pkce?: boolean;
      /**
       * Format: uri
       * @description URL of the client's terms of service
       */
      tos_uri?: string;
    };
    OAuthClientUpdateRequest: {
      /** @description List of allowed OAuth grant types */
      allowed_grant_types?: ('client_credentials' | 'authorization_code' | 'refresh_token')[];
      /**
       * @description List of allowed OAuth scopes
       * @example [
       *       "admin"
       *     ]
       */
      allowed_scopes?: string[];
      /**
       * Format: uri
       * @description URL of the client logo
       */
      logo_uri?: string;
      /** @description The name of the OAuth client */
      name?: string;
      /**
       * Format: uri
       * @description URL of the client's privacy policy
       */
      policy_uri?: string;
      /** @description List of redirect URIs */
      redirect_uris?: string[];
      /** @description Whether PKCE (Proof Key for Code Exchange) is required for this client */
      require_pkce?: boolean;
      /**
       * Format: uri
       * @description URL of the client's terms of service
       */
      tos_uri?: string;
    };
    OAuthDynamicRegistrationRequest: {
      /**
       * @description Human-readable string name of the client to be presented to the end-user
       * @example My OAuth Application
       */
      client_name?: string;
      /**
       * @description Array of OAuth 2.0 grant type strings that the client may use
       * @default [
       *       "authorization_code"
       *     ]
       */
      grant_types?: ('authorization_code' | 'client_credentials' | 'refresh_token')[];
      /**
       * Format: uri
       * @description URL of the client logo
       */
      logo_uri?: string;
      /**
       * Format: uri
       * @description URL of the client's privacy policy
       */
      policy_uri?: string;
      /**
       * @description Array of redirection URI strings for use in redirect-based flows
       * @example [
       *       "https://example.com/callback"
       *     ]
       */
      redirect_uris?: string[];
      /**
       * @description Array of the OAuth 2.0 response type strings that the client may use
       * @default [
       *       "code"
       *     ]
       */
      response_types?: string[];
      /**
       * @description Space-separated string of scope values that the client may use
       * @example admin
       */
      scope?: string;
      /**
       * @description Authentication method for the token endpoint
       * @default client_secret_basic
       * @enum {string}
       */
      token_endpoint_auth_method?: 'none' | 'client_secret_basic' | 'client_secret_post';
      /**
       * Format: uri
       * @description URL of the client's terms of service
       */
      tos_uri?: string;
    };
    OAuthDynamicRegistrationResponse: {
      /**
       * @description Unique client identifier
       * @example abc123def456
       */
      client_id: string;
      /** @description Unix timestamp of when the client ID was issued */
      client_id_issued_at: number;
      /** @description Human-readable client name */
      client_name?: string;
      /** @description Client secret (only for confidential clients) */
      client_secret?: string;
      /** @description Array of allowed grant types */
      grant_types?: string[];
      /**
       * Format: uri
       * @description URL of the client logo
       */
      logo_uri?: string;
      /**
       * Format: uri
       * @description URL of the client's privacy policy
       */
      policy_uri?: string;
      /** @description Array of redirection URIs */
      redirect_uris?: string[];
      /** @description Array of allowed response types */
      response_types?: string[];
      /** @description Space-separated scope values */
      scope?: string;
      /** @description Token endpoint authentication method */
      token_endpoint_auth_method?: string;
      /**
       * Format: uri
       * @description URL of the client's terms of service
       */
      tos_uri?: string;
    };
    OAuthGrant: {
      /** @description OAuth client identifier */
      client_id: string;
      /**
       * Format: date-time
       * @description Timestamp when the grant was created
       */
      created_at: string;
      /**
       * Format: uuid
       * @description Unique identifier for the OAuth grant
       */
      id: string;
      /**
       * Format: date-time
       * @description Timestamp when the grant was last used
       */
      last_used_at?: string | null;
      /**
       * @description Record type identifier
       * @enum {string}
       */
      record_type: 'oauth_grant';
      /** @description List of granted OAuth scopes */
      scopes: string[];
    };
    ResourceMetadata: {
      /** @description List of authorization server URLs */
      authorization_servers?: string[];
      /**
       * Format: uri
       * @description Protected resource URL
       */
      resource?: string;
    };
    TokenRequest: {
      /** @description OAuth client ID (if not using HTTP Basic auth) */
      client_id?: string;
      /** @description OAuth client secret (if not using HTTP Basic auth) */
      client_secret?: string;
      /** @description Authorization code (for authorization_code flow) */
      code?: string;
      /** @description PKCE code verifier (for authorization_code flow) */
      code_verifier?: string;
      /**
       * @description OAuth 2.0 grant type
       * @enum {string}
       */
      grant_type: 'client_credentials' | 'authorization_code' | 'refresh_token';
      /**
       * Format: uri
       * @description Redirect URI (for authorization_code flow)
       */
      redirect_uri?: string;
      /** @description Refresh token (for refresh_token flow) */
      refresh_token?: string;
      /**
       * @description Space-separated list of requested scopes (for client_credentials)
       * @example admin
       */
      scope?: string;
    };
    TokenResponse: {
      /** @description The access token */
      access_token: string;
      /** @description Token lifetime in seconds */
      expires_in: number;
      /** @description Refresh token (if applicable) */
      refresh_token?: string;
      /** @description Space-separated list of granted scopes */
      scope?: string;
      /**
       * @description Token type
       * @enum {string}
       */
      token_type: 'Bearer';
    };
    oauth_Error: {
      /** @description Error code */
      error: string;
      /** @description Human-readable error description */
      error_description?: string;
    };
    oauth_PaginationMeta: {
      /** @description Current page number */
      page_number?: number;
      /** @description Number of items per page */
      page_size?: number;
      /** @description Total number of pages */
      total_pages?: number;
      /** @description Total number of results */
      total_results?: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GetOAuthAuthorizationServerMetadata: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Authorization server metadata */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthorizationServerMetadata'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  GetOAuthProtectedResourceMetadata: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Protected resource metadata */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResourceMetadata'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  AuthorizeOAuth: {
    parameters: {
      query: {
        /** @description OAuth response type */
        response_type: 'code';
        /** @description OAuth client identifier */
        client_id: string;
        /** @description Redirect URI */
        redirect_uri: string;
        /**
         * @description Space-separated list of requested scopes
         * @example admin
         */
        scope?: string;
        /** @description State parameter for CSRF protection */
        state?: string;
        /** @description PKCE code challenge */
        code_challenge?: string;
        /** @description PKCE code challenge method */
        code_challenge_method?: 'plain' | 'S256';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Consent page displayed (when consent UI is embedded) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Redirect to consent page or client with authorization code/error */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description Client not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description Invalid redirect URI */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  GetOAuthConsentToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description OAuth consent token */
        consent_token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Consent token details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsentTokenResponse'];
        };
      };
      /** @description Invalid consent token */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  CreateOAuthGrant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOAuthGrantRequest'];
      };
    };
    responses: {
      /** @description Grant created successfully */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateGrantResponse'];
        };
      };
      /** @description Invalid consent token */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  IntrospectOAuthToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IntrospectRequest'];
        'application/x-www-form-urlencoded': components['schemas']['IntrospectRequest'];
      };
    };
    responses: {
      /** @description Introspection response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntrospectResponse'];
        };
      };
      /** @description Invalid request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": "invalid_request"
           *     }
           */
          'application/json': components['schemas']['oauth_Error'];
        };
      };
      /** @description Invalid client credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": "invalid_client"
           *     }
           */
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  GetOAuthJWKS: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description JSON Web Key Set */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JWKSet'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  RegisterOAuthClient: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OAuthDynamicRegistrationRequest'];
      };
    };
    responses: {
      /** @description Client registered successfully */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OAuthDynamicRegistrationResponse'];
        };
      };
      /** @description Invalid client metadata */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example invalid_client_metadata */
            error?: string;
            /** @example The client metadata was invalid */
            error_description?: string;
            invalid_fields?: {
              [key: string]: string[];
            };
          };
        };
      };
    };
  };
  ExchangeOAuthToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TokenRequest'];
        'application/x-www-form-urlencoded': components['schemas']['TokenRequest'];
      };
    };
    responses: {
      /** @description Token response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      /** @description Invalid request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
      /** @description Invalid client credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": "invalid_client"
           *     }
           */
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  ListOAuthClients: {
    parameters: {
      query?: {
        /** @description Number of results per page */
        'page[size]'?: number;
        /** @description Page number */
        'page[number]'?: number;
        /** @description Filter by client type */
        'filter[client_type]'?: 'confidential' | 'public';
        /** @description Filter by verification status */
        'filter[verified]'?: boolean;
        /** @description Filter by allowed grant type */
        'filter[allowed_grant_types][contains]'?: 'client_credentials' | 'authorization_code' | 'refresh_token';
        /** @description Filter by exact client name */
        'filter[name]'?: string;
        /** @description Filter by client name containing text */
        'filter[name][contains]'?: string;
        /** @description Filter by client ID */
        'filter[client_id]'?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List of OAuth clients */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data?: components['schemas']['OAuthClient'][];
            meta?: components['schemas']['oauth_PaginationMeta'];
          };
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  CreateOAuthClient: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OAuthClientCreateRequest'];
      };
    };
    responses: {
      /** @description OAuth client created successfully */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data?: components['schemas']['OAuthClient'];
          };
        };
      };
      /** @description Invalid request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
      /** @description Validation error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  GetOAuthClient: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description OAuth client ID */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OAuth client details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data?: components['schemas']['OAuthClient'];
          };
        };
      };
      /** @description OAuth client not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  UpdateOAuthClient: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description OAuth client ID */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OAuthClientUpdateRequest'];
      };
    };
    responses: {
      /** @description OAuth client updated successfully */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data?: components['schemas']['OAuthClient'];
          };
        };
      };
      /** @description OAuth client not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
      /** @description Validation error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  DeleteOAuthClient: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description OAuth client ID */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OAuth client deleted successfully */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description OAuth client not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  ListOAuthGrants: {
    parameters: {
      query?: {
        /** @description Number of results per page */
        'page[size]'?: number;
        /** @description Page number */
        'page[number]'?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List of OAuth grants */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data?: components['schemas']['OAuthGrant'][];
            meta?: components['schemas']['oauth_PaginationMeta'];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  GetOAuthGrant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description OAuth grant ID */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OAuth grant details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data?: components['schemas']['OAuthGrant'];
          };
        };
      };
      /** @description OAuth grant not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
  RevokeOAuthGrant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description OAuth grant ID */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OAuth grant revoked successfully */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data?: components['schemas']['OAuthGrant'];
          };
        };
      };
      /** @description OAuth grant not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['oauth_Error'];
        };
      };
    };
  };
}
