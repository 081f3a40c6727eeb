// Copied from templates/src/internal/endpoint.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

// Types only: what ties a generated method's request to openapi-typescript's `paths`, so that a method whose path,
// method, path params, query or body does not match the spec fails to compile. Nothing here exists at run time.
import type { HTTPMethod, RequestSpec } from '../core/request-spec.js';

/** The methods a path item declares: openapi-typescript writes `method?: never` for the others. */
export type MethodOf<Item> = {
  [M in keyof Item & HTTPMethod]-?: [NonNullable<Item[M]>] extends [never] ? never : M;
}[keyof Item & HTTPMethod];

/**
 * The path a request goes to for a path key: a query part (`/things?beta=true`, sent as fixed query params) and a
 * `#fragment` (which tells operations apart in the spec and is never sent) are not part of it.
 */
export type WirePath<Key extends string> = Key extends `${infer Head}?${string}`
  ? WirePath<Head>
  : Key extends `${infer Head}#${string}`
    ? Head extends ''
      ? '/'
      : Head
    : Key;

type Parameters<Operation, Location extends string> = Operation extends { parameters: infer Params }
  ? Location extends keyof Params
    ? NonNullable<Params[Location]>
    : never
  : never;

type Body<Operation> = Operation extends { requestBody?: infer RequestBody }
  ? NonNullable<RequestBody> extends { content: infer Content }
    ? Content[keyof Content]
    : never
  : never;

/**
 * A generated method's request, checked against the operation `Paths[Key][Method]`: the method must be one the path
 * item declares, the path its key's, the path params, query and body of the operation's types (a field the operation
 * has none of is `never`). `Unchecked` names the fields the SDK shapes its own way (params renamed from the spec's:
 * `include` for `include[]`, `x-sdk-param`; a params argument an existing SDK's api.md keeps where the spec has none),
 * checked by the method's own param types only, as a `params` object mixing query, header and body fields is.
 */
export type Endpoint<
  Paths,
  Key extends keyof Paths & string,
  Method extends MethodOf<Paths[Key]>,
  Unchecked extends 'query' | 'body' = never,
> = Omit<RequestSpec, 'method' | 'path' | 'pathParams' | Exclude<'query' | 'body', Unchecked>> & {
  method: Method;
  path: WirePath<Key>;
  pathParams?: Parameters<Operation<Paths, Key, Method>, 'path'>;
} & { [Field in Exclude<'query' | 'body', Unchecked>]?: Checked<Operation<Paths, Key, Method>>[Field] };

interface Checked<Operation> {
  query: Parameters<Operation, 'query'>;
  body: Body<Operation>;
}

type Operation<Paths, Key extends keyof Paths, Method> = NonNullable<Paths[Key][Method & keyof Paths[Key]]>;
