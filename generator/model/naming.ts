// Turning spec text (paths, operationIds, schema names) into identifiers a person would write.

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function ' +
    'if import in instanceof new null return super switch this throw true try typeof var void while with yield ' +
    'implements interface let package private protected public static await arguments eval constructor prototype'
  ).split(' '),
);

/** Names a type alias may not take (TS keywords) or should not shadow (globals a generated file uses). */
const RESERVED_TYPE_NAMES = new Set(
  (
    'any unknown never string number boolean bigint symbol object undefined null void this ' +
    'Array Blob Boolean Date Error File FormData Headers JSON Map Math Number Object Omit Partial Pick Promise ' +
    'ReadonlyArray Record Request RequestInit Required Response Set String Symbol URL URLSearchParams'
  ).split(' '),
);

/** Splits `page[size]`, `oauth_clients`, `GetOAuthJWKS`, `.well-known` into words. */
export function splitWords(text: string): string[] {
  return withoutApostrophes(text)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // `HTTPServer` -> `HTTP Server`, but `OAuth` and `APIs` stay one word.
    .replace(/([A-Z]{2,})([A-Z][a-z]{2,})/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

/** `GitHub's` -> `GitHub`, `don't` -> `dont`: an apostrophe does not start a word. */
function withoutApostrophes(text: string): string {
  return text.replace(/(?<=[A-Za-z0-9])['’]s\b/g, '').replace(/(?<=[A-Za-z0-9])['’](?=[A-Za-z0-9])/g, '');
}

/**
 * The words of a title as written, for a package name or env-var prefix: `GitHub's REST API` -> `GitHub`, `REST`,
 * `API`. Unlike `splitWords`, a word is not split at its capitals (`github`, not `git-hub`).
 */
export function titleWords(text: string): string[] {
  return withoutApostrophes(text)
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

/** `clients` -> `Clients`, `JWKS` -> `Jwks`; a word the spec wrote in mixed case (`OAuth`) keeps its spelling. */
function capitalize(word: string): string {
  if (/^[A-Z][a-z0-9]*[A-Z]/.test(word) && /[a-z]/.test(word)) return word;
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `oauth_clients` -> `oauthClients`; safe to use as a property or method name. */
export function camelCase(text: string): string {
  const words = splitWords(text);
  if (words.length === 0) return '_';
  const [first, ...rest] = words;
  return first!.toLowerCase() + rest.map(capitalize).join('');
}

/** The name with a `_` in front when it starts with a digit, which no identifier (or env-var name) may. */
export function noLeadingDigit(name: string): string {
  return name.replace(/^(?=[0-9])/, '_');
}

/** A camelCase property or method name; one that would start with a digit (`10dlc`) gets a leading `_`. */
export function memberName(text: string): string {
  return noLeadingDigit(camelCase(text));
}

/** A camelCase identifier that is also a legal variable name (`default` -> `default_`, `3d` -> `_3d`). */
export function variableName(text: string): string {
  return legalIdentifier(camelCase(text));
}

/** `oauth_client` -> `OAuthClient` given casing `{ oauth: 'OAuth' }`. */
export function pascalCase(text: string, casing: Readonly<Record<string, string>> = {}): string {
  const words = splitWords(text);
  if (words.length === 0) return '_';
  // Own spellings only: a word like `constructor` must not find Object.prototype's.
  return words.map((word) => (Object.hasOwn(casing, word.toLowerCase()) ? casing[word.toLowerCase()] : undefined) ?? capitalize(word)).join('');
}

/** A PascalCase type name that is legal and does not shadow a global or keyword. */
export function typeName(text: string, casing: Readonly<Record<string, string>> = {}): string {
  const name = noLeadingDigit(/^[A-Z][A-Za-z0-9]*$/.test(text) ? text : pascalCase(text, casing));
  return RESERVED_TYPE_NAMES.has(name) ? `${name}Model` : name;
}

/** `oauth-clients` for file names. */
export function kebabCase(text: string): string {
  return splitWords(text)
    .map((word) => word.toLowerCase())
    .join('-');
}

/** Singular of the last word: `oauth_clients` -> `oauth_client`, `policies` -> `policy`. */
export function singular(text: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(text);
  if (!match) return text;
  const [, head, word] = match as unknown as [string, string, string];
  const lower = word.toLowerCase();
  let single = word;
  if (/(ss|us|is)$/.test(lower)) single = word;
  else if (/ies$/.test(lower) && lower.length > 4) single = `${word.slice(0, -3)}y`;
  else if (/(sses|xes|ches|shes|zzes)$/.test(lower)) single = word.slice(0, -2);
  else if (/s$/.test(lower) && lower.length > 3) single = word.slice(0, -1);
  return head + single;
}

function legalIdentifier(name: string): string {
  const safe = noLeadingDigit(name.replace(/[^A-Za-z0-9_$]/g, '_'));
  return RESERVED.has(safe) ? `${safe}_` : safe;
}

/** A property key as written in TS source: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Text safe inside a `/** ... *\/` comment: no early `*\/`, no stray control characters. */
export function docText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();
}
