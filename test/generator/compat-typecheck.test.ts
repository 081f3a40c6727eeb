// `npm run compat -- --typecheck` (#13 item 3): the official tests type-checked against our SDK, each error traced to
// who it is on. Here on a small spec and api.md: the parsing of tsc's output, the tracing, and one real tsc 7 run.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../generator/generate.js';
import { readSurface } from '../../generator/model/surface.js';
import { writeOutput } from '../../generator/write/write-output.js';
import {
  callAt,
  handWrittenMethods,
  memberNames,
  parseTscOutput,
  type TraceContext,
  traceError,
  typecheckTests,
} from '../../tools/compat-typecheck.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const SPEC = `openapi: 3.0.3
info: { title: Shop, version: 1.0.0 }
servers: [{ url: https://api.example.com }]
security: [{ bearer: [] }]
components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }
paths:
  /widgets:
    post:
      operationId: CreateWidget
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: { type: string }
                settings: { type: object, properties: { color: { type: string } } }
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }
  /widgets/{id}:
    get:
      operationId: GetWidget
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }, { name: meta.owner, in: query, schema: { type: string } }]
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }
    delete:
      operationId: DeleteWidget
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '204': { description: deleted } }
`;

// The official SDK's api.md: a method the spec lacks (gadgets), one with params the spec does not declare (retrieve),
// and one of its own code (webhooks.unwrap, no route).
const API_MD = `# Widgets
Methods:

- <code title="post /widgets">client.widgets.<a href="./src/resources/widgets.ts">create</a>({ ...params }) -> WidgetCreateResponse</code>
- <code title="get /widgets/{id}">client.widgets.<a href="./src/resources/widgets.ts">retrieve</a>(id, { ...params }) -> WidgetRetrieveResponse</code>
- <code title="delete /widgets/{id}">client.widgets.<a href="./src/resources/widgets.ts">delete</a>(id, { ...params }) -> void</code>
- <code title="get /gadgets">client.gadgets.<a href="./src/resources/gadgets.ts">list</a>() -> GadgetListResponse</code>
- <code>client.webhooks.<a href="./src/resources/webhooks.ts">unwrap</a>(body) -> void</code>
`;

const TEST = `import Shop from 'shop';

const client = new Shop({ apiKey: 'key' });

test('create', async () => {
  await client.widgets.create({ name: 'a', settings: { color: 'red' } });
  await client.widgets.create({
    name: 'a',
    settings: { colour: 'red' },
  });
  await client.widgets.create({ name: 'a', color: 'red' });
  await client.widgets.create({});
  await client.widgets.retrieve('w_1', { meta: { owner: 'me' } });
  await client.widgets.delete('w_1', { force: true }, {});
  await client.gadgets.list();
  await client.widgets.retrieve('w_1').withResponse();
  for await (const widget of client.widgets.retrieve('w_1')) void widget;
});
`;

let dir: string;
let context: TraceContext;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdk-compat-typecheck-'));
  await writeFile(join(dir, 'spec.yaml'), SPEC);
  const result = await generate({ spec: join(dir, 'spec.yaml'), cwd: dir, surface: undefined });
  await writeOutput(join(dir, 'sdk'), result.files);
  // The SDK resolves openapi-fetch, and the tests vitest's globals, from the repository's node_modules.
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await mkdir(join(dir, 'tests'));
  await writeFile(join(dir, 'tests/widgets.test.ts'), TEST);
  context = {
    model: result.model,
    document: result.document,
    surface: readSurface(API_MD, 'api.md'),
    handWritten: handWrittenMethods(API_MD),
  };
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('reading', () => {
  test("tsc's lines, with continuation lines folded into their error", () => {
    const output =
      "tests/a.test.ts(3,5): error TS2339: Property 'x' does not exist on type 'Y'.\n  Did you mean 'z'?\ntests/b.test.ts(10,1): error TS2554: Expected 1 arguments, but got 2.\n";
    expect(parseTscOutput(output)).toEqual([
      {
        file: 'tests/a.test.ts',
        line: 3,
        code: 'TS2339',
        message: "Property 'x' does not exist on type 'Y'. Did you mean 'z'?",
      },
      { file: 'tests/b.test.ts', line: 10, code: 'TS2554', message: 'Expected 1 arguments, but got 2.' },
    ]);
  });

  test('the members tsc shows of an object type, top level only', () => {
    expect(
      memberNames("{ readonly a?: string | undefined; 'b-c': { d: number; }; e: (x: { f: 1 }) => void; }"),
    ).toEqual(['a', 'b-c', 'e']);
    expect(memberNames('WidgetCreateParams')).toEqual([]);
  });

  test('the call an error sits in: the nearest above, through withOptions', () => {
    const lines = [
      'client.a.b.list();',
      'await client.widgets.create({',
      "  name: 'x',",
      '});',
      'client.withOptions({ key }).webhooks.unwrap(payload);',
    ];
    expect(callAt(lines, 3)).toBe('widgets.create');
    expect(callAt(lines, 1)).toBe('a.b.list');
    expect(callAt(lines, 5)).toBe('webhooks.unwrap');
    expect(handWrittenMethods(API_MD)).toEqual(new Set(['webhooks.unwrap']));
  });
});

describe('tracing', () => {
  const lines = TEST.split('\n');
  const at = (text: string): number => lines.findIndex((line) => line.includes(text)) + 1;
  const trace = (code: string, line: number, message: string) =>
    traceError({ file: 'tests/widgets.test.ts', line, code, message }, lines, context);

  test('an endpoint api.md has and the spec lacks is on the spec', () => {
    expect(trace('TS2339', at('gadgets'), "Property 'gadgets' does not exist on type 'Shop'.")).toEqual({
      owner: 'spec',
      text: 'the spec lacks GET /gadgets (client.gadgets.list)',
    });
  });

  test('a param is looked for in the object it was put in', () => {
    // `colour` inside settings: the spec's settings object has no such field.
    expect(
      trace(
        'TS2353',
        at('colour'),
        "Object literal may only specify known properties, and 'colour' does not exist in type '{ color?: string | undefined; }'.",
      ),
    ).toEqual({
      owner: 'spec',
      text: 'the spec lacks the param colour on POST /widgets (in a nested object)',
    });
    // `color` at the top: the spec has it only inside settings, so the top level lacks it.
    expect(
      trace(
        'TS2353',
        at("color: 'red' })"),
        "Object literal may only specify known properties, and 'color' does not exist in type '{ name: string; settings?: { color?: string | undefined; } | undefined; }'.",
      ),
    ).toEqual({
      owner: 'spec',
      text: 'the spec lacks the param color on POST /widgets',
    });
    // A name the spec has where it was put is ours to fix.
    expect(
      trace(
        'TS2353',
        at("settings: { color: 'red' } })"),
        "Object literal may only specify known properties, and 'name' does not exist in type '{ settings?: { color?: string | undefined; } | undefined; }'.",
      ).owner,
    ).toBe('ours');
  });

  test('a required field left out, params where the spec has none, and a hand-written method', () => {
    expect(
      trace(
        'TS2345',
        at('create({})'),
        "Argument of type '{}' is not assignable to parameter of type 'WidgetCreateParams'. Property 'name' is missing in type '{}' but required in type '{ name: string; }'.",
      ),
    ).toEqual({
      owner: 'spec',
      text: 'the spec requires name on POST /widgets; the test leaves them out',
    });
    expect(trace('TS2554', at('delete('), 'Expected 1-2 arguments, but got 3.')).toEqual({
      owner: 'call shape',
      text: 'client.widgets.delete: api.md takes params where the spec declares none (DELETE /widgets/{id})',
    });
    expect(
      trace(
        'TS2353',
        at('meta:'),
        "Object literal may only specify known properties, and 'meta' does not exist in type '{ 'meta.owner'?: string | undefined; }'.",
      ),
    ).toEqual({
      owner: 'ours',
      text: 'client.widgets.retrieve: the spec names meta.owner flat on GET /widgets/{id}; the official SDK takes them nested under meta',
    });
    expect(trace('TS2339', 1, "Property 'webhooks' does not exist on type 'Shop'.").owner).toBe('ours');
    expect(
      traceError(
        { file: 'x', line: 1, code: 'TS2339', message: "Property 'webhooks' does not exist on type 'Shop'." },
        ['client.webhooks.unwrap(body);'],
        context,
      ).owner,
    ).toBe('hand-written');
  });
});

test('tsc 7 checks the tests against the SDK by its package name; clean files and traced errors', async () => {
  await writeFile(
    join(dir, 'tests/clean.test.ts'),
    "import Shop from 'shop';\n\ntest('retrieve', async () => {\n  const client = new Shop({ apiKey: 'key' });\n  const { data, response } = await client.widgets.retrieve('w_1').withResponse();\n  expect(response.ok && data.id).toBeDefined();\n});\n",
  );
  const result = await typecheckTests({
    dir,
    sdk: join(dir, 'sdk'),
    packageName: 'shop',
    exclude: [],
    filters: [],
    tsc: join(root, 'node_modules/typescript-7/bin/tsc'),
    context,
    readText: (file) => readFile(file, 'utf8'),
  });
  expect(result.files).toBe(2);
  expect(result.clean).toBe(1);
  expect(Object.keys(result.errors)).toEqual(['tests/widgets.test.ts']);
  const reasons = result.verdicts['tests/widgets.test.ts']!.reasons;
  expect(reasons).toContain('spec: the spec lacks GET /gadgets (client.gadgets.list)');
  expect(reasons).toContain('spec: the spec lacks the param colour on POST /widgets (in a nested object)');
  expect(reasons).toContain('spec: the spec requires name on POST /widgets; the test leaves them out');
  expect(reasons).toContain(
    'call shape: client.widgets.delete: api.md takes params where the spec declares none (DELETE /widgets/{id})',
  );
  expect(reasons).toContain(
    'ours: client.widgets.retrieve: the spec names meta.owner flat on GET /widgets/{id}; the official SDK takes them nested under meta',
  );
  // A page is iterable and a promise has withResponse(): no error on those lines but the for-await over a non-page.
  const lineOf = (text: string): number => TEST.split('\n').findIndex((line) => line.includes(text)) + 1;
  const errorLines = result.errors['tests/widgets.test.ts']!.map((error) => error.line);
  expect(errorLines).not.toContain(lineOf('.withResponse()'));
  expect(errorLines).toContain(lineOf('for await'));
  expect(result.verdicts['tests/widgets.test.ts']!.owner).toBe('ours');
}, 120_000);
