import type { ClientCredentialsTokenSource } from './oauth.js';

/** A security scheme from the spec's `components.securitySchemes`, as the runtime applies it. */
export type AuthScheme =
  | { type: 'bearer' }
  | { type: 'basic' }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | {
      type: 'oauth2';
      tokenUrl?: string;
      scopes?: readonly string[];
      /** How the client authenticates at the token endpoint: HTTP Basic (RFC 6749's default) or form fields. */
      clientAuth?: 'basic' | 'body';
    };

/** The credentials a client holds. */
export interface Credentials {
  apiKey?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  tokenSource?: ClientCredentialsTokenSource | undefined;
  /** Keys of schemes that have their own (internal/scheme-keys), by scheme name; other schemes use `apiKey`. */
  schemeKeys?: Readonly<Record<string, string | undefined>> | undefined;
}

/** The key a bearer or apiKey scheme sends: its own where it has one, else the client's `apiKey`. */
function keyOf(name: string, credentials: Credentials): string | undefined {
  return credentials.schemeKeys !== undefined && Object.hasOwn(credentials.schemeKeys, name)
    ? credentials.schemeKeys[name]
    : credentials.apiKey;
}

/** What authenticating one request adds to it. */
export interface AppliedAuth {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** The OAuth access token used, so a 401 can invalidate exactly that one. */
  token?: string;
}

/**
 * Authenticates a request for its security requirements (alternatives, each a list of scheme names; `[]` means
 * none needed). The first alternative the credentials satisfy wins; if none does, the request goes without.
 * Bearer and OAuth 2.0 schemes both carry a bearer token: the API key, or an access token from client credentials.
 * Synchronous unless an access token must be fetched: a call with a static key adds no promise for its auth.
 */
export function applyAuth(
  requirements: readonly (readonly string[])[],
  schemes: Readonly<Record<string, AuthScheme>>,
  credentials: Credentials,
  refreshToken = false,
): AppliedAuth | Promise<AppliedAuth> {
  const alternative = requirements.find(
    (names) => names.length > 0 && names.every((name) => canSatisfy(name, schemes[name], credentials)),
  );
  if (!alternative) return { headers: {}, query: {} };
  const { tokenSource } = credentials;
  if (tokenSource && alternative.some((name) => prefersToken(schemes[name]!, keyOf(name, credentials)))) {
    return tokenSource.token(refreshToken).then((token) => authFor(alternative, schemes, credentials, token));
  }
  return authFor(alternative, schemes, credentials, undefined);
}

/** An explicit API key wins for bearer schemes; OAuth schemes prefer the client-credentials token. */
function prefersToken(scheme: AuthScheme, apiKey: string | undefined): boolean {
  return scheme.type === 'oauth2' || (scheme.type === 'bearer' && apiKey === undefined);
}

/** The headers and query params of one satisfied alternative; `token` is the access token, where one was fetched. */
function authFor(
  alternative: readonly string[],
  schemes: Readonly<Record<string, AuthScheme>>,
  credentials: Credentials,
  accessToken: string | undefined,
): AppliedAuth {
  const applied: AppliedAuth = { headers: {}, query: {} };
  for (const name of alternative) {
    const scheme = schemes[name]!;
    const apiKey = keyOf(name, credentials);
    switch (scheme.type) {
      case 'bearer':
      case 'oauth2': {
        const token = accessToken !== undefined && prefersToken(scheme, apiKey) ? accessToken : apiKey!;
        if (token !== apiKey) applied.token = token;
        applied.headers['authorization'] = `Bearer ${token}`;
        break;
      }
      case 'basic':
        applied.headers['authorization'] =
          `Basic ${btoa(`${credentials.username ?? ''}:${credentials.password ?? ''}`)}`;
        break;
      case 'apiKey':
        if (scheme.in === 'header') applied.headers[scheme.name.toLowerCase()] = apiKey!;
        else if (scheme.in === 'query') applied.query[scheme.name] = apiKey!;
        else applied.headers['cookie'] = `${scheme.name}=${encodeURIComponent(apiKey!)}`;
        break;
    }
  }
  return applied;
}

function canSatisfy(name: string, scheme: AuthScheme | undefined, credentials: Credentials): boolean {
  if (!scheme) return false;
  switch (scheme.type) {
    case 'bearer':
    case 'oauth2':
      return keyOf(name, credentials) !== undefined || credentials.tokenSource !== undefined;
    case 'basic':
      return credentials.username !== undefined;
    case 'apiKey':
      return keyOf(name, credentials) !== undefined;
  }
}
