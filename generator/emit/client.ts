import type { ExportDeclarationStructure, ImportDeclarationStructure, OptionalKind } from 'ts-morph';
import { markdownCode } from '../core/escape.js';
import { allResources, takesFiles } from '../model/build-model.js';
import { RUNTIME_ERROR_CLASSES } from '../model/name-registry.js';
import type { Resource, SdkModel } from '../model/types.js';
import { valueSource } from './examples.js';
import { MODELS_MODULE } from './models.js';
import { resourceModule } from './resources.js';
import { jsDoc, literal, type OutputFile, printSourceFile } from './source.js';
import { ModuleDeclarationKind, StructureKind } from './structure-kinds.js';
import { webhookKeyEnv, webhooksPlacement, webhookTypeNames } from './webhooks.js';

/** The runtime's error classes, exported by the index and hung on the client class (`Telnyx.NotFoundError`). */
function errorClasses(model: SdkModel): string[] {
  return [`${model.clientName}Error`, ...RUNTIME_ERROR_CLASSES];
}

/** The types a resource module exports: each method's params and response types. */
export function resourceTypes(resource: Resource): string[] {
  return resource.methods
    .flatMap((method) => [method.paramsTypeName, method.responseTypeName, method.itemTypeName, method.pageTypeName])
    .filter((name): name is string => !!name);
}

/**
 * The client class's namespace, as the official SDKs have it: every exported type (`Telnyx.OAuthClientCreateParams`)
 * and the top-level resource classes (`Telnyx.OAuthClients`, whose own namespace holds its types). A class whose name
 * is taken by a type or a static member is left out.
 */
function namespaceMembers(
  model: SdkModel,
  statics: ReadonlySet<string>,
): { classes: Resource[]; types: Map<string, string> } {
  const types = new Map<string, string>();
  for (const named of model.models) types.set(named.typeName, `./${MODELS_MODULE}.js`);
  for (const resource of allResources(model.resources)) {
    for (const name of resourceTypes(resource))
      if (!types.has(name)) types.set(name, `./${resourceModule(resource)}.js`);
  }
  const classes = model.resources.filter(
    (resource) => !types.has(resource.className) && !statics.has(resource.className),
  );
  return { classes, types };
}

/** The top-level resource classes the client class carries as statics (`Telnyx.OAuthClients`). */
export function staticResourceClasses(model: SdkModel): Resource[] {
  return namespaceMembers(model, new Set([model.clientName, 'toFile', ...errorClasses(model)])).classes;
}

/** Whether the client has an `apiKey` option: some scheme takes a key or token (every kind but HTTP Basic). */
export function hasAPIKeyOption(model: Pick<SdkModel, 'securitySchemes'>): boolean {
  return Object.values(model.securitySchemes).some((scheme) => scheme.type !== 'basic');
}

/**
 * The key's option where the API's own SDK names it otherwise than `apiKey` / `<PREFIX>_API_KEY` (from the spec's code
 * samples), else undefined.
 */
export function customKeyOption(model: Pick<SdkModel, 'keyOption' | 'envPrefix'>): SdkModel['keyOption'] | undefined {
  const { name, env } = model.keyOption;
  return name === 'apiKey' && env === `${model.envPrefix}_API_KEY` ? undefined : model.keyOption;
}

/** The class of `src/core-client.ts`: the client without resources, for importing one resource alone. */
export function coreClientName(model: SdkModel): string {
  return `${model.clientName}Core`;
}

/**
 * `src/client.ts`: the client class, with a lazily created property per top-level resource, its statics and its
 * namespace; and `src/core-client.ts`: its options and the class without resources (what it extends), so that a
 * single resource imported alone (`new OAuthClients(new TelnyxCore())`) bundles without the others.
 */
export function emitClient(model: SdkModel): OutputFile[] {
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
    ...(customKeyOption(model) && { keyOption: { ...model.keyOption } }),
    ...(Object.keys(model.schemeKeyOptions).length > 0 && { schemeKeyOptions: { ...model.schemeKeyOptions } }),
    ...(model.idempotencyHeader !== undefined && { idempotencyHeader: model.idempotencyHeader }),
    ...(model.secretHeaders.length > 0 && { secretHeaders: model.secretHeaders }),
    ...(model.secretFields.length > 0 && { secretFields: model.secretFields }),
  };
  const schemes = Object.values(model.securitySchemes);
  const usesKey = hasAPIKeyOption(model);
  const usesClientCredentials = schemes.some((scheme) => scheme.type === 'oauth2' && scheme.tokenUrl !== undefined);
  const usesBasic = schemes.some((scheme) => scheme.type === 'basic');
  const option = (name: string, description: string) => ({
    name,
    hasQuestionToken: true,
    type: 'string | undefined',
    docs: [{ description }],
  });
  const credentialOptions = [
    ...(usesKey
      ? [
          option(
            model.keyOption.name,
            `The API key${schemes.some((scheme) => scheme.type === 'bearer' || scheme.type === 'oauth2') ? ', sent as a bearer token' : ''}.\n\nDefaults to \`process.env['${model.keyOption.env}']\`.`,
          ),
        ]
      : []),
    // Schemes with a key of their own (an admin key beside the usual one): each its option, sent only where named.
    ...Object.entries(model.schemeKeyOptions).map(([scheme, { option: name, env: variable }]) =>
      option(
        name,
        `The key of the ${markdownCode(scheme)} security scheme, sent only to the operations that name it.\n\nDefaults to \`${env(variable)}\`.`,
      ),
    ),
    ...(usesClientCredentials
      ? [
          option(
            'clientID',
            `OAuth 2.0 client ID: with \`clientSecret\`, the client fetches and refreshes access tokens itself.\n\nDefaults to \`${env('CLIENT_ID')}\`.`,
          ),
          option('clientSecret', `OAuth 2.0 client secret.\n\nDefaults to \`${env('CLIENT_SECRET')}\`.`),
        ]
      : []),
    ...(usesBasic
      ? [
          option('username', `HTTP Basic user name.\n\nDefaults to \`${env('USERNAME')}\`.`),
          option('password', `HTTP Basic password.\n\nDefaults to \`${env('PASSWORD')}\`.`),
        ]
      : []),
  ];
  const webhooks = model.webhooks;
  const webhookOptions = webhooks
    ? [
        option(
          webhooks.keyOption,
          `${webhooks.keyOption === 'publicKey' ? 'The public key (base64) webhooks are verified with' : 'The secret webhooks are verified with'}, by \`client.${webhooksPlacement(model).property}.unwrap()\`.\n\nDefaults to \`process.env['${webhookKeyEnv(model, webhooks)}']\`.`,
        ),
      ]
    : [];
  const unused = [
    ...['apiKey', 'clientID', 'clientSecret', 'username', 'password'].filter(
      (name) => !credentialOptions.some((item) => item.name === name),
    ),
    ...(model.environments.length > 0 ? [] : ['environment']),
  ];
  const errors = errorClasses(model);
  const files = takesFiles(model.resources);
  const statics = new Set([model.clientName, 'toFile', ...errors]);
  const { classes, types } = namespaceMembers(model, statics);
  // One import per module: resource classes as values, every exported type as a type, for the namespace.
  const imports = new Map<string, ImportDeclarationStructure['namedImports'] & unknown[]>();
  const add = (module: string, name: string | { name: string; alias?: string; isTypeOnly: boolean }): void =>
    void (imports.get(module) ?? imports.set(module, []).get(module)!).push(name);
  for (const resource of model.resources) add(`./${resourceModule(resource)}.js`, resource.className);
  const hooks = webhooks ? webhooksPlacement(model) : undefined;
  if (hooks) {
    add(`./${hooks.module}.js`, hooks.className);
    add('./webhooks/verify.js', 'WebhookVerificationError');
    for (const name of webhookTypeNames(webhooks!)) if (!types.has(name)) types.set(name, `./${hooks.module}.js`);
  }
  // A type named like a value of this module (the full Telnyx spec has a model `Errors`) is imported under `$Name`.
  const core = coreClientName(model);
  const values = new Set([
    model.clientName,
    core,
    'ClientOptions',
    'Errors',
    'toFile',
    ...model.resources.map((resource) => resource.className),
    ...(hooks ? [hooks.className, 'WebhookVerificationError'] : []),
  ]);
  const local = (name: string): string => (values.has(name) ? `$${name}` : name);
  for (const [name, module] of types)
    add(module, local(name) === name ? { name, isTypeOnly: true } : { name, alias: local(name), isTypeOnly: true });
  // The client-credentials flow is handed to the runtime only by clients whose spec has one, so others do not bundle it.
  // So are the readers of keys of schemes that have their own (internal/scheme-keys).
  const usesSchemeKeys = config.schemeKeyOptions !== undefined;
  const injected = [
    ...(usesClientCredentials ? ['tokenSource: ClientCredentialsTokenSource'] : []),
    ...(usesSchemeKeys ? ['schemeKeys: SchemeKeys'] : []),
  ];
  const configSource =
    injected.length > 0 ? valueSource(config).replace(/\s*\}$/, `, ${injected.join(', ')} }`) : valueSource(config);
  const coreClient = printSourceFile(model, 'src/core-client.ts', [
    {
      kind: StructureKind.ImportDeclaration,
      namedImports: ['BaseClient', { name: 'ClientOptions', alias: 'BaseClientOptions', isTypeOnly: true }],
      moduleSpecifier: './core/base-client.js',
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ['TypedClient'],
      moduleSpecifier: './internal/openapi-fetch.js',
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ['paths'],
      moduleSpecifier: './internal/openapi.js',
    },
    ...(usesClientCredentials
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            namedImports: ['ClientCredentialsTokenSource'],
            moduleSpecifier: './internal/oauth.js',
          },
        ]
      : []),
    ...(usesSchemeKeys
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            namedImports: ['SchemeKeys'],
            moduleSpecifier: './internal/scheme-keys.js',
          },
        ]
      : []),
    ...(webhooks
      ? [{ kind: StructureKind.ImportDeclaration, namedImports: ['readEnv'], moduleSpecifier: './internal/env.js' }]
      : []),
    ...(model.environments.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            namedImports: ['withEnvironment'],
            moduleSpecifier: './internal/environments.js',
          },
        ]
      : []),
    {
      kind: StructureKind.Interface,
      name: 'ClientOptions',
      isExported: true,
      extends: [
        unused.length > 0
          ? `Omit<BaseClientOptions, ${unused.map((name) => literal(name)).join(' | ')}>`
          : 'BaseClientOptions',
      ],
      docs: [{ description: `Options of the {@link ${model.clientName}} client.` }],
      properties: [
        ...credentialOptions,
        ...webhookOptions,
        {
          ...option(
            'baseURL',
            `Overrides the base URL of the API.\n\nDefaults to \`${env('BASE_URL')}\`, then ${markdownCode(model.defaultBaseURL)}; \`null\` is ${markdownCode(model.defaultBaseURL)} whatever the environment says.`,
          ),
          type: 'string | null | undefined',
        },
        ...(model.environments.length > 0
          ? [
              {
                ...option(
                  'environment',
                  [
                    "One of the API's servers, by name (`baseURL` then stays unset, or `null`):",
                    '',
                    ...model.environments.map(
                      ({ name, url }, index) =>
                        `- \`${name}\`: ${markdownCode(url)}${index === 0 ? ' (the default)' : ''}`,
                    ),
                  ].join('\n'),
                ),
                type: `${model.environments.map(({ name }) => literal(name)).join(' | ')} | undefined`,
              },
            ]
          : []),
      ],
    },
    {
      kind: StructureKind.Class,
      name: core,
      isExported: true,
      extends: 'BaseClient',
      docs: [
        {
          description: `The ${model.clientName} client without its resources: hand it to a resource class imported alone, for the smallest bundle.`,
        },
      ],
      // The webhook key is kept private (a getter, not a field), so `console.log(client)` does not show a secret.
      ...(webhooks && { properties: [{ name: '#webhookKey', isReadonly: true, type: 'string | undefined' }] }),
      getAccessors: [
        {
          name: 'fetch',
          returnType: 'TypedClient<paths>',
          statements: ['return this.openapiFetch() as TypedClient<paths>;'],
          docs: [
            {
              description: [
                "openapi-fetch's client for any operation of the API by path and method, typed by the spec (`paths`):",
                '`await client.fetch.GET(path, { params: { path, query } })` answers `{ data, error, response }`, an error',
                "status in `error`. It sends with the client's credentials (to the base URL's origin only), default",
                "headers, retries, timeouts and redirects; a request that gets no response throws the SDK's errors.",
              ].join('\n'),
            },
          ],
        },
        ...(usesKey && model.keyOption.name !== 'apiKey'
          ? [
              {
                name: model.keyOption.name,
                returnType: 'string | undefined',
                statements: ['return this.apiKey;'],
                docs: [{ description: `The API key the client sends (the \`${model.keyOption.name}\` option).` }],
              },
            ]
          : []),
        ...(webhooks
          ? [
              {
                name: webhooks.keyOption,
                returnType: 'string | undefined',
                statements: ['return this.#webhookKey;'],
                docs: [
                  {
                    description: `The key webhooks are verified with (the \`${webhooks.keyOption}\` option, else \`${webhookKeyEnv(model, webhooks)}\`).`,
                  },
                ],
              },
            ]
          : []),
      ],
      ...(usesKey &&
        model.keyOption.name !== 'apiKey' && {
          setAccessors: [
            {
              name: model.keyOption.name,
              parameters: [{ name: 'value', type: 'string | undefined' }],
              statements: ['this.apiKey = value;'],
            },
          ],
        }),
      ctors: [
        {
          parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
          docs: [
            {
              description: `Creates a client. Options not given are read from ${markdownCode(`${model.envPrefix}_*`)} environment variables.`,
            },
          ],
          statements: [
            `super(${
              model.environments.length > 0
                ? `withEnvironment(options, ${valueSource(Object.fromEntries(model.environments.map(({ name, url }) => [name, url])))}, ${literal(model.envPrefix)})`
                : 'options'
            }, ${configSource});`,
            ...(webhooks
              ? [
                  `this.#webhookKey = options.${webhooks.keyOption} ?? readEnv(${literal(webhookKeyEnv(model, webhooks))});`,
                ]
              : []),
          ],
        },
      ],
    },
  ]);
  return [
    coreClient,
    printSourceFile(model, 'src/client.ts', [
      {
        kind: StructureKind.ImportDeclaration,
        namedImports: [core, { name: 'ClientOptions', isTypeOnly: true }],
        moduleSpecifier: './core-client.js',
      },
      { kind: StructureKind.ImportDeclaration, namespaceImport: 'Errors', moduleSpecifier: './core/error.js' },
      ...(files
        ? [{ kind: StructureKind.ImportDeclaration, namedImports: ['toFile'], moduleSpecifier: './core/uploads.js' }]
        : []),
      ...[...imports].map(([moduleSpecifier, namedImports]) => ({
        kind: StructureKind.ImportDeclaration,
        namedImports,
        moduleSpecifier,
      })),
      `export type { ClientOptions };`,
      {
        kind: StructureKind.Class,
        name: model.clientName,
        isExported: true,
        extends: core,
        docs: [{ description: jsDoc(`API client for the ${model.title}.`, model.description)! }],
        properties: [
          // The official SDKs' statics: `require('x').Client` beside `.default`, the error classes, `toFile` (where an
          // operation takes a file: see takesFiles).
          {
            name: model.clientName,
            isStatic: true,
            isReadonly: true,
            initializer: 'this',
            docs: [{ description: 'The class itself, for `const { Client } = require(...)`-style imports.' }],
          },
          ...errors.map((name) => ({ name, isStatic: true, isReadonly: true, initializer: `Errors.${name}` })),
          ...(files ? [{ name: 'toFile', isStatic: true, isReadonly: true, initializer: 'toFile' }] : []),
          ...(hooks
            ? [
                {
                  name: 'WebhookVerificationError',
                  isStatic: true,
                  isReadonly: true,
                  initializer: 'WebhookVerificationError',
                },
              ]
            : []),
          ...model.resources.map((resource) => ({
            name: `#${resource.property}`,
            type: `${resource.className} | undefined`,
          })),
          ...(hooks ? [{ name: `#${hooks.property}`, type: `${hooks.className} | undefined` }] : []),
        ],
        // Resources are made on first use: a client used for one call builds one resource object, not hundreds.
        getAccessors: model.resources
          .map((resource) => ({
            name: resource.property,
            returnType: resource.className,
            statements: [`return (this.#${resource.property} ??= new ${resource.className}(this));`],
            docs: [{ description: `Methods under ${markdownCode(resource.property)}.` }],
          }))
          .concat(
            hooks
              ? [
                  {
                    name: hooks.property,
                    returnType: hooks.className,
                    statements: [`return (this.#${hooks.property} ??= new ${hooks.className}(this));`],
                    docs: [{ description: 'Verifies and parses the webhooks the API sends.' }],
                  },
                ]
              : [],
          ),
        ctors: [
          {
            parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
            docs: [
              {
                description: `Creates a client. Options not given are read from \`${model.envPrefix}_*\` environment variables.`,
              },
            ],
            statements: ['super(options);'],
          },
        ],
      },
      // The namespace declares these class members; the assignments give them their values.
      ...classes.map((resource) => `${model.clientName}.${resource.className} = ${resource.className};`),
      {
        kind: StructureKind.Module,
        name: model.clientName,
        isExported: true,
        hasDeclareKeyword: true,
        declarationKind: ModuleDeclarationKind.Namespace,
        statements: [
          `export type { ClientOptions };`,
          ...(classes.length > 0
            ? [`export { ${classes.map((resource) => `${resource.className} as ${resource.className}`).join(', ')} };`]
            : []),
          ...(types.size > 0
            ? [`export type { ${[...types.keys()].map((name) => `${local(name)} as ${name}`).join(', ')} };`]
            : []),
        ],
      },
    ]),
  ];
}

/** `src/index.ts`: the default export, the runtime's public names, and every type. */
export function emitIndex(model: SdkModel): OutputFile {
  const exports: OptionalKind<ExportDeclarationStructure>[] = [
    { namedExports: [{ name: model.clientName, alias: 'default' }, model.clientName], moduleSpecifier: './client.js' },
    { isTypeOnly: true, namedExports: ['ClientOptions'], moduleSpecifier: './client.js' },
    { namedExports: [coreClientName(model)], moduleSpecifier: './core-client.js' },
    {
      isTypeOnly: true,
      namedExports: ['Fetch', 'Logger', 'LogLevel', 'RequestOptions'],
      moduleSpecifier: './core/base-client.js',
    },
    { namedExports: ['APIPromise'], moduleSpecifier: './core/api-promise.js' },
    { isTypeOnly: true, namedExports: ['APIResponse'], moduleSpecifier: './core/api-promise.js' },
    { namedExports: ['Page', 'PagePromise'], moduleSpecifier: './core/pagination.js' },
    { namedExports: ['Stream'], moduleSpecifier: './core/streaming.js' },
    { isTypeOnly: true, namedExports: ['ServerSentEvent'], moduleSpecifier: './core/streaming.js' },
    { namedExports: ['toFile'], moduleSpecifier: './core/uploads.js' },
    { isTypeOnly: true, namedExports: ['ToFileInput', 'Uploadable'], moduleSpecifier: './core/uploads.js' },
    { namedExports: errorClasses(model), moduleSpecifier: './core/error.js' },
  ];
  if (model.models.length > 0) {
    exports.push({
      isTypeOnly: true,
      namedExports: model.models.map((named) => named.typeName),
      moduleSpecifier: `./${MODELS_MODULE}.js`,
    });
  }
  for (const resource of allResources(model.resources)) {
    const types = resourceTypes(resource);
    if (types.length > 0)
      exports.push({ isTypeOnly: true, namedExports: types, moduleSpecifier: `./${resourceModule(resource)}.js` });
  }
  if (model.webhooks) {
    const { module } = webhooksPlacement(model);
    exports.push({ namedExports: ['WebhookVerificationError'], moduleSpecifier: './webhooks/verify.js' });
    exports.push({
      isTypeOnly: true,
      namedExports: ['UnwrapWebhookOptions'],
      moduleSpecifier: './webhooks/resource.js',
    });
    exports.push({
      isTypeOnly: true,
      namedExports: ['WebhookBody', 'WebhookHeaders'],
      moduleSpecifier: './webhooks/verify.js',
    });
    exports.push({
      isTypeOnly: true,
      namedExports: webhookTypeNames(model.webhooks),
      moduleSpecifier: `./${module}.js`,
    });
  }
  return printSourceFile(
    model,
    'src/index.ts',
    exports.map((item) => ({ kind: StructureKind.ExportDeclaration, ...item })),
  );
}
