// The MCP server every SDK ships (`<package>/mcp`, bin `<package>-mcp`): one tool per method, or three tools that
// search, describe and invoke them (`--tools=dynamic`), over stdio or Streamable HTTP. Every call goes through the
// SDK's own client: auth, retries, timeouts, redaction and errors are the SDK's. The generated `mcp/tools.ts` holds the
// tool table; this module holds the logic. `@modelcontextprotocol/sdk` is an optional peer dependency: only MCP users
// install it.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { APIError, SDKError } from '../core/error.js';

/** A JSON Schema object, as the tool table writes them. */
export type JsonSchema = { [key: string]: unknown };

/** One SDK method as a tool: how its arguments map onto the method's parameters. */
export interface ToolDefinition {
  /** `oauth_clients_create`: unique, at most 64 characters. */
  name: string;
  /** The method: `oauthClients.create`. */
  path: string[];
  httpMethod: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'trace';
  /** The route, for search: `post /oauth_clients`. */
  route: string;
  tags: string[];
  description: string;
  inputSchema: JsonSchema & { type: 'object' };
  /** The tool arguments the method takes positionally, in order (path params); the rest go in its params object. */
  positional: string[];
  /** Whether the method takes a params object at all. */
  takesParams: boolean;
}

/** The SDK client as the server needs it: reached by the tools' paths. */
export type ClientLike = object;

export interface McpServerOptions {
  name: string;
  version: string;
  tools: readonly ToolDefinition[];
  /** The component schemas the tools' `#/$defs/...` refs name, shared by all (each tool gets those it reaches). */
  defs?: Readonly<Record<string, JsonSchema>>;
  /** Makes the client a call goes through (per HTTP request, with the caller's API key; else once). */
  client: () => ClientLike;
  /** `all` (default): one tool per method; `dynamic`: three tools that search, describe and invoke them. */
  mode?: 'all' | 'dynamic';
  /** Characters of a result before it is cut, with a note saying so. Default 40,000. */
  maxResultChars?: number;
}

const FIELDS_ARGUMENT = '_fields';
const DEFAULT_MAX_RESULT_CHARS = 40_000;

/** An MCP server (not yet connected) for the given tools. */
export function createMcpServer(options: McpServerOptions): Server {
  const server = new Server({ name: options.name, version: options.version }, { capabilities: { tools: {} } });
  // The validator loads on the first call, not at start: listing tools is what an agent does first, and fast.
  let validator:
    | Promise<{
        getValidator(schema: never): (input: unknown) => { valid: boolean; errorMessage?: string | undefined };
      }>
    | undefined;
  const validators = new Map<string, (input: unknown) => { valid: boolean; errorMessage?: string | undefined }>();
  const validate = async (tool: ToolDefinition, args: unknown) => {
    let check = validators.get(tool.name);
    if (!check) {
      validator ??= import('@modelcontextprotocol/sdk/validation/ajv').then(
        ({ AjvJsonSchemaValidator }) => new AjvJsonSchemaValidator(),
      );
      check = (await validator).getValidator(schemaOf(tool) as never);
      validators.set(tool.name, check);
    }
    return check(args);
  };
  const defs = options.defs ?? {};
  // Each tool's schema with the $defs it reaches, made on first use (a large API's closures are not all needed).
  const schemas = new Map<string, JsonSchema & { type: 'object' }>();
  const schemaOf = (tool: ToolDefinition) => {
    let schema = schemas.get(tool.name);
    if (!schema) {
      schema = withDefs(tool.inputSchema, defs);
      schemas.set(tool.name, schema);
    }
    return schema;
  };
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const maxChars = options.maxResultChars ?? DEFAULT_MAX_RESULT_CHARS;

  const invoke = async (tool: ToolDefinition, input: unknown): Promise<CallToolResult> => {
    const args = { ...((input ?? {}) as Record<string, unknown>) };
    const fields = args[FIELDS_ARGUMENT];
    delete args[FIELDS_ARGUMENT];
    const checked = await validate(tool, args);
    if (!checked.valid)
      return errorResult(
        `Invalid arguments for ${tool.name}: ${checked.errorMessage ?? 'they do not match its input schema'}`,
      );
    try {
      const result = await callMethod(options.client(), tool, args);
      return toolResult(selectFields(result, fields), maxChars);
    } catch (error) {
      return errorResult(describeError(error));
    }
  };

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: options.mode === 'dynamic' ? dynamicTools() : options.tools.map((tool) => asTool(tool, schemaOf(tool))),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: input } = request.params;
    if (options.mode === 'dynamic') {
      if (name === 'list_api_endpoints')
        return toolResult(
          searchTools(options.tools, String((input as { search?: unknown } | undefined)?.search ?? '')),
          maxChars,
        );
      if (name === 'get_api_endpoint_schema') {
        const tool = byName.get(String((input as { endpoint?: unknown } | undefined)?.endpoint ?? ''));
        return tool
          ? toolResult(
              { name: tool.name, description: tool.description, inputSchema: schemaOf(tool) },
              Number.POSITIVE_INFINITY,
            )
          : errorResult(unknownEndpoint(input));
      }
      if (name === 'invoke_api_endpoint') {
        const { endpoint, args } = (input ?? {}) as { endpoint?: unknown; args?: unknown };
        const tool = byName.get(String(endpoint ?? ''));
        return tool ? invoke(tool, args) : errorResult(unknownEndpoint(input));
      }
      return errorResult(`Unknown tool: ${name}`);
    }
    const tool = byName.get(name);
    return tool ? invoke(tool, input) : errorResult(`Unknown tool: ${name}`);
  });
  return server;
}

/** Connects `server` to a transport (stdio, Streamable HTTP, or an in-memory one in tests). */
export async function connect(server: Server, transport: Transport): Promise<void> {
  await server.connect(transport);
}

/** `schema` with the `$defs` its `#/$defs/...` refs reach, transitively; without `$defs` where it reaches none. */
export function withDefs(
  schema: JsonSchema & { type: 'object' },
  defs: Readonly<Record<string, JsonSchema>>,
): JsonSchema & { type: 'object' } {
  const used = new Map<string, JsonSchema>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
      const name = ref.slice('#/$defs/'.length);
      const def = defs[name];
      if (def !== undefined && !used.has(name)) {
        used.set(name, def);
        visit(def);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(schema);
  if (used.size === 0) return schema;
  return { ...schema, $defs: Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

function asTool(tool: ToolDefinition, inputSchema: JsonSchema & { type: 'object' }): Tool {
  const readOnly = tool.httpMethod === 'get' || tool.httpMethod === 'head';
  const properties = (inputSchema['properties'] ?? {}) as Record<string, unknown>;
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: {
      ...inputSchema,
      properties: {
        ...properties,
        [FIELDS_ARGUMENT]: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Keep only these fields of the result (dot paths, e.g. data.id); the rest is left out to save context.',
        },
      },
    },
    annotations: {
      readOnlyHint: readOnly,
      destructiveHint: tool.httpMethod === 'delete',
      idempotentHint: readOnly || tool.httpMethod === 'put' || tool.httpMethod === 'delete',
      openWorldHint: true,
    },
  };
}

function dynamicTools(): Tool[] {
  return [
    {
      name: 'list_api_endpoints',
      description:
        "Lists the API's endpoints whose name, route, tag or description matches the search words (all of them; empty lists every one). Then read one with get_api_endpoint_schema and call it with invoke_api_endpoint.",
      inputSchema: {
        type: 'object',
        properties: { search: { type: 'string', description: 'Words to look for, e.g. "create oauth client".' } },
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    {
      name: 'get_api_endpoint_schema',
      description: 'The description and input schema of one endpoint, by the name list_api_endpoints gave.',
      inputSchema: { type: 'object', properties: { endpoint: { type: 'string' } }, required: ['endpoint'] },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    {
      name: 'invoke_api_endpoint',
      description: `Calls one endpoint with arguments that match its input schema. \`${FIELDS_ARGUMENT}\` among the arguments keeps only those fields of the result.`,
      inputSchema: {
        type: 'object',
        properties: { endpoint: { type: 'string' }, args: { type: 'object', additionalProperties: true } },
        required: ['endpoint'],
      },
      annotations: { openWorldHint: true },
    },
  ];
}

/** Tools whose name, route, tags or description contain every word of `search` (case-insensitive). */
export function searchTools(
  tools: readonly ToolDefinition[],
  search: string,
): Array<{ name: string; route: string; summary: string }> {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return tools
    .filter((tool) => {
      const text =
        `${tool.name} ${tool.path.join('.')} ${tool.route} ${tool.tags.join(' ')} ${tool.description}`.toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .map((tool) => ({ name: tool.name, route: tool.route, summary: tool.description.split('\n')[0]!.slice(0, 200) }));
}

function unknownEndpoint(input: unknown): string {
  return `Unknown endpoint: ${JSON.stringify((input as { endpoint?: unknown } | undefined)?.endpoint ?? null)}; list_api_endpoints gives the names.`;
}

/** Calls the SDK method the tool stands for: its positional arguments, then the rest as its params object. */
async function callMethod(client: ClientLike, tool: ToolDefinition, args: Record<string, unknown>): Promise<unknown> {
  let target: unknown = client;
  for (const name of tool.path.slice(0, -1)) target = (target as Record<string, unknown>)[name];
  const method = (target as Record<string, unknown>)[tool.path.at(-1)!];
  if (typeof method !== 'function') throw new SDKError(`The client has no method ${tool.path.join('.')}`);
  const positional = tool.positional.map((name) => args[name]);
  const rest = Object.fromEntries(Object.entries(args).filter(([name]) => !tool.positional.includes(name)));
  const result: unknown = await (method as (...values: unknown[]) => unknown).apply(
    target,
    tool.takesParams ? [...positional, rest] : positional,
  );
  // A page is its response body (items and paging fields): the agent asks for the next one with the paging params.
  const isPage =
    result !== null &&
    typeof result === 'object' &&
    'body' in result &&
    typeof (result as { hasNextPage?: unknown }).hasNextPage === 'function';
  const value = isPage ? (result as { body: unknown }).body : result;
  // Plain JSON: what a tool result can carry (no class instances, no undefined members).
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** Keeps only the dot paths in `fields` (each item of an array on the way); everything when none are given. */
export function selectFields(value: unknown, fields: unknown): unknown {
  if (!Array.isArray(fields) || fields.length === 0) return value;
  const paths = fields.filter((field): field is string => typeof field === 'string').map((field) => field.split('.'));
  const pick = (node: unknown, rest: string[][]): unknown => {
    if (Array.isArray(node)) return node.map((item) => pick(item, rest));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [head, ...tail] of rest) {
      if (head === undefined || !(head in node)) continue;
      const child = (node as Record<string, unknown>)[head];
      const deeper = rest.filter((path) => path[0] === head && path.length > 1).map((path) => path.slice(1));
      out[head] = tail.length === 0 || deeper.length === 0 ? child : pick(child, deeper);
    }
    return out;
  };
  return pick(value, paths);
}

/** The result as text (JSON), cut at `maxChars` with a note; an object also as `structuredContent`. */
export function toolResult(value: unknown, maxChars: number): CallToolResult {
  const text = value === undefined ? 'Done: the API sent no body.' : JSON.stringify(value, null, 2);
  const cut = text.length > maxChars;
  return {
    content: [
      {
        type: 'text',
        text: cut
          ? `${text.slice(0, maxChars)}\n… [cut: ${text.length - maxChars} more characters; pass ${FIELDS_ARGUMENT} to select fields]`
          : text,
      },
    ],
    ...(!cut &&
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) && { structuredContent: value as Record<string, unknown> }),
  };
}

function errorResult(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** The API's status and message (already masked by the client's redaction), or the SDK's own error. */
function describeError(error: unknown): string {
  if (error instanceof APIError) return `${error.constructor.name} (${error.status}): ${error.message}`;
  if (error instanceof SDKError) return `${error.constructor.name}: ${error.message}`;
  return `Error: ${error instanceof Error ? error.message : String(error)}`;
}
