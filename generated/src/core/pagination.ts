// Copied from templates/src/core/pagination.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

import { parseResponse } from '../internal/response.js';
import { APIPromise } from './api-promise.js';
import type { BaseClient, RequestOptions, RequestSpec } from './base-client.js';

/**
 * How an operation pages, as the generator inferred it from the spec (or the SDK config declared it).
 * Paths are property names from the response body's root, e.g. `['meta', 'total_pages']`.
 */
export type PaginationScheme =
  /** `page[number]` in the query; `meta.page_number` / `meta.total_pages` in the body (Telnyx). */
  | {
      kind: 'page-number';
      items: readonly string[];
      pageParam: string;
      currentPage?: readonly string[];
      totalPages?: readonly string[];
    }
  /** A cursor in the query (`page[after]`, `cursor`) from a field of the body (`meta.cursors.after`, `next_cursor`). */
  | { kind: 'cursor'; items: readonly string[]; cursorParam: string; nextCursor: readonly string[] }
  /**
   * `starting_after`/`after` set to the last item's id while `has_more` is true (Stripe), or to the body's `last_id`
   * (`cursorField`) where it gives one; with `edge: 'first'`, `before` set to the first item's id (or `first_id`).
   */
  | {
      kind: 'cursor-id';
      items: readonly string[];
      cursorParam: string;
      hasMore: readonly string[];
      idField: string;
      cursorField?: readonly string[];
      edge?: 'first' | 'last';
    }
  /** A cursor in the query (`pageToken`) from a response header (`NextPageToken`), until a page comes without one. */
  | { kind: 'cursor-header'; items: readonly string[]; cursorParam: string; header: string }
  /** The next page's URL in the body (`links.next`, `next`). */
  | { kind: 'next-url'; items: readonly string[]; nextURL: readonly string[] }
  /** The next page's URL in an RFC 8288 `Link: <...>; rel="next"` header (GitHub). */
  | { kind: 'link-header'; items: readonly string[] }
  /** `offset`/`limit` in the query; done when a page comes back short, the total is reached, or `isLast` is true. */
  | {
      kind: 'offset';
      items: readonly string[];
      offsetParam: string;
      limitParam?: string;
      total?: readonly string[];
      isLast?: readonly string[];
    };

/** Where the next page is: new query values for the same operation, or a URL given by the server. */
export type NextPage = { query: Record<string, unknown> } | { url: string } | null;

/** Reads a value at a property path, or `undefined`. */
export function valueAt(body: unknown, path: readonly string[]): unknown {
  let node = body;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The items of a page body (an empty list when the path leads to no array). */
export function itemsOf<Item>(scheme: PaginationScheme, body: unknown): Item[] {
  const items = scheme.items.length === 0 ? body : valueAt(body, scheme.items);
  return Array.isArray(items) ? (items as Item[]) : [];
}

type SchemeOf<K extends PaginationScheme['kind']> = Extract<PaginationScheme, { kind: K }>;

/**
 * Finds the next page of one scheme from this page's query, body and headers. A list method passes the finder of its
 * scheme (`nextPageNumber`...), so that a bundle holds only the schemes its calls use. Pure, so they are tested alone.
 */
export type PageFinder<S extends PaginationScheme> = (
  scheme: S,
  query: Record<string, unknown>,
  body: unknown,
  headers: Headers,
) => NextPage;

export const nextPageNumber: PageFinder<SchemeOf<'page-number'>> = (scheme, query, body) => {
  if (itemsOf(scheme, body).length === 0) return null;
  const reported = scheme.currentPage ? Number(valueAt(body, scheme.currentPage)) : NaN;
  const current = Number.isFinite(reported) && reported > 0 ? reported : Number(query[scheme.pageParam] ?? 1);
  const total = scheme.totalPages ? Number(valueAt(body, scheme.totalPages)) : NaN;
  if (Number.isFinite(total) && current >= total) return null;
  return { query: { ...query, [scheme.pageParam]: current + 1 } };
};

export const nextCursorPage: PageFinder<SchemeOf<'cursor'>> = (scheme, query, body) => {
  const cursor = valueAt(body, scheme.nextCursor);
  if (cursor === undefined || cursor === null || cursor === '' || itemsOf(scheme, body).length === 0) return null;
  return { query: { ...query, [scheme.cursorParam]: cursor } };
};

export const nextCursorIDPage: PageFinder<SchemeOf<'cursor-id'>> = (scheme, query, body) => {
  const items = itemsOf(scheme, body);
  if (valueAt(body, scheme.hasMore) !== true || items.length === 0) return null;
  const given = scheme.cursorField ? valueAt(body, scheme.cursorField) : undefined;
  const edge = items[scheme.edge === 'first' ? 0 : items.length - 1];
  const cursor = given === undefined || given === null || given === '' ? valueAt(edge, [scheme.idField]) : given;
  return cursor === undefined || cursor === null ? null : { query: { ...query, [scheme.cursorParam]: cursor } };
};

export const nextCursorHeaderPage: PageFinder<SchemeOf<'cursor-header'>> = (scheme, query, body, headers) => {
  const cursor = headers.get(scheme.header);
  return cursor === null || cursor === '' || itemsOf(scheme, body).length === 0
    ? null
    : { query: { ...query, [scheme.cursorParam]: cursor } };
};

export const nextURLPage: PageFinder<SchemeOf<'next-url'>> = (scheme, _query, body) => {
  const url = valueAt(body, scheme.nextURL);
  return typeof url === 'string' && url !== '' && itemsOf(scheme, body).length > 0 ? { url } : null;
};

export const nextLinkHeaderPage: PageFinder<SchemeOf<'link-header'>> = (_scheme, _query, _body, headers) => {
  const url = parseLinkHeader(headers.get('link'))['next'];
  return url ? { url } : null;
};

export const nextOffsetPage: PageFinder<SchemeOf<'offset'>> = (scheme, query, body) => {
  const items = itemsOf(scheme, body);
  const offset = Number(query[scheme.offsetParam] ?? 0);
  const limit = scheme.limitParam ? Number(query[scheme.limitParam]) : NaN;
  if (items.length === 0 || (Number.isFinite(limit) && items.length < limit)) return null;
  if (scheme.isLast && valueAt(body, scheme.isLast) === true) return null;
  const total = scheme.total ? Number(valueAt(body, scheme.total)) : NaN;
  const next = offset + items.length;
  if (Number.isFinite(total) && next >= total) return null;
  return { query: { ...query, [scheme.offsetParam]: next } };
};

/** The next page of any scheme (the finders above, chosen by kind). */
export function nextPage(
  scheme: PaginationScheme,
  query: Record<string, unknown>,
  body: unknown,
  headers: Headers,
): NextPage {
  switch (scheme.kind) {
    case 'page-number':
      return nextPageNumber(scheme, query, body, headers);
    case 'cursor':
      return nextCursorPage(scheme, query, body, headers);
    case 'cursor-id':
      return nextCursorIDPage(scheme, query, body, headers);
    case 'cursor-header':
      return nextCursorHeaderPage(scheme, query, body, headers);
    case 'next-url':
      return nextURLPage(scheme, query, body, headers);
    case 'link-header':
      return nextLinkHeaderPage(scheme, query, body, headers);
    case 'offset':
      return nextOffsetPage(scheme, query, body, headers);
  }
}

/** `<https://a?page=2>; rel="next", <...>; rel="last"` -> `{ next: 'https://a?page=2', last: ... }`. */
export function parseLinkHeader(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (!match) continue;
    const rel = /rel="?([^";]+)"?/i.exec(match[2]!)?.[1];
    if (rel) for (const name of rel.split(/\s+/)) out[name] = match[1]!;
  }
  return out;
}

/** Fetches a page: the same operation with other query values, or a server-given URL. */
export type PageFetcher<Body> = (next: { query: Record<string, unknown> } | { url: string }) => APIPromise<Body>;

/**
 * One page of a list: its items as `data`, the whole response `body`, and the way to the next page. Iterating a page
 * with `for await` walks every item of this page and the ones after it, fetching lazily.
 */
export class Page<Body, Item> implements AsyncIterable<Item> {
  /** The items of this page. */
  readonly data: Item[];
  /** The whole response body of this page. */
  readonly body: Body;
  /** The raw response of this page. */
  readonly response: Response;
  readonly #next: NextPage;
  readonly #fetchPage: PageFetcher<Body>;
  readonly #scheme: PaginationScheme;
  readonly #find: PageFinder<never>;

  constructor(
    scheme: PaginationScheme,
    query: Record<string, unknown>,
    body: Body,
    response: Response,
    fetchPage: PageFetcher<Body>,
    find: PageFinder<never>,
  ) {
    this.#scheme = scheme;
    this.body = body;
    this.response = response;
    this.data = itemsOf<Item>(scheme, body);
    this.#next = (find as PageFinder<PaginationScheme>)(scheme, query, body, response.headers);
    this.#fetchPage = fetchPage;
    this.#find = find;
  }

  /** Whether there is a page after this one. */
  hasNextPage(): boolean {
    return this.#next !== null;
  }

  /** Fetches the next page; throws when there is none (check `hasNextPage()` first). */
  async getNextPage(): Promise<Page<Body, Item>> {
    const next = this.#next;
    if (next === null) throw new Error('No next page: check hasNextPage() before calling getNextPage().');
    const { data, response } = await this.#fetchPage(next).withResponse();
    const query = 'query' in next ? next.query : {};
    return new Page<Body, Item>(this.#scheme, query, data, response, this.#fetchPage, this.#find);
  }

  /** This page and every page after it. */
  async *iterPages(): AsyncGenerator<Page<Body, Item>> {
    let page: Page<Body, Item> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}

/**
 * What a list method returns: `await` it for the first page, or `for await` over it for every item of every page.
 */
export class PagePromise<Body, Item> extends APIPromise<Page<Body, Item>> implements AsyncIterable<Item> {
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    const page = await this;
    yield* page;
  }
}

/**
 * Sends a list request; the result is the first page, and iterating it walks every item of every page. `find` is the
 * finder of the scheme's kind (`nextPageNumber` for `page-number`...).
 */
export function requestPage<Body, Item>(
  client: BaseClient,
  spec: RequestSpec,
  pagination: PaginationScheme,
  options: RequestOptions | undefined,
  find: PageFinder<never>,
): PagePromise<Body, Item> {
  const firstQuery = { ...((spec.query ?? {}) as Record<string, unknown>) };
  const fetchPage = (next: { query: Record<string, unknown> } | { url: string }): APIPromise<Body> =>
    'url' in next
      ? client.request<Body>(urlSpec(spec, next.url, client.baseURL), options)
      : client.request<Body>({ ...spec, query: next.query }, options);
  return client.requestWith(
    spec,
    options,
    (sent, mode) =>
      new PagePromise<Body, Item>(
        sent,
        async (raw) =>
          new Page<Body, Item>(
            pagination,
            firstQuery,
            await parseResponse<Body>(raw, 'json'),
            raw.response,
            fetchPage,
            find,
          ),
        mode,
      ),
  );
}

/**
 * A request to a server-given URL (a next page): the same operation, at that URL, with no params of its own. Marked as
 * the server's link, so that the client refuses it on another origin (or sends it without credentials).
 */
function urlSpec(spec: RequestSpec, url: string, baseURL: string): RequestSpec {
  const absolute = new URL(url, `${baseURL.replace(/\/+$/, '')}/`);
  const query = Object.fromEntries(absolute.searchParams);
  return {
    ...spec,
    path: absolute.origin + absolute.pathname,
    query,
    pathParams: {},
    params: undefined,
    linkFromServer: true,
  };
}
