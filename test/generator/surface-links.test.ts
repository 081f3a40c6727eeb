// `--surface` follows an api.md that links further api.md files (one per resource group), and matches api.md routes
// that carry a query (`post /messages?beta=true`) to the spec's route with that query (issue 22 item 4).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate } from '../../generator/generate.js';
import { allMethods, allResources, buildModel } from '../../generator/model/build-model.js';
import { readSurface, surfaceLinks } from '../../generator/model/surface.js';

const SPEC = `openapi: 3.0.3
info: { title: Linked, version: '1' }
servers: [{ url: https://api.example.com }]
paths:
  /messages:
    post:
      operationId: createMessage
      requestBody: { content: { application/json: { schema: { type: object, properties: { text: { type: string } } } } } }
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }
  /messages?beta=true:
    post:
      operationId: betaCreateMessage
      requestBody: { content: { application/json: { schema: { type: object, properties: { text: { type: string } } } } } }
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }
  /files:
    get:
      operationId: listFiles
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }
  /models/{id}:
    get:
      operationId: getModel
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }
`;

const line = (route: string, chain: string, method: string, args = '{ ...params }'): string =>
  `- <code title="${route}">client.${chain}.<a href="./src/resources/x.ts">${method}</a>(${args}) -> unknown</code>`;

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'surface-links-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const names = (model: Awaited<ReturnType<typeof generate>>['model']): string[] =>
  allResources(model.resources)
    .flatMap((resource) =>
      resource.methods.map(
        (method) => `${method.httpMethod} ${method.path} ${[...resource.chain, method.name].join('.')}`,
      ),
    )
    .sort();

describe('--surface: linked api.md files and routes with a query', () => {
  test('an api.md split in three files: every file is read, the query route takes the spec path with that query', async () => {
    const dir = await project({
      'spec.yaml': SPEC,
      'sdk/api.md': [
        '# Shared',
        '',
        line('get /models/{id}', 'catalog', 'fetch', 'id'),
        '',
        '# Beta',
        '',
        'See [Beta](src/resources/beta/api.md) and [Files](./src/resources/files/api.md "files").',
        '',
      ].join('\n'),
      'sdk/src/resources/beta/api.md': [
        '# Beta messages',
        '',
        line('post /messages?beta=true', 'beta.messages', 'create'),
        '',
        'Back to [the top](../../../api.md).',
        '',
      ].join('\n'),
      'sdk/src/resources/files/api.md': [
        '# Files',
        '',
        line('get /files', 'storage.files', 'list'),
        line('post /messages', 'messages', 'send'),
        '',
      ].join('\n'),
    });
    const { model } = await generate({ spec: join(dir, 'spec.yaml'), surface: join(dir, 'sdk/api.md'), cwd: dir });
    expect(names(model)).toEqual([
      'get /files storage.files.list',
      'get /models/{id} catalog.fetch',
      'post /messages beta.messages.create',
      'post /messages messages.send',
    ]);
    expect(model.warnings.filter((warning) => warning.includes('api.md'))).toEqual([]);
  }, 60_000);

  test('a query route the spec has no such path for takes the plain route', async () => {
    const spec = SPEC.replace(/ {2}\/messages\?beta=true:[\s\S]*?(?= {2}\/files:)/, '');
    const dir = await project({
      'spec.yaml': spec,
      'api.md': line('post /messages?beta=true', 'beta.messages', 'create'),
    });
    const { model } = await generate({ spec: join(dir, 'spec.yaml'), surface: join(dir, 'api.md'), cwd: dir });
    expect(names(model)).toContain('post /messages beta.messages.create');
  }, 60_000);

  test('a linked file that is missing, or a link out of the folder, is a located error', async () => {
    const missing = await project({ 'spec.yaml': SPEC, 'sdk/api.md': '# A\n\n[B](b/api.md)\n' });
    await expect(
      generate({ spec: join(missing, 'spec.yaml'), surface: join(missing, 'sdk/api.md'), cwd: missing }),
    ).rejects.toThrow(/^sdk\/api\.md:3: the linked b\/api\.md cannot be read$/);
    const outside = await project({
      'spec.yaml': SPEC,
      'api.md': line('get /files', 'files', 'list'),
      'sdk/api.md': '# A\n[B](../api.md)\n',
    });
    await expect(
      generate({ spec: join(outside, 'spec.yaml'), surface: join(outside, 'sdk/api.md'), cwd: outside }),
    ).rejects.toThrow(/^sdk\/api\.md:2: a link to \.\.\/api\.md leads out of the folder/);
  }, 60_000);

  test('links: relative markdown links to files named api.md, once each; not URLs, absolute paths or other files', () => {
    const text =
      '[a](a/api.md) [b](<b/api.md>) [c](https://x.dev/api.md) [d](/etc/api.md) [e](e/README.md) [a again](a/api.md#top)';
    expect(surfaceLinks(text)).toEqual(['a/api.md', 'b/api.md']);
  });

  test("api.md's result says whether a method pages: a list it does not page stays unpaged", () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 'P', version: '1' },
      paths: {
        '/files': {
          get: {
            parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string' } }],
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: {
                        data: { type: 'array', items: { type: 'object' } },
                        next_cursor: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const paged = (returns: string): boolean => {
      const surface = readSurface(
        `- <code title="get /files">client.files.<a href="./src/resources/files.ts">list</a>({ ...params }) -> ${returns}</code>\n`,
        'api.md',
      );
      return (
        allMethods(buildModel(structuredClone(document) as never, {}, 'spec.json', surface).resources)[0]!
          .pagination !== undefined
      );
    };
    expect(paged('FilesCursorPage')).toBe(true);
    expect(paged('FileListResponsesDefaultFlatPagination')).toBe(true);
    expect(paged('CursorPage&lt;File&gt;')).toBe(true);
    expect(paged('FileListResponse')).toBe(false);
  });
});
