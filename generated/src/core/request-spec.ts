// Copied from templates/src/core/request-spec.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

// One operation call as a generated method describes it to the runtime: data from the spec, no logic.
import type { HeadersLike } from '../internal/headers.js';
import type { ParamSerializers, ParamStyles } from '../internal/params.js';
import type { ResponseKind } from '../internal/response.js';
import type { PathSerializer } from '../internal/url.js';

/** HTTP methods as the spec spells them. */
export type HTTPMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** How a request body goes on the wire. */
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'binary' | 'text';

/** One operation call, as a generated resource method describes it. */
export interface RequestSpec {
  method: HTTPMethod;
  /** The path template from the spec, e.g. `/oauth_clients/{id}`. */
  path: string;
  pathParams?: Record<string, unknown>;
  /** Query parameters, when the operation has no body. */
  query?: object | undefined;
  /** The request body, when the operation has no query or header parameters. */
  body?: unknown;
  /** Parameters mixing query, header and body fields; split by `queryKeys` and `headerKeys`, the rest is the body. */
  params?: object | undefined;
  queryKeys?: readonly string[];
  headerKeys?: readonly string[];
  /** When the body does not sit in the params object (not an object, or a field named like a query param), its key. */
  bodyKey?: string;
  /**
   * Encoding and content type of the body (default: JSON). In a `params` object, a `bodyEncoding` says that the fields
   * which are neither query nor header parameters are the body.
   */
  bodyEncoding?: BodyEncoding;
  contentType?: string;
  /** The spec requires a body: in a params object, no body fields still send `{}` (an API may reject no body). */
  bodyRequired?: boolean;
  /**
   * Turns the body into what `fetch` sends, for encodings other than JSON (`multipartBody`, `binaryBody` from
   * core/uploads, `formBody` from internal/form). Passed by the methods that need one, so that a bundle holds only the
   * encoders its calls use; without one, a non-JSON body is sent as given.
   */
  encode?: (body: unknown) => BodyInit | Promise<BodyInit>;
  /** How to read a successful response (default: JSON). */
  response?: ResponseKind;
  /** Reads a successful `sse` response (`eventStream` from core/streaming); without one, the `Response` itself. */
  decode?: (response: Response) => unknown;
  /** The `Accept` header, when the success response is not JSON (`application/octet-stream`, `text/csv`). */
  accept?: string;
  /**
   * Security requirements, when the operation states its own: alternatives of scheme names; `[]` among them means
   * credentials are optional. Default: the spec's top-level requirements.
   */
  security?: readonly (readonly string[])[];
  /** An operation-level server from the spec, if it has one. */
  server?: string;
  /** Headers the method itself sends (under the caller's `headers`). */
  headers?: HeadersLike | undefined;
  /** Serializers for operations whose params use other OpenAPI styles than openapi-fetch's defaults. */
  querySerializer?: (query: Record<string, unknown>) => string;
  pathSerializer?: PathSerializer;
  /** `style`/`explode` of the params whose serialization is not their location's default, by name. */
  paramStyles?: ParamStyles;
  /** The serializers that read `paramStyles` (`styledParams` from internal/params); without them, every param is in its location's default style. */
  paramSerializers?: ParamSerializers;
  /** Body fields the SDK names differently from the API (`x-sdk-param`): SDK name -> wire name. */
  renames?: Readonly<Record<string, string>>;
  /**
   * `path` is a URL the server gave (a next-page link), not the caller: on another origin than the operation's base
   * URL it is refused, or sent without credentials where the client's `followCrossOriginPages` allows it.
   */
  linkFromServer?: boolean;
  /**
   * For a JSON body the operation also takes as a multipart form (`multipartIfFiles`): the form when the call's body
   * carries a file (an `Uploadable`), sent multipart; else undefined, and the body goes as JSON.
   */
  multipart?: (body: unknown) => Promise<FormData> | undefined;
  /** Query params the SDK names differently from the API (`include` for `include[]`): SDK name -> wire name. */
  queryNames?: Readonly<Record<string, string>>;
  /** Query params the operation's path fixes (`/things?beta=true`), sent on every call. */
  fixedQuery?: Readonly<Record<string, string>>;
}
