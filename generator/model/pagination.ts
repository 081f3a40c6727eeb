import { derefSchema, objectMembers, perSchema } from './schemas.js';
import type { Method, PaginationScheme, Schema } from './types.js';

const ITEM_FIELDS = ['data', 'items', 'results', 'records', 'entries', 'values'];

/** Query params that number pages, most specific first (`page[number]` beside a `page` object flattened by deepObjectParams). */
const PAGE_PARAMS = ['page[number]', 'page', 'page_number', 'pageNumber'];
/** Query params that skip items, and the page sizes sent beside them. */
const OFFSET_PARAMS = ['offset', 'startAt', 'start_at', 'skip', '$skip', 'firstRow', 'first_row'];
const LIMIT_PARAMS = [
  'limit',
  'maxResults',
  'max_results',
  'page_size',
  'pageSize',
  'per_page',
  'perPage',
  'count',
  '$top',
  'rowCount',
  'row_count',
];
/** Query params that take an opaque cursor from the previous page. */
const CURSOR_PARAMS = [
  'page[after]',
  'cursor',
  'after',
  'page_token',
  'pageToken',
  'next_token',
  'nextToken',
  'next_page_token',
  'continue',
  'marker',
  'continuation_token',
  'continuationToken',
  'starting_token',
];
/** Query params that take the id of the last (or first) item seen, beside a `has_more` flag in the body. */
const AFTER_ID_PARAMS = ['starting_after', 'after', 'after_id'];
const BEFORE_ID_PARAMS = ['ending_before', 'before', 'before_id'];
/** Where a body keeps its paging fields: the root, or one wrapper object. */
const META_OBJECTS = [
  [],
  ['meta'],
  ['pagination'],
  ['paging'],
  ['page_info'],
  ['pageInfo'],
  ['response_metadata'],
  ['metadata'],
  ['meta', 'page'],
  ['meta', 'pagination'],
];
/** Body fields holding the next cursor, besides `next_<param>` and the param's own name. */
const CURSOR_FIELDS = [
  'next_cursor',
  'nextCursor',
  'next_page_token',
  'nextPageToken',
  'next_token',
  'nextToken',
  'next_marker',
  'nextMarker',
  'continue',
  'continuation_token',
  'continuationToken',
  'cursor',
];

/**
 * Infers how a GET operation pages from its query parameters, response schema and response headers. Each scheme is a
 * rule below, tried in order from the most to the least explicit evidence. Returns `undefined` for anything that is
 * not clearly a list, so single-object GETs never turn into pages.
 */
export function inferPagination(document: unknown, method: Omit<Method, 'name'>): PaginationScheme | undefined {
  if (method.httpMethod !== 'get' || method.response.kind !== 'json') return undefined;
  const schema = method.response.statuses[0]?.schema;
  if (!schema) return undefined;
  const query = new Set(method.queryParams.map((param) => param.name));
  const param = (names: readonly string[]): string | undefined => names.find((name) => query.has(name));
  const root = derefSchema(document, schema);
  const at = (path: readonly string[]): Schema | undefined => schemaAt(document, root, path);
  const find = (...paths: string[][]): string[] | undefined => paths.find((path) => at(path) !== undefined);
  // One of `names` at the root or in a wrapper object (`meta.total_pages`, `pagination.next_cursor`).
  const field = (names: readonly string[], accept: (schema: Schema) => boolean = () => true): string[] | undefined => {
    for (const name of names) {
      for (const prefix of META_OBJECTS) {
        const schema = at([...prefix, name]);
        if (schema && accept(schema)) return [...prefix, name];
      }
    }
    return undefined;
  };

  // A `Link` header the response declares is the server's own way to the next page (GitHub).
  const headers = declaredHeaders(document, method);
  const linkHeader = headers.some((name) => name.toLowerCase() === 'link');
  // A cursor param whose next value comes in a response header the response declares (`NextPageToken`, `X-Next-Cursor`).
  const headerCursorParam = param(CURSOR_PARAMS);
  const cursorHeader =
    headerCursorParam === undefined
      ? undefined
      : headers.find((name) =>
          cursorHeaderNames(headerCursorParam).includes(
            name
              .toLowerCase()
              .replace(/^x-/, '')
              .replace(/[^a-z]/g, ''),
          ),
        );
  const listField = isArray(root)
    ? undefined
    : (ITEM_FIELDS.find((name) => isArray(at([name]))) ?? onlyArrayProperty(document, root));
  if (cursorHeader && (isArray(root) || listField !== undefined))
    return {
      kind: 'cursor-header',
      items: listField === undefined ? [] : [listField],
      cursorParam: headerCursorParam!,
      header: cursorHeader,
    };
  if (isArray(root)) {
    if (linkHeader || param(['page', 'per_page'])) return { kind: 'link-header', items: [] };
    // A bare array skipped through by `offset`/`startAt`: done at a short or empty page.
    const offsetParam = param(OFFSET_PARAMS);
    const limitParam = param(LIMIT_PARAMS);
    return offsetParam ? { kind: 'offset', items: [], offsetParam, ...(limitParam && { limitParam }) } : undefined;
  }
  if (listField === undefined) return undefined;
  const items = [listField];
  if (linkHeader) return { kind: 'link-header', items };

  // Page numbers: `page=2`, with the current page and the page count in the body where it says them.
  const pageParam = param(PAGE_PARAMS);
  if (pageParam) {
    const currentPage = find(
      ['meta', 'page_number'],
      ['meta', 'current_page'],
      ['page_number'],
      ['current_page'],
      ['pageNumber'],
      ['page'],
    );
    const totalPages = find(
      ['meta', 'total_pages'],
      ['total_pages'],
      ['totalPages'],
      ['meta', 'totalPages'],
      ['meta', 'pages'],
      ['pages'],
      ['page_count'],
      ['pageCount'],
    );
    const current =
      currentPage &&
      (isNumber(at(currentPage)) || at(currentPage)?.['type'] === undefined) &&
      at(currentPage)?.['properties'] === undefined
        ? currentPage
        : undefined;
    return {
      kind: 'page-number',
      items,
      pageParam,
      ...(current && { currentPage: current }),
      ...(totalPages && { totalPages }),
    };
  }
  // An opaque cursor the body hands back under a name of its own (`next_cursor`), or named as the param is
  // (`next_page_token` in both, `marker` -> `next_marker`, Kubernetes' `continue` -> `metadata.continue`).
  const cursorParam = param(CURSOR_PARAMS);
  if (cursorParam) {
    const own = [
      `next_${cursorParam}`,
      `next${cursorParam.charAt(0).toUpperCase()}${cursorParam.slice(1)}`,
      cursorParam,
    ];
    const nextCursor = find(['meta', 'cursors', 'after']) ?? field([...own, ...CURSOR_FIELDS], isScalar);
    if (nextCursor) return { kind: 'cursor', items, cursorParam, nextCursor };
  }
  // The id of the last item seen (`after`/`starting_after`), while the body says `has_more`; the cursor is the body's
  // `last_id` where it has one, else the last item's `id`. With only `before`, the pages run backwards from the first.
  const hasMore = field(['has_more', 'hasMore'], (schema) => isBoolean(schema) || schema['type'] === undefined);
  const afterParam = param(AFTER_ID_PARAMS);
  const beforeParam = afterParam === undefined ? param(BEFORE_ID_PARAMS) : undefined;
  if (hasMore && (afterParam ?? beforeParam)) {
    const edge = afterParam ? 'last' : 'first';
    const cursorField = field(edge === 'last' ? ['last_id', 'lastId'] : ['first_id', 'firstId'], isScalar);
    return {
      kind: 'cursor-id',
      items,
      cursorParam: (afterParam ?? beforeParam)!,
      hasMore,
      idField: 'id',
      ...(cursorField && { cursorField }),
      ...(edge === 'first' && { edge }),
    };
  }
  // The next page's URL in the body: `next`, `next_page_url`, `nextLink`, HAL's `_links.next.href`...
  const nextURL =
    find(['links', 'next'], ['_links', 'next', 'href'], ['@odata.nextLink']) ?? field(NEXT_URL_FIELDS, isString);
  if (nextURL && isString(at(nextURL))) return { kind: 'next-url', items, nextURL };
  // Skipping items: `offset`/`limit`, `startAt`/`maxResults`; done at a short page, the total, or `isLast`.
  const offsetParam = param(OFFSET_PARAMS);
  if (offsetParam) {
    const limitParam = param(LIMIT_PARAMS);
    const total = field(
      ['total', 'total_count', 'totalCount', 'total_results', 'totalResults', 'total_records'],
      isNumber,
    );
    const isLast = field(['isLast', 'is_last', 'last'], isBoolean);
    return {
      kind: 'offset',
      items,
      offsetParam,
      ...(limitParam && { limitParam }),
      ...(total && { total }),
      ...(isLast && { isLast }),
    };
  }
  return undefined;
}

/** `next`, `nextPage`, `next_page_url`, `nextLink`, `next_page_uri`, `NextPageLink`: a URL by its name. */
const NEXT_URL_FIELDS = [
  'next',
  'next_page_url',
  'nextPageUrl',
  'next_page_uri',
  'nextPageUri',
  'next_url',
  'nextUrl',
  'next_link',
  'nextLink',
  'NextPageLink',
  'next_page',
  'nextPage',
  'next_href',
  'nextHref',
];

/** The headers the operation's success response declares. */
function declaredHeaders(document: unknown, method: Omit<Method, 'name'>): string[] {
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths;
  const operation = paths?.[method.path]?.[method.httpMethod] as { responses?: Record<string, unknown> } | undefined;
  const status = method.response.statuses[0]?.status;
  const response = status === undefined ? undefined : derefSchema(document, operation?.responses?.[status]);
  const headers = response?.['headers'];
  return headers !== null && typeof headers === 'object' ? Object.keys(headers) : [];
}

/** Header names (lower case, letters only, without `x-`) that hold the next value of a cursor param. */
function cursorHeaderNames(cursorParam: string): string[] {
  const param = cursorParam.toLowerCase().replace(/[^a-z]/g, '');
  return [
    'nextpagetoken',
    'nextcursor',
    'nexttoken',
    'nextmarker',
    'continuationtoken',
    `next${param}`,
    param.startsWith('next') ? param : '',
  ].filter((name) => name !== '');
}

/** What a GET answers with: pages of items, a list (an array, or an object holding one), or one object. */
export type ResponseShape = 'page' | 'list' | 'object';

/** The shape of a GET's JSON response; `undefined` when the response says nothing (no JSON schema). */
export function responseShape(document: unknown, method: Omit<Method, 'name'>): ResponseShape | undefined {
  if (method.httpMethod !== 'get' || method.response.kind !== 'json') return undefined;
  const schema = method.response.statuses[0]?.schema;
  if (!schema) return undefined;
  if (inferPagination(document, method) !== undefined) return 'page';
  const root = derefSchema(document, schema);
  const list =
    isArray(root) ||
    ITEM_FIELDS.some((field) => isArray(schemaAt(document, root, [field]))) ||
    onlyArrayProperty(document, root) !== undefined;
  if (list) return 'list';
  // One object only when its fields are known: a `oneOf` of envelopes or a bare `object` says nothing.
  return Object.keys(objectMembers(document, root).properties).length > 0 ? 'object' : undefined;
}

function schemaAt(document: unknown, root: Schema, path: readonly string[]): Schema | undefined {
  let node: Schema | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    const property: unknown = objectMembers(document, node).properties[key];
    node = property === undefined ? undefined : derefSchema(document, property);
  }
  return node;
}

/** The one array member of an object schema, if it has exactly one; kept per schema (Graph's pages share a few). */
function onlyArrayProperty(document: unknown, schema: Schema): string | undefined {
  return onlyArrayOf(document, schema, () => findOnlyArrayProperty(document, schema));
}

const onlyArrayOf = perSchema<string | undefined>();

function findOnlyArrayProperty(document: unknown, schema: Schema): string | undefined {
  const arrays = Object.entries(objectMembers(document, schema).properties).filter(([, value]) =>
    isArray(derefSchema(document, value)),
  );
  return arrays.length === 1 ? arrays[0]![0] : undefined;
}

function isArray(schema: Schema | undefined): boolean {
  if (!schema) return false;
  const type = schema['type'];
  return (
    type === 'array' ||
    (Array.isArray(type) && type.includes('array')) ||
    (type === undefined && schema['items'] !== undefined)
  );
}

function hasType(schema: Schema | undefined, name: string): boolean {
  const type = schema?.['type'];
  return type === name || (Array.isArray(type) && type.includes(name));
}

function isString(schema: Schema | undefined): boolean {
  return hasType(schema, 'string');
}

function isNumber(schema: Schema | undefined): boolean {
  return hasType(schema, 'integer') || hasType(schema, 'number');
}

function isBoolean(schema: Schema | undefined): boolean {
  return hasType(schema, 'boolean');
}

/** A cursor is a string or a number; a field with no type says nothing against it. */
function isScalar(schema: Schema): boolean {
  return schema['type'] === undefined
    ? schema['properties'] === undefined && schema['items'] === undefined
    : isString(schema) || isNumber(schema);
}
