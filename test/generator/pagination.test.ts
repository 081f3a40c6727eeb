// Pagination inference (issue 22 item 1): each common scheme is a rule; each case infers the scheme from a small spec,
// then walks every page of a loopback node:http server that pages that way, with the runtime and the inferred scheme.
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenAPIDocument } from '../../generator/load/load-spec.js';
import { allMethods, buildModel } from '../../generator/model/build-model.js';
import { BaseClient, type ClientOptions, type SDKConfig } from '../../templates/src/core/base-client.js';
import { nextPage, type PaginationScheme, requestPage } from '../../templates/src/core/pagination.js';
import { json, type SeenRequest, startServer, type TestServer } from '../support/http-server.js';

const CONFIG: SDKConfig = {
  packageName: 'pages-sdk',
  packageVersion: '0.0.1',
  defaultBaseURL: 'http://127.0.0.1:1',
  envPrefix: 'PAGES_SDK',
  securitySchemes: {},
  security: [],
  requiresCredentials: false,
};

class PagesClient extends BaseClient {
  constructor(options: ClientOptions = {}) {
    super(options, CONFIG);
  }
}

const ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id }));
const SIZE = 3;
const str = { type: 'string' };
const int = { type: 'integer' };
const bool = { type: 'boolean' };
const list = { type: 'array', items: { type: 'object', properties: { id: str } } };

interface Case {
  /** The query params the spec lists. */
  query: string[];
  /** The 200 response's schema (and declared headers). */
  response: Record<string, unknown>;
  headers?: Record<string, unknown>;
  /** What inference must find. */
  expected: Partial<PaginationScheme> & Record<string, unknown>;
  /** Requests a walk makes (default 3: pages of three, three and one); more where only an empty page tells the end. */
  requests?: number;
  /** The server: the items from `start` of a page of SIZE, answered as this API pages. */
  answer(request: URL, res: ServerResponse, server: string): void;
}

/** Index of the first item of the page a cursor (an item id) starts after. */
const afterID = (id: string | null): number => (id === null ? 0 : ITEMS.findIndex((item) => item.id === id) + 1);
const slice = (start: number) => ITEMS.slice(start, start + SIZE);
const num = (value: string | null, fallback: number): number => (value === null ? fallback : Number(value));

const CASES: Record<string, Case> = {
  'page / per_page, page count in meta': {
    query: ['page', 'per_page'],
    response: {
      type: 'object',
      properties: { data: list, meta: { type: 'object', properties: { page_number: int, total_pages: int } } },
    },
    expected: {
      kind: 'page-number',
      pageParam: 'page',
      currentPage: ['meta', 'page_number'],
      totalPages: ['meta', 'total_pages'],
    },
    answer: (url, res) => {
      const page = num(url.searchParams.get('page'), 1);
      json(res, 200, {
        data: slice((page - 1) * SIZE),
        meta: { page_number: page, total_pages: Math.ceil(ITEMS.length / SIZE) },
      });
    },
  },
  'page[number] / page[size]': {
    query: ['page[number]', 'page[size]'],
    response: { type: 'object', properties: { data: list } },
    expected: { kind: 'page-number', pageParam: 'page[number]' },
    requests: 4,
    answer: (url, res) => json(res, 200, { data: slice((num(url.searchParams.get('page[number]'), 1) - 1) * SIZE) }),
  },
  'pageNumber, totalPages': {
    query: ['pageNumber'],
    response: { type: 'object', properties: { results: list, pageNumber: int, totalPages: int } },
    expected: { kind: 'page-number', pageParam: 'pageNumber', currentPage: ['pageNumber'], totalPages: ['totalPages'] },
    answer: (url, res) => {
      const page = num(url.searchParams.get('pageNumber'), 1);
      json(res, 200, { results: slice((page - 1) * SIZE), pageNumber: page, totalPages: 3 });
    },
  },
  'offset / limit, total': {
    query: ['offset', 'limit'],
    response: { type: 'object', properties: { data: list, total: int } },
    expected: { kind: 'offset', offsetParam: 'offset', limitParam: 'limit', total: ['total'] },
    answer: (url, res) => json(res, 200, { data: slice(num(url.searchParams.get('offset'), 0)), total: ITEMS.length }),
  },
  'startAt / maxResults, isLast': {
    query: ['startAt', 'maxResults'],
    response: { type: 'object', properties: { values: list, isLast: bool } },
    expected: { kind: 'offset', offsetParam: 'startAt', limitParam: 'maxResults', isLast: ['isLast'] },
    answer: (url, res) => {
      const start = num(url.searchParams.get('startAt'), 0);
      json(res, 200, { values: slice(start), isLast: start + SIZE >= ITEMS.length });
    },
  },
  'a bare array, startAt / maxResults': {
    query: ['startAt', 'maxResults'],
    response: list,
    expected: { kind: 'offset', items: [], offsetParam: 'startAt', limitParam: 'maxResults' },
    answer: (url, res) => json(res, 200, slice(num(url.searchParams.get('startAt'), 0))),
  },
  'cursor in next_cursor': {
    query: ['cursor', 'limit'],
    response: { type: 'object', properties: { data: list, next_cursor: { type: 'string', nullable: true } } },
    expected: { kind: 'cursor', cursorParam: 'cursor', nextCursor: ['next_cursor'] },
    answer: (url, res) => {
      const start = num(url.searchParams.get('cursor'), 0);
      json(res, 200, { data: slice(start), next_cursor: start + SIZE < ITEMS.length ? String(start + SIZE) : null });
    },
  },
  'page_token in, next_page_token out': {
    query: ['page_token'],
    response: { type: 'object', properties: { items: list, next_page_token: str } },
    expected: { kind: 'cursor', cursorParam: 'page_token', nextCursor: ['next_page_token'] },
    answer: (url, res) => {
      const start = num(url.searchParams.get('page_token'), 0);
      json(res, 200, { items: slice(start), next_page_token: start + SIZE < ITEMS.length ? String(start + SIZE) : '' });
    },
  },
  'next_page_token both ways': {
    query: ['next_page_token', 'page_size'],
    response: { type: 'object', properties: { meetings: list, next_page_token: str } },
    expected: { kind: 'cursor', cursorParam: 'next_page_token', nextCursor: ['next_page_token'] },
    answer: (url, res) => {
      const start = num(url.searchParams.get('next_page_token'), 0);
      json(res, 200, {
        meetings: slice(start),
        next_page_token: start + SIZE < ITEMS.length ? String(start + SIZE) : '',
      });
    },
  },
  'cursor in a wrapper (response_metadata.next_cursor)': {
    query: ['cursor', 'limit'],
    response: {
      type: 'object',
      properties: { channels: list, response_metadata: { type: 'object', properties: { next_cursor: str } } },
    },
    expected: { kind: 'cursor', cursorParam: 'cursor', nextCursor: ['response_metadata', 'next_cursor'] },
    answer: (url, res) => {
      const start = num(url.searchParams.get('cursor'), 0);
      json(res, 200, {
        channels: slice(start),
        response_metadata: { next_cursor: start + SIZE < ITEMS.length ? String(start + SIZE) : '' },
      });
    },
  },
  'continue in, metadata.continue out': {
    query: ['continue', 'limit'],
    response: {
      type: 'object',
      properties: { items: list, metadata: { type: 'object', properties: { continue: str } } },
    },
    expected: { kind: 'cursor', cursorParam: 'continue', nextCursor: ['metadata', 'continue'] },
    answer: (url, res) => {
      const start = num(url.searchParams.get('continue'), 0);
      json(res, 200, {
        items: slice(start),
        metadata: start + SIZE < ITEMS.length ? { continue: String(start + SIZE) } : {},
      });
    },
  },
  'marker in, next_marker out': {
    query: ['marker', 'limit'],
    response: { type: 'object', properties: { entries: list, next_marker: str } },
    expected: { kind: 'cursor', cursorParam: 'marker', nextCursor: ['next_marker'] },
    answer: (url, res) => {
      const start = num(url.searchParams.get('marker'), 0);
      json(res, 200, {
        entries: slice(start),
        ...(start + SIZE < ITEMS.length && { next_marker: String(start + SIZE) }),
      });
    },
  },
  'after / limit in, has_more and last_id out': {
    query: ['after', 'before', 'limit'],
    response: { type: 'object', properties: { object: str, data: list, first_id: str, last_id: str, has_more: bool } },
    expected: { kind: 'cursor-id', cursorParam: 'after', hasMore: ['has_more'], cursorField: ['last_id'] },
    answer: (url, res) => {
      const page = slice(afterID(url.searchParams.get('after')));
      // The items' own ids differ from the cursors, so a walk by the last item's id would go wrong.
      json(res, 200, {
        object: 'list',
        data: page.map((item) => ({ id: `item_${item.id}` })),
        first_id: page[0]!.id,
        last_id: page.at(-1)!.id,
        has_more: page.at(-1) !== ITEMS.at(-1),
      });
    },
  },
  'starting_after in, has_more out: the last item id': {
    query: ['starting_after', 'ending_before', 'limit'],
    response: { type: 'object', properties: { data: list, has_more: bool } },
    expected: { kind: 'cursor-id', cursorParam: 'starting_after', hasMore: ['has_more'], idField: 'id' },
    answer: (url, res) => {
      const page = slice(afterID(url.searchParams.get('starting_after')));
      json(res, 200, { data: page, has_more: page.at(-1) !== ITEMS.at(-1) });
    },
  },
  'before only: first_id, backwards': {
    query: ['before', 'limit'],
    response: { type: 'object', properties: { data: list, first_id: str, has_more: bool } },
    expected: { kind: 'cursor-id', cursorParam: 'before', edge: 'first', cursorField: ['first_id'] },
    answer: (url, res) => {
      // Newest first: the first page is the last items, then the ones before.
      const before = url.searchParams.get('before');
      const end = before === null ? ITEMS.length : ITEMS.findIndex((item) => item.id === before);
      const page = ITEMS.slice(Math.max(0, end - SIZE), end);
      json(res, 200, { data: page, first_id: page[0]!.id, has_more: end - SIZE > 0 });
    },
  },
  'a next URL in the body': {
    query: ['limit'],
    response: { type: 'object', properties: { data: list, next: { type: 'string', format: 'uri', nullable: true } } },
    expected: { kind: 'next-url', nextURL: ['next'] },
    answer: (url, res, server) => {
      const start = num(url.searchParams.get('from'), 0);
      json(res, 200, {
        data: slice(start),
        next: start + SIZE < ITEMS.length ? `${server}/items?from=${start + SIZE}&limit=${SIZE}` : null,
      });
    },
  },
  'a relative next_page_uri': {
    query: ['PageSize', 'Page', 'PageToken'],
    response: {
      type: 'object',
      properties: { accounts: list, next_page_uri: { type: 'string', nullable: true }, page: int },
    },
    expected: { kind: 'next-url', nextURL: ['next_page_uri'] },
    answer: (url, res) => {
      const start = num(url.searchParams.get('PageToken'), 0);
      json(res, 200, {
        accounts: slice(start),
        page: 0,
        next_page_uri: start + SIZE < ITEMS.length ? `/items?PageToken=${start + SIZE}` : null,
      });
    },
  },
  'HAL _links.next.href': {
    query: ['size'],
    response: {
      type: 'object',
      properties: {
        items: list,
        _links: { type: 'object', properties: { next: { type: 'object', properties: { href: str } } } },
      },
    },
    expected: { kind: 'next-url', nextURL: ['_links', 'next', 'href'] },
    answer: (url, res, server) => {
      const start = num(url.searchParams.get('at'), 0);
      json(res, 200, {
        items: slice(start),
        _links: start + SIZE < ITEMS.length ? { next: { href: `${server}/items?at=${start + SIZE}` } } : {},
      });
    },
  },
  'a cursor in a response header the response declares': {
    query: ['pageToken', 'rowCount'],
    response: list,
    headers: { NextPageToken: { schema: str } },
    expected: { kind: 'cursor-header', items: [], cursorParam: 'pageToken', header: 'NextPageToken' },
    answer: (url, res) => {
      const start = num(url.searchParams.get('pageToken'), 0);
      const next: Record<string, string> = start + SIZE < ITEMS.length ? { nextpagetoken: String(start + SIZE) } : {};
      json(res, 200, slice(start), next);
    },
  },
  'a Link header the response declares': {
    query: ['since'],
    response: list,
    headers: { Link: { schema: str } },
    expected: { kind: 'link-header', items: [] },
    answer: (url, res, server) => {
      const start = num(url.searchParams.get('since'), 0);
      const link: Record<string, string> =
        start + SIZE < ITEMS.length
          ? { link: `<${server}/items?since=${start + SIZE}>; rel="next", <${server}/items>; rel="first"` }
          : {};
      json(res, 200, slice(start), link);
    },
  },
  'a Link header on an object with items': {
    query: ['per_page'],
    response: { type: 'object', properties: { total_count: int, repositories: list } },
    headers: { link: { $ref: '#/components/headers/link' } },
    expected: { kind: 'link-header', items: ['repositories'] },
    answer: (url, res, server) => {
      const start = num(url.searchParams.get('start'), 0);
      const link: Record<string, string> =
        start + SIZE < ITEMS.length ? { link: `<${server}/items?start=${start + SIZE}>; rel="next"` } : {};
      json(res, 200, { total_count: ITEMS.length, repositories: slice(start) }, link);
    },
  },
};

function specOf(entry: Case): OpenAPIDocument {
  return {
    openapi: '3.0.3',
    info: { title: 'Pages', version: '1' },
    components: { headers: { link: { schema: str } } },
    paths: {
      '/items': {
        get: {
          operationId: 'listItems',
          parameters: entry.query.map((name) => ({
            name,
            in: 'query',
            schema: name.includes('size') || name === 'limit' ? int : str,
          })),
          responses: {
            '200': {
              description: 'ok',
              ...(entry.headers && { headers: entry.headers }),
              content: { 'application/json': { schema: entry.response } },
            },
          },
        },
      },
    },
  } as unknown as OpenAPIDocument;
}

const inferred = (document: OpenAPIDocument): PaginationScheme | undefined =>
  allMethods(buildModel(document, {}, 'spec.json').resources)[0]!.pagination;

let server: TestServer;
let current: Case;
beforeAll(async () => {
  server = await startServer((request: SeenRequest, res) =>
    current.answer(new URL(request.url, server.url), res, server.url),
  );
});
afterAll(() => server.close());

describe('pagination inference, one rule per scheme, walked on a loopback server', () => {
  test.each(Object.entries(CASES))('%s', async (_name, entry) => {
    const scheme = inferred(specOf(entry));
    expect(scheme).toMatchObject(entry.expected);
    current = entry;
    const client = new PagesClient({ baseURL: server.url });
    const before = server.requests.length;
    const seen: string[] = [];
    const query = entry.query.includes('limit')
      ? { limit: SIZE }
      : entry.query.includes('maxResults')
        ? { maxResults: SIZE }
        : {};
    for await (const item of requestPage<unknown, { id: string }>(
      client,
      { method: 'get', path: '/items', query },
      scheme!,
      undefined,
      nextPage,
    ))
      seen.push(item.id);
    const ids = seen.map((id) => id.replace(/^item_/, ''));
    expect(ids.sort()).toEqual(ITEMS.map((item) => item.id));
    // Three pages of three, three and one: each fetched once, no request after the last (where the body tells it).
    expect(server.requests.length - before).toBe(entry.requests ?? 3);
  });

  test('a list with no paging params, or an object, does not page', () => {
    const plain: Case = { ...CASES['cursor in next_cursor']!, query: ['q'] };
    expect(inferred(specOf(plain))).toBeUndefined();
    const object: Case = {
      ...CASES['cursor in next_cursor']!,
      response: { type: 'object', properties: { id: str, next_cursor: str } },
    };
    expect(inferred(specOf(object))).toBeUndefined();
    // `has_more` without an after/before param says nothing of how to ask for the next page.
    const noParam: Case = { ...CASES['starting_after in, has_more out: the last item id']!, query: ['limit'] };
    expect(inferred(specOf(noParam))).toBeUndefined();
  });
});
