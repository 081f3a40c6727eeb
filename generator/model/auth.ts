import type { OpenAPIDocument } from '../load/load-spec.js';
import { deref } from './schemas.js';
import type { AuthScheme } from './types.js';

interface RawScheme {
  type?: string;
  scheme?: string;
  in?: string;
  name?: string;
  flows?: { clientCredentials?: { tokenUrl?: string; scopes?: Record<string, string> } };
}

/** The spec's security schemes the runtime can apply, by name; others are reported and left out. */
export function readSecuritySchemes(document: OpenAPIDocument, warnings: string[]): Record<string, AuthScheme> {
  const raw = document.components?.['securitySchemes'] ?? {};
  // Keyed by spec names: no prototype, so a scheme named `__proto__` or `constructor` is one like any other.
  const out = Object.create(null) as Record<string, AuthScheme>;
  for (const name of Object.keys(raw).sort()) {
    const scheme = deref<RawScheme>(document, raw[name] as RawScheme);
    const converted = scheme ? convert(scheme) : undefined;
    if (converted) out[name] = converted;
    else warnings.push(`security scheme "${name}" (${scheme?.type ?? 'unknown'}${scheme?.scheme ? ` ${scheme.scheme}` : ''}) is not supported; operations needing it are sent without it`);
  }
  return out;
}

function convert(scheme: RawScheme): AuthScheme | undefined {
  switch (scheme.type) {
    case 'http': {
      const kind = scheme.scheme?.toLowerCase();
      if (kind === 'bearer') return { type: 'bearer' };
      if (kind === 'basic') return { type: 'basic' };
      return undefined;
    }
    case 'apiKey':
      if ((scheme.in === 'header' || scheme.in === 'query' || scheme.in === 'cookie') && typeof scheme.name === 'string') {
        return { type: 'apiKey', in: scheme.in, name: scheme.name };
      }
      return undefined;
    case 'oauth2': {
      const flow = scheme.flows?.clientCredentials;
      if (flow?.tokenUrl) return { type: 'oauth2', tokenUrl: flow.tokenUrl, scopes: Object.keys(flow.scopes ?? {}) };
      return { type: 'oauth2' };
    }
    case 'openIdConnect':
      return { type: 'oauth2' };
    default:
      return undefined;
  }
}

/**
 * An operation's security requirements as lists of scheme names the runtime knows, in the spec's order.
 * `[]` in the result means the operation may be called without credentials.
 */
export function readSecurity(requirements: Array<Record<string, unknown>> | undefined, schemes: Record<string, AuthScheme>): string[][] {
  if (!requirements) return [];
  const out: string[][] = [];
  for (const requirement of requirements) {
    const names = Object.keys(requirement);
    if (names.every((name) => Object.hasOwn(schemes, name))) out.push(names);
  }
  return out;
}
