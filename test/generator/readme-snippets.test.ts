// README snippets that compile for any spec. The first makes the client with the credential options it has, and none
// it lacks: a spec that declares no security shows `new Client()` (an `apiKey` there does not compile: TS2353), an API
// key or bearer token `apiKey`, HTTP Basic `username` and `password`. A call with request options and no params passes
// `undefined` for params whose type `{}` is not (an optional body with required fields); the resource imported alone
// gets a variable of its own where its property name is its class name (a resource named `1Clicks`: `_1Clicks`; a
// bare number such as `/3` is a version prefix, not a resource).
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
  numbered: `openapi: 3.0.3
info: { title: Shop, version: '1' }
servers: [{ url: 'https://shop.example.com' }]
paths:
  /1Clicks/orders:
    post:
      operationId: CreateOrder
      requestBody: { content: { application/json: { schema: { type: object, required: [item], properties: { item: { type: string } } } } } }
      responses: { '200': { description: ok } }
`,
  none: spec(''),
  key: spec('components: { securitySchemes: { k: { type: apiKey, in: header, name: X-Key } } }\nsecurity: [{ k: [] }]'),
  basic: spec('components: { securitySchemes: { b: { type: http, scheme: basic } } }\nsecurity: [{ b: [] }]'),
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdkgen-readme-auth-'));
  for (const [name, text] of Object.entries(SPECS)) await writeFile(join(dir, `${name}.yaml`), text);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const readme = async (name: keyof typeof SPECS): Promise<string> => {
  const result = await generate({ spec: join(dir, `${name}.yaml`), cwd: dir });
  return result.files.find((file) => file.path === 'README.md')!.text;
};
const firstSnippet = async (name: keyof typeof SPECS): Promise<string> =>
  /```ts\n([\s\S]*?)```/.exec(await readme(name))![1]!;

test('no security: the client is made without options, and the README does not offer apiKey', async () => {
  const snippet = await firstSnippet('none');
  expect(snippet).toContain('const client = new Shop();');
  expect(snippet).not.toContain('apiKey');
});

test('an API key: apiKey from its environment variable', async () => {
  expect(await firstSnippet('key')).toContain("const client = new Shop({ apiKey: process.env['SHOP_API_KEY'] });");
});

test('HTTP Basic only: username and password, no apiKey', async () => {
  expect(await firstSnippet('basic')).toContain(
    "const client = new Shop({ username: process.env['SHOP_USERNAME'], password: process.env['SHOP_PASSWORD'] });",
  );
});

test('an optional body with required fields: request options follow undefined params, not {}', async () => {
  const text = await readme('numbered');
  expect(text).toContain('await client._1Clicks.orders(undefined, { maxRetries: 5 });');
  expect(text).not.toContain('orders({},');
});

test('a resource whose property is its class name (`_1Clicks`) is imported alone under a variable of its own', async () => {
  const text = await readme('numbered');
  expect(text).toContain(
    "import { _1Clicks } from 'shop/resources/1-clicks';\n\nconst _1ClicksResource = new _1Clicks(new ShopCore());\nawait _1ClicksResource.orders();",
  );
});
