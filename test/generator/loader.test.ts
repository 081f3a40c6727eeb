import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, SpecError } from '../../generator/core/errors.js';
import { loadConfig } from '../../generator/load/load-config.js';
import { loadSpec } from '../../generator/load/load-spec.js';

const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function specError(name: string, text: string): Promise<SpecError> {
  await writeFile(join(dir, name), text);
  const error = await loadSpec(join(dir, name), name).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SpecError);
  return error as SpecError;
}

const VALID = `openapi: 3.1.0
info:
  title: Pets
  version: "1"
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
components:
  schemas:
    Pet:
      type: object
`;

describe('loading a spec', () => {
  test('a valid spec loads, YAML or JSON', async () => {
    await writeFile(join(dir, 'ok.yaml'), VALID);
    expect((await loadSpec(join(dir, 'ok.yaml'))).document.info.title).toBe('Pets');
    await writeFile(
      join(dir, 'ok.json'),
      JSON.stringify({ openapi: '3.0.3', info: { title: 'J', version: '1' }, paths: {} }),
    );
    expect((await loadSpec(join(dir, 'ok.json'))).document.info.title).toBe('J');
  });

  test('Swagger 2.0 is converted to OpenAPI 3', async () => {
    await writeFile(
      join(dir, 'v2.yaml'),
      'swagger: "2.0"\ninfo: {title: Old, version: "1"}\nhost: api.old.test\nbasePath: /v1\nschemes: [https]\npaths:\n  /pets:\n    get:\n      responses:\n        "200": {description: ok, schema: {type: array, items: {type: string}}}\n',
    );
    const { document } = await loadSpec(join(dir, 'v2.yaml'));
    expect(document.openapi).toMatch(/^3\.0\./);
    expect(document.servers?.[0]?.url).toBe('https://api.old.test/v1');
  });

  test('a missing file', async () => {
    const error = await loadSpec(join(dir, 'nope.yaml'), 'spec/nope.yaml').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toBe('spec/nope.yaml: file not found');
  });

  test('YAML that does not parse names the line and column', async () => {
    const error = await specError('broken.yaml', 'openapi: 3.1.0\ninfo:\n  title: a\n  title: b\n');
    expect(error.message).toBe('broken.yaml:4:3: not valid YAML or JSON: Map keys must be unique');
    const indent = await specError('indent.yaml', 'openapi: 3.1.0\ninfo:\n  title: a\n version: b\n');
    expect(indent.message).toBe(
      'indent.yaml:4:1: not valid YAML or JSON: All mapping items must start at the same column',
    );
  });

  test('YAML reads as YAML 1.2 core: dates and yes/no stay strings; anchors and aliases resolve; Markdown stars are text', async () => {
    const text = `${VALID}    Dated:\n      type: string\n      example: 2024-01-31\n      description: "**bold** and *this*"\n      x-flag: yes\n    Base: &base\n      type: object\n    Copy: *base\n`;
    await writeFile(join(dir, 'core.yaml'), text);
    const schemas = (await loadSpec(join(dir, 'core.yaml'))).document.components!.schemas! as Record<
      string,
      Record<string, unknown>
    >;
    expect(schemas['Dated']).toEqual({
      type: 'string',
      example: '2024-01-31',
      description: '**bold** and *this*',
      'x-flag': 'yes',
    });
    expect(schemas['Copy']).toEqual({ type: 'object' });
  });

  test('an alias bomb is refused by the capped parser, with a position, instead of hanging a later walk', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(',')}]`);
    }
    const error = await specError(
      'bomb.yaml',
      `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\nx-bomb:\n  ${levels.join('\n  ')}\n`,
    );
    expect(error.message).toMatch(/^bomb\.yaml: not a usable YAML document: Excessive alias count/);
  });

  test('JSON that does not parse names the line and column', async () => {
    const error = await specError('broken.json', '{\n  "openapi": "3.1.0",\n  "info": {\n}');
    expect(error.message).toMatch(/^broken\.json:\d+:\d+: not valid YAML or JSON/);
  });

  test('a document that is not OpenAPI', async () => {
    expect((await specError('list.yaml', '- a\n- b\n')).message).toBe(
      'list.yaml:1:1 (#): not an OpenAPI document: expected a mapping at the top level',
    );
    expect((await specError('none.yaml', 'title: hello\n')).message).toBe(
      'none.yaml:1:1 (#): not an OpenAPI 3.0 or 3.1 document: found no "openapi" field',
    );
    expect((await specError('v4.yaml', 'openapi: 4.0.0\ninfo: {title: t, version: "1"}\n')).message).toBe(
      'v4.yaml:1:10 (#/openapi): not an OpenAPI 3.0 or 3.1 document: found "openapi: 4.0.0"',
    );
    expect((await specError('swagger.yaml', 'swagger: "1.2"\ninfo: {title: t, version: "1"}\n')).message).toMatch(
      /^swagger\.yaml:1:10 \(#\/swagger\): Swagger 1\.2 documents are not supported/,
    );
    expect((await specError('noinfo.yaml', 'openapi: 3.0.0\npaths: {}\n')).message).toMatch(
      /"info" object with a "title" is required/,
    );
  });

  test('a broken $ref names where it is and what is missing', async () => {
    const error = await specError('ref.yaml', VALID.replace('#/components/schemas/Pet', '#/components/schemas/Dog'));
    expect(error.location).toMatchObject({
      file: 'ref.yaml',
      line: 14,
      pointer: '/paths/~1pets/get/responses/200/content/application~1json/schema/$ref',
    });
    expect(error.problem).toBe(
      '$ref "#/components/schemas/Dog" does not resolve: there is no "Dog" in #/components/schemas',
    );
  });

  test('a multi-file spec is bundled: refs to other files (and theirs, relative to them) become local components', async () => {
    const { document } = await loadSpec(join(fixtures, 'multi-file/openapi.yaml'), 'multi-file/openapi.yaml');
    const schemas = document.components!.schemas! as Record<string, Record<string, unknown>>;
    expect(Object.keys(schemas).sort()).toEqual(['NewPet', 'category', 'pet']);
    expect(schemas['pet']!['properties']).toMatchObject({ category: { $ref: '#/components/schemas/category' } });
    const pets = document.paths!['/pets'] as Record<string, { operationId: string }>;
    expect(pets['get']!.operationId).toBe('listPets');
    expect(JSON.stringify(document)).not.toMatch(/"\$ref":"\./);
  });

  test('a $ref to a file that is missing names the file and where the $ref is', async () => {
    const error = await specError('ext.yaml', VALID.replace('#/components/schemas/Pet', './pet.yaml'));
    expect(error.message).toBe(
      'ext.yaml:14:23 (#/paths/~1pets/get/responses/200/content/application~1json/schema/$ref): $ref "./pet.yaml" points to pet.yaml, which cannot be read: file not found',
    );
  });

  test('a referenced file that does not parse names its own line and column', async () => {
    await writeFile(join(dir, 'broken-part.yaml'), 'type: object\nproperties:\n  a: [\n');
    const error = await specError('uses-broken.yaml', VALID.replace('#/components/schemas/Pet', './broken-part.yaml'));
    expect(error.message).toBe(
      'broken-part.yaml:4:1: not valid YAML or JSON (referenced from uses-broken.yaml): unexpected end of the stream within a flow collection',
    );
  });

  test('a $ref inside an example is data, not a reference', async () => {
    await writeFile(
      join(dir, 'example.yaml'),
      VALID.replace('      type: object\n', '      type: object\n      example:\n        $ref: not-a-ref\n'),
    );
    // Loaded (a reference to "not-a-ref" would not resolve), with the example as written: not resolved, not dropped.
    const { document } = await loadSpec(join(dir, 'example.yaml'));
    expect(document.components?.['schemas']?.['Pet']).toEqual({ type: 'object', example: { $ref: 'not-a-ref' } });
  });
});

describe('loading the SDK config', () => {
  async function configError(text: string): Promise<ConfigError> {
    await writeFile(join(dir, 'sdk.yaml'), text);
    const error = await loadConfig(join(dir, 'sdk.yaml'), 'sdk.yaml').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }

  test('no config file means inference only', async () => {
    expect(await loadConfig(undefined)).toEqual({});
  });

  test('wrong values name the line', async () => {
    expect((await configError('clientName: telnyx\n')).message).toBe(
      'sdk.yaml:1:13 (#/clientName): "telnyx" is not valid: a PascalCase identifier, like Telnyx',
    );
    expect((await configError('clientName: T\nenvPrefix: T\nbogus: 1\n')).message).toMatch(
      /^sdk\.yaml:3:8 \(#\/bogus\): unknown setting "bogus" \(known: \$schema, input, output, .*clientName, envPrefix, /,
    );
    expect((await configError('operations:\n  X:\n    method: Retrieve\n')).message).toMatch(
      /^sdk\.yaml:3:13 \(#\/operations\/X\/method\): "Retrieve" is not valid/,
    );
    expect((await configError('casing:\n  oauth: OAuthz\n')).message).toMatch(/"OAuthz" must spell "oauth"/);
  });
});

describe('the loading passes', () => {
  const twice = `openapi: 3.1.0
info: { title: Pets, version: "1" }
paths:
  /pets:
    get: { operationId: pets, responses: { "204": { description: ok } } }
    post: { operationId: pets, responses: { "204": { description: ok } } }
  /pets/{id}:
    get:
      operationId: pet
      parameters:
        - { name: page, in: query, style: deepObject, schema: { type: object, properties: { size: { type: integer } } } }
      responses: { "204": { description: ok } }
`;
  const operation = (document: { paths?: unknown }, path: string, method: string) =>
    (document.paths as Record<string, Record<string, { operationId?: string; parameters?: Array<{ name: string }> }>>)[
      path
    ]![method]!;

  test('check the document as written, and repair it (with its warnings) only where the caller asks', async () => {
    await writeFile(join(dir, 'twice.yaml'), twice);
    const { document: asWritten } = await loadSpec(join(dir, 'twice.yaml'), 'twice.yaml');
    expect(operation(asWritten, '/pets', 'post').operationId).toBe('pets');
    const warnings: string[] = [];
    const { document } = await loadSpec(join(dir, 'twice.yaml'), 'twice.yaml', {
      repair: { warnings, deepObjectParams: 'flat' },
    });
    expect(operation(document, '/pets', 'post').operationId).toBe('pets_2');
    expect(warnings).toEqual([
      'POST /pets: operationId "pets" is used more than once; this one is treated as "pets_2"',
    ]);
    // The config's deepObjectParams is the last pass: the param is flat by the time the model reads it.
    expect(operation(document, '/pets/{id}', 'get').parameters?.map((param) => param.name)).toEqual(['page[size]']);
  });
});
