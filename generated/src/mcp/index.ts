// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { Telnyx } from '../client.js';
import { createMcpServer as createServer, type McpServerOptions } from './server.js';
import { defs, tools } from './tools.js';
export { defs, tools };
export { searchTools, selectFields, withDefs } from './server.js';
export type { ToolDefinition } from './server.js';
export { selectTools } from './cli.js';
/**
 * An MCP server for the API (connect it to a transport), calling it through `client` (default: a new Telnyx, configured
 * from the environment on the first call).
 */
export function createMcpServer(
  options: Partial<Omit<McpServerOptions, 'client' | 'name' | 'version'>> & { client?: Telnyx } = {},
): Server {
  let client = options.client;
  return createServer({
    ...options,
    name: 'telnyx',
    version: '0.1.0',
    tools: options.tools ?? tools,
    defs,
    client: () => (client ??= new Telnyx()),
  });
}
