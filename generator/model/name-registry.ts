// The exported type names of one SDK: each claimed once, none a runtime export's.
import { noLeadingDigit, pascalCase, singular } from './naming.js';

/** The error classes of the runtime (core/error.ts) beside the SDK's own `<Client>Error`, in the order it exports them. */
export const RUNTIME_ERROR_CLASSES = [
  'APIError',
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'APIUserAbortError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
];

/** Names the runtime exports; generated types must not take them. */
export const RUNTIME_EXPORTS = [
  'APIPromise',
  'APIResponse',
  'APIResource',
  ...RUNTIME_ERROR_CLASSES,
  'ClientOptions',
  'RequestOptions',
  'Fetch',
  'Logger',
  'LogLevel',
  'Page',
  'PagePromise',
  'Stream',
  'ServerSentEvent',
  'toFile',
  'ToFileInput',
  'Uploadable',
];

/** Hands out exported names so that no two generated types, and no type and runtime export, share one. */
export class NameRegistry {
  private readonly types: Set<string>;
  private readonly prefixes = new Set<string>();

  constructor(reserved: Iterable<string>) {
    this.types = new Set(reserved);
  }

  has(name: string): boolean {
    return this.types.has(name);
  }

  /** The wanted name, or the wanted name with the first free number after it. */
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.types.has(name); n++) name = `${wanted}${n}`;
    this.types.add(name);
    return name;
  }

  /**
   * `OAuthClient` for `oauthClients`. When that is taken: qualified by the parents (`AiConversationMessage`), then
   * with the parents as written (`UsersKey` for `users.keys` beside `user.keys`), then every word as written (`Apps`
   * for `apps` beside `app`); a number only when all of those are taken.
   */
  prefixFor(chain: readonly string[], casing: Record<string, string>): string {
    // A prefix is never a type on its own (`File` + `ListParams`), so it may be a global's name.
    const word = (part: string): string => pascalCase(singular(part), casing);
    const written = (part: string): string => pascalCase(part, casing);
    const parents = chain.slice(0, -1);
    const own = word(chain[chain.length - 1]!);
    const candidates = [
      own,
      [...parents.map(word), own].join(''),
      [...parents.map(written), own].join(''),
      chain.map(written).join(''),
    ].map(noLeadingDigit);
    let prefix = candidates.find((name) => !this.prefixes.has(name));
    for (let n = 2; prefix === undefined; n++)
      if (!this.prefixes.has(`${candidates[1]}${n}`)) prefix = `${candidates[1]}${n}`;
    this.prefixes.add(prefix);
    return prefix;
  }
}
