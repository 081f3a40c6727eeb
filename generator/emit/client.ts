import { StructureKind, type ExportDeclarationStructure, type OptionalKind } from 'ts-morph';
import { allResources } from '../model/build-model.js';
import type { SdkModel } from '../model/types.js';
import { MODELS_MODULE } from './models.js';
import { resourceModule } from './resources.js';
import { valueSource } from './examples.js';
import { markdownCode } from './escape.js';
import { jsDoc, literal, printSourceFile, type OutputFile } from './source.js';

/** `src/client.ts`: the client class, its options, and a property per top-level resource. */
export function emitClient(model: SdkModel): OutputFile {
  // Doc text (escaped with every JSDoc); the prefix is letters, digits and `_` (config.ts, naming.ts).
  const env = (name: string): string => `process.env['${model.envPrefix}_${name}']`;
  const config = {
    packageName: model.packageName,
    packageVersion: model.packageVersion,
    defaultBaseURL: model.defaultBaseURL,
    envPrefix: model.envPrefix,
    securitySchemes: model.securitySchemes,
    security: model.defaultSecurity,
    requiresCredentials: model.requiresCredentials,
    ...(model.idempotencyHeader !== undefined && { idempotencyHeader: model.idempotencyHeader }),
    ...(model.secretHeaders.length > 0 && { secretHeaders: model.secretHeaders }),
    ...(model.secretFields.length > 0 && { secretFields: model.secretFields }),
  };
  const schemes = Object.values(model.securitySchemes);
  const usesKey = schemes.some((scheme) => scheme.type !== 'basic');
  const usesClientCredentials = schemes.some((scheme) => scheme.type === 'oauth2' && scheme.tokenUrl !== undefined);
  const usesBasic = schemes.some((scheme) => scheme.type === 'basic');
  const option = (name: string, description: string) => ({ name, hasQuestionToken: true, type: 'string | undefined', docs: [{ description }] });
  const credentialOptions = [
    ...(usesKey ? [option('apiKey', `The API key${schemes.some((scheme) => scheme.type === 'bearer' || scheme.type === 'oauth2') ? ', sent as a bearer token' : ''}.\n\nDefaults to \`${env('API_KEY')}\`.`)] : []),
    ...(usesClientCredentials
      ? [
          option('clientID', `OAuth 2.0 client ID: with \`clientSecret\`, the client fetches and refreshes access tokens itself.\n\nDefaults to \`${env('CLIENT_ID')}\`.`),
          option('clientSecret', `OAuth 2.0 client secret.\n\nDefaults to \`${env('CLIENT_SECRET')}\`.`),
        ]
      : []),
    ...(usesBasic
      ? [option('username', `HTTP Basic user name.\n\nDefaults to \`${env('USERNAME')}\`.`), option('password', `HTTP Basic password.\n\nDefaults to \`${env('PASSWORD')}\`.`)]
      : []),
  ];
  const unused = ['apiKey', 'clientID', 'clientSecret', 'username', 'password'].filter((name) => !credentialOptions.some((item) => item.name === name));
  return printSourceFile(model, 'src/client.ts', [
    { kind: StructureKind.ImportDeclaration, namedImports: ['BaseClient', { name: 'ClientOptions', alias: 'BaseClientOptions', isTypeOnly: true }], moduleSpecifier: './core/base-client.js' },
    ...model.resources.map((resource) => ({ kind: StructureKind.ImportDeclaration as const, namedImports: [resource.className], moduleSpecifier: `./${resourceModule(resource)}.js` })),
    {
      kind: StructureKind.Interface,
      name: 'ClientOptions',
      isExported: true,
      extends: [unused.length > 0 ? `Omit<BaseClientOptions, ${unused.map((name) => literal(name)).join(' | ')}>` : 'BaseClientOptions'],
      docs: [{ description: `Options of the {@link ${model.clientName}} client.` }],
      properties: [
        ...credentialOptions,
        option('baseURL', `Overrides the base URL of the API.\n\nDefaults to \`${env('BASE_URL')}\`, then ${markdownCode(model.defaultBaseURL)}.`),
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
        docs: [{ description: `Methods under ${markdownCode(resource.property)}.` }],
      })),
      ctors: [
        {
          parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
          docs: [{ description: `Creates a client. Options not given are read from ${markdownCode(`${model.envPrefix}_*`)} environment variables.` }],
          statements: [`super(options, ${valueSource(config)});`],
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
    { isTypeOnly: true, namedExports: ['Fetch', 'Logger', 'LogLevel', 'RequestOptions'], moduleSpecifier: './core/base-client.js' },
    { namedExports: ['APIPromise'], moduleSpecifier: './core/api-promise.js' },
    { isTypeOnly: true, namedExports: ['APIResponse'], moduleSpecifier: './core/api-promise.js' },
    { namedExports: ['Page', 'PagePromise'], moduleSpecifier: './core/pagination.js' },
    { namedExports: ['Stream'], moduleSpecifier: './core/streaming.js' },
    { isTypeOnly: true, namedExports: ['ServerSentEvent'], moduleSpecifier: './core/streaming.js' },
    { namedExports: ['toFile'], moduleSpecifier: './core/uploads.js' },
    { isTypeOnly: true, namedExports: ['ToFileInput', 'Uploadable'], moduleSpecifier: './core/uploads.js' },
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
    const types = resource.methods.flatMap((method) => [method.paramsTypeName, method.responseTypeName, method.pageTypeName]).filter((name): name is string => !!name);
    if (types.length > 0) exports.push({ isTypeOnly: true, namedExports: types, moduleSpecifier: `./${resourceModule(resource)}.js` });
  }
  return printSourceFile(
    model,
    'src/index.ts',
    exports.map((item) => ({ kind: StructureKind.ExportDeclaration as const, ...item })),
  );
}
