// The generated package's own tests (#21 item 3): each test file starts a loopback mock server and every test
// exchanges a request with it. The mock checks what the spec demands of the request; the test checks what the SDK
// returns against the response served (the spec's example, or a value built from the schema) and the request's path.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GenerateResult, generate } from '../../generator/generate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

const SPEC = `
openapi: 3.0.3
info: { title: Widgets, version: '1.0' }
servers: [{ url: 'https://api.widgets.example/v1' }]
paths:
  /widgets:
    get:
      operationId: listWidgets
      parameters:
        - { name: kind, in: query, required: true, schema: { type: string, enum: [round, square] } }
        - { name: limit, in: query, schema: { type: integer } }
        - { name: X-Tenant, in: header, required: true, schema: { type: string } }
      responses:
        '200':
          description: Widgets
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Widget' } }
              examples:
                two: { $ref: '#/components/examples/TwoWidgets' }
    post:
      operationId: createWidget
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [name], properties: { name: { type: string } } }
      responses:
        '201':
          description: Created
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Widget' }
              example: [not, an, object]
  /widgets/{widget_name}:
    parameters:
      - { name: widget_name, in: path, required: true, schema: { type: string, example: 'big gear' } }
    get:
      operationId: getWidget
      responses:
        '200':
          description: A widget
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Widget' }
              example: { name: big gear, teeth: 42, __proto__: { polluted: true } }
    delete:
      operationId: deleteWidget
      responses:
        '204': { description: Deleted }
  /widgets/{widget_name}/label:
    get:
      operationId: getWidgetLabel
      parameters:
        - { name: widget_name, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: Label, content: { text/plain: { schema: { type: string, example: 'BIG GEAR' } } } }
  /widgets/{widget_name}/drawing:
    get:
      operationId: getWidgetDrawing
      parameters:
        - { name: widget_name, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: Drawing, content: { image/png: { schema: { type: string, format: binary } } } }
  /widgets/{widget_name}/exists:
    head:
      operationId: widgetExists
      parameters:
        - { name: widget_name, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: Exists, content: { text/plain: { schema: { type: string } } } }
  /orders:
    post:
      operationId: createOrder
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [options]
              properties: { options: { type: object, properties: { gift: { type: boolean } } } }
      responses:
        '200': { description: Ordered, content: { application/json: { schema: { type: object } } } }
  /jobs#Action=Start:
    post:
      operationId: startJob
      responses:
        '202': { description: Started, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
components:
  schemas:
    Widget:
      type: object
      required: [name]
      properties:
        name: { type: string }
        teeth: { type: integer, minimum: 3 }
  examples:
    TwoWidgets:
      value: [{ name: small gear, teeth: 8 }, { name: big gear, teeth: 42 }]
`;

let dir: string;
let result: GenerateResult;
const file = (path: string): string => result.files.find((candidate) => candidate.path === path)!.text;

beforeAll(async () => {
  // Inside the repository, so that the generated tests resolve vitest from its node_modules.
  dir = await mkdtemp(join(root, 'test', '.mock-tests-'));
  await writeFile(join(dir, 'widgets.yaml'), SPEC);
  result = await generate({ spec: join(dir, 'widgets.yaml'), cwd: dir });
  for (const output of result.files) {
    await mkdir(dirname(join(dir, 'sdk', output.path)), { recursive: true });
    await writeFile(join(dir, 'sdk', output.path), output.text);
  }
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the data the mock serves', () => {
  test("the spec's example (through a $ref), else one built from the schema where the example is of another kind", () => {
    const responses = JSON.parse(file('tests/api-resources/widgets.responses.json')) as Record<string, unknown>;
    expect(responses['list']).toEqual({
      status: 200,
      contentType: 'application/json',
      body: [
        { name: 'small gear', teeth: 8 },
        { name: 'big gear', teeth: 42 },
      ],
    });
    // `[not, an, object]` is no Widget: the value is built from the schema.
    expect(responses['create']).toEqual({
      status: 201,
      contentType: 'application/json',
      body: { name: 'My example', teeth: 3 },
    });
    expect(responses['delete']).toEqual({ status: 204 });
  });

  test('an example keeps `__proto__` as a key; text and binary responses are served as text of their content type', () => {
    const responses = JSON.parse(file('tests/api-resources/widgets.responses.json')) as Record<
      string,
      { body?: unknown }
    >;
    expect(Object.hasOwn(responses['retrieve']!.body as object, '__proto__')).toBe(true);
    expect(responses['retrieveLabel']).toEqual({ status: 200, contentType: 'text/plain', body: 'BIG GEAR' });
    expect(responses['retrieveDrawing']).toEqual({ status: 200, contentType: 'image/png', body: 'Example data' });
  });

  test('each test sets what the mock checks (required query and headers, the body) and checks the path as sent', () => {
    // As printed, on one line.
    const test = file('tests/api-resources/widgets.test.ts')
      .replace(/\s*\n\s*/g, ' ')
      .replace(/, \)/g, ')');
    expect(test).toContain(
      "mock.respond( { method: 'GET', path: '/widgets', query: ['kind'], headers: ['X-Tenant'] }, responses.list)",
    );
    expect(test).toContain(
      "mock.respond({ method: 'POST', path: '/widgets', body: 'application/json' }, responses.create)",
    );
    // The path param's example has a space: the path the mock sees is percent-encoded.
    expect(test).toContain("expect(mock.requests).toMatchObject([{ method: 'GET', path: '/widgets/big%20gear' }]);");
    expect(test).toContain('expect(data).toEqual(served.body);');
    expect(test).toContain('expect(await textOf(data)).toBe(served.body);');
    // A response to HEAD has no body, whatever the spec says: the SDK returns undefined.
    expect(test).toContain(
      "mock.respond({ method: 'HEAD', path: '/widgets/{widget_name}/exists' }, responses.exists); const { data, response } = await client.widgets.exists('My example').withResponse(); expect(response.status).toBe(204); expect(data).toBeUndefined();",
    );
    // A form body of empty objects encodes to nothing: only the call with a value in it must carry a body.
    const orders = file('tests/api-resources/orders.test.ts').replace(/\s*\n\s*/g, ' ');
    expect(orders).toContain(
      "mock.respond({ method: 'POST', path: '/orders' }, responses.create); const { data, response } = await client.orders.create({ options: {} })",
    );
    expect(orders).toContain(
      "mock.respond( { method: 'POST', path: '/orders', body: 'application/x-www-form-urlencoded' }, responses.create, ); const { data, response } = await client.orders.create({ options: { gift: true } })",
    );
    // A fragment in the path key is not sent: the request goes to the path before it.
    expect(file('tests/api-resources/jobs.test.ts')).toContain(
      "mock.respond({ method: 'POST', path: '/jobs' }, responses.actionStart)",
    );
    expect(file('package.json')).not.toContain('prism');
    expect(result.files.map((output) => output.path)).not.toContain('tests/openapi.json');
  });
});

describe('the generated tests, run', () => {
  // Its report (stdout) and its failures' details (stderr), as one text.
  const vitest = (): Promise<{ code: number; stdout: string }> =>
    run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', join(dir, 'sdk')], {
      env: { ...process.env, NO_COLOR: '1' },
    })
      .then(({ stdout, stderr }) => ({ code: 0, stdout: stdout + stderr }))
      .catch((error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout + error.stderr,
      }));

  test('pass against their mock, and fail when the SDK sends a request the spec does not describe', async () => {
    const passed = await vitest();
    expect(passed.stdout).toMatch(/Tests\s+11 passed \(11\)/);
    expect(passed.code).toBe(0);
    // The SDK sending to another path, or without a required query param: the mock answers 400 and the test fails.
    const resource = join(dir, 'sdk/src/resources/widgets.ts');
    const source = await readFile(resource, 'utf8');
    const broken = source
      .replace("path: '/widgets/{widget_name}/label'", "path: '/widgets/{widget_name}/labels'")
      .replace("queryKeys: ['kind', 'limit']", "queryKeys: ['limit']");
    expect(broken).not.toBe(source);
    await writeFile(resource, broken);
    try {
      const failed = await vitest();
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain(
        'mock server: expected path /widgets/{widget_name}/label (got GET /widgets/My%20example/labels)',
      );
      expect(failed.stdout).toContain('mock server: expected query param kind (got GET /widgets?limit=1)');
      expect(failed.stdout).toMatch(/Tests\s+3 failed \| 8 passed \(11\)/);
    } finally {
      await writeFile(resource, source);
    }
  }, 180_000);
});
