import type { OpenAPIDocument } from '../core/openapi-document.js';
import { resolvePointer } from './refs.js';

/** `deepObjectParams` in the config: which `deepObject` query params the SDK takes as flat bracketed keys. */
export type DeepObjectParams = 'nested' | 'flat' | string[];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Rewrites, in place, each flattened `deepObject` query param into one plain query param per leaf, named as it is sent:
 * `page: { number, size }` becomes `page[number]` and `page[size]`. The wire is the same (`page[number]=1`); what
 * changes is the SDK's params type, `{ 'page[number]': 1 }` instead of `{ page: { number: 1 } }`, as SDKs generated
 * from a spec that listed the bracketed names take them. Done on the document, so the types and the model agree.
 * A param whose schema has no properties to spread (a free-form map, a union) stays as it is. A listed param in form
 * style (explode) is taken as deepObject too: naming it says what the spec's style left out.
 */
export function flattenDeepObjectParams(document: OpenAPIDocument, setting: DeepObjectParams | undefined): void {
  if (setting === undefined || setting === 'nested') return;
  const wanted = (name: string): boolean => setting === 'flat' || (Array.isArray(setting) && setting.includes(name));
  const rewrite = (list: unknown): unknown[] | undefined => {
    if (!Array.isArray(list)) return undefined;
    let changed = false;
    const out = list.flatMap((item: unknown) => {
      const param = resolveParam(document, item);
      if (!param || param['in'] !== 'query' || typeof param['name'] !== 'string' || !wanted(param['name']))
        return [item];
      // A param the list names is meant as deepObject even where its spec left the style at form's default (a spec that
      // says "deepObject style" in a description only): it is sent as `page[number]=1`, not `number=1`.
      const named =
        Array.isArray(setting) &&
        (param['style'] === undefined || param['style'] === 'form') &&
        param['explode'] !== false;
      if (param['style'] !== 'deepObject' && !named) return [item];
      const leaves = leafParams(document, param['schema'], {
        name: param['name'],
        required: param['required'] === true,
        seen: new Set(),
      });
      if (leaves === undefined || leaves.length === 0) return [item];
      changed = true;
      return leaves.map((leaf) => ({ ...leaf, ...(param['deprecated'] === true && { deprecated: true }) }));
    });
    return changed ? out : undefined;
  };
  for (const pathItem of Object.values(document.paths ?? {})) {
    if (!isNode(pathItem)) continue;
    const shared = rewrite(pathItem['parameters']);
    if (shared) pathItem['parameters'] = shared;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isNode(operation)) continue;
      const own = rewrite(operation['parameters']);
      if (own) operation['parameters'] = own;
    }
  }
}

function resolveParam(document: OpenAPIDocument, item: unknown): Node | undefined {
  let value = item;
  // A chain of refs is followed a few steps; the loader already checked that each resolves.
  for (let step = 0; step < 8 && isNode(value) && typeof value['$ref'] === 'string'; step++)
    value = resolvePointer(document, value['$ref']);
  return isNode(value) ? value : undefined;
}

/** Where a schema sits in the param being spread: its bracketed name, whether it is required, the schemas above it. */
interface Place {
  name: string;
  required: boolean;
  seen: ReadonlySet<unknown>;
}

/** One form param per leaf of `raw` at `place`, or undefined where the schema is not a plain object of properties. */
function leafParams(document: OpenAPIDocument, raw: unknown, { name, required, seen }: Place): Node[] | undefined {
  const schema = resolveParam(document, raw);
  if (!schema || seen.has(schema)) return undefined;
  const properties = schema['properties'];
  if (
    !isNode(properties) ||
    schema['oneOf'] ||
    schema['anyOf'] ||
    schema['allOf'] ||
    Object.keys(properties).length === 0
  )
    return undefined;
  const requiredMembers = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
  const inner = new Set(seen).add(schema);
  return Object.entries(properties).flatMap(([member, child]): Node[] => {
    const key = `${name}[${member}]`;
    const memberRequired = required && requiredMembers.has(member);
    const nested = resolveParam(document, child);
    // An object member spreads further (`filter[a][b]`); a leaf, an array or anything else is one param.
    const deeper =
      nested && (nested['type'] === 'object' || isNode(nested['properties']))
        ? leafParams(document, nested, { name: key, required: memberRequired, seen: inner })
        : undefined;
    if (deeper && deeper.length > 0) return deeper;
    const description = nested?.['description'];
    return [
      {
        name: key,
        in: 'query',
        ...(memberRequired && { required: true }),
        ...(typeof description === 'string' && { description }),
        schema: child,
      },
    ];
  });
}
