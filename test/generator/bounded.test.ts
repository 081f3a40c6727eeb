// Bounded work on hostile specs: $refs that fan out exponentially, nesting thousands deep, and schemas that are their
// own type. Each ends in an SDK that compiles or a one-line located error, quickly and in little memory.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { SpecError } from '../../generator/core/errors.js';
import { generate } from '../../generator/generate.js';
import { exampleValue } from '../../generator/model/examples.js';
import {
  admitsNoValue,
  derefSchema,
  hasRequiredMembers,
  isObjectSchema,
  objectMembers,
} from '../../generator/model/schemas.js';
import { generateSdk } from '../support/generated-sdk.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Specs are written to a temporary folder, named by absolute path.
const specs = mkdtempSync(join(tmpdir(), 'sdkgen-bounded-specs-'));
afterAll(() => rm(specs, { recursive: true, force: true }));

/** A spec with one operation that takes and returns `#/components/schemas/Root`. */
function spec(schemas: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const root = { $ref: '#/components/schemas/Root' };
  const body = { required: true, content: { 'application/json': { schema: root } } };
  return {
    openapi: '3.0.3',
    info: { title: 'Bounded', version: '1' },
    servers: [{ url: 'https://example.com' }],
    paths: {
      '/things': {
        post: {
          operationId: 'createThing',
          requestBody: body,
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: root } } } },
        },
      },
    },
    components: { schemas },
    ...extra,
  };
}

/** `levels` schemas, each requiring three members that refer to the next: 3^levels leaves when expanded naively. */
function fanOut(levels: number): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let level = 0; level < levels; level++) {
    const next = { $ref: `#/components/schemas/${level + 1 === levels ? 'Leaf' : `L${level + 1}`}` };
    schemas[level === 0 ? 'Root' : `L${level}`] = {
      type: 'object',
      required: ['a', 'b', 'c'],
      properties: { a: next, b: next, c: next },
    };
  }
  schemas['Leaf'] = { type: 'string' };
  return spec(schemas);
}

async function write(name: string, document: unknown): Promise<string> {
  await mkdir(specs, { recursive: true });
  await writeFile(join(specs, name), JSON.stringify(document));
  return join(specs, name);
}

describe('$refs that fan out', () => {
  test('20 levels of 3 required refs: the example is cut, with a warning, and the rest is generated', async () => {
    const { model, files } = await generate({ spec: await write('fan-out.json', fanOut(20)), cwd: root });
    expect(model.warnings).toContainEqual(
      expect.stringMatching(
        /^POST \/things: the request body has no example small enough to show: .*more than 2,000 values/,
      ),
    );
    const method = model.resources[0]!.methods[0]!;
    expect(method.noValidInput).toBeDefined();
    // No call to show: the README and the tests leave it out instead of printing 3^20 values.
    const readme = files.find((file) => file.path === 'README.md')!.text;
    expect(readme).not.toContain('client.things.create(');
    expect(files.reduce((size, file) => size + file.text.length, 0)).toBeLessThan(1_000_000);
  }, 60_000);

  test('an example expands each use of a shared schema, up to the budget', () => {
    const document = fanOut(5);
    const schema = { $ref: '#/components/schemas/Root' };
    // 3^5 strings under 1 + 3 + 9 + 27 + 81 objects: within the budget, all of them.
    const value = exampleValue(document, schema, 'required') as Record<string, Record<string, unknown>>;
    expect(JSON.stringify(value).match(/"example [abc]"/g)).toHaveLength(3 ** 5);
    expect(value['a']).toEqual(value['c']);
    expect(exampleValue(fanOut(12), schema, 'required')).toBeUndefined();
  });

  test('whether a schema admits a value walks each shared schema once', () => {
    // Without memory of the schemas already walked, 40 levels would be 3^40 steps.
    expect(admitsNoValue(fanOut(40), { $ref: '#/components/schemas/Root' })).toBeUndefined();
    const document = fanOut(40);
    const last = (document['components'] as { schemas: Record<string, Record<string, unknown>> }).schemas['L39']!;
    last['properties'] = { a: { $ref: '#/components/schemas/Root' } };
    last['required'] = ['a'];
    expect(admitsNoValue(document, { $ref: '#/components/schemas/Root' })).toMatch(/leads back to the schema it is in/);
  });

  test('parts an allOf repeats (7 levels of allOf [A, A, A]) are looked at once per level, not 3^level times', () => {
    const schemas: Record<string, unknown> = { L7: { type: 'object', properties: { x: { type: 'string' } } } };
    for (let level = 0; level < 7; level++) {
      const next = { $ref: `#/components/schemas/L${level + 1}` };
      schemas[`L${level}`] = { allOf: [next, next, next] };
    }
    // Every $ref followed reads `components` once: the count is the work done (3^7 = 2,187 per question without memory).
    let reads = 0;
    const count = (target: object, key: string | symbol): unknown => {
      if (key === 'components') reads++;
      return Reflect.get(target, key);
    };
    const document = new Proxy({ components: { schemas } }, { get: count });
    const root = { $ref: '#/components/schemas/L0' };
    expect(isObjectSchema(document, root)).toBe(true);
    expect(hasRequiredMembers(document, root)).toBe(false);
    expect(Object.keys(objectMembers(document, derefSchema(document, root)).properties)).toEqual(['x']);
    expect(exampleValue(document, root, 'all')).toEqual({ x: 'example x' });
    expect(reads).toBeLessThan(500);
  });
});

describe('nesting', () => {
  const nested = (depth: number): unknown => {
    let schema: unknown = { type: 'string' };
    for (let level = 0; level < depth; level++) schema = { type: 'object', properties: { x: schema } };
    return schema;
  };

  test('a schema nested 1,000 deep is a SpecError at its pointer, not a stack overflow', async () => {
    const error = await generate({ spec: await write('deep.json', spec({ Root: nested(1000) })), cwd: root }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SpecError);
    const { message, location } = error as SpecError;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/nests deeper than 200 levels/);
    expect(location.pointer).toMatch(/^\/components\/schemas\/Root(\/properties\/x)+/);
  });

  test('YAML nested 20,000 deep is a one-line error', async () => {
    await mkdir(specs, { recursive: true });
    await writeFile(
      join(specs, 'deep.yaml'),
      `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\nx-deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    );
    const error = await generate({ spec: join(specs, 'deep.yaml'), cwd: root }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).not.toContain('\n');
  });

  test('nesting within the limit generates', async () => {
    const { files } = await generate({ spec: await write('nested.json', spec({ Root: nested(90) })), cwd: root });
    expect(files.find((file) => file.path === 'src/internal/openapi.ts')!.text).toContain('x?: {');
  });
});

describe('schemas that are their own type', () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const cycles = spec({
    Root: {
      type: 'object',
      properties: {
        self: ref('Self'),
        a: ref('A'),
        all: ref('AllOf'),
        one: ref('OneOf'),
        list: ref('List'),
        pet: ref('Pet'),
        tree: ref('Tree'),
        nul: ref('Nullable'),
      },
    },
    Self: ref('Self'),
    A: ref('B'),
    B: ref('A'),
    AllOf: { allOf: [ref('AllOf2'), { type: 'object', properties: { x: { type: 'string' } } }] },
    AllOf2: { allOf: [ref('AllOf')] },
    OneOf: { oneOf: [ref('OneOf'), { type: 'string' }] },
    List: { type: 'array', items: ref('List') },
    Nullable: { nullable: true, allOf: [ref('Nullable')] },
    // The usual polymorphism: the union's options extend it. Cat and Dog lose the reference, Pet stays their union.
    Pet: { oneOf: [ref('Cat'), ref('Dog')], discriminator: { propertyName: 'kind' } },
    Cat: { allOf: [ref('Pet'), { type: 'object', properties: { meow: { type: 'boolean' } } }] },
    Dog: { allOf: [ref('Pet'), { type: 'object', properties: { bark: { type: 'boolean' } } }] },
    // Recursion through a property is fine and stays.
    Tree: { type: 'object', properties: { children: { type: 'array', items: ref('Tree') }, parent: ref('Tree') } },
  });

  test('each cycle is cut once, with a warning, and the SDK (tests included) passes tsc', async () => {
    const sdk = await generateSdk(await write('cycles.json', cycles), '.bounded-cycles-sdk');
    try {
      const cuts = sdk.result.model.warnings.filter((warning) => warning.includes('closes a cycle of schemas'));
      expect(cuts.map((warning) => warning.split(':')[0])).toEqual([
        '#/components/schemas/OneOf/oneOf/0',
        '#/components/schemas/Cat/allOf/0',
        '#/components/schemas/Dog/allOf/0',
        '#/components/schemas/Self',
        '#/components/schemas/B',
        '#/components/schemas/AllOf2/allOf/0',
        '#/components/schemas/List/items',
        '#/components/schemas/Nullable/allOf/0',
      ]);
      const types = sdk.file('src/internal/openapi.ts');
      expect(types).toMatch(/Pet: components\['schemas'\]\['Cat'\] \| components\['schemas'\]\['Dog'\];/);
      expect(types).toMatch(/parent\?: components\['schemas'\]\['Tree'\];/);
      expect(await sdk.typecheck()).toBe('');
    } finally {
      await sdk.remove();
    }
  }, 180_000);

  test('a parameter that is only a reference to itself is a SpecError', async () => {
    const document = spec({ Root: { type: 'string' } });
    (document['components'] as Record<string, unknown>)['parameters'] = {
      P: { $ref: '#/components/parameters/Q' },
      Q: { $ref: '#/components/parameters/P' },
    };
    const error = await generate({ spec: await write('parameter-cycle.json', document), cwd: root }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toMatch(
      /\(#\/components\/parameters\/P\/\$ref\): \$ref cycle: #\/components\/parameters\/P -> #\/components\/parameters\/Q -> #\/components\/parameters\/P/,
    );
  });
});

describe('combinations TypeScript cannot represent (issue 19)', () => {
  test('8 levels of allOf over oneOf/anyOf of the level before: the first schema past the limit is widened with a warning, and tsc 7 passes', async () => {
    // Level i: everything of level i-1 and one of five objects; the union of level 8 would have 5^8 = 390,625 members.
    const schemas: Record<string, unknown> = { L0: { type: 'object', properties: { id: { type: 'string' } } } };
    for (let level = 1; level <= 8; level++) {
      const options = [0, 1, 2, 3, 4].map((n) => ({
        type: 'object',
        properties: { [`k${level}_${n}`]: { type: 'string', enum: [`v${n}`] } },
      }));
      schemas[`L${level}`] = {
        allOf: [{ $ref: `#/components/schemas/L${level - 1}` }, { [level % 2 ? 'oneOf' : 'anyOf']: options }],
      };
    }
    schemas['Root'] = { $ref: '#/components/schemas/L8' };
    await mkdir(specs, { recursive: true });
    await writeFile(join(specs, 'combined.json'), JSON.stringify(spec(schemas)));
    const sdk = await generateSdk(join(specs, 'combined.json'), '.combined-sdk');
    try {
      expect(sdk.result.model.warnings.filter((warning) => warning.includes('alternatives'))).toEqual([
        '#/components/schemas/L6: combines 15,625 alternatives (allOf over oneOf/anyOf), more than TypeScript can represent in one type; it is typed as unknown',
      ]);
      const tsc7 = await promisify(execFile)(process.execPath, [
        join(root, 'node_modules/typescript-7/bin/tsc'),
        '-p',
        join(sdk.dir, 'tsconfig.json'),
      ]).then(
        () => '',
        (error: { stdout?: string }) => error.stdout ?? String(error),
      );
      expect(tsc7).toBe('');
    } finally {
      await sdk.remove();
    }
  }, 180_000);
});
