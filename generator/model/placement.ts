import { memberName, pascalCase, plural, singular, splitWords, verbForm } from './naming.js';
import type { ResponseShape } from './pagination.js';
import type { HTTPMethod } from './types.js';

/** Where an operation lives in the SDK: the chain of resource properties and the method name. */
export interface Placement {
  chain: string[];
  method: string;
}

const COLLECTION_VERBS: Partial<Record<HTTPMethod, string>> = {
  get: 'list',
  post: 'create',
  put: 'update',
  patch: 'update',
  delete: 'delete',
};
const ITEM_VERBS: Partial<Record<HTTPMethod, string>> = {
  get: 'retrieve',
  post: 'update',
  put: 'update',
  patch: 'update',
  delete: 'delete',
};
const ACTION_PREFIX: Partial<Record<HTTPMethod, string>> = {
  get: 'retrieve',
  put: 'update',
  patch: 'update',
  delete: 'delete',
};

/** The method name an HTTP method gets on a collection path (`POST /things`: `create`), if it has one. */
export const collectionVerb = (httpMethod: HTTPMethod): string | undefined => COLLECTION_VERBS[httpMethod];

/** Leading segments that name an API version (`v2`, `v2.1`, `2.0`, `3`) or mount point, not a resource. */
const PREFIX_SEGMENT = /^(v?\d+([._]\d+)*|api|rest)$/i;

export const isParamSegment = (segment: string): boolean => segment.includes('{');

/**
 * The segments of a path as naming reads them. A segment that is a name followed by one param (`Calls{format}`,
 * `thumbnail.{extension}`, `more_like_this.{format}`) is the name: the param picks an encoding, not an item. (A
 * static extension stays: `assets.csv` beside `assets.json` are two methods, `Recordings.json` is Telnyx's
 * `retrieveRecordingsJson`.) A `#fragment` some specs add to tell two operations
 * of one path apart (`/files/{id}#get_shared_link`) is a segment of its own. A segment that starts with a param
 * (`{id}.{format}`, `{base}...{head}`) is a param.
 */
export function pathSegments(path: string): string[] {
  // Asked for each path many times (grouping, placing, naming): kept per path, and a copy given out.
  let segments = segmentsOf.get(path);
  if (segments === undefined) {
    // Bounded: a long-running process (--watch, a server) sees spec after spec.
    if (segmentsOf.size >= 100_000) segmentsOf.clear();
    segmentsOf.set(path, (segments = splitPath(path)));
  }
  return [...segments];
}

const segmentsOf = new Map<string, readonly string[]>();

function splitPath(path: string): string[] {
  const out: string[] = [];
  for (const raw of path.split('/')) {
    for (const [index, part] of raw.split('#').entries()) {
      if (part === '') continue;
      if (index > 0) {
        out.push(part);
        continue;
      }
      const named = /^([A-Za-z_][^{}]*?)[._-]?\{[^{}]+\}$/.exec(part);
      if (named) out.push(named[1]!);
      else out.push(part);
    }
  }
  return out;
}

/** What the operation itself says about its name, beside its path. */
export interface PlacementHints {
  operationId?: string | undefined;
  /** The operation's summary, whose first word is often its verb (`Upload media`). */
  summary?: string | undefined;
  /** What a GET answers with: pages, a list, one object. */
  shape?: ResponseShape | undefined;
  /** Whether the path holds this one operation and no other path continues it. */
  alone?: boolean | undefined;
  /** Whether other operations share the path's static segments (`/a/b` beside `/a/{id}/b`, or GET and PATCH of `/a/b`). */
  shared?: boolean | undefined;
  /** The component schema the operation answers with (`ServerInfoRepresentation`), if it is one. */
  responseType?: string | undefined;
  /** A POST on a path with no items whose GET answers the same schema: it writes that one thing (`update`). */
  singleton?: boolean | undefined;
}

/** Endings of a schema's name that say it is a schema, not what it holds (`ServerInfoRepresentation`, `UserDto`). */
const SCHEMA_SUFFIX = /(Representation|Response|Resource|Result|Dto|DTO|Model|Schema|Object)$/;

/**
 * The resource of a path with no static segment. `GET /` is the API's own (`serverInfo.retrieve()` when it answers a
 * `ServerInfoRepresentation`; else named by its operationId less its verb, `getApiInfo`: `apiInfo`; else `api`),
 * never a resource named `root`. A leading param names the items it picks (`/{realm}`: `realms.retrieve(realm)`).
 */
function scopeResource(segments: readonly string[], hints: PlacementHints): string {
  const param = segments.find(isParamSegment);
  if (param !== undefined) return scopeName(param);
  const words = splitWords(hints.operationId ?? '');
  const rest =
    words.length > 1 && (CRUD_WORDS.has(words[0]!.toLowerCase()) || verbForm(words[0]!) !== undefined)
      ? words.slice(1)
      : [];
  const named = [hints.responseType?.replace(SCHEMA_SUFFIX, ''), rest.join(' ')]
    .map((name) => memberName(name ?? ''))
    .find((name) => name !== '_' && name !== 'root');
  return named ?? 'api';
}

/** The resource a param picks items of: `{realm}` -> `realms`, `{user_id}` -> `users`, `{pageName}{format}` -> `pages`. */
function scopeName(param: string): string {
  const words = splitWords(/\{([^}]*)\}/.exec(param)?.[1] ?? param);
  const kept =
    words.length > 1 && /^(id|ids|name|key|slug|sid|uuid|guid|code)$/i.test(words.at(-1)!) ? words.slice(0, -1) : words;
  const last = kept.at(-1) ?? 'item';
  return memberName([...kept.slice(0, -1), plural(singular(last))].join(' '));
}

/** Whether a segment is an act, its first word a verb beyond CRUD (`clear-keys-cache`, `logout-all`, `reset_password`). */
const isActSegment = (segment: string): boolean => {
  // Two words or more: one word alone is as often a noun (`order`, `export`).
  const [first, ...rest] = splitWords(segment).map((word) => word.toLowerCase());
  return first !== undefined && rest.length > 0 && verbForm(first) === first && !CRUD_WORDS.has(first);
};

/**
 * Infers the placement of `method path` the way a person naming an SDK would:
 * - `/oauth_clients` GET -> `oauthClients.list`, POST -> `create`; a GET that answers with one object is `retrieve`;
 * - `/oauth_clients/{id}` -> `retrieve` / `update` / `delete`;
 * - `/accounts/{id}/members` -> `accounts.members.list`, and `/accounts/{id}/members/{mid}` -> `accounts.members.retrieve`;
 * - `/calls/{id}/actions/hangup` POST -> `calls.actions.hangup`; `/oauth/jwks` GET -> `oauth.retrieveJwks`.
 * A static segment after another static one is an action, unless some path continues it with a parameter
 * (`/foo/bar` beside `/foo/bar/{id}` makes `bar` a collection). A segment after a parameter that holds a single
 * operation, and that no path continues, is an action of the item too (`POST /assistants/{id}/clone` ->
 * `assistants.clone`, `GET /conferences/{id}/participants` -> `conferences.listParticipants`).
 */
export function inferPlacement(
  path: string,
  httpMethod: HTTPMethod,
  collectionPaths: ReadonlySet<string>,
  hints: PlacementHints = {},
): Placement {
  const segments = pathSegments(path);
  while (segments.length > 1 && PREFIX_SEGMENT.test(segments[0]!)) segments.shift();
  const statics = segments.filter((segment) => !isParamSegment(segment));
  if (statics.length === 0) {
    const item = segments.some(isParamSegment);
    return {
      chain: [scopeResource(segments, hints)],
      method:
        (item ? ITEM_VERBS[httpMethod] : httpMethod === 'get' ? 'retrieve' : COLLECTION_VERBS[httpMethod]) ??
        httpMethod,
    };
  }
  const last = segments[segments.length - 1]!;
  const chainOf = (parts: string[]): string[] => parts.map(memberName);
  if (isParamSegment(last)) {
    const method =
      domainVerb(hints.operationId, statics, hints.summary, httpMethod) ??
      actingVerb(httpMethod, hints.summary, statics) ??
      ITEM_VERBS[httpMethod] ??
      httpMethod;
    return { chain: chainOf(statics), method };
  }
  const previous = segments[segments.length - 2];
  const underItem = previous !== undefined && isParamSegment(previous);
  // A leading param is a scope (`/{realm}/users`: `users.list(realm)`); an act right under it is a method of the items
  // it picks (`POST /{realm}/clear-keys-cache`: `realms.clearKeysCache(realm)`), not a resource named by the act.
  if (statics.length === 1 && underItem && segments.length === 2 && hints.alone === true && isActSegment(last)) {
    return { chain: [scopeName(previous)], method: memberName(last) };
  }
  // A static segment that more than one operation reaches is a resource of its own (`phoneNumbers.messaging.list`
  // beside `phoneNumbers.messaging.retrieve(id)`; GET and PATCH `/payment/auto_recharge_prefs`).
  const isCollection =
    statics.length === 1 || underItem || collectionPaths.has(normalise(path)) || hints.shared === true;
  if (
    isCollection &&
    !(underItem && statics.length > 1 && hints.alone === true && !collectionPaths.has(normalise(path)))
  ) {
    // A GET of one object is `retrieve` (unless its summary or operationId says list), and so is a GET of a list the
    // operationId calls a get (a report); but where items of the path exist (`/foo/{id}`), the GET lists them.
    const intent = readIntent(hints);
    const oneThing = (hints.shape === 'object' && intent !== 'list') || (hints.shape === 'list' && intent === 'read');
    const single = httpMethod === 'get' && oneThing && !collectionPaths.has(normalise(path));
    // A POST on one thing (`/org/retention_policy`, whose GET answers what the POST does) updates it.
    const crud = single
      ? 'retrieve'
      : httpMethod === 'post' && hints.singleton === true && !collectionPaths.has(normalise(path))
        ? 'update'
        : COLLECTION_VERBS[httpMethod];
    return {
      chain: chainOf(statics),
      method:
        domainVerb(hints.operationId, statics, hints.summary, httpMethod) ??
        actingVerb(httpMethod, hints.summary, statics) ??
        crud ??
        httpMethod,
    };
  }
  const action = statics[statics.length - 1]!;
  if (!underItem && httpMethod === 'post' && namesCreatedThing(action, hints, statics.slice(0, -1)))
    return { chain: chainOf(statics), method: 'create' };
  return {
    chain: chainOf(statics.slice(0, -1)),
    method: actionName(action, httpMethod, hints, underItem, statics.slice(0, -1)),
  };
}

/**
 * Whether a POST's last segment names what the call makes, so that it is a resource with `create` (`POST
 * /chat/completions`: `chat.completions.create`; `POST /audio/transcriptions`, "Transcribe audio":
 * `audio.transcriptions.create`; `POST /images/edits`: `images.edits.create`), as the official OpenAI-style SDKs name
 * them: a noun (not a verb, not a CRUD word), and no verb of the operationId's or summary's says something else (`Send
 * a long code message` on `/messages/long_code` stays `sendLongCode`), unless the segment is made from that verb
 * (`transcriptions` from `transcribe`).
 */
function namesCreatedThing(segment: string, hints: PlacementHints, parents: readonly string[]): boolean {
  const words = splitWords(segment).map((word) => word.toLowerCase());
  // Every word a noun: `record_start`, `file_upload`, `bulk_set_public_ips`, `similarity-search` are acts.
  if (
    words.length === 0 ||
    words.some((word) => verbForm(word) !== undefined || CRUD_WORDS.has(word) || verbForm(singular(word)) !== undefined)
  )
    return false;
  // Plural: a kind of thing made again and again (`completions`, `edits`), not one thing acted on (`batch`, `rcs`).
  const last = words.at(-1)!;
  if (singular(last) === last) return false;
  const opVerb = firstWord(hints.operationId);
  if (opVerb !== '' && !CRUD_WORDS.has(opVerb) && verbForm(opVerb) !== undefined && !madeFrom(last, verbForm(opVerb)!))
    return false;
  const acting = actingVerb('post', hints.summary, parents);
  return acting === undefined || madeFrom(last, acting);
}

const READ_WORDS = new Set(['get', 'retrieve', 'fetch', 'show', 'view', 'read']);

/**
 * What a GET says it does: `list` where its summary or operationId says so (`List user tags`, `Get all tags`,
 * `get_all_tags`), else `read` one thing where its operationId says get (`GetUsage`: a report). A summary's `Get`
 * says nothing: summaries get lists too (`Get apps with access to the branch`).
 */
function readIntent(hints: PlacementHints): 'list' | 'read' | undefined {
  const words = (text: string | undefined): string[] => splitWords(text ?? '').map((word) => word.toLowerCase());
  const lists = ([first, second]: string[]): boolean =>
    first === 'list' || (first !== undefined && READ_WORDS.has(first) && second === 'all');
  const summary = words(hints.summary);
  const operationId = words(hints.operationId);
  if (lists(summary) || lists(operationId)) return 'list';
  return operationId[0] !== undefined && READ_WORDS.has(operationId[0]) ? 'read' : undefined;
}

/**
 * An operationId without the group it is prefixed with: its tag (`gists/get`, `actionsGetArtifact`,
 * `dropletActions_post_byTag` under tag `Droplet Actions`), or a `Group_` before a verb (`Pets_ListByOwner`), as
 * generators of other languages write them. Only where words remain, so `Gists` alone stays.
 */
export function withoutTagPrefix(operationId: string | undefined, tags: readonly string[] = []): string | undefined {
  if (operationId === undefined) return undefined;
  const words = splitWords(operationId);
  const lower = words.map((word) => word.toLowerCase());
  for (const tag of tags) {
    const tagWords = splitWords(tag).map((word) => word.toLowerCase());
    const same = (word: string, index: number): boolean =>
      word === tagWords[index] || singular(word) === singular(tagWords[index] ?? '');
    if (tagWords.length > 0 && lower.length > tagWords.length && lower.slice(0, tagWords.length).every(same))
      return words.slice(tagWords.length).join('_');
  }
  // `Group_Verb…`: the part before a separator is a group where a verb follows it.
  const separated = /^([A-Za-z0-9]+)[_/.]+([A-Za-z].*)$/.exec(operationId);
  if (separated) {
    const head = splitWords(separated[1]!).map((word) => word.toLowerCase());
    const next = splitWords(separated[2]!)[0]?.toLowerCase() ?? '';
    if (
      !CRUD_WORDS.has(head[0]!) &&
      verbForm(head[0]!) === undefined &&
      (CRUD_WORDS.has(next) || verbForm(next) !== undefined)
    )
      return separated[2];
  }
  return operationId;
}

const firstWord = (operationId: string | undefined): string => splitWords(operationId ?? '')[0]?.toLowerCase() ?? '';

/** CRUD verbs and their synonyms: an operationId starting with one says nothing the HTTP method does not. */
const CRUD_WORDS = new Set(
  'get list retrieve fetch read show view find search query create new post put patch update replace modify edit set submit delete destroy head options'.split(
    ' ',
  ),
);

/**
 * The operationId's first word when it is a domain verb for the resource itself: not a CRUD word, and every other
 * word of the operationId names the resource or its parents (`DialCall` on `/calls`: `dial`; `SendMessage` on
 * `/messages`: `send`; `add_assistant_tag` on `/assistants/{id}/tags`: `add`). `ListCalls` or `GetCallById` say
 * nothing new; `CallsList` or `v1_dial_call` do not start with a verb.
 */
export function domainVerb(
  operationId: string | undefined,
  statics: readonly string[],
  summary?: string,
  httpMethod?: HTTPMethod,
): string | undefined {
  const words = splitWords(operationId ?? '').map((word) => word.toLowerCase());
  const [verb, ...rest] = words;
  if (verb === undefined || rest.length === 0 || !/^[a-z]{3,}$/.test(verb) || CRUD_WORDS.has(verb)) return undefined;
  // A verb that only restates the HTTP method (`add_member` for a POST, `removeGroupUser` for a DELETE) says nothing.
  if (httpMethod !== undefined && METHOD_SYNONYMS[httpMethod]?.includes(verb)) return undefined;
  // A real verb, or one the summary starts with too: not a typo (`retreiveCountryCoverage`, `Get country coverage`)
  // or a noun (`DashboardMetrics`, `defaultColumns`).
  if (verbForm(verb) !== verb && firstWord(summary) !== verb) return undefined;
  const ownWords = resourceWords(statics);
  if (ownWords.has(verb) || ownWords.has(singular(verb))) return undefined;
  const named = (word: string): boolean => ownWords.has(word) || ownWords.has(singular(word));
  return rest.every(named) ? verb : undefined;
}

/** The words of a resource's path segments, each also singular (`oauth_clients`: oauth, clients, client). */
function resourceWords(statics: readonly string[]): Set<string> {
  return new Set(
    statics.flatMap((segment) =>
      splitWords(segment).flatMap((word) => [word.toLowerCase(), singular(word.toLowerCase())]),
    ),
  );
}

/**
 * The verb a summary starts with, where the call changes something and the verb says more than the HTTP method
 * (`Upload media`: `upload`; `Enables reputation`: `enable`); a GET reads, whatever its summary calls it.
 */
export function actingVerb(
  httpMethod: HTTPMethod,
  summary: string | undefined,
  statics: readonly string[],
): string | undefined {
  if (httpMethod === 'get' || httpMethod === 'head') return undefined;
  const [first, second, third] = splitWords(summary ?? '').map((word) => word.toLowerCase());
  const verb = verbForm(first ?? '');
  if (verb === undefined || CRUD_WORDS.has(verb) || METHOD_SYNONYMS[httpMethod]?.includes(verb)) return undefined;
  // A phrasal verb is not its first word (`Sign in`, `Log out`).
  if (second !== undefined && PARTICLES.has(second)) return undefined;
  // Two verbs offered as alternatives (`Enable or disable calling`, `Lock or unlock`): the call sets which, an update.
  if (second === 'or' && (verbForm(third ?? '') !== undefined || CRUD_WORDS.has(third ?? ''))) return undefined;
  // A verb that names the resource says nothing new of it (`Upload a file` on `/uploads` is its create), nor does one
  // the resource is the things made by (`Embed documents` on `/embeddings`, `Validate an address` on `/validations`).
  if (resourceWords(statics).has(verb)) return undefined;
  return namesThingsMadeBy(statics.at(-1) ?? '', verb) ? undefined : verb;
}

const PARTICLES = new Set(['in', 'out', 'up', 'off', 'on', 'down', 'over']);

/**
 * Verbs that only restate the HTTP method, in a summary or an operationId: `Add a member`, `Assign a role`, `Upload a
 * file` are a POST's create, `Remove a member`, `Unassign a role` a DELETE's delete. Decided from the evidence: the
 * OpenAI-style official SDKs keep create/delete there (`POST /files` "Upload a file": `files.create`; `POST
 * /users/{id}/roles` "Assign…": `roles.create`); so does a Stainless SDK without a hand-written name, and the corpus's
 * CRUD collections read so (trello `boards.create`, asana `attachments.create`, petstore `pet.create` for `addPet`).
 * Telnyx's SDK names some of those add/assign/upload/remove by hand (13 of its 1,151 methods); verbs that say more
 * than the method (`send`, `cancel`, `verify`) still win over it, as Telnyx's SDK names them (`send`: 11 of 13).
 */
const METHOD_SYNONYMS: Partial<Record<HTTPMethod, readonly string[]>> = {
  post: ['add', 'insert', 'assign', 'attach', 'upload'],
  delete: ['remove', 'unassign', 'detach'],
};

/**
 * The method name of an action segment:
 * - a segment the operationId starts with is a verb itself (`cancel` for `CancelOrder`), for a GET only where the
 *   summary starts with it too (`download`); so is one the summary starts with (`Unassign …`: `unassign`);
 * - a GET whose summary says Download reads a file: `download` and the segment (`Download job logs`: `downloadLogs`);
 * - a noun_verb segment is turned verb first when the operationId puts that verb first, its nouns spelt in full as
 *   the operationId or summary spells them: `record_start` + `StartConferenceRecording` -> `startRecording`;
 * - a segment that names a thing takes the verb the summary starts with (`Send a long code message`:
 *   `sendLongCode`);
 * - a POST whose operationId says create or update does that to a segment that names a thing, under an item or not
 *   (`createToken`, `POST /voice_clones/from_upload`: `createFromUpload`); a segment that starts with a verb or a
 *   CRUD word is the act itself (`delete_phone_numbers`, `setMetric`);
 * - otherwise POST takes the segment (`hangup`, `clone`), and GET, PUT, PATCH, DELETE prefix it with their verb
 *   (`retrieveJwks`; `list` for a GET that pages, or of a static segment whose summary or operationId says list:
 *   `listParticipants`, `listModels`; `updateRequirementGroup`), less the words that repeat the parent's name
 *   (`GET /networks/{id}/network_interfaces`: `listInterfaces`).
 */
function actionName(
  segment: string,
  httpMethod: HTTPMethod,
  hints: PlacementHints,
  underItem = false,
  parents: readonly string[] = [],
): string {
  const words = splitWords(segment);
  const idWords = splitWords(hints.operationId ?? '');
  const lowerId = idWords.map((word) => word.toLowerCase());
  const lower = words.map((word) => word.toLowerCase());
  // A GET reads something, which its segment names (`transcription`, `export`): only other methods act, and a GET
  // whose operationId and summary both start with its segment (`DownloadDocument`, `Download a document`).
  const summaryVerb = verbForm(firstWord(hints.summary));
  // The segment is a verb the operationId starts with (`CancelOrder`), not a noun it starts with (`OptionsUpdate`).
  const opIdSays = lower.length > 0 && lowerId[0] === lower[0] && verbForm(lower[0]!) !== undefined;
  const summarySays = lower.length > 0 && summaryVerb === lower[0];
  if (httpMethod === 'get' ? opIdSays && summarySays : opIdSays) return memberName(segment);
  // A GET whose summary says it downloads reads a file, as `download` names it (`Download job logs`: `downloadLogs`).
  if (httpMethod === 'get' && summaryVerb === 'download')
    return lower[0] === 'download' ? memberName(segment) : `download${pascalCase(segment)}`;
  const verbAt = lowerId.indexOf(lower[lower.length - 1]!);
  if (
    lower.length > 1 &&
    verbAt >= 0 &&
    lower.slice(0, -1).every((word) => lowerId.findIndex((idWord) => idWord.startsWith(word)) > verbAt)
  ) {
    // Spelt in full as the operationId or the summary spells them (`StartCallFork`, `Forking start`: `startForking`).
    const spellings = [...idWords, ...splitWords(hints.summary ?? '')];
    const spelt = (word: string): string =>
      spellings
        .filter((other) => other.toLowerCase().startsWith(word))
        .reduce((longest, other) => (other.length > longest.length ? other : longest), word);
    const nouns = lower.slice(0, -1).map(spelt);
    return memberName([lower[lower.length - 1]!, ...nouns].join(' '));
  }
  if (httpMethod !== 'get' && summarySays) return memberName(segment);
  // A segment that names a thing, not an act, takes the summary's verb (`Send a long code message`: `sendLongCode`),
  // less the segment's words made from that verb (`Validate codes` on `validation_codes`: `validateCodes`).
  const acting = actingVerb(httpMethod, hints.summary, parents);
  if (acting !== undefined && verbForm(lower[0] ?? '') === undefined && !CRUD_WORDS.has(lower[0] ?? '')) {
    const rest = words.filter((word) => !madeFrom(word, acting));
    return memberName([acting, ...rest].join(' '));
  }
  // A GET that answers pages lists (`jobs.listEvents`). One that answers a list that is not paged lists where no
  // item is above it (`org.listAuditLogs`), unless its operationId calls it a get: a report (`GetUsage`; the official
  // Telnyx and GitHub SDKs name those `retrieve…`/`get…`). Under an item it reads a part of the item: the official
  // Telnyx SDK names all 5 of those `retrieve…` (`emailMessages.retrieveEvents`, `emailDomains.retrieveDNSRecords`).
  const listed = hints.shape === 'page' || (!underItem && hints.shape === 'list' && readIntent(hints) !== 'read');
  const prefix = httpMethod === 'get' && listed ? 'list' : ACTION_PREFIX[httpMethod];
  const opVerb = firstWord(hints.operationId);
  if (
    httpMethod === 'post' &&
    (opVerb === 'create' || opVerb === 'update') &&
    lower[0] !== opVerb &&
    verbForm(lower[0] ?? '') === undefined &&
    !CRUD_WORDS.has(lower[0] ?? '')
  )
    return `${opVerb}${pascalCase(segment)}`;
  if (prefix === undefined || lower[0] === prefix) return memberName(segment);
  return `${prefix}${pascalCase(withoutParentName(segment, parents))}`;
}

/** A segment less the words that repeat its parent's name (`network_interfaces` under `/networks/{id}`: `interfaces`). */
function withoutParentName(segment: string, parents: readonly string[]): string {
  const words = splitWords(segment);
  const parent = splitWords(parents.at(-1) ?? '').map((word) => word.toLowerCase());
  if (parent.length === 0 || words.length <= parent.length) return segment;
  const same = parent.every((word, index) =>
    index === parent.length - 1 ? singular(word) === words[index]!.toLowerCase() : word === words[index]!.toLowerCase(),
  );
  // What is left must name something: not a letter (`schedule_e` under `/schedules` stays).
  return same && words[parent.length]!.length >= 3 ? words.slice(parent.length).join('_') : segment;
}

/**
 * Whether a segment's last word is the plural of a noun made from the verb: what each call of it makes (`embeddings`
 * from `embed`, `validations` from `validate`, `invitations` from `invite`). Not a gerund (`following`, which
 * `Follow a user` acts on), and not a word that only begins alike (`recordings` and `recover`).
 */
function namesThingsMadeBy(segment: string, verb: string): boolean {
  const last = splitWords(segment).at(-1)?.toLowerCase() ?? '';
  if (singular(last) === last) return false;
  let common = 0;
  while (common < last.length && common < verb.length && last[common] === verb[common]) common++;
  return common >= Math.max(5, verb.length - 3);
}

/** Whether a word is made from a verb: `validation` from `validate`, `transcriptions` from `transcribe`, `eval`. */
function madeFrom(word: string, verb: string): boolean {
  const lower = word.toLowerCase();
  let common = 0;
  while (common < lower.length && common < verb.length && lower[common] === verb[common]) common++;
  if (common >= Math.max(4, verb.length - 3) || (common === lower.length && common >= 3)) return true;
  // The whole verb and a suffix that makes a noun of it: `payment` from `pay`, `sender` from `send` (not `address`).
  const stem = verb.replace(/e$/, '');
  return lower.startsWith(stem) && /^(ment|ing|er|ion|ation|al)s?$/.test(lower.slice(stem.length));
}

/**
 * The verb a method's name puts before a resource's (`settleCreditAccount` before `creditAccount`: `settle`), where
 * that is a verb beyond CRUD: what the method does to that resource once it moves there.
 */
export function verbBefore(name: string, resource: string): string | undefined {
  const tail = resource.charAt(0).toUpperCase() + resource.slice(1);
  if (!name.endsWith(tail) || name.length === tail.length) return undefined;
  const head = name.slice(0, -tail.length);
  return verbForm(head) === head && !CRUD_WORDS.has(head) ? head : undefined;
}

/** The paths that some other path continues with a parameter: `/foo/bar` when `/foo/bar/{id}` exists. */
export function findCollectionPaths(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    const segments = ['', ...pathSegments(path)];
    for (let index = 1; index < segments.length; index++) {
      if (isParamSegment(segments[index]!) && !isParamSegment(segments[index - 1]!)) {
        out.add(normalise(segments.slice(0, index).join('/')));
      }
    }
  }
  return out;
}

/** The paths that some longer path continues: `/foo/bar` when `/foo/bar/baz` or `/foo/bar/{id}` exists. */
export function findContinuedPaths(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    const segments = ['', ...pathSegments(path)];
    for (let index = 2; index < segments.length; index++) out.add(normalise(segments.slice(0, index).join('/')));
  }
  return out;
}

/** A path's shape, as `pathSegments` reads it, with every param `{}`: `/a/{id}/b.json` -> `/a/{}/b`. */
export function normalise(path: string): string {
  return `/${pathSegments(path)
    .map((segment) => segment.replace(/\{[^}]*\}/g, '{}'))
    .join('/')}`;
}
