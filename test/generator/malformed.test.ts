// Malformed input, property-based: a valid small spec with the value at one JSON pointer replaced by a wrong type
// (a string, a number, null, a list, a mapping, a broken $ref, deep nesting). Whatever the input, generation must either
// succeed or stop with a one-line SpecError/ConfigError naming the place; never an internal error (exit 70) or a
// stack trace. The pointers and replacements are a seeded sample (MALFORMED_SAMPLE=all runs every one of them).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../../generator/core/errors.js';
import { generate } from '../../generator/generate.js';
import { loadSpec } from '../../generator/load/load-spec.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every part of an OpenAPI document the generator reads, once, small. */
const BASE = {
  openapi: '3.0.3',
  info: { title: 'Pets API', version: '1.0', description: 'Pets.' },
  servers: [{ url: 'https://{region}.example.com/v1', variables: { region: { default: 'eu', enum: ['eu', 'us'] } } }],
  security: [{ bearer: [] }],
  tags: [{ name: 'pets', description: 'Pets' }],
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        summary: 'List pets',
        tags: ['pets'],
        parameters: [
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { $ref: '#/components/parameters/Trace' },
        ],
        responses: {
          '200': {
            description: 'A page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['data'],
                  properties: {
                    data: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
                    next_cursor: { type: 'string', nullable: true },
                  },
                },
              },
            },
          },
          default: { $ref: '#/components/responses/Error' },
        },
      },
      post: {
        operationId: 'createPet',
        description: 'Create a pet',
        security: [{ apiKey: [] }, {}],
        requestBody: { $ref: '#/components/requestBodies/NewPet' },
        responses: {
          '201': {
            description: 'Created',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
        },
      },
    },
    '/pets/{pet_id}': {
      parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      get: {
        operationId: 'getPet',
        responses: {
          '200': {
            description: 'The pet',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
        },
      },
      put: {
        operationId: 'updatePet',
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                properties: {
                  name: { type: 'string', maxLength: 5 },
                  password: { type: 'string', format: 'password' },
                },
              },
            },
          },
        },
        responses: { '204': { description: 'Updated' } },
      },
      delete: { operationId: 'deletePet', deprecated: true, responses: { '204': { description: 'Deleted' } } },
    },
    '/pets/{pet_id}/photo': {
      post: {
        operationId: 'uploadPhoto',
        parameters: [
          { name: 'pet_id', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'X-Mode', in: 'header', schema: { type: 'string', enum: ['a', 'b'] } },
        ],
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: { file: { type: 'string', format: 'binary' } },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Bytes',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        type: 'object',
        required: ['id', 'kind'],
        properties: {
          id: { type: 'string', readOnly: true, example: 'p1' },
          kind: { type: 'string', enum: ['cat', 'dog'] },
          tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
          owner: { $ref: '#/components/schemas/Owner' },
          details: {
            oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
            discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } },
          },
          extra: { type: 'object', additionalProperties: { type: 'integer' } },
        },
      },
      Owner: {
        allOf: [
          { $ref: '#/components/schemas/Named' },
          { type: 'object', required: ['name'], properties: { parent: { $ref: '#/components/schemas/Owner' } } },
        ],
      },
      Named: { type: 'object', properties: { name: { type: 'string', default: 'x' } } },
      Cat: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string' }, lives: { type: 'integer', default: 9 } },
      },
      Dog: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string' }, good: { type: ['boolean', 'null'] } },
      },
      Error: { type: 'object', properties: { message: { type: 'string' } } },
    },
    parameters: { Trace: { name: 'X-Trace', in: 'header', schema: { type: 'string' } } },
    requestBodies: {
      NewPet: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
    },
    responses: {
      Error: {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'query', name: 'key' },
      oauth: {
        type: 'oauth2',
        flows: { clientCredentials: { tokenUrl: 'https://example.com/token', scopes: { read: 'Read' } } },
      },
    },
  },
};

/** What a value is replaced with: every JSON type, a reference that leads nowhere, and nesting past any sane depth. */
const REPLACEMENTS: Array<[string, () => unknown]> = [
  ['a string', () => 'x'],
  ['a number', () => 42],
  ['null', () => null],
  ['true', () => true],
  ['a list', () => ['x', 1]],
  ['an empty mapping', () => ({})],
  ['a broken $ref', () => ({ $ref: '#/nope' })],
  ['a mapping of a wrong type', () => ({ type: 42, properties: 'x', items: [], required: 'x' })],
  ['nesting 500 deep', () => nested(500)],
];

function nested(depth: number): unknown {
  let value: unknown = { type: 'string' };
  for (let level = 0; level < depth; level++) value = { type: 'object', properties: { x: value } };
  return value;
}

/** Every JSON pointer of a value (not the root), in document order. */
function pointers(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pointers(item, [...prefix, key])]);
}

function replaced(pointer: string[], replacement: unknown): unknown {
  const copy = structuredClone(BASE) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const token of pointer.slice(0, -1)) node = node[token] as Record<string, unknown>;
  node[pointer.at(-1)!] = replacement;
  return copy;
}

/** A small seeded generator (mulberry32), so the sample is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  name: string;
  spec: unknown;
}

function sample(): Case[] {
  const all = pointers(BASE).flatMap((pointer) =>
    REPLACEMENTS.map(([what, make]) => ({
      name: `#/${pointer.join('/')} as ${what}`,
      spec: replaced(pointer, make()),
    })),
  );
  const size = process.env['MALFORMED_SAMPLE'] === 'all' ? all.length : Number(process.env['MALFORMED_SAMPLE'] ?? 48);
  const random = seeded(11);
  const picked = new Set<number>();
  while (picked.size < Math.min(size, all.length)) picked.add(Math.floor(random() * all.length));
  return [...picked].sort((a, b) => a - b).map((index) => all[index]!);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'malformed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `undefined` when the outcome is allowed (success, or a one-line input error), else what went wrong. */
async function outcome(spec: unknown, file: string): Promise<string | undefined> {
  await writeFile(join(dir, file), JSON.stringify(spec));
  try {
    await generate({ spec: file, cwd: dir });
    return undefined;
  } catch (error) {
    if (error instanceof InputError && !error.message.includes('\n')) return undefined;
    return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error);
  }
}

describe('malformed specs end in an SDK or a one-line located error', () => {
  test('the unchanged base spec generates', async () => {
    const { model } = await generate({ spec: await writeSpec(BASE, 'base.json'), cwd: dir });
    expect(model.resources.map((resource) => resource.property)).toEqual(['pets']);
  });

  test('a wrong type at a seeded sample of pointers', async () => {
    const failures: string[] = [];
    for (const [index, { name, spec }] of sample().entries()) {
      const problem = await outcome(spec, `case-${index}.json`);
      if (problem !== undefined) failures.push(`${name}: ${problem}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('wrong types are named where they are', () => {
  const cases: Array<[string[], unknown, RegExp]> = [
    [
      ['paths', '/pets', 'get', 'parameters'],
      'x',
      /\(#\/paths\/~1pets\/get\/parameters\): "parameters": expected a list, found the string "x"$/,
    ],
    [
      ['components', 'schemas', 'Pet', 'type'],
      42,
      /\(#\/components\/schemas\/Pet\/type\): "type": expected a type name or a list of them, found the number 42$/,
    ],
    [
      ['components', 'schemas', 'Owner', 'allOf', '0'],
      true,
      /\(#\/components\/schemas\/Owner\/allOf\/0\): item 0 of "allOf": expected a mapping, found boolean true$/,
    ],
    [
      ['servers', '0', 'url'],
      undefined,
      /\(#\/servers\/0\/url\): "url": missing; expected a string \(the server's URL\)$/,
    ],
    [
      ['components', 'parameters', 'Trace', 'in'],
      'body',
      /\(#\/components\/parameters\/Trace\/in\): "in": expected one of query, header, path, cookie, found the string "body"$/,
    ],
    [
      ['components', 'schemas', 'Pet', 'properties', 'details', 'discriminator', 'propertyName'],
      ['kind'],
      /"propertyName": expected a string \(a property name\), found a list$/,
    ],
  ];

  test.each(cases)('%j = %j', async (pointer, value, message) => {
    const file = await writeSpec(replaced(pointer, value), `located-${pointer.join('-').replace(/\W/g, '')}.json`);
    const error = await loadSpec(join(dir, file), file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  test('`required: true` on an object schema (Swagger 2 style), which openapi-typescript fails on, is dropped', async () => {
    const { files } = await generate({
      spec: await writeSpec(replaced(['components', 'schemas', 'Pet', 'required'], true), 'required-true.json'),
      cwd: dir,
    });
    expect(files.find((file) => file.path === 'src/internal/openapi.ts')!.text).toMatch(
      /Pet: \{\s+(\/\*\*[\s\S]*?\*\/\s+)?readonly id\?: string;/,
    );
  });
});

describe('duplicate keys (issue 19)', () => {
  test('a JSON spec with a key twice in one object is refused, as the same document in YAML is, naming both places', async () => {
    const servers = '"servers": [{"url": "https://a.example"}]';
    const text = `{\n  "openapi": "3.0.3",\n  "info": {"title": "T", "version": "1"},\n  ${servers},\n  "paths": {},\n  "\\u0073ervers": [{"url": "https://b.example"}]\n}\n`;
    await writeFile(join(dir, 'duplicate.json'), text);
    const error = await loadSpec(join(dir, 'duplicate.json'), 'duplicate.json').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'duplicate.json:6:3: not valid YAML or JSON: duplicate key "servers", first at line 4, column 3 (JSON.parse would keep the last silently)',
    );
    // Equal keys in different objects, and equal values, are fine.
    await writeFile(
      join(dir, 'distinct.json'),
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'servers', version: '1' },
        servers: [{ url: 'https://a.example' }, { url: 'https://a.example' }],
        paths: {},
      }),
    );
    await expect(loadSpec(join(dir, 'distinct.json'), 'distinct.json')).resolves.toBeDefined();
  });
});

describe('long names (issue 19)', () => {
  test('300-character path segments: file names are cut with a hash of the whole, distinct, the same every run; the CLI writes them', async () => {
    const long = (letter: string): string => `${'a'.repeat(290)}${letter.repeat(10)}`;
    const ok = { responses: { 204: { description: 'ok' } } };
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Long', version: '1' },
      servers: [{ url: 'https://x.example' }],
      paths: { [`/${long('b')}`]: { get: ok }, [`/${long('c')}`]: { get: ok }, [`/${'é'.repeat(200)}/x`]: { get: ok } },
    };
    const file = await writeSpec(spec, 'long-names.json');
    const names = async (): Promise<string[]> =>
      (await generate({ spec: join(dir, file), cwd: dir })).files.map((candidate) => candidate.path);
    const first = await names();
    for (const path of first)
      for (const segment of path.split('/')) expect(Buffer.byteLength(segment), path).toBeLessThanOrEqual(150);
    const resources = first.filter((path) => /^src\/resources\/a+-[0-9a-f]{12}\.ts$/.test(path));
    expect(resources).toHaveLength(2);
    expect(await names()).toEqual(first);
    const { code, stderr } = await promisify(execFile)(
      process.execPath,
      [join(root, 'generator/run.mjs'), '--spec', join(dir, file), '--out', join(dir, 'long-out')],
      { cwd: dir },
    ).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code ?? -1, stderr: error.stderr ?? '' }),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('the generate command on malformed specs', () => {
  const withValue = (pointer: string[], value: unknown): unknown => replaced(pointer, value);
  const cases: Array<[string, unknown]> = [
    ['parameters: "x"', withValue(['paths', '/pets', 'get', 'parameters'], 'x')],
    ['a schema of type 42', withValue(['components', 'schemas', 'Pet', 'type'], 42)],
    ['responses: null', withValue(['paths', '/pets', 'post', 'responses'], null)],
    ['a schema nested 1,000 deep', withValue(['components', 'schemas', 'Named'], nested(1000))],
    [
      'a schema that is a $ref to itself',
      withValue(['components', 'schemas', 'Named'], { $ref: '#/components/schemas/Named' }),
    ],
  ];

  test.each(cases)(
    '%s: exit 0 or 1, never 70, and no stack trace',
    async (_, spec) => {
      const file = await writeSpec(spec, `cli-${cases.findIndex(([, candidate]) => candidate === spec)}.json`);
      const { code, stderr } = await promisify(execFile)(
        process.execPath,
        [join(root, 'generator/run.mjs'), '--spec', join(dir, file), '--out', join(dir, 'out')],
        { cwd: dir },
      ).then(
        ({ stderr }) => ({ code: 0, stderr }),
        (error: { code?: number; stderr?: string }) => ({ code: error.code ?? -1, stderr: error.stderr ?? '' }),
      );
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).not.toContain('internal error');
      expect([0, 1]).toContain(code);
      if (code === 1)
        expect(stderr.trimEnd().split('\n')).toEqual([
          expect.stringMatching(/^error: cli-\d\.json(:\d+:\d+)? \(#\/.+\): /),
        ]);
    },
    60_000,
  );
});

async function writeSpec(spec: unknown, file: string): Promise<string> {
  await writeFile(join(dir, file), JSON.stringify(spec));
  return file;
}
