// Secrets never reach logs or error messages: headers and body fields that carry credentials are masked.

const REDACTED = '***';

/** Header names that carry credentials (lower case). API-key header names from the spec are added per client. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key']);

/** Body and query field names that carry credentials; spec fields marked `writeOnly` or `format: password` join them. */
const SECRET_FIELDS = new Set(['client_secret', 'access_token', 'refresh_token', 'id_token', 'password', 'api_key', 'apikey', 'secret', 'token', 'code_verifier']);

export interface Redactor {
  headers(headers: Headers): Record<string, string>;
  value(value: unknown): unknown;
  url(url: string): string;
}

/** A redactor that also masks the given header names and field names (from the spec). */
export function createRedactor(extraHeaders: readonly string[] = [], extraFields: readonly string[] = []): Redactor {
  const headerNames = new Set([...SECRET_HEADERS, ...extraHeaders.map((name) => name.toLowerCase())]);
  const fieldNames = new Set([...SECRET_FIELDS, ...extraFields.map((name) => name.toLowerCase())]);
  const isSecretField = (name: string): boolean => fieldNames.has(name.toLowerCase());

  const value = (input: unknown, depth = 0): unknown => {
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
      headers.forEach((item, name) => {
        out[name] = headerNames.has(name.toLowerCase()) ? REDACTED : item;
      });
      return out;
    },
    value,
    url(url) {
      try {
        const parsed = new URL(url);
        for (const key of [...parsed.searchParams.keys()]) {
          if (isSecretField(key) || headerNames.has(key.toLowerCase())) parsed.searchParams.set(key, REDACTED);
        }
        if (parsed.password) parsed.password = REDACTED;
        return parsed.toString();
      } catch {
        return url;
      }
    },
  };
}

/** Masks secret fields in a form-urlencoded or JSON request body given as text. */
export function redactBodyText(text: string, contentType: string | null, redactor: Redactor): string {
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(text);
    const masked = redactor.value(Object.fromEntries(params)) as Record<string, string>;
    return new URLSearchParams(masked).toString();
  }
  try {
    return JSON.stringify(redactor.value(JSON.parse(text)));
  } catch {
    return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
  }
}
