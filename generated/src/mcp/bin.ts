#!/usr/bin/env node
// Generated from spec/openapi.yaml by the SDK generator. Do not edit: change the source and run `npm run generate`.

/// <reference types="node" />
import { Telnyx } from '../client.js';
import { runMcpCommand } from './cli.js';
import { defs, tools } from './tools.js';
runMcpCommand(process.argv.slice(2), {
  name: 'telnyx',
  version: '0.1.0',
  tools,
  defs,
  apiKeyHeader: 'x-telnyx-api-key',
  client: (apiKey) => new Telnyx(apiKey !== undefined ? { apiKey } : {}),
}).catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
