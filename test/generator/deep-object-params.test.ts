// `deepObjectParams` in the config (#13 item 2): deepObject query params as flat bracketed keys, `{ 'page[number]': 1 }`,
// as SDKs made from specs that listed those names take them; nested objects stay the default.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GenerateResult, generate } from '../../generator/generate.js';
import { allMethods } from '../../generator/model/build-model.js';
import { serializeQuery } from '../../templates/src/internal/params.js';

const SPEC = `openapi: 3.0.3
info: { title: Widgets, version: 1.0.0 }
servers: [{ url: https://api.example.com }]
components:
  parameters:
    Page:
      name: page
      in: query
      style: deepObject
      explode: true
      schema:
        type: object
        properties:
          number: { type: integer, description: The page to load }
          size: { type: integer }
  schemas:
    Widget: { type: object, properties: { id: { type: string } } }
paths:
  /widgets:
    get:
      operationId: ListWidgets
      parameters:
        - $ref: '#/components/parameters/Page'
        - name: filter
          in: query
          style: deepObject
          schema:
            type: object
            properties:
              name: { type: object, properties: { contains: { type: string } } }
              color: { type: string }
        - { name: sort, in: query, schema: { type: string } }
        - { name: window, in: query, explode: true, schema: { type: object, properties: { from: { type: string } } } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: { type: array, items: { $ref: '#/components/schemas/Widget' } }
                  meta: { type: object, properties: { page_number: { type: integer }, total_pages: { type: integer } } }
`;

let dir: string;
const results: Record<string, GenerateResult> = {};
const queryNames = (result: GenerateResult): string[] =>
  allMethods(result.model.resources)[0]!.queryParams.map((param) => param.name);
const types = (result: GenerateResult): string =>
  result.files.find((file) => file.path === 'src/internal/openapi.ts')!.text;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdk-deep-object-'));
  await writeFile(join(dir, 'spec.yaml'), SPEC);
  const configs = {
    nested: '',
    flat: 'deepObjectParams: flat\n',
    listed: 'deepObjectParams: [page, window]\n',
    bad: 'deepObjectParams: sometimes\n',
  };
  for (const [name, text] of Object.entries(configs))
    await writeFile(join(dir, `${name}.yaml`), `clientName: Widgets\n${text}`);
  for (const name of ['nested', 'flat', 'listed'])
    results[name] = await generate({ spec: join(dir, 'spec.yaml'), config: join(dir, `${name}.yaml`), cwd: dir });
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('deepObjectParams', () => {
  test('by default a deepObject param is one nested object', () => {
    expect(queryNames(results['nested']!)).toEqual(['page', 'filter', 'sort', 'window']);
    expect(allMethods(results['nested']!.model.resources)[0]!.pagination).toMatchObject({
      kind: 'page-number',
      pageParam: 'page',
    });
  });

  test('`flat` takes every leaf as a bracketed key, in the types and the model (pagination reads the flat name)', () => {
    const flat = results['flat']!;
    expect(queryNames(flat)).toEqual([
      'page[number]',
      'page[size]',
      'filter[name][contains]',
      'filter[color]',
      'sort',
      'window',
    ]);
    expect(types(flat)).toMatch(/'page\[number\]'\?: number;/);
    expect(types(flat)).toMatch(/'filter\[name\]\[contains\]'\?: string;/);
    // The member's description goes with it.
    expect(types(flat)).toContain('The page to load');
    expect(allMethods(flat.model.resources)[0]!.pagination).toMatchObject({
      kind: 'page-number',
      pageParam: 'page[number]',
    });
    // The generated README says how they are given.
    const readme = flat.files.find((file) => file.path === 'README.md')!.text;
    expect(readme).toContain(
      'Parameters with brackets in their names are given flat, as they are sent: `{ "page[number]": ... }` goes out as `page[number]=...`.',
    );
    expect(results['nested']!.files.find((file) => file.path === 'README.md')!.text).not.toContain(
      'Parameters with brackets',
    );
  });

  test('a list flattens the named params only, a named form-style object too (its spec left the style out)', () => {
    expect(queryNames(results['listed']!)).toEqual(['page[number]', 'page[size]', 'filter', 'sort', 'window[from]']);
  });

  test('the wire is the same either way', () => {
    expect(serializeQuery({ 'page[number]': 2, 'page[size]': 10 })).toBe(
      serializeQuery({ page: { number: 2, size: 10 } }, { page: { style: 'deepObject' } }),
    );
    expect(serializeQuery({ 'page[number]': 2 })).toBe('page[number]=2');
  });

  test('any other value is a located config error', async () => {
    await expect(generate({ spec: join(dir, 'spec.yaml'), config: join(dir, 'bad.yaml'), cwd: dir })).rejects.toThrow(
      /bad\.yaml:2:\d+.*deepObjectParams|bad\.yaml:2:\d+/,
    );
  });
});
