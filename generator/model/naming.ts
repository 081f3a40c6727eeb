// Turning spec text (paths, operationIds, schema names) into identifiers a person would write, and file names.
import { createHash } from 'node:crypto';

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
  return (
    withoutApostrophes(text)
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      // `HTTPServer` -> `HTTP Server`, but `OAuth` and `APIs` stay one word.
      .replace(/([A-Z]{2,})([A-Z][a-z]{2,})/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter((word) => word !== '')
  );
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

/**
 * Initialisms written in capitals inside an identifier (`accessIPAddress`, `assistantID`, `sendSMS`), as the
 * Stainless-generated SDKs write them. Only true initialisms that are never ordinary words; a word outside the table
 * is capitalised as a word (`Jwks`, `Sip`, `Mms`: the official Telnyx SDK writes `retrieveJwks`, `sendGroupMms`).
 */
const ACRONYMS = new Map(
  // Identity protocols (LDAP, SAML, SSO, OIDC, SCIM) are general tech initialisms too; `Json`, `Otp`, `Dtmf`, `Csv`
  // are words to the official SDKs (Telnyx's `retrieveRecordingsJson`, `verifySMSOtp`, `csvDownloads`).
  [
    'ID',
    'IDs',
    'IP',
    'IPs',
    'AI',
    'API',
    'APIs',
    'DNS',
    'HTTP',
    'JWT',
    'LDAP',
    'OIDC',
    'SAML',
    'SCIM',
    'SDK',
    'SMS',
    'SSO',
    'URL',
    'URLs',
  ].map((word) => [word.toLowerCase(), word]),
);

/**
 * Verbs of plain English that name what an API call does beyond create, read, update and delete. Not a list of one
 * API's words: an operationId or summary word is taken as a method's verb only if it is a real verb, so a typo
 * (`retreiveCountryCoverage`) or a noun (`Forking start`, `Assistant Chat`) is not.
 */
const VERBS = new Set(
  (
    'abort accept acknowledge activate add adjust allocate allow analyse analyze answer append apply approve archive ' +
    'assess assign associate attach attest audit authenticate authorize backup ban bind block book boot bridge ' +
    'broadcast build bump calculate cancel capture certify charge check checkout claim classify clean clear clone ' +
    'close collect commit compare compile complete compose compress compute confirm connect consume convert copy ' +
    'count crawl deactivate debit decline decrypt deliver demote deny deploy deprecate detach dial disable ' +
    'disassociate discard disconnect discover dismiss dispatch dispute download drain drop duplicate embed emit ' +
    'enable encrypt end enqueue enrich enroll erase escalate estimate evaluate exchange execute expand expire export ' +
    'extend extract finalize finish fix flag flush follow fork forward freeze fulfill gather generate grant hangup ' +
    'hide hold identify ignore import ingest initialize initiate insert inspect install introspect invalidate invite invoke ' +
    'join kick kill launch lease leave link listen load locate lock log login logout lookup match measure merge ' +
    'migrate mint mirror moderate monitor move mute normalize notify obtain onboard open optimize order overwrite ' +
    'parse pause pay pin ping play poll predict prepare preview print prioritize process promote provision prune ' +
    'publish purchase purge push rank reactivate reassign reboot rebuild recalculate receive reconcile reconnect ' +
    'recover redact redeem redeliver redirect refer refresh refund regenerate register reindex reject relay release ' +
    'reload remind remove rename render renew reopen reorder repair replay replicate reply reprocess reroute rerun ' +
    'reschedule resend reserve reset resize resolve restart restore resubmit resume retire retry reverse revert ' +
    'review revoke rollback rotate route run save scale scan schedule scrape seek select send settle share ship shorten ' +
    'shutdown sign simulate skip snooze solve sort speak spin split stage star start stop store subscribe ' +
    'suggest summarize suppress suspend swap switch sync terminate toggle tokenize track train transcribe transfer ' +
    'transform transition translate trash trigger trim truncate unarchive unassign unban unbind unblock undo unfollow ' +
    'unhold uninstall unlink unlock unmute unpin unpublish unregister unschedule unset unshare unstar unsubscribe ' +
    'unsuspend untag unwatch upgrade upload upsert validate verify vote wait wake warm watch wipe withdraw wrap'
  ).split(' '),
);

/** The plain form of a word that is a verb (`sends` -> `send`, `processes` -> `process`), else undefined. */
export function verbForm(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (VERBS.has(lower)) return lower;
  if (/es$/.test(lower) && VERBS.has(lower.slice(0, -2))) return lower.slice(0, -2);
  if (/s$/.test(lower) && VERBS.has(lower.slice(0, -1))) return lower.slice(0, -1);
  return undefined;
}

/** The table's spelling of a word that is an initialism (`ips` -> `IPs`), if it is one. */
export function acronym(word: string): string | undefined {
  return ACRONYMS.get(word.toLowerCase());
}

/** `clients` -> `Clients`, `ip` -> `IP`, `JWKS` -> `Jwks`; a word the spec wrote in mixed case (`OAuth`) keeps its spelling. */
function capitalize(word: string): string {
  if (/^[A-Z][a-z0-9]*[A-Z]/.test(word) && /[a-z]/.test(word) && acronym(word) === undefined) return word;
  return acronym(word) ?? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `oauth_clients` -> `oauthClients`; safe to use as a property or method name. */
export function camelCase(text: string): string {
  // A spec has a few thousand names, each asked for many times (a path param's variable in every operation).
  let name = camelCases.get(text);
  if (name === undefined) {
    const words = splitWords(text);
    const [first, ...rest] = words;
    name = words.length === 0 ? '_' : first!.toLowerCase() + rest.map(capitalize).join('');
    // Bounded: a long-running process (--watch, a server) sees spec after spec.
    if (camelCases.size >= MAX_KEPT_NAMES) camelCases.clear();
    camelCases.set(text, name);
  }
  return name;
}

const camelCases = new Map<string, string>();
const MAX_KEPT_NAMES = 100_000;

/** The name with a `_` in front when it starts with a digit, which no identifier (or env-var name) may. */
export function noLeadingDigit(name: string): string {
  return name.replace(/^(?=[0-9])/, '_');
}

/**
 * Names no class member should take: `constructor` would be (or clash with) the constructor; `__proto__` and
 * `prototype` would reach the prototype; the `Object.prototype` ones are what every object inherits (`String(client)`
 * calls `toString`), and TypeScript takes a member of that name for an override; and the ones the language or runtime
 * call by name on any object: `then` makes a resource thenable (an async function returning it would call it, send
 * a request and never settle), `catch` and `finally` go with it, `toJSON` is what JSON.stringify calls.
 */
const RESERVED_MEMBERS = new Set([
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'then',
  'catch',
  'finally',
  'toJSON',
]);

/**
 * A camelCase property or method name; one that would start with a digit (`10dlc`) gets a leading `_`, one a class
 * member may not take (`constructor`, `toString`) a trailing one.
 */
export function memberName(text: string): string {
  return allowedMember(noLeadingDigit(camelCase(text)));
}

/** The name, or the name with a trailing `_` when no class member may take it (a config's `method: constructor`). */
export function allowedMember(name: string): string {
  return RESERVED_MEMBERS.has(name) ? `${name}_` : name;
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
  return words
    .map(
      (word) =>
        (Object.hasOwn(casing, word.toLowerCase()) ? casing[word.toLowerCase()] : undefined) ?? capitalize(word),
    )
    .join('');
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

/**
 * A file or folder name for a name (`oauthClients` -> `oauth-clients`): never empty, `.` or `..`, never a separator,
 * never a device name Windows reserves.
 */
export function fileName(text: string): string {
  const name = kebabCase(text) || '_';
  return shortFileName(/^(con|prn|aux|nul|com\d|lpt\d)$/.test(name) ? `${name}_` : name);
}

/**
 * File systems cap a name at 255 bytes, and the writer adds to it (`.<name>.sdkgen-tmp-<pid>-<random>`, `.test.ts`):
 * a longer name (a 300-character path segment) is cut and given a hash of the whole, so it stays distinct and the
 * same on every run.
 */
const MAX_FILE_NAME_BYTES = 120;

function shortFileName(name: string): string {
  if (Buffer.byteLength(name) <= MAX_FILE_NAME_BYTES) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
  let head = name.slice(0, MAX_FILE_NAME_BYTES - hash.length - 1);
  while (Buffer.byteLength(head) > MAX_FILE_NAME_BYTES - hash.length - 1) head = head.slice(0, -1);
  return `${head.replace(/-+$/, '')}-${hash}`;
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

/** Plural of a type name's last word: `OAuthClient` -> `OAuthClients`, `Policy` -> `Policies`, `Address` -> `Addresses`. */
export function plural(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

function legalIdentifier(name: string): string {
  const safe = noLeadingDigit(name.replace(/[^A-Za-z0-9_$]/g, '_'));
  return RESERVED.has(safe) ? `${safe}_` : safe;
}
