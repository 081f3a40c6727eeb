import { lineCommentText, stringLiteral } from '../core/escape.js';
import { allResources } from '../model/build-model.js';
import { exampleJSON } from '../model/method-examples.js';
import type { Method, Resource, SdkModel } from '../model/types.js';
import { hasAPIKeyOption } from './client.js';
import { exampleArguments, valueSource } from './examples.js';
import { expectedRequest, type MockResponse, mockResponse, responseKind } from './mock-exchanges.js';
import { type OutputFile, printSourceFile } from './source.js';
import { StructureKind } from './structure-kinds.js';

/**
 * `tests/api-resources/<resource>.test.ts`: every method called twice, once with only the required params and once
 * with all of them, against the loopback mock server each file starts (tests/mock-server.ts). The mock checks the
 * request (method, path, the params and body it carries) and answers with the operation's response from
 * `<resource>.responses.json` beside the test; the test checks what the SDK returns against it and the request the
 * mock saw.
 */
export function emitTests(
  model: SdkModel,
  resources: readonly Resource[] = allResources(model.resources),
): OutputFile[] {
  return resources
    .filter((resource) => resource.methods.length > 0)
    .flatMap((resource) => emitResourceTest(model, resource));
}

function emitResourceTest(model: SdkModel, resource: Resource): OutputFile[] {
  const depth = resource.modulePath.split('/').length;
  const up = '../'.repeat(depth + 1);
  const accessor = `client.${resource.chain.join('.')}`;
  const base = resource.modulePath.split('/').pop()!;
  const responses: Record<string, MockResponse> = {};
  const tests = resource.methods.flatMap((method) => {
    // No call of it can compile; the generator warned about the spec.
    if (method.noValidInput)
      return [
        `// ${method.name}: not tested, ${lineCommentText(method.noValidInput).replace(/\s+/g, ' ')} (a defect of the spec).`,
      ];
    const response = mockResponse(method);
    Object.defineProperty(responses, method.name, {
      value: response,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    // An "all params" call is a test of its own where it differs from the "required params" one.
    const required = exampleArguments(method, 'required');
    const all = exampleArguments(method, 'all');
    const cases: string[] = [testCase(method, accessor, 'required', required, response)];
    if (all.join() !== required.join()) cases.push(testCase(method, accessor, 'all', all, response));
    return cases;
  });
  const test = printSourceFile(model, `tests/api-resources/${resource.modulePath}.test.ts`, [
    {
      kind: StructureKind.ImportDeclaration,
      namedImports: ['afterAll', 'describe', 'expect', 'test'],
      moduleSpecifier: 'vitest',
    },
    { kind: StructureKind.ImportDeclaration, defaultImport: model.clientName, moduleSpecifier: `${up}src/index.js` },
    {
      kind: StructureKind.ImportDeclaration,
      namedImports: mockImports(resource),
      moduleSpecifier: `${up.slice(3)}mock-server.js`,
    },
    'const mock = await startMockServer();',
    'afterAll(() => mock.close());',
    `const client = new ${model.clientName}({ ${credentialOptions(model)}baseURL: mock.url });`,
    // One statement with its comment: the direct printer takes a comment line only above code (emit/print.ts).
    "// What the mock answers each method with: the spec's example of its response, or a value built from its schema.\n" +
      `const responses = readResponses(new URL(${stringLiteral(`./${base}.responses.json`)}, import.meta.url));`,
    `describe(${stringLiteral(`resource ${resource.chain.join('.')}`)}, () => {\n${tests.join('\n\n')}\n});`,
  ]);
  // Plain JSON, final as written: a large API's examples would cost the formatter seconds.
  const data: OutputFile = {
    path: `tests/api-resources/${resource.modulePath}.responses.json`,
    text: `${responsesJSON(responses)}\n`,
    final: true,
  };
  return [test, data];
}

/**
 * `exampleJSON(responses, 2)`, each body's JSON made once: the model's examples are shared (an entity's example is
 * the body of each operation that answers with it), so the text of one is kept per value and indented to its place.
 */
function responsesJSON(responses: Record<string, MockResponse>): string {
  const entries = Object.keys(responses).map((name) => {
    const response = responses[name]!;
    const members = Object.keys(response).flatMap((key) => {
      const value = response[key as keyof MockResponse];
      if (value === undefined) return [];
      const text = key === 'body' ? bodyJSON(value) : exampleJSON(value, 2);
      return text === undefined ? [] : [`    ${JSON.stringify(key)}: ${text}`];
    });
    return `  ${JSON.stringify(name)}: ${members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n  }`}`;
  });
  return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n}`;
}

/** A body's JSON at the depth of the responses file's bodies (two levels in), kept per value. */
function bodyJSON(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return exampleJSON(value, 2);
  let text = bodyTexts.get(value);
  if (text === undefined) bodyTexts.set(value, (text = exampleJSON(value, 2)?.replaceAll('\n', '\n    ') ?? ''));
  return text === '' ? undefined : text;
}

const bodyTexts = new WeakMap<object, string>();

function mockImports(resource: Resource): string[] {
  const binary = resource.methods.some((method) => !method.noValidInput && responseKind(method) === 'binary');
  return ['readResponses', 'startMockServer', ...(binary ? ['textOf'] : [])];
}

function testCase(
  method: Method,
  accessor: string,
  mode: 'required' | 'all',
  exampleArgs: readonly string[],
  response: MockResponse,
): string {
  const args = exampleArgs.join(', ');
  const title = `${method.name}: ${mode === 'required' ? 'only required params' : 'required and optional params'}`;
  const { expected, sentPath } = expectedRequest(method, mode);
  const kind = responseKind(method);
  const name = method.pagination ? 'page' : kind === 'sse' ? 'stream' : 'data';
  return [
    `test(${stringLiteral(title)}, async () => {`,
    `${kind === 'void' ? '' : 'const served = '}mock.respond(${valueSource(expected)}, responses.${method.name});`,
    `const { ${name === 'data' ? 'data' : `data: ${name}`}, response } = await ${accessor}.${method.name}(${args}).withResponse();`,
    `expect(response.status).toBe(${response.status});`,
    ...resultChecks(method, name, response),
    `expect(mock.requests).toMatchObject([${valueSource({ method: expected.method, path: sentPath })}]);`,
    '});',
  ].join('\n');
}

/** What the SDK returns, checked against what the mock served. */
function resultChecks(method: Method, name: string, response: MockResponse): string[] {
  switch (responseKind(method)) {
    case 'void':
      return [`expect(${name}).toBeUndefined();`];
    case 'binary':
      return [`expect(await textOf(${name})).toBe(served.body);`];
    case 'text':
      return [`expect(${name}).toBe(served.body);`];
    case 'sse':
      return [
        'const events: unknown[] = [];',
        `for await (const event of ${name}) events.push(event);`,
        'expect(events).toEqual(served.body);',
      ];
    default:
      if (!method.pagination) return [`expect(${name}).toEqual(served.body);`];
      // A page: its whole body, and the items the SDK finds in it.
      return [
        `expect(${name}.body).toEqual(served.body);`,
        `expect(${name}.data).toHaveLength(${pageItems(method, response.body)});`,
      ];
  }
}

/** How many items a page body holds where the method's pagination says they are (none where it holds no list). */
function pageItems(method: Method, body: unknown): number {
  let node = body;
  for (const key of method.pagination!.items)
    node =
      node !== null && typeof node === 'object' && Object.hasOwn(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined;
  return Array.isArray(node) ? node.length : 0;
}

/** Test credentials for the options the client has (none when the spec has no security schemes). */
function credentialOptions(model: SdkModel): string {
  const schemes = Object.values(model.securitySchemes);
  const parts: string[] = [];
  if (hasAPIKeyOption(model)) parts.push(`${model.keyOption.name}: 'My API Key', `);
  for (const { option } of Object.values(model.schemeKeyOptions)) parts.push(`${option}: 'My ${option}', `);
  if (schemes.some((scheme) => scheme.type === 'basic'))
    parts.push(`username: 'My Username', password: 'My Password', `);
  return parts.join('');
}
