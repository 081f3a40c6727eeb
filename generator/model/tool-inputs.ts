// Each method's arguments as one JSON Schema (the MCP server's tools), resolved from the spec here so that the MCP
// emitter reads the model only. The components they reach are converted once, into one shared table.
import { type JsonSchema, JsonSchemaConverter } from './json-schema.js';
import type { Method, Resource } from './types.js';

/**
 * Sets `toolInput` on every method an agent can call with JSON (not one that uploads a multipart form, a binary body,
 * or takes its body as an argument of its own), and returns the components their schemas refer to, by name.
 */
export function addToolInputs(
  document: Record<string, unknown>,
  resources: readonly Resource[],
): Record<string, JsonSchema> {
  const converter = new JsonSchemaConverter(document);
  const visit = (resource: Resource): void => {
    for (const method of resource.methods) if (takesJSON(method)) method.toolInput = inputSchema(method, converter);
    for (const child of resource.children) visit(child);
  };
  for (const resource of resources) visit(resource);
  return Object.fromEntries([...converter.defs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether the method's arguments are JSON an agent can give: no file to upload, no bytes as an argument. */
function takesJSON(method: Method): boolean {
  const { body } = method;
  return !body || (body.encoding !== 'multipart' && body.encoding !== 'binary' && !body.positional);
}

/** The arguments as the SDK method takes them: path params, then its params object's members (query, headers, body). */
function inputSchema(method: Method, converter: JsonSchemaConverter): JsonSchema & { type: 'object' } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const add = (name: string, schema: JsonSchema, isRequired: boolean, description?: string) => {
    properties[name] =
      description && schema['description'] === undefined
        ? {
            ...schema,
            description: description
              .trim()
              .split(/\n\s*\n/)[0]!
              .slice(0, 300),
          }
        : schema;
    if (isRequired && !required.includes(name)) required.push(name);
  };
  for (const param of [...method.pathParams, ...method.queryParams, ...method.headerParams]) {
    add(
      param.name,
      converter.convert(param.schema),
      param.required || method.pathParams.includes(param),
      param.description,
    );
  }
  const body = method.body;
  if (body) {
    if (body.inline || method.paramsShape === 'body') {
      const object = converter.convert(body.schema);
      const resolved =
        object['$ref'] !== undefined
          ? (converter.defs.get(String(object['$ref']).slice('#/$defs/'.length)) ?? {})
          : object;
      const fields = (resolved['properties'] ?? {}) as Record<string, JsonSchema>;
      const fieldRequired = Array.isArray(resolved['required']) ? (resolved['required'] as string[]) : [];
      for (const [name, schema] of Object.entries(fields))
        add(name, schema, body.required && fieldRequired.includes(name));
      if (Object.keys(fields).length === 0 && object['$ref'] === undefined && resolved['type'] !== 'object')
        add(body.key ?? 'body', object, body.required);
    } else {
      add(body.key ?? 'body', converter.convert(body.schema), body.required);
    }
  }
  return { type: 'object', properties, ...(required.length > 0 && { required }) };
}
