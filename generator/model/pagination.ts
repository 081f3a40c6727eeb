import { derefSchema, objectMembers, perSchema } from './schemas.js';
import type { Method, PaginationScheme, Schema } from './types.js';

const ITEM_FIELDS = ['data', 'items', 'results', 'records', 'entries', 'values'];

/**
 * Infers how a GET operation pages from its query parameters and response schema. Returns `undefined` for anything
 * that is not clearly a list, so single-object GETs never turn into pages.
 */
export function inferPagination(document: unknown, method: Omit<Method, 'name'>): PaginationScheme | undefined {
  if (method.httpMethod !== 'get' || method.response.kind !== 'json') return undefined;
  const schema = method.response.statuses[0]?.schema;
  if (!schema) return undefined;
  const query = new Set(method.queryParams.map((param) => param.name));
  const root = derefSchema(document, schema);
  const at = (path: readonly string[]): Schema | undefined => schemaAt(document, root, path);

  if (isArray(root)) {
    return query.has('page') || query.has('per_page') ? { kind: 'link-header', items: [] } : undefined;
  }
  const itemsField = ITEM_FIELDS.find((field) => isArray(at([field]))) ?? onlyArrayProperty(document, root);
  if (itemsField === undefined) return undefined;
  const items = [itemsField];

  const find = (...paths: string[][]): string[] | undefined => paths.find((path) => at(path) !== undefined);
  const pageParam = ['page[number]', 'page', 'page_number'].find((name) => query.has(name));
  if (pageParam) {
    const currentPage = find(['meta', 'page_number'], ['meta', 'current_page'], ['page_number'], ['current_page'], ['page']);
    const totalPages = find(['meta', 'total_pages'], ['total_pages'], ['meta', 'pages'], ['pages'], ['page_count']);
    return { kind: 'page-number', items, pageParam, ...(currentPage && { currentPage }), ...(totalPages && { totalPages }) };
  }
  const cursorParam = ['page[after]', 'cursor', 'after', 'page_token', 'pageToken', 'next_token'].find((name) => query.has(name));
  if (query.has('starting_after') && find(['has_more'])) {
    return { kind: 'cursor-id', items, cursorParam: 'starting_after', hasMore: ['has_more'], idField: 'id' };
  }
  if (cursorParam) {
    const nextCursor = find(['meta', 'cursors', 'after'], ['meta', 'next_cursor'], ['next_cursor'], ['nextCursor'], ['cursor'], ['next_page_token'], ['nextPageToken'], ['next_token'], ['pagination', 'next_cursor']);
    if (nextCursor) return { kind: 'cursor', items, cursorParam, nextCursor };
  }
  const nextURL = find(['links', 'next'], ['next'], ['meta', 'next'], ['pagination', 'next'], ['next_page_url']);
  if (nextURL && isString(at(nextURL))) return { kind: 'next-url', items, nextURL };
  if (query.has('offset')) {
    const total = find(['total'], ['total_count'], ['meta', 'total'], ['meta', 'total_count']);
    return { kind: 'offset', items, offsetParam: 'offset', ...(query.has('limit') && { limitParam: 'limit' }), ...(total && { total }) };
  }
  return undefined;
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
  const list = isArray(root) || ITEM_FIELDS.some((field) => isArray(schemaAt(document, root, [field]))) || onlyArrayProperty(document, root) !== undefined;
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
  const arrays = Object.entries(objectMembers(document, schema).properties).filter(([, value]) => isArray(derefSchema(document, value)));
  return arrays.length === 1 ? arrays[0]![0] : undefined;
}

function isArray(schema: Schema | undefined): boolean {
  if (!schema) return false;
  const type = schema['type'];
  return type === 'array' || (Array.isArray(type) && type.includes('array')) || (type === undefined && schema['items'] !== undefined);
}

function isString(schema: Schema | undefined): boolean {
  const type = schema?.['type'];
  return type === 'string' || (Array.isArray(type) && type.includes('string'));
}
