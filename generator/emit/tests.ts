import { StructureKind } from './structure-kinds.js';
import { allResources } from '../model/build-model.js';
import type { Method, Resource, SdkModel } from '../model/types.js';
import { lineCommentText, stringLiteral } from './escape.js';
import { exampleArguments } from './examples.js';
import { printSourceFile, type OutputFile } from './source.js';

/**
 * `tests/api-resources/<resource>.test.ts`: every method called twice against a mock server of the spec, once with
 * only the required params and once with all of them. The mock validates each request against the spec.
 */
export function emitTests(model: SdkModel, resources: readonly Resource[] = allResources(model.resources)): OutputFile[] {
  return resources
    .filter((resource) => resource.methods.length > 0)
    .map((resource) => emitResourceTest(model, resource));
}

function emitResourceTest(model: SdkModel, resource: Resource): OutputFile {
  const depth = resource.modulePath.split('/').length;
  const up = '../'.repeat(depth + 1);
  const accessor = `client.${resource.chain.join('.')}`;
  const tests = resource.methods.flatMap((method) => {
    // No call of it can compile; the generator warned about the spec.
    if (method.noValidInput) return [`// ${method.name}: not tested, ${lineCommentText(method.noValidInput).replace(/\s+/g, ' ')} (a defect of the spec).`];
    const cases: string[] = [testCase(model, method, accessor, 'required')];
    if (hasOptionalMembers(model, method)) cases.push(testCase(model, method, accessor, 'all'));
    return cases;
  });
  return printSourceFile(model, `tests/api-resources/${resource.modulePath}.test.ts`, [
    { kind: StructureKind.ImportDeclaration, namedImports: ['describe', 'expect', 'test'], moduleSpecifier: 'vitest' },
    { kind: StructureKind.ImportDeclaration, defaultImport: model.clientName, moduleSpecifier: `${up}src/index.js` },
    { kind: StructureKind.ImportDeclaration, namedImports: ['baseURL'], moduleSpecifier: `${up.slice(3)}setup.js` },
    `const client = new ${model.clientName}({ ${credentialOptions(model)}baseURL });`,
    `describe(${stringLiteral(`resource ${resource.chain.join('.')}`)}, () => {\n${tests.join('\n\n')}\n});`,
  ]);
}

function testCase(model: SdkModel, method: Method, accessor: string, mode: 'required' | 'all'): string {
  const args = exampleArguments(model, method, mode).join(', ');
  const title = `${method.name}: ${mode === 'required' ? 'only required params' : 'required and optional params'}`;
  const dataCheck = method.response.kind === 'void' ? 'expect(data).toBeUndefined();' : 'expect(data).not.toBeInstanceOf(Response);';
  // Prism cannot mock text/event-stream bodies; the stream is covered by the runtime's own tests.
  const skip = method.response.kind === 'sse' ? ['// Prism does not mock server-sent event streams.'] : [];
  return [
    ...skip,
    `test${skip.length > 0 ? '.skip' : ''}(${stringLiteral(title)}, async () => {`,
    `const { data, response } = await ${accessor}.${method.name}(${args}).withResponse();`,
    'expect(response.ok).toBe(true);',
    dataCheck,
    '});',
  ].join('\n');
}

/** Whether an "all params" call differs from a "required params" one. */
function hasOptionalMembers(model: SdkModel, method: Method): boolean {
  return exampleArguments(model, method, 'all').join() !== exampleArguments(model, method, 'required').join();
}

/** Test credentials for the options the client has (none when the spec has no security schemes). */
function credentialOptions(model: SdkModel): string {
  const schemes = Object.values(model.securitySchemes);
  const parts: string[] = [];
  if (schemes.some((scheme) => scheme.type !== 'basic')) parts.push(`apiKey: 'My API Key', `);
  for (const { option } of Object.values(model.schemeKeyOptions)) parts.push(`${option}: 'My ${option}', `);
  if (schemes.some((scheme) => scheme.type === 'basic')) parts.push(`username: 'My Username', password: 'My Password', `);
  return parts.join('');
}
