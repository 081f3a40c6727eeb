import type { OpenAPIDocument } from '../load/load-spec.js';
import { deref } from './schemas.js';
import type { AuthScheme, SchemeKeyOption } from './types.js';

export type { SchemeKeyOption };

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
    else
      warnings.push(
        `security scheme "${name}" (${scheme?.type ?? 'unknown'}${scheme?.scheme ? ` ${scheme.scheme}` : ''}) is not supported; operations needing it are sent without it`,
      );
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
      if (
        (scheme.in === 'header' || scheme.in === 'query' || scheme.in === 'cookie') &&
        typeof scheme.name === 'string'
      ) {
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
export function readSecurity(
  requirements: Array<Record<string, unknown>> | undefined,
  schemes: Record<string, AuthScheme>,
): string[][] {
  if (!requirements) return [];
  const out: string[][] = [];
  for (const requirement of requirements) {
    const names = Object.keys(requirement);
    if (names.every((name) => Object.hasOwn(schemes, name))) out.push(names);
  }
  return out;
}

/**
 * Whether a scheme is another name of the usual one, defined alike: the same name in other case (`BearerAuth`,
 * `bearerAuth`) or that name under a prefix a merged spec gives its parts (`number-reputation_bearerAuth`). Such a
 * scheme takes the same key; a scheme of a name of its own (`AdminApiKeyAuth` beside `ApiKeyAuth`) does not.
 */
function sameCredential(name: string, usual: string, schemes: Record<string, AuthScheme>): boolean {
  if (JSON.stringify(schemes[name]) !== JSON.stringify(schemes[usual])) return false;
  const [lower, base] = [name.toLowerCase(), usual.toLowerCase()];
  return lower === base || (lower.endsWith(base) && /[_.:-]/.test(lower.charAt(lower.length - base.length - 1)));
}

/** Words a scheme's name ends with that say it is a scheme, not what it holds (`AdminApiKeyAuth`). */
const SCHEME_SUFFIXES = new Set(['auth', 'authentication', 'authorization', 'scheme', 'security', 'credentials']);
/** Names the client's options already have. */
const TAKEN_OPTIONS = [
  'apiKey',
  'clientID',
  'clientSecret',
  'username',
  'password',
  'baseURL',
  'timeout',
  'maxRetries',
  'fetch',
  'fetchOptions',
  'defaultHeaders',
  'defaultQuery',
  'logger',
  'logLevel',
];

/**
 * Where a spec has two or more schemes that carry a key or token (bearer, apiKey), each is a credential of its own:
 * the API's usual one (its default security's, else the one most operations name) is `apiKey`; each other gets an
 * option named after the scheme (`AdminApiKeyAuth` -> `adminAPIKey`, env `ADMIN_API_KEY`), so an operation sends the
 * key its `security` names and no other. With one such scheme (most APIs) there is none: `apiKey` serves it.
 */
export function schemeKeyOptions(
  schemes: Record<string, AuthScheme>,
  defaultSecurity: string[][],
  operations: Array<{ security: string[][] }>,
): Record<string, SchemeKeyOption> {
  const keyed = Object.keys(schemes).filter(
    (name) => schemes[name]!.type === 'bearer' || schemes[name]!.type === 'apiKey',
  );
  if (keyed.length < 2) return {};
  const uses = new Map<string, number>();
  for (const operation of operations)
    for (const name of new Set(operation.security.flat())) uses.set(name, (uses.get(name) ?? 0) + 1);
  const usual =
    defaultSecurity.flat().find((name) => keyed.includes(name)) ??
    [...keyed].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || (a < b ? -1 : 1))[0]!;
  const taken = new Set(TAKEN_OPTIONS);
  const out: Record<string, SchemeKeyOption> = Object.create(null);
  for (const name of keyed) {
    if (name === usual || sameCredential(name, usual, schemes)) continue;
    const words = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter((word) => word !== '')
      .map((word) => word.toLowerCase());
    while (words.length > 1 && SCHEME_SUFFIXES.has(words.at(-1)!)) words.pop();
    // `admin api key` stays; `admin` says what, and becomes `admin api key`; `partner token` stays a token.
    if (!['key', 'token', 'secret'].includes(words.at(-1) ?? '')) words.push('api', 'key');
    if (words[0] !== undefined && /^[0-9]/.test(words[0])) words.unshift('key');
    const camel = words
      .map((word, index) =>
        index === 0
          ? word
          : word === 'api' || word === 'id'
            ? word.toUpperCase()
            : word.charAt(0).toUpperCase() + word.slice(1),
      )
      .join('');
    let option = camel;
    for (let n = 2; taken.has(option); n++) option = `${camel}${n}`;
    taken.add(option);
    out[name] = {
      option,
      env: option
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
        .toUpperCase(),
    };
  }
  return out;
}
