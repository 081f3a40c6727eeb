// The generated README says which methods are resent after a connection error: idempotent ones, those that carry an
// idempotency key (an Idempotency-Key header param, or the API-wide header from the config), and not the others.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generate } from '../../generator/generate.js';

const SPEC = `openapi: 3.0.3
info: { title: Shop, version: '1' }
servers: [{ url: 'https://shop.example.com' }]
paths:
  /orders:
    post:
      operationId: CreateOrder
      parameters:
        - { name: Idempotency-Key, in: header, schema: { type: string } }
      requestBody: { content: { application/json: { schema: { type: object, properties: { item: { type: string } } } } } }
      responses: { '200': { description: ok } }
    get:
      operationId: ListOrders
      responses: { '200': { description: ok } }
  /carts:
    post:
      operationId: CreateCart
      requestBody: { content: { application/json: { schema: { type: object, properties: { item: { type: string } } } } } }
      responses: { '200': { description: ok } }
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdkgen-readme-'));
  await writeFile(join(dir, 'spec.yaml'), SPEC);
  await writeFile(join(dir, 'keyed.config.yaml'), 'idempotencyHeader: Idempotency-Key\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const readme = async (config?: string): Promise<string> => {
  const result = await generate({ spec: join(dir, 'spec.yaml'), config: config && join(dir, config), cwd: dir });
  return result.files.find((file) => file.path === 'README.md')!.text;
};

test('without an API-wide key: keyed methods are retried, other POSTs are named as sent once', async () => {
  const text = await readme();
  expect(text).toContain('- GET, HEAD, PUT and DELETE requests are retried after a connection error or a timeout');
  expect(text).toContain(
    'get one generated per call (or pass `idempotencyKey`), reused by their retries, and are retried too: `orders.create`.',
  );
  expect(text).toContain(
    'POST and PATCH methods without an idempotency key are not resent after a connection error or a timeout, since the API may have applied them: `carts.create`.',
  );
});

test('with the API-wide idempotency header from the config, every method is retried with its key', async () => {
  const text = await readme('keyed.config.yaml');
  expect(text).toContain(
    'Other methods carry an `Idempotency-Key` header (one key per call, the same on every retry), so the API applies them once, and they are retried too.',
  );
  expect(text).not.toContain('are not resent');
});
