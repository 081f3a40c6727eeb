// The intermediate representation: everything the emitters need, with what they show of the spec resolved (examples,
// the MCP tools' JSON Schemas); of raw OpenAPI, only schemas (which openapi-typescript's types are named after).

export type { BodyEncoding, HTTPMethod } from '../../templates/src/core/base-client.js';
export type { PaginationScheme } from '../../templates/src/core/pagination.js';
// What the runtime understands is defined once, by the runtime; the model speaks its terms.
export type { AuthScheme } from '../../templates/src/internal/auth.js';
export type { ParamEncoding } from '../../templates/src/internal/params.js';
export type { ResponseKind } from '../../templates/src/internal/response.js';

import type { BodyEncoding, HTTPMethod } from '../../templates/src/core/base-client.js';
import type { PaginationScheme } from '../../templates/src/core/pagination.js';
import type { AuthScheme } from '../../templates/src/internal/auth.js';
import type { ParamEncoding } from '../../templates/src/internal/params.js';
import type { ResponseKind } from '../../templates/src/internal/response.js';
import type { WebhookScheme } from '../../templates/src/webhooks/verify.js';

export type { WebhookScheme };

/** A JSON Schema object as found in the spec, `$ref`s unresolved. */
export type Schema = Record<string, unknown>;

export interface PackageMeta {
  license: string;
  author?: string;
  repository?: string;
  homepage?: string;
}

export interface SdkModel {
  /** Spec file name as shown in banners. */
  specFile: string;
  /** The command the banners tell readers to run to regenerate the package. */
  regenerateCommand: string;
  title: string;
  description?: string;
  apiVersion: string;
  clientName: string;
  envPrefix: string;
  packageName: string;
  /**
   * The option that carries the API key or token (`apiKey`, or the official SDK's name for it, from the spec's code
   * samples) and the environment variable it defaults to.
   */
  keyOption: { name: string; env: string };
  /** The spec's servers by name (the `environment` option), where it has two or more; the first is the default. */
  environments: Array<{ name: string; url: string }>;
  packageVersion: string;
  packageDescription: string;
  /** package.json metadata, from the config or else the spec's info. */
  packageMeta: PackageMeta;
  defaultBaseURL: string;
  /** The security schemes the runtime applies, by name. */
  securitySchemes: Record<string, AuthScheme>;
  /** The spec's top-level security requirements: an operation's own, where they equal these, go unstated. */
  defaultSecurity: string[][];
  /**
   * Schemes with a credential of their own, beside `apiKey` (a spec with an admin key and a user key): scheme name ->
   * client option and environment variable. Empty for a spec with one key-carrying scheme.
   */
  schemeKeyOptions: Record<string, SchemeKeyOption>;
  /** Whether every operation needs credentials, so a client without any is an error at construction. */
  requiresCredentials: boolean;
  /** The header carrying idempotency keys on non-GET requests, from the config. */
  idempotencyHeader?: string;
  /** Header names (API keys) and body fields (`writeOnly`, `format: password`) that logs must mask. */
  secretHeaders: string[];
  secretFields: string[];
  /** Top-level resources, sorted by name; each may have children. */
  resources: Resource[];
  /** Named component schemas, exported as types. */
  models: NamedModel[];
  /** The events the API sends (`webhooks`, `x-webhooks`, `callbacks`), and how they are signed; absent when none. */
  webhooks?: WebhooksModel;
  /** The components the methods' `toolInput` schemas refer to (`#/$defs/<name>`), by name, sorted. */
  toolDefs: Record<string, JsonSchema>;
  /** Non-fatal problems found while modelling. */
  warnings: string[];
}

export interface NamedModel {
  /** The key under `components.schemas`. */
  key: string;
  /** The exported type name. */
  typeName: string;
  description?: string;
  deprecated: boolean;
}

export interface Resource {
  /** Property name on the parent: `oauthClients`. */
  property: string;
  /** Class name: `OAuthClients`. */
  className: string;
  /** Singular prefix of its types: `OAuthClient`. */
  typePrefix: string;
  /** Chain of property names from the client: `['calls', 'actions']`. */
  chain: string[];
  /** Module path under `src/resources`, without extension: `oauth-clients` or `calls/actions`. */
  modulePath: string;
  methods: Method[];
  children: Resource[];
}

export interface Param {
  /** Name in the spec: `page[size]`, `consent_token`. */
  name: string;
  /** Name as a variable (path params): `consentToken`. */
  variable: string;
  /**
   * Its key in the params object where that is not `name`: a query param named `include[]` is `include` (the brackets
   * say how the API reads a list, not what the caller calls it); sent under `name`.
   */
  key?: string;
  required: boolean;
  description?: string;
  deprecated: boolean;
  schema: Schema;
  /** `style`/`explode`/`allowReserved`, only where they differ from the location's default (then the runtime needs them). */
  encoding?: ParamEncoding;
  /**
   * The media type of a param given by `content` (`application/json`) rather than `schema`: its value is that
   * serialization of `schema`'s value, a string (as openapi-typescript types it), so examples serialize too.
   */
  content?: string;
  /** Its example values (model/method-examples.ts), named for the param where the schema says nothing more. */
  examples: ExampleValues;
}

/** A schema's example values: with its required members only, and with every member (model/examples.ts). */
export interface ExampleValues {
  required: unknown;
  all: unknown;
}

export interface RequestBody {
  /** The content type sent (a wildcard such as `*\/*` is sent as JSON). */
  contentType: string;
  /** The media type key as the spec writes it, which openapi-typescript's types are indexed by. */
  mediaType: string;
  encoding: BodyEncoding;
  required: boolean;
  schema: Schema;
  /** The component it names, when the schema is a plain `$ref` to `#/components/schemas/X`. */
  ref?: string;
  /** Whether the body is an object whose fields can sit beside query params in one params object. */
  isObject: boolean;
  /** Body fields the SDK names differently (`x-stainless-param`, `x-sdk-param`): SDK name -> wire name. */
  renames?: Record<string, string>;
  /**
   * A multipart form the operation also takes, beside this JSON body (OpenAI's uploads): the params accept either
   * shape, and the runtime sends multipart when the call carries a file. Its media type key, schema and component.
   */
  multipart?: { mediaType: string; schema: Schema; ref?: string };
  /**
   * Whether its fields do sit there: an object body none of whose fields shares a name with a query or header param.
   * Otherwise (Spotify's `ids` is both a query param and a body field) the params object holds the body as `body`.
   */
  inline: boolean;
  /** The params key of a body that is not inline (default `body`), from the config's `bodyParam`. */
  key?: string;
  /**
   * A binary body taken as an argument of its own before the params object (`update(key, body, params)`). Only ever set
   * beside other params, so its method's params are `mixed`; a lone binary body is the params argument itself.
   */
  positional?: boolean;
  /** Its example values (model/method-examples.ts). */
  examples: ExampleValues;
  /** Whether its schema has required members (so `{}` is no valid body). */
  hasRequiredMembers: boolean;
}

export interface Method {
  name: string;
  /** Other names of the same method, kept from an existing SDK's api.md (`--surface`). */
  aliases?: string[];
  /** The body content type api.md splits this method's route by (`multipart`: `post /documents?content-type=multipart`). */
  splitContentType?: string;
  httpMethod: HTTPMethod;
  /** The path template as in the spec, without a query part its path key may carry (`/things?beta=true`). */
  path: string;
  /** The spec's key of the path item, where it is not `path` (it carries a query): openapi-typescript's types use it. */
  pathKey?: string;
  /** Query params the path key fixes (`beta=true`): sent on every call, not the caller's to give. */
  fixedQuery?: Record<string, string>;
  operationId?: string;
  summary?: string;
  description?: string;
  /** The operation's tags, as the spec lists them (MCP tool selection). */
  tags?: string[];
  deprecated: boolean;
  /** Every path param, in path order; `positionalPathParams` are the method's leading arguments, `namedPathParams`
   * (the parent ids of a nested resource, by default) sit in the params object under their spec names. */
  pathParams: Param[];
  positionalPathParams: Param[];
  namedPathParams: Param[];
  queryParams: Param[];
  headerParams: Param[];
  body?: RequestBody;
  /** How the params object is made: none, query only, body only, or mixed (query/header keys split out). */
  paramsShape: 'none' | 'query' | 'body' | 'mixed';
  /** When a param or the body admits no value at all (the spec's schema contradicts itself), why; see admitsNoValue. */
  noValidInput?: string;
  /** Whether the params argument must be given (it has a required member). */
  paramsRequired: boolean;
  /** Whether `{}` is a valid params object (so an optional argument can default to it). */
  paramsAcceptEmpty: boolean;
  /** Type names this method exports. */
  paramsTypeName?: string;
  responseTypeName?: string;
  /** For a method that also streams events as a param asks (`response.events`), the type of one event. */
  eventTypeName?: string;
  /** For a paginated method, the page it resolves to (`OAuthClientsPage`: `Page<OAuthClientListResponse, OAuthClient>`). */
  pageTypeName?: string;
  /** For a paginated method, the name of one item's type where an existing SDK exports one (`--surface`: `ClusterListResponse`
   * beside `ClusterListResponsesDefaultFlatPagination`); the page's body is then `ClusterListPageResponse`. */
  itemTypeName?: string;
  response: {
    kind: ResponseKind;
    /** Success status codes with a body, in order, with the content type read. */
    statuses: Array<{ status: string; contentType?: string; ref?: string; schema?: Schema }>;
    /**
     * An event stream the response also offers beside bytes or text (`audio/mpeg` or `text/event-stream`), and the
     * boolean param that asks for it (`stream: true`); the method then answers with either, as its params say.
     */
    events?: { status: string; contentType: string; ref?: string; param: string };
    /**
     * The body a mock server answers with for the first success status (model/method-examples.ts); absent where the
     * answer has no body to show (no success body, bytes, or a HEAD).
     */
    example?: unknown;
  };
  /** Security requirements: alternatives of scheme names; `[]` among them means credentials are optional. */
  security: string[][];
  /** How the operation pages, for list operations. */
  pagination?: PaginationScheme;
  /** The component schema of one page item, when the items are `$ref`s to one. */
  pageItemRef?: string;
  /** Operation-level server, when the spec gives the path or operation one. */
  server?: string;
  /**
   * Its arguments as one JSON Schema object (path params, then the params object's members), for the MCP server's
   * tools; absent for a method that takes a file (a multipart form, or bytes as the body).
   */
  toolInput?: JsonSchema & { type: 'object' };
}

/** One event the API sends. */
export interface WebhookEvent {
  /** The key it is declared under (`callAnswered`, `fax.delivered`), or `operationId callbackName` for a callback. */
  key: string;
  /** Exported type name: `CallAnsweredWebhookEvent`. */
  typeName: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Where its payload's type comes from: a component schema, or the types module's `webhooks` entry (3.1 inline). */
  payload: { ref: string } | { webhook: string; method: string; mediaType: string } | { unknown: true };
  /** The payload schema, resolved one level, for examples (`sdkgen webhooks trigger`, tests). */
  schema?: Schema;
  /** The values a property of the payload declares for this event alone (`data.event_type: call.answered`). */
  discriminator?: { path: string[]; values: string[] };
  /** The spec's example of the payload, where it gives one. */
  example?: unknown;
}

export interface WebhooksModel {
  events: WebhookEvent[];
  /** How the webhooks are signed; undefined where neither the spec nor the config says (then `unwrap` cannot verify). */
  scheme?: WebhookScheme;
  /** The client option holding the key: `publicKey` (Ed25519) or `webhookSecret` (HMAC schemes). */
  keyOption: 'publicKey' | 'webhookSecret';
}

/** A security scheme's own credential: the client option that holds it and the environment variable it defaults to. */
export interface SchemeKeyOption {
  /** `adminAPIKey` */
  option: string;
  /** The variable's name after the prefix: `ADMIN_API_KEY`. */
  env: string;
}

/** A JSON Schema (draft-07 keywords plus `$defs`), as the MCP tools take their input (model/json-schema.ts). */
export type JsonSchema = { [key: string]: unknown };
