import { createHash } from 'node:crypto';
import type { OutputFile } from '../core/output-file.js';
import { allResources } from '../model/build-model.js';
import type { JsonSchema } from '../model/json-schema.js';
import type { Method, Resource, SdkModel } from '../model/types.js';
import { hasAPIKeyOption } from './client.js';
import { mcpBinName, packageBinName } from './package-files.js';
import { banner, literal, printSourceFile } from './source.js';
import { StructureKind } from './structure-kinds.js';

const NAME_LIMIT = 64;
const DESCRIPTION_CHARS = 600;

/** One tool of the table, as `templates/src/mcp/server.ts` reads it. */
interface ToolEntry {
  name: string;
  path: string[];
  httpMethod: string;
  route: string;
  tags: string[];
  description: string;
  inputSchema: JsonSchema;
  positional: string[];
  takesParams: boolean;
}

/** What mcpTools gives: read-only for its callers, which share it. */
interface McpTools {
  tools: ToolEntry[];
  defs: Record<string, JsonSchema>;
  skipped: string[];
}

/**
 * The tools: one per method an agent can call with JSON (methods that upload files are left out). Worked out once per
 * model: the table, the README and api.md all read them (on a Graph-sized spec, a second each).
 */
export function mcpTools(model: SdkModel): McpTools {
  let found = toolsOf.get(model);
  if (!found) toolsOf.set(model, (found = toolsOfModel(model)));
  return found;
}

const toolsOf = new WeakMap<SdkModel, McpTools>();

function toolsOfModel(model: SdkModel): McpTools {
  const tools: ToolEntry[] = [];
  const skipped: string[] = [];
  const taken = new Set<string>();
  for (const resource of allResources(model.resources)) {
    for (const method of resource.methods) {
      // The model gives every method an agent can call with JSON its input schema (model/tool-inputs.ts).
      const input = method.toolInput;
      if (input === undefined) {
        skipped.push(`${resource.chain.join('.')}.${method.name}`);
        continue;
      }
      tools.push({
        name: uniqueName(toolName(resource, method), taken),
        path: [...resource.chain, method.name],
        httpMethod: method.httpMethod,
        route: `${method.httpMethod} ${method.path}`,
        tags: method.tags ?? [],
        description: describe(method),
        // The components it reaches are in one shared table (`defs`), given to each tool by the server when listed.
        inputSchema: input,
        positional: method.positionalPathParams.map((param) => param.name),
        takesParams: method.paramsShape !== 'none' || method.paramsTypeName !== undefined,
      });
    }
  }
  return { tools, defs: model.toolDefs, skipped };
}

/** `oauth_clients_create`: the method's path from the client in snake case. */
function toolName(resource: Resource, method: Method): string {
  return [...resource.chain, method.name].map(snake).join('_');
}

function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** At most 64 characters (a hash of the whole name keeps long ones apart) and unique. */
function uniqueName(wanted: string, taken: Set<string>): string {
  let name =
    wanted.length <= NAME_LIMIT
      ? wanted
      : `${wanted.slice(0, NAME_LIMIT - 9)}_${createHash('sha256').update(wanted).digest('hex').slice(0, 8)}`;
  for (let n = 2; taken.has(name); n++) name = `${name.slice(0, NAME_LIMIT - String(n).length - 1)}_${n}`;
  taken.add(name);
  return name;
}

/** The summary, then the description's first paragraph, within a few hundred characters. */
function describe(method: Method): string {
  const summary = method.summary?.trim();
  const paragraph = method.description
    ?.trim()
    .split(/\n\s*\n/)[0]
    ?.replace(/\s+/g, ' ');
  const text =
    [summary, paragraph && paragraph !== summary ? paragraph : undefined].filter(Boolean).join('\n\n') ||
    `${method.httpMethod.toUpperCase()} ${method.path}`;
  return `${text.length > DESCRIPTION_CHARS ? `${text.slice(0, DESCRIPTION_CHARS - 1)}…` : text}${method.deprecated ? '\n\nDeprecated.' : ''}`;
}

/**
 * `src/mcp/tools.ts` (the table), `src/mcp/index.ts` (`createMcpServer` with this SDK's client) and `src/mcp/bin.ts`
 * (the `<package>-mcp` command). The logic is the runtime's (`templates/src/mcp`).
 */
export function emitMcp(model: SdkModel): OutputFile[] {
  const { tools, defs } = mcpTools(model);
  const apiKeyHeader =
    Object.values(model.securitySchemes).find(
      (scheme): scheme is Extract<typeof scheme, { type: 'apiKey' }> =>
        scheme.type === 'apiKey' && scheme.in === 'header',
    )?.name ?? `x-${model.envPrefix.toLowerCase().replace(/_/g, '-')}-api-key`;
  const client = model.clientName;
  const usesKey = hasAPIKeyOption(model);
  // A data table: one tool (and one schema) per line of JSON, in its final form. The formatter passes it through (on a
  // Graph-sized spec it is megabytes), and a change to one operation is a change to one line.
  const rows = (items: string[]) => (items.length === 0 ? '' : `\n${items.map((item) => `  ${item},`).join('\n')}\n`);
  const table: OutputFile = {
    path: 'src/mcp/tools.ts',
    text: [
      banner(model),
      "import type { JsonSchema, ToolDefinition } from './server.js';",
      '',
      `/** Every method of the SDK an agent can call, as an MCP tool (${tools.length}). */`,
      // Each row typed on its own: an array of a thousand object literals makes TypeScript build their union (TS2590).
      `export const tools: ToolDefinition[] = [${rows(tools.map((tool) => `${JSON.stringify(tool)} as ToolDefinition`))}];`,
      '',
      "/** The component schemas the tools' input schemas refer to (`#/$defs/...`). */",
      `export const defs: Record<string, JsonSchema> = {${rows(Object.entries(defs).map(([name, schema]) => `${JSON.stringify(name)}: ${JSON.stringify(schema)}`))}};`,
      '',
    ].join('\n'),
    final: true,
  };
  const index = printSourceFile(model, 'src/mcp/index.ts', [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ['Server'],
      moduleSpecifier: '@modelcontextprotocol/sdk/server/index.js',
    },
    { kind: StructureKind.ImportDeclaration, namedImports: [client], moduleSpecifier: '../client.js' },
    {
      kind: StructureKind.ImportDeclaration,
      namedImports: [
        { name: 'createMcpServer', alias: 'createServer' },
        { name: 'McpServerOptions', isTypeOnly: true },
      ],
      moduleSpecifier: './server.js',
    },
    { kind: StructureKind.ImportDeclaration, namedImports: ['defs', 'tools'], moduleSpecifier: './tools.js' },
    { kind: StructureKind.ExportDeclaration, namedExports: ['defs', 'tools'] },
    {
      kind: StructureKind.ExportDeclaration,
      namedExports: ['searchTools', 'selectFields', 'withDefs'],
      moduleSpecifier: './server.js',
    },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      namedExports: ['ToolDefinition'],
      moduleSpecifier: './server.js',
    },
    { kind: StructureKind.ExportDeclaration, namedExports: ['selectTools'], moduleSpecifier: './cli.js' },
    `/**
 * An MCP server for the API (connect it to a transport), calling it through \`client\` (default: a new ${client}, configured
 * from the environment on the first call).
 */
export function createMcpServer(options: Partial<Omit<McpServerOptions, 'client' | 'name' | 'version'>> & { client?: ${client} } = {}): Server {
  let client = options.client;
  return createServer({ ...options, name: ${literal(model.packageName)}, version: ${literal(model.packageVersion)}, tools: options.tools ?? tools, defs, client: () => (client ??= new ${client}()) });
}`,
  ]);
  const bin = printSourceFile(model, 'src/mcp/bin.ts', [
    '/// <reference types="node" />',
    { kind: StructureKind.ImportDeclaration, namedImports: [client], moduleSpecifier: '../client.js' },
    { kind: StructureKind.ImportDeclaration, namedImports: ['runMcpCommand'], moduleSpecifier: './cli.js' },
    { kind: StructureKind.ImportDeclaration, namedImports: ['defs', 'tools'], moduleSpecifier: './tools.js' },
    `runMcpCommand(process.argv.slice(2), {
  name: ${literal(model.packageName)},
  version: ${literal(model.packageVersion)},
  tools,
  defs,
  apiKeyHeader: ${literal(apiKeyHeader)},
  client: ${usesKey ? `(apiKey) => new ${client}(apiKey !== undefined ? { ${model.keyOption.name === 'apiKey' ? 'apiKey' : `${model.keyOption.name}: apiKey`} } : {})` : `() => new ${client}()`},
}).catch((error: unknown) => {
  process.stderr.write(\`error: \${error instanceof Error ? error.message : String(error)}\\n\`);
  process.exitCode = 1;
});`,
  ]);
  // The bin runs as a script: its shebang goes before the banner.
  return [table, index, { ...bin, text: `#!/usr/bin/env node\n${bin.text}` }];
}

/** The README's "Use with AI agents" section: the bin, the modes and flags, and client configuration snippets. */
export function mcpReadme(
  model: SdkModel,
  codeBlock: (language: string, lines: readonly string[]) => string[],
): string[] {
  const { tools, skipped } = mcpTools(model);
  if (tools.length === 0) return [];
  const bin = mcpBinName(model.packageName);
  const env = model.keyOption.env;
  const usesKey = hasAPIKeyOption(model);
  const args = JSON.stringify(['-y', '-p', model.packageName, '-p', '@modelcontextprotocol/sdk', bin]).replace(
    /,/g,
    ', ',
  );
  const config = (key: string, type?: string) => [
    '{',
    `  ${JSON.stringify(key)}: {`,
    `    ${JSON.stringify(packageBinName(model.packageName))}: {`,
    ...(type ? [`      "type": ${JSON.stringify(type)},`] : []),
    '      "command": "npx",',
    `      "args": ${args}${usesKey ? ',' : ''}`,
    ...(usesKey ? [`      "env": { ${JSON.stringify(env)}: "your key" }`] : []),
    '    }',
    '  }',
    '}',
  ];
  return [
    '## Use with AI agents (MCP)',
    '',
    `The package ships a [Model Context Protocol](https://modelcontextprotocol.io) server: \`${bin}\`, with one tool per method (${tools.length}${skipped.length > 0 ? `; ${skipped.length} that upload files are left out` : ''}). It calls the API through this SDK's client, so auth, retries, timeouts and errors are the SDK's. It needs \`@modelcontextprotocol/sdk\`, an optional peer dependency: projects that do not use MCP neither install nor bundle it.`,
    '',
    `- \`--tools=dynamic\`: three tools that search the endpoints, read one's schema and call it, for clients that cannot hold ${tools.length} tool definitions.`,
    '- `--resource <glob>`, `--operation read|write`, `--tool <name>`, `--tag <tag>` (each also as `--no-…`) choose the tools; `--list` prints them.',
    `- \`--transport http\` serves Streamable HTTP at \`http://127.0.0.1:3000/mcp\` (\`--host\`, \`--port\`); a caller may send its own key as \`Authorization: Bearer …\`. Keys never come from the URL and are never logged.`,
    '- Each tool takes `_fields` (dot paths) to keep only part of a result; results over 40,000 characters are cut, with a note saying so.',
    '',
    'Claude Desktop (`claude_desktop_config.json`) and Cursor (`.cursor/mcp.json`):',
    '',
    ...codeBlock('json', config('mcpServers')),
    '',
    'VS Code (`.vscode/mcp.json`):',
    '',
    ...codeBlock('json', config('servers', 'stdio')),
    '',
    'In your own program, `createMcpServer()` from the `/mcp` subpath gives the server to connect to any transport:',
    '',
    ...codeBlock('ts', [
      "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';",
      `import { createMcpServer } from ${literal(`${model.packageName}/mcp`)};`,
      '',
      "await createMcpServer({ mode: 'dynamic' }).connect(new StdioServerTransport());",
    ]),
  ];
}
