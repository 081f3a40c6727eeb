// Secrets never reach logs or error messages: headers and body fields that carry credentials are masked.

const REDACTED = '***';

/** Header names that carry credentials (lower case). API-key header names from the spec are added per client. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
]);

/** Body and query field names that carry credentials; spec fields marked `writeOnly` or `format: password` join them. */
const SECRET_FIELDS = new Set([
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'password',
  'api_key',
  'apikey',
  'secret',
  'token',
  'code_verifier',
]);

export interface Redactor {
  headers(headers: Headers | Record<string, string>): Record<string, string>;
  value(value: unknown): unknown;
  url(url: string): string;
  /** Masks every secret the client holds (keys, tokens, passwords), as given or URL-encoded, wherever it occurs in `text`. */
  text(text: string): string;
  /** Adds a secret to mask by value (an API key, a password, an access token once fetched). */
  addSecret(secret: string | undefined): void;
  /**
   * Whether a request header may carry a credential: a credential header name (the spec's API-key headers included),
   * a name that says so (`auth`, `token`, `key`, `secret`, `session`, `cookie`, `signature`, `password`), or a value
   * holding a secret the client knows. Such headers never leave the API's origin.
   */
  isCredentialHeader(name: string, value: string): boolean;
}

/** Header names that say they carry a credential, whatever the API calls them (`X-Auth-Token`, `X-Session-Id`). */
const CREDENTIAL_NAME = /auth|token|key|secret|session|cookie|signature|password|credential/i;

/** Shorter values are not masked by value: they would mask ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** A redactor that also masks the given header names and field names (from the spec). */
export function createRedactor(extraHeaders: readonly string[] = [], extraFields: readonly string[] = []): Redactor {
  const headerNames = new Set([...SECRET_HEADERS, ...extraHeaders.map((name) => name.toLowerCase())]);
  const fieldNames = new Set([...SECRET_FIELDS, ...extraFields.map((name) => name.toLowerCase())]);
  const isSecretField = (name: string): boolean => fieldNames.has(name.toLowerCase());
  const secrets = new Set<string>();
  const text = (input: string): string => {
    let out = input;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };

  const value = (input: unknown, depth = 0): unknown => {
    if (typeof input === 'string') return text(input);
    if (depth > 20 || input === null || typeof input !== 'object') return input;
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input as Record<string, unknown>)) {
      out[key] = isSecretField(key) ? REDACTED : value(item, depth + 1);
    }
    return out;
  };

  return {
    headers(headers) {
      const out: Record<string, string> = {};
      const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
      for (const [name, item] of entries) out[name] = headerNames.has(name.toLowerCase()) ? REDACTED : text(item);
      return out;
    },
    text,
    addSecret(secret) {
      if (secret === undefined || secret.length < MIN_SECRET_LENGTH) return;
      secrets.add(secret);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) secrets.add(encoded);
    },
    value,
    isCredentialHeader(name, item) {
      return headerNames.has(name.toLowerCase()) || CREDENTIAL_NAME.test(name) || text(item) !== item;
    },
    url(url) {
      try {
        const parsed = new URL(url);
        for (const key of [...parsed.searchParams.keys()]) {
          if (isSecretField(key) || headerNames.has(key.toLowerCase())) parsed.searchParams.set(key, REDACTED);
        }
        if (parsed.password) parsed.password = REDACTED;
        return text(parsed.toString());
      } catch {
        return text(url);
      }
    },
  };
}

/** Masks secret fields in a form-urlencoded or JSON request body given as text. */
export function redactBodyText(text: string, contentType: string | null, redactor: Redactor): string {
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(text);
    const masked = redactor.value(Object.fromEntries(params)) as Record<string, string>;
    return redactor.text(new URLSearchParams(masked).toString());
  }
  try {
    return JSON.stringify(redactor.value(JSON.parse(text)));
  } catch {
    return redactor.text(text.length > 1000 ? `${text.slice(0, 1000)}…` : text);
  }
}
