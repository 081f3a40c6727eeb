import { exampleArguments } from '../emit/examples.js';
import { allResources } from '../model/build-model.js';
import { derefSchema, objectMembers } from '../model/schemas.js';
import type { Method, SdkModel } from '../model/types.js';

/** One field of a request or response, as a TypeScript user of the SDK sees it. */
export interface FieldShape {
  required: boolean;
  nullable: boolean;
  /** `string`, `integer`, `array<string>`, `object`, `union`, ... */
  type: string;
  enum?: string[];
}

/** One method of the SDK: its route, arguments, fields and behaviour. */
export interface MethodSurface {
  /** `oauthClients.create` */
  id: string;
  resource: string;
  name: string;
  route: string;
  summary: string;
  description: string;
  deprecated: boolean;
  pathParams: string[];
  /** The call's shape, for examples: its positional arguments (path params), and the parent ids its params object names. */
  positional: string[];
  namedPathParams: string[];
  /** Request fields (query, header, body), by dotted path: `name`, `metadata.key`, `items[].price`. */
  params: Record<string, FieldShape>;
  /** Response body fields, by dotted path. */
  response: Record<string, FieldShape>;
  responseKind: string;
  pagination: string;
  security: string;
  /** An example call, for the report. */
  example: string;
}

/** The SDK as its users see it: the surface two versions of a spec are compared on. */
export interface Surface {
  defaultBaseURL: string;
  auth: Record<string, string>;
  resources: string[];
  methods: Record<string, MethodSurface>;
}

const MAX_DEPTH = 4;

/** The surface of `model`; `document` is the spec it was built from, whose schemas give the fields' shapes. */
export function buildSurface(model: SdkModel, document: unknown): Surface {
  const methods: Record<string, MethodSurface> = {};
  for (const resource of allResources(model.resources)) {
    for (const method of resource.methods) {
      const id = `${resource.chain.join('.')}.${method.name}`;
      methods[id] = methodSurface(document, id, resource.chain.join('.'), method);
    }
  }
  return {
    defaultBaseURL: model.defaultBaseURL,
    auth: Object.fromEntries(
      Object.entries(model.securitySchemes).map(([name, scheme]) => [name, JSON.stringify(scheme)]),
    ),
    resources: allResources(model.resources).map((resource) => resource.chain.join('.')),
    methods,
  };
}

function methodSurface(document: unknown, id: string, resource: string, method: Method): MethodSurface {
  const params: Record<string, FieldShape> = {};
  for (const param of [...method.queryParams, ...method.headerParams]) {
    params[param.name] = { ...shapeOf(document, param.schema), required: param.required };
  }
  if (method.body) {
    if (method.body.inline) flatten(document, method.body.schema, params);
    else params['body'] = { ...shapeOf(document, method.body.schema), required: method.body.required };
  }
  const response: Record<string, FieldShape> = {};
  const success = method.response.statuses[0]?.schema;
  if (success !== undefined) flatten(document, success, response);
  return {
    id,
    resource,
    name: method.name,
    route: `${method.httpMethod.toUpperCase()} ${method.path}`,
    summary: method.summary ?? '',
    description: method.description ?? '',
    deprecated: method.deprecated,
    pathParams: method.positionalPathParams.map(
      (param) => `${param.variable}: ${shapeOf(document, param.schema).type}`,
    ),
    positional: method.positionalPathParams.map((param) => param.variable),
    namedPathParams: method.namedPathParams.map((param) => param.name),
    params,
    response,
    responseKind: method.response.kind,
    pagination: method.pagination ? JSON.stringify(method.pagination) : '',
    security: JSON.stringify(method.security),
    example: `client.${id}(${exampleArguments(method, 'required').join(', ')})`,
  };
}

/**
 * Adds the fields a schema reaches to `out`, as a user's code reaches them: an object's members (`name`,
 * `metadata.key`), an array's items (`[]`, `items[].price`, a response that is an array of objects), a map's values
 * (`labels{}.name`), every option of a union and every part of an allOf, through `$ref`s. A renamed property of a
 * schema is then a change of every operation that returns or takes it, however deep.
 */
function flatten(document: unknown, schema: unknown, out: Record<string, FieldShape>): void {
  const visit = (current: unknown, prefix: string, depth: number, seen: ReadonlySet<unknown>): void => {
    const resolved = derefSchema(document, current);
    if (depth > MAX_DEPTH || seen.has(resolved)) return;
    const next = new Set(seen).add(resolved);
    const items = resolved['items'];
    if (items !== undefined && items !== null && typeof items === 'object' && !Array.isArray(items)) {
      visit(items, `${prefix}[]`, depth + 1, next);
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = resolved[key];
      if (Array.isArray(options)) for (const option of options) visit(option, prefix, depth + 1, next);
    }
    const values = resolved['additionalProperties'];
    if (values !== null && typeof values === 'object' && !Array.isArray(values)) {
      visit(values, `${prefix}{}`, depth + 1, next);
    }
    const { properties, required } = objectMembers(document, resolved);
    for (const [name, property] of Object.entries(properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const shape = shapeOf(document, property);
      // A member two union options share keeps the first option's shape.
      if (!(path in out)) out[path] = { ...shape, required: required.has(name) };
      visit(property, path, depth + 1, next);
    }
  };
  visit(schema, '', 0, new Set());
}

/** The type of a schema as a short, comparable text; nullability and enum values beside it. */
export function shapeOf(document: unknown, schema: unknown): FieldShape {
  const resolved = derefSchema(document, schema);
  const types = Array.isArray(resolved['type'])
    ? (resolved['type'] as string[])
    : typeof resolved['type'] === 'string'
      ? [resolved['type']]
      : [];
  const nullable = resolved['nullable'] === true || types.includes('null');
  const nonNull = types.filter((type) => type !== 'null');
  let type: string;
  if (resolved['oneOf'] || resolved['anyOf']) type = 'union';
  else if (nonNull.length > 1) type = nonNull.sort().join('|');
  else if (nonNull[0] === 'array' || (nonNull.length === 0 && resolved['items']))
    type = `array<${shapeOf(document, resolved['items']).type}>`;
  else if (nonNull[0]) type = nonNull[0];
  else if (resolved['properties'] || resolved['allOf']) type = 'object';
  else type = 'unknown';
  const enumValues = Array.isArray(resolved['enum'])
    ? (resolved['enum'] as unknown[]).filter((value) => value !== null).map((value) => JSON.stringify(value))
    : undefined;
  return { required: false, nullable, type, ...(enumValues && { enum: enumValues }) };
}
