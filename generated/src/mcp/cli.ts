// Copied from templates/src/mcp/cli.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

// The `<package>-mcp` command: which tools to offer, and over which transport. Node only (the rest of the SDK is not),
// hence Node's types here alone.
/// <reference types="node" />
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { type ClientLike, createMcpServer, type JsonSchema, type ToolDefinition } from './server.js';

export interface McpCommand {
  name: string;
  version: string;
  tools: readonly ToolDefinition[];
  /** The component schemas the tools refer to (`#/$defs/...`). */
  defs: Readonly<Record<string, JsonSchema>>;
  /** The client, with this API key where the HTTP caller sent one (else the SDK's own: options, environment). */
  client: (apiKey?: string) => ClientLike;
  /** The API-key header an HTTP caller may send: `x-<prefix>-api-key` (or `Authorization: Bearer`). */
  apiKeyHeader: string;
}

const HELP = (command: string) => `Usage: ${command} [options]

Serves the API to AI agents over the Model Context Protocol, through this SDK's client.

Options:
  --tools all|dynamic       one tool per endpoint (default), or three that search, describe and invoke them
  --resource <glob>         only endpoints under these resources (e.g. oauth_clients, oauth*); --no-resource to exclude
  --operation read|write    only reading (GET) or writing endpoints; --no-operation to exclude
  --tool <name>             only these tools; --no-tool to exclude
  --tag <tag>               only endpoints with this tag; --no-tag to exclude
  --list                    print the selected tools and exit
  --transport stdio|http    stdio (default), or Streamable HTTP
  --host <host>             HTTP: the address to listen on (default 127.0.0.1)
  --port <port>             HTTP: the port (default 3000)
  --max-result-chars <n>    cut longer results, with a note (default 40000)
  -h, --help                show this help

The API key comes from the environment (as for the SDK); over HTTP, a caller may send its own in a header.`;

/** Runs the command; resolves when a stdio session or the HTTP server ends. */
export async function runMcpCommand(argv: readonly string[], command: McpCommand): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      tools: { type: 'string', default: 'all' },
      resource: { type: 'string', multiple: true },
      'no-resource': { type: 'string', multiple: true },
      operation: { type: 'string', multiple: true },
      'no-operation': { type: 'string', multiple: true },
      tool: { type: 'string', multiple: true },
      'no-tool': { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      'no-tag': { type: 'string', multiple: true },
      list: { type: 'boolean' },
      transport: { type: 'string', default: 'stdio' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '3000' },
      'max-result-chars': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${HELP(`${command.name}-mcp`)}\n`);
    return;
  }
  const mode = values.tools === 'dynamic' ? 'dynamic' : values.tools === 'all' ? 'all' : undefined;
  if (!mode) throw new Error(`--tools takes all or dynamic, not ${JSON.stringify(values.tools)}`);
  const tools = selectTools(command.tools, values);
  if (values.list) {
    for (const tool of tools) process.stdout.write(`${tool.name}\t${tool.route}\n`);
    return;
  }
  const maxResultChars = values['max-result-chars'] !== undefined ? Number(values['max-result-chars']) : undefined;
  const options = {
    name: command.name,
    version: command.version,
    tools,
    defs: command.defs,
    mode,
    ...(maxResultChars !== undefined && { maxResultChars }),
  } as const;
  if (values.transport === 'stdio') {
    // Made on the first call, so that listing the tools works before the API key is set.
    let client: ClientLike | undefined;
    await createMcpServer({ ...options, client: () => (client ??= command.client()) }).connect(
      new StdioServerTransport(),
    );
    return;
  }
  if (values.transport !== 'http')
    throw new Error(`--transport takes stdio or http, not ${JSON.stringify(values.transport)}`);
  const port = Number(values.port);
  // Loaded only for HTTP: stdio, the usual transport, starts without it.
  const { StreamableHTTPServerTransport } = await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
  // Stateless Streamable HTTP: a server and transport per request, with the caller's key (never from the URL).
  const http = createHttpServer((request, response) => {
    if (request.url?.split('?')[0] !== '/mcp') return void response.writeHead(404).end();
    void (async () => {
      const apiKey = callerKey(request, command.apiKeyHeader);
      const client = command.client(apiKey);
      const server = createMcpServer({ ...options, client: () => client });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      response.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(request, response);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(port, values.host, resolve));
  const address = http.address();
  process.stderr.write(
    `MCP server on http://${values.host}:${typeof address === 'object' && address ? address.port : port}/mcp\n`,
  );
}

/** The API key a caller sent: the SDK's header, else `Authorization: Bearer`. Never read from the URL. */
function callerKey(request: IncomingMessage, header: string): string | undefined {
  const own = request.headers[header.toLowerCase()];
  if (typeof own === 'string' && own !== '') return own;
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
}

type Selection = Partial<
  Record<
    'resource' | 'no-resource' | 'operation' | 'no-operation' | 'tool' | 'no-tool' | 'tag' | 'no-tag',
    string[] | undefined
  >
>;

/** The tools the flags select: each kind of flag narrows; its `--no-` form removes. */
export function selectTools(tools: readonly ToolDefinition[], selection: Selection): ToolDefinition[] {
  const glob = (pattern: string) =>
    new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
      'i',
    );
  const resource = (tool: ToolDefinition) => [
    tool.name.slice(0, tool.name.lastIndexOf('_')),
    tool.path.slice(0, -1).join('.'),
  ];
  const operation = (tool: ToolDefinition) => [
    tool.httpMethod === 'get' || tool.httpMethod === 'head' ? 'read' : 'write',
  ];
  const kinds: Array<[keyof Selection, keyof Selection, (tool: ToolDefinition) => string[]]> = [
    ['resource', 'no-resource', resource],
    ['operation', 'no-operation', operation],
    ['tool', 'no-tool', (tool) => [tool.name]],
    ['tag', 'no-tag', (tool) => tool.tags],
  ];
  return tools.filter((tool) =>
    kinds.every(([include, exclude, values]) => {
      const keys = values(tool);
      const matches = (patterns: string[] | undefined) =>
        (patterns ?? []).some((pattern) => keys.some((key) => glob(pattern).test(key)));
      return (!selection[include]?.length || matches(selection[include])) && !matches(selection[exclude]);
    }),
  );
}
