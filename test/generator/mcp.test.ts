// The MCP server every SDK ships (issue #24), driven by the MCP SDK's own Client: in memory against the committed
// Telnyx OAuth SDK and the mock server its tests use, over stdio by spawning its bin, and its tool table for the full
// Telnyx spec in dynamic mode.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { Telnyx } from '../../generated/src/client.js';
import { createMcpServer, tools, withDefs } from '../../generated/src/mcp/index.js';
import { mcpTools } from '../../generator/emit/mcp.js';
import { json, startServer, type TestServer } from '../support/http-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text: string }>;
  structuredContent?: Record<string, unknown>;
};

async function connected(server: ReturnType<typeof createMcpServer>): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test', version: '1' });
  await client.connect(clientSide);
  return client;
}

let mock: Client;
let api: TestServer;

beforeAll(async () => {
  const sdk = new Telnyx({ apiKey: 'test-key', baseURL: inject('TEST_API_BASE_URL'), maxRetries: 0 });
  mock = await connected(createMcpServer({ client: sdk }));
  // An API that echoes the key it was sent, in the body and a header, with a 401.
  api = await startServer((request, response) =>
    json(
      response,
      401,
      { errors: [{ detail: `bad key ${String(request.headers['authorization'])}` }] },
      { 'x-echo': String(request.headers['authorization']) },
    ),
  );
}, 60_000);
afterAll(async () => {
  await mock?.close();
  await api?.close();
});

describe('tools/list', () => {
  test('one tool per method, named from the SDK path, unique and at most 64 characters, with annotations from the method', async () => {
    const { tools: listed } = await mock.listTools();
    expect(listed).toHaveLength(17);
    const byName = new Map(listed.map((tool) => [tool.name, tool]));
    expect(new Set(byName.keys()).size).toBe(17);
    for (const name of byName.keys()) expect(name).toMatch(/^[a-z0-9_]{1,64}$/);
    expect(byName.get('oauth_clients_create')?.annotations).toEqual({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
      openWorldHint: true,
    });
    expect(byName.get('oauth_clients_list')?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(byName.get('oauth_clients_delete')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
    });
    expect(byName.get('oauth_clients_create')?.description).toMatch(/^Create OAuth client/);
  });

  test('every input schema compiles under Ajv strict mode, an object at the top without anyOf there', async () => {
    const { tools: listed } = await mock.listTools();
    const ajv = addFormats(new Ajv({ strict: true, allErrors: true }));
    for (const tool of listed) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.inputSchema).not.toHaveProperty('anyOf');
      expect(() => ajv.compile(tool.inputSchema), tool.name).not.toThrow();
    }
  });
});

describe('tools/call against the mock server', () => {
  // Arguments for each tool from its schema: required members with values the mock accepts.
  const args: Record<string, Record<string, unknown>> = {
    oauth_clients_create: {
      allowed_grant_types: ['client_credentials'],
      allowed_scopes: ['admin'],
      client_type: 'public',
      name: 'My OAuth client',
    },
    oauth_clients_retrieve: { id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    oauth_clients_update: { id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e', name: 'Renamed' },
    oauth_clients_delete: { id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    oauth_grants_retrieve: { id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    oauth_grants_delete: { id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
  };

  test('every operation of the OAuth SDK, through the SDK client', async () => {
    const results = new Map<string, ToolResult>();
    for (const tool of tools) {
      const given = args[tool.name] ?? exampleArguments(tool.inputSchema);
      results.set(tool.name, (await mock.callTool({ name: tool.name, arguments: given })) as ToolResult);
    }
    const failed = [...results]
      .filter(([, result]) => result.isError)
      .map(([name, result]) => `${name}: ${result.content[0]?.text}`);
    expect(failed).toEqual([]);
    const created = results.get('oauth_clients_create')!;
    expect(created.structuredContent?.['data']).toMatchObject({ record_type: 'oauth_client' });
    expect(JSON.parse(created.content[0]!.text)).toEqual(created.structuredContent);
  });

  test('_fields keeps only the fields asked for', async () => {
    const result = (await mock.callTool({
      name: 'oauth_clients_create',
      arguments: { ...args['oauth_clients_create'], _fields: ['data.client_id', 'data.record_type'] },
    })) as ToolResult;
    expect(Object.keys((result.structuredContent?.['data'] ?? {}) as object).sort()).toEqual([
      'client_id',
      'record_type',
    ]);
  });

  test('arguments that do not match the schema are refused before any request', async () => {
    const before = api.requests.length;
    const sdk = new Telnyx({ apiKey: 'sk-secret-123', baseURL: api.url, maxRetries: 0 });
    const client = await connected(createMcpServer({ client: sdk }));
    const result = (await client.callTool({
      name: 'oauth_clients_create',
      arguments: { client_type: 'nope' },
    })) as ToolResult;
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toMatch(/^Invalid arguments for oauth_clients_create: /);
    expect(api.requests.length).toBe(before);
    await client.close();
  });

  test('an API error is a tool result with isError, the status and the API message, the key masked', async () => {
    const sdk = new Telnyx({ apiKey: 'sk-secret-123', baseURL: api.url, maxRetries: 0 });
    const client = await connected(createMcpServer({ client: sdk }));
    const result = (await client.callTool({
      name: 'oauth_clients_retrieve',
      arguments: { id: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e' },
    })) as ToolResult;
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toMatch(/^AuthenticationError \(401\): /);
    expect(JSON.stringify(result)).not.toContain('sk-secret-123');
    // The server is still up after it.
    expect((await client.listTools()).tools.length).toBe(17);
    await client.close();
  });

  test('an unknown tool is an error result, not a crash', async () => {
    const result = (await mock.callTool({ name: 'no_such_tool', arguments: {} })) as ToolResult;
    expect([result.isError, result.content[0]!.text]).toEqual([true, 'Unknown tool: no_such_tool']);
  });
});

describe('dynamic mode', () => {
  test('three tools search, describe and invoke the endpoints', async () => {
    const sdk = new Telnyx({ apiKey: 'test-key', baseURL: inject('TEST_API_BASE_URL'), maxRetries: 0 });
    const client = await connected(createMcpServer({ client: sdk, mode: 'dynamic' }));
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual([
      'list_api_endpoints',
      'get_api_endpoint_schema',
      'invoke_api_endpoint',
    ]);
    const found = JSON.parse(
      (
        (await client.callTool({
          name: 'list_api_endpoints',
          arguments: { search: 'create oauth client' },
        })) as ToolResult
      ).content[0]!.text,
    ) as Array<{ name: string }>;
    expect(found.map((item) => item.name)).toContain('oauth_clients_create');
    const schema = JSON.parse(
      (
        (await client.callTool({
          name: 'get_api_endpoint_schema',
          arguments: { endpoint: 'oauth_clients_create' },
        })) as ToolResult
      ).content[0]!.text,
    ) as { inputSchema: { required: string[] } };
    expect(schema.inputSchema.required).toEqual(expect.arrayContaining(['name', 'allowed_scopes']));
    const invoked = (await client.callTool({
      name: 'invoke_api_endpoint',
      arguments: {
        endpoint: 'oauth_clients_create',
        args: {
          allowed_grant_types: ['client_credentials'],
          allowed_scopes: ['admin'],
          client_type: 'public',
          name: 'n',
        },
      },
    })) as ToolResult;
    expect(invoked.isError).toBeUndefined();
    expect(invoked.structuredContent?.['data']).toMatchObject({ record_type: 'oauth_client' });
    await client.close();
  });

  test('the full Telnyx spec: every tool named uniquely within 64 characters, every schema strict-valid; dynamic listing stays small', async () => {
    const { loadSpec } = await import('../../generator/load/load-spec.js');
    const { repairSpec } = await import('../../generator/load/repair.js');
    const { buildModel } = await import('../../generator/model/build-model.js');
    const { document } = await loadSpec(join(root, '../shared/specs/telnyx/spec3.yml'));
    repairSpec(document, []);
    const model = buildModel(document, {}, 'spec3.yml');
    const { tools: all, defs, skipped } = mcpTools(model);
    expect(all.length + skipped.length).toBeGreaterThan(1100);
    expect(new Set(all.map((tool) => tool.name)).size).toBe(all.length);
    for (const tool of all) expect(tool.name.length).toBeLessThanOrEqual(64);
    const ajv = addFormats(new Ajv({ strict: true }));
    const broken = all.filter((tool) => {
      try {
        ajv.compile(withDefs(tool.inputSchema as never, defs as never));
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map((tool) => tool.name)).toEqual([]);
  }, 180_000);
});

test('over stdio: the bin lists its tools, honours the selection flags, and calls the API', async () => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      join(root, 'generated/src/mcp/bin.ts'),
      '--resource',
      'oauth_clients',
      '--operation',
      'read',
    ],
    env: {
      ...(process.env as Record<string, string>),
      TELNYX_API_KEY: 'test-key',
      TELNYX_BASE_URL: inject('TEST_API_BASE_URL'),
    },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'test', version: '1' });
  await client.connect(transport);
  try {
    expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual([
      'oauth_clients_list',
      'oauth_clients_retrieve',
    ]);
    const listed = (await client.callTool({ name: 'oauth_clients_list', arguments: {} })) as ToolResult;
    expect(listed.isError).toBeUndefined();
    expect(listed.content[0]!.text).toContain('client_id');
  } finally {
    await client.close();
  }
}, 60_000);

/** A value for each required member, from its schema: enough for a mock that checks requests against the spec. */
function exampleArguments(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const required = (schema['required'] ?? []) as string[];
  const value = (property: Record<string, unknown>): unknown => {
    if (Array.isArray(property['enum'])) return property['enum'][0];
    if (property['format'] === 'uri') return 'https://example.com/callback';
    if (property['type'] === 'array') return [value((property['items'] ?? {}) as Record<string, unknown>)];
    if (property['type'] === 'integer' || property['type'] === 'number') return 1;
    if (property['type'] === 'boolean') return true;
    return 'example';
  };
  return Object.fromEntries(required.map((name) => [name, value(properties[name] ?? {})]));
}

test("over Streamable HTTP: the caller's key from its request header reaches the API, never the output", async () => {
  const { spawn } = await import('node:child_process');
  const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
  const seen = await startServer((request, response) =>
    json(response, 200, { data: [], meta: { page_number: 1, total_pages: 1 }, auth: 'ok' }),
  );
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      join(root, 'generated/src/mcp/bin.ts'),
      '--transport',
      'http',
      '--port',
      '0',
    ],
    {
      env: { ...process.env, TELNYX_API_KEY: 'env-key', TELNYX_BASE_URL: seen.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', () => {
        const match = /MCP server on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { Authorization: 'Bearer caller-key-789' } },
      }),
    );
    const result = (await client.callTool({ name: 'oauth_clients_list', arguments: {} })) as ToolResult;
    expect(result.isError).toBeUndefined();
    expect(seen.requests.at(-1)!.headers['authorization']).toBe('Bearer caller-key-789');
    await client.close();
    expect(output).not.toContain('caller-key-789');
    expect(output).not.toContain('env-key');
  } finally {
    child.kill();
    await seen.close();
  }
}, 60_000);
