// How the client authenticates at an OAuth token endpoint, chosen from the spec's own description of that endpoint.
import type { OpenAPIDocument } from '../load/load-spec.js';
import { derefSchema } from './schemas.js';
import type { AuthScheme, Method } from './types.js';

/**
 * How a client authenticates at an OAuth token endpoint. RFC 6749 prefers HTTP Basic, and that is the default; but when
 * the spec describes the token endpoint itself, with `client_id`/`client_secret` body fields and no Basic scheme in its
 * security (Telnyx's `/oauth/token`), the spec is followed and the credentials go in the form. Returns the schemes with
 * that chosen (copies; the given ones are left as they are).
 */
export function withTokenClientAuth(
  document: OpenAPIDocument,
  schemes: Record<string, AuthScheme>,
  methods: Method[],
  defaultBaseURL: string,
): Record<string, AuthScheme> {
  const trim = (url: string): string => url.replace(/\/+$/, '');
  // Without a prototype: a scheme may be named `__proto__`.
  const out: Record<string, AuthScheme> = Object.create(null);
  for (const [name, given] of Object.entries(schemes)) {
    const scheme = { ...given };
    out[name] = scheme;
    if (scheme.type !== 'oauth2' || scheme.tokenUrl === undefined) continue;
    const endpoint = methods.find(
      (method) =>
        method.httpMethod === 'post' &&
        trim(`${method.server ?? defaultBaseURL}${method.path}`) === trim(scheme.tokenUrl!),
    );
    if (!endpoint?.body) continue;
    const properties = (derefSchema(document, endpoint.body.schema)['properties'] ?? {}) as Record<string, unknown>;
    const takesBasic = endpoint.security.some((names) => names.some((name) => schemes[name]?.type === 'basic'));
    scheme.clientAuth = Object.hasOwn(properties, 'client_secret') && !takesBasic ? 'body' : 'basic';
  }
  return out;
}
