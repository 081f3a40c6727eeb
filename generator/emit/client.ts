import { StructureKind, type ExportDeclarationStructure, type OptionalKind } from 'ts-morph';
import { allResources } from '../model/build-model.js';
import type { SdkModel } from '../model/types.js';
import { MODELS_MODULE } from './models.js';
import { resourceModule } from './resources.js';
import { jsDoc, literal, printSourceFile, type OutputFile } from './source.js';

/** `src/client.ts`: the client class, its options, and a property per top-level resource. */
export function emitClient(model: SdkModel): OutputFile {
  const envApiKey = `${model.envPrefix}_API_KEY`;
  const envBaseURL = `${model.envPrefix}_BASE_URL`;
  const config = [
    `packageName: ${literal(model.packageName)}`,
    `packageVersion: ${literal(model.packageVersion)}`,
    `defaultBaseURL: ${literal(model.defaultBaseURL)}`,
    `apiKeyEnvVar: ${literal(envApiKey)}`,
    `baseURLEnvVar: ${literal(envBaseURL)}`,
    `apiKeyRequired: ${model.apiKeyRequired}`,
  ];
  return printSourceFile(model, 'src/client.ts', [
    { kind: StructureKind.ImportDeclaration, namedImports: ['BaseClient', { name: 'ClientOptions', alias: 'BaseClientOptions', isTypeOnly: true }], moduleSpecifier: './core/base-client.js' },
    ...model.resources.map((resource) => ({ kind: StructureKind.ImportDeclaration as const, namedImports: [resource.className], moduleSpecifier: `./${resourceModule(resource)}.js` })),
    {
      kind: StructureKind.Interface,
      name: 'ClientOptions',
      isExported: true,
      extends: ['BaseClientOptions'],
      docs: [{ description: `Options of the {@link ${model.clientName}} client.` }],
      properties: [
        { name: 'apiKey', hasQuestionToken: true, type: 'string | undefined', docs: [{ description: `The API key, sent as a bearer token.\n\nDefaults to \`process.env['${envApiKey}']\`.` }] },
        { name: 'baseURL', hasQuestionToken: true, type: 'string | undefined', docs: [{ description: `Overrides the base URL of the API.\n\nDefaults to \`process.env['${envBaseURL}']\`, then \`${model.defaultBaseURL}\`.` }] },
      ],
    },
    {
      kind: StructureKind.Class,
      name: model.clientName,
      isExported: true,
      extends: 'BaseClient',
      docs: [{ description: jsDoc(`API client for the ${model.title}.`, model.description)! }],
      properties: model.resources.map((resource) => ({
        name: resource.property,
        isReadonly: true,
        type: resource.className,
        initializer: `new ${resource.className}(this)`,
        docs: [{ description: `Methods under \`${resource.property}\`.` }],
      })),
      ctors: [
        {
          parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
          docs: [{ description: `Creates a client. Reads \`${envApiKey}\` and \`${envBaseURL}\` from the environment for options not given.` }],
          statements: [`super(options, { ${config.join(', ')} });`],
        },
      ],
    },
  ]);
}

/** `src/index.ts`: the default export, the runtime's public names, and every type. */
export function emitIndex(model: SdkModel): OutputFile {
  const exports: OptionalKind<ExportDeclarationStructure>[] = [
    { namedExports: [{ name: model.clientName, alias: 'default' }, model.clientName], moduleSpecifier: './client.js' },
    { isTypeOnly: true, namedExports: ['ClientOptions'], moduleSpecifier: './client.js' },
    { isTypeOnly: true, namedExports: ['Fetch', 'RequestOptions'], moduleSpecifier: './core/base-client.js' },
    { namedExports: ['APIPromise'], moduleSpecifier: './core/api-promise.js' },
    { isTypeOnly: true, namedExports: ['APIResponse'], moduleSpecifier: './core/api-promise.js' },
    {
      namedExports: [
        `${model.clientName}Error`, 'APIError', 'APIConnectionError', 'APIConnectionTimeoutError', 'APIUserAbortError',
        'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError', 'ConflictError',
        'UnprocessableEntityError', 'RateLimitError', 'InternalServerError',
      ],
      moduleSpecifier: './core/error.js',
    },
  ];
  if (model.models.length > 0) {
    exports.push({ isTypeOnly: true, namedExports: model.models.map((named) => named.typeName), moduleSpecifier: `./${MODELS_MODULE}.js` });
  }
  for (const resource of allResources(model.resources)) {
    const types = resource.methods.flatMap((method) => [method.paramsTypeName, method.responseTypeName]).filter((name): name is string => !!name);
    if (types.length > 0) exports.push({ isTypeOnly: true, namedExports: types, moduleSpecifier: `./${resourceModule(resource)}.js` });
  }
  return printSourceFile(
    model,
    'src/index.ts',
    exports.map((item) => ({ kind: StructureKind.ExportDeclaration as const, ...item })),
  );
}
