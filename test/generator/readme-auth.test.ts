// The README's first snippet makes the client with the credential options it has, and none it lacks: a spec that
// declares no security shows `new Client()` (an `apiKey` there does not compile: TS2353), an API key or bearer token
// `apiKey`, HTTP Basic `username` and `password`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generate } from '../../generator/generate.js';

const spec = (security: string): string => `openapi: 3.0.3
info: { title: Shop, version: '1' }
servers: [{ url: 'https://shop.example.com' }]
${security}
paths:
  /orders:
    get:
      operationId: ListOrders
      responses: { '200': { description: ok } }
`;

const SPECS = {
  none: spec(''),
  key: spec("components: { securitySchemes: { k: { type: apiKey, in: header, name: X-Key } } }\nsecurity: [{ k: [] }]"),
  basic: spec('components: { securitySchemes: { b: { type: http, scheme: basic } } }\nsecurity: [{ b: [] }]'),
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdkgen-readme-auth-'));
  for (const [name, text] of Object.entries(SPECS)) await writeFile(join(dir, `${name}.yaml`), text);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const firstSnippet = async (name: keyof typeof SPECS): Promise<string> => {
  const result = await generate({ spec: join(dir, `${name}.yaml`), cwd: dir });
  const readme = result.files.find((file) => file.path === 'README.md')!.text;
  return /```ts\n([\s\S]*?)```/.exec(readme)![1]!;
};

test('no security: the client is made without options, and the README does not offer apiKey', async () => {
  const snippet = await firstSnippet('none');
  expect(snippet).toContain('const client = new Shop();');
  expect(snippet).not.toContain('apiKey');
});

test('an API key: apiKey from its environment variable', async () => {
  expect(await firstSnippet('key')).toContain("const client = new Shop({ apiKey: process.env['SHOP_API_KEY'] });");
});

test('HTTP Basic only: username and password, no apiKey', async () => {
  expect(await firstSnippet('basic')).toContain("const client = new Shop({ username: process.env['SHOP_USERNAME'], password: process.env['SHOP_PASSWORD'] });");
});
