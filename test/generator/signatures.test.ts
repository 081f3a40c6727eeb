// Method signatures of the official SDKs (#12 items 6, 7): parent ids of nested resources in the params object (or all
// positional, by config), non-object bodies as `{ body }`, and body fields renamed by `x-sdk-param`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GenerateResult, generate } from '../../generator/generate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const spec = 'test/fixtures/features.yaml';
let dir: string;
let named: GenerateResult;
let positional: GenerateResult;

const file = (result: GenerateResult, path: string): string =>
  result.files.find((candidate) => candidate.path === path)!.text;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdk-signatures-'));
  await writeFile(join(dir, 'positional.yaml'), 'clientName: Files\npathParams: positional\n');
  await writeFile(join(dir, 'bad.yaml'), 'clientName: Files\npathParams: sometimes\n');
  [named, positional] = await Promise.all([
    generate({ spec, config: 'test/fixtures/features.config.yaml', cwd: root }),
    generate({ spec, config: join(dir, 'positional.yaml'), cwd: root }),
  ]);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('nested resources', () => {
  test('by default the last path param is positional and parent ids are named in the params object', () => {
    const source = file(named, 'src/resources/folders/files.ts');
    expect(source).toMatch(/retrieve\(\s*fileID: string,\s*params: FolderFileRetrieveParams,/);
    expect(source).toContain('const { folder_id: folderID, ...query } = params;');
    expect(source).toContain('export type FolderFileRetrieveParams = { folder_id: string } &');
    expect(file(named, 'api.md')).toContain(
      'client.folders.files.<a href="./src/resources/folders/files.ts">retrieve</a>(fileID, params)',
    );
    expect(file(named, 'tests/api-resources/folders/files.test.ts')).toContain(
      ".retrieve('file_1', { folder_id: 'fold_1' })",
    );
  });

  test('`pathParams: positional` in the config keeps every path param an argument', () => {
    const source = file(positional, 'src/resources/folders/files.ts');
    expect(source).toMatch(
      /retrieve\(\s*folderID: string,\s*fileID: string,\s*query: FolderFileRetrieveParams = \{\},/,
    );
    expect(source).not.toContain('= params;');
  });

  test('any other value of pathParams is a located config error', async () => {
    await expect(generate({ spec, config: join(dir, 'bad.yaml'), cwd: root })).rejects.toThrow(
      /bad\.yaml:2:\d+.*must be one of named, positional/,
    );
  });
});

describe('bodies', () => {
  test('an array body is `{ body }` beside the other params', () => {
    const source = file(named, 'src/resources/folders/files.ts');
    expect(source).toMatch(/export type FolderFileReplaceParams = \{ folder_id: string \} & \{\s*body: /);
    expect(source).toMatch(/params: rest,\s*bodyKey: 'body',/);
  });

  test("the config names a non-object body's params key (bodyParam) and body fields (bodyFields); the names stay inferred", async () => {
    await writeFile(
      join(dir, 'body.yaml'),
      'clientName: Files\noperations:\n  setFolderFileLabels: { bodyParam: labels }\n  updateFolderFile: { bodyFields: { file_name: name } }\n  getFolderFile: { bodyParam: nothing }\n',
    );
    const result = await generate({ spec, config: join(dir, 'body.yaml'), cwd: root });
    const source = file(result, 'src/resources/folders/files.ts');
    expect(source).toMatch(/replace\(\s*fileID: string,/);
    expect(source).toContain("bodyKey: 'labels'");
    expect(source).toMatch(/export type FolderFileReplaceParams = \{ folder_id: string \} & \{\s*labels: /);
    expect(source).toContain("renames: { timeout_seconds: 'Timeout', file_name: 'name' }");
    expect(file(result, 'tests/api-resources/folders/files.test.ts')).toMatch(
      /\.replace\('[^']+', \{ folder_id: '[^']+', labels: \[/,
    );
    expect(result.model.warnings).toContain(
      'GET /folders/{folder_id}/files/{file_id}: bodyParam is set in the config, but the operation has no body; ignored',
    );
  }, 60_000);

  test('bodyParam on an object body takes its fields under that key, as an SDK that wraps it does', async () => {
    await writeFile(
      join(dir, 'networks.yaml'),
      `openapi: 3.0.3
info: { title: Nets, version: 1.0.0 }
paths:
  /networks:
    post:
      operationId: CreateNetwork
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/NetworkCreate' } } }
      responses: { '201': { description: ok } }
  /networks/{id}:
    patch:
      operationId: UpdateNetwork
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      requestBody:
        content: { application/json: { schema: { type: object, properties: { name: { type: string } }, required: [name] } } }
      responses: { '200': { description: ok } }
components:
  schemas:
    NetworkCreate: { type: object, properties: { name: { type: string } }, required: [name] }
`,
    );
    await writeFile(
      join(dir, 'networks.config.yaml'),
      'clientName: Nets\noperations:\n  CreateNetwork: { bodyParam: network_create }\n  UpdateNetwork: { bodyParam: body }\n',
    );
    const result = await generate({
      spec: join(dir, 'networks.yaml'),
      config: join(dir, 'networks.config.yaml'),
      cwd: root,
    });
    const source = file(result, 'src/resources/networks.ts');
    // Required body: a required member, so the params argument is required; optional body: an optional member.
    expect(source).toMatch(/create\(params: NetworkCreateParams, options\?: RequestOptions\)/);
    expect(source).toContain('export type NetworkCreateParams = { network_create: NetworkCreate };');
    // The request literal, however the formatter wraps it.
    expect(source.replace(/\s+/g, ' ')).toMatch(/params, bodyKey: 'network_create', bodyEncoding: 'json'/);
    expect(source).toMatch(/update\(id: string, params: NetworkUpdateParams = \{\}, options\?: RequestOptions\)/);
    expect(source).toMatch(/export type NetworkUpdateParams = \{\s*body\?: /);
    expect(file(result, 'tests/api-resources/networks.test.ts')).toMatch(
      /\.create\(\{ network_create: \{ name: '[^']*' \} \}\)/,
    );
    expect(result.model.warnings.filter((warning) => warning.includes('bodyParam'))).toEqual([]);
  }, 60_000);

  test('a field renamed by x-sdk-param takes its SDK name in the types, and the runtime its wire name', () => {
    const source = file(named, 'src/resources/folders/files.ts');
    expect(source).toContain("renames: { timeout_seconds: 'Timeout' }");
    expect(source).toMatch(/as K extends 'Timeout' \? 'timeout_seconds' : never\]/);
  });
});

describe('a required body beside header params', () => {
  test('is marked bodyRequired, so an empty params object still sends `{}`; an optional one is not', async () => {
    const spec = (required: boolean): string => `openapi: 3.0.3
info: { title: Bundles, version: 1.0.0 }
paths:
  /bundles:
    post:
      operationId: CreateBundles
      parameters: [{ name: x-trace, in: header, schema: { type: string } }]
      requestBody:
        required: ${required}
        content: { application/json: { schema: { type: object, properties: { items: { type: array, items: { type: string } } } } } }
      responses: { '201': { description: ok } }
`;
    await writeFile(join(dir, 'required.yaml'), spec(true));
    await writeFile(join(dir, 'optional.yaml'), spec(false));
    const [required, optional] = await Promise.all(
      ['required', 'optional'].map((name) => generate({ spec: join(dir, `${name}.yaml`), cwd: dir })),
    );
    expect(file(required!, 'src/resources/bundles.ts')).toContain('bodyRequired: true');
    expect(file(optional!, 'src/resources/bundles.ts')).not.toContain('bodyRequired');
  }, 60_000);
});
