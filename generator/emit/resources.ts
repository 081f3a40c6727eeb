import type {
  ClassDeclarationStructure,
  ImportDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertyDeclarationStructure,
  TypeAliasDeclarationStructure,
} from 'ts-morph';
import { markdownCode, propertyKey } from '../core/escape.js';
import { allResources } from '../model/build-model.js';
import type { Method, Resource, SdkModel } from '../model/types.js';
import { valueSource } from './examples.js';
import { MODELS_MODULE } from './models.js';
import { SCHEMA_MODULE } from './schema-types.js';
import { jsDoc, literal, type OutputFile, printSourceFile, relativeImport } from './source.js';
import { ModuleDeclarationKind, StructureKind } from './structure-kinds.js';
import {
  bodyTypeExpression,
  eventTypeExpression,
  modelNames,
  paramsTypeExpression,
  pathArgumentType,
  responseTypeExpression,
  uploadsBinary,
} from './type-expressions.js';

/** `src/resources/<module>.ts` for every resource of the tree (or for those given, a part of `allResources`). */
export function emitResources(
  model: SdkModel,
  resources: readonly Resource[] = allResources(model.resources),
): OutputFile[] {
  const models = modelNames(model);
  return resources.map((resource) => emitResource(model, resource, models));
}

export function resourceModule(resource: Resource): string {
  return `resources/${resource.modulePath}`;
}

/** The argument that carries query and body fields, named for what it holds (`params` when it holds parent ids too). */
export function paramsArgumentName(method: Method): string {
  if (method.namedPathParams.length > 0) return 'params';
  return method.paramsShape === 'query' ? 'query' : method.paramsShape === 'body' ? 'body' : 'params';
}

/** What the params argument holds beside the parent ids, named after the RequestSpec field it fills. */
function restName(method: Method): string {
  return method.paramsShape === 'query' ? 'query' : method.paramsShape === 'body' ? 'body' : 'rest';
}

const LOCALS = new Set(['params', 'options', 'query', 'body', 'rest']);

/** The local variable of a parent id taken out of the params object, clear of the method's other names. */
function pathLocal(variable: string): string {
  return LOCALS.has(variable) ? `${variable}Param` : variable;
}

function emitResource(model: SdkModel, resource: Resource, models: ReadonlyMap<string, string>): OutputFile {
  const module = resourceModule(resource);
  const typeAliases = resource.methods.flatMap((method) => methodTypes(method, models));
  const usedModels = [...new Set(resource.methods.flatMap((method) => referencedModels(method, models)))].sort();
  const paginated = resource.methods.some((method) => method.pagination);
  const styledParams = resource.methods.some((method) =>
    [...method.pathParams, ...method.queryParams, ...method.headerParams].some((param) => param.encoding !== undefined),
  );
  const finders = [
    ...new Set(resource.methods.flatMap((method) => (method.pagination ? [PAGE_FINDERS[method.pagination.kind]] : []))),
  ].sort();
  const streams = resource.methods.some((method) => method.response.kind === 'sse' || selectsEvents(method));
  const encodings = new Set(resource.methods.map((method) => method.body?.encoding));
  const forms = resource.methods.some((method) => method.body?.multipart !== undefined);
  const uploads = [
    ...['multipart', 'binary'].filter((encoding) => encodings.has(encoding as never)).map((e) => ENCODERS[e]!),
    ...(forms ? [MULTIPART_IF_FILES] : []),
  ];
  // Inline binary bodies are typed as the runtime's `Uploadable` (see bodyTypeExpression).
  const uploadable = resource.methods.some(uploadsBinary);
  // `paths` types every request (see `typed`).
  const schemaRoots = ['operations', 'paths'].filter(
    (root) =>
      (root === 'paths' && resource.methods.length > 0) ||
      typeAliases.some((alias) => String(alias.type).includes(`${root}[`)),
  );

  const imports: OptionalKind<ImportDeclarationStructure>[] = [
    { isTypeOnly: true, namedImports: ['APIPromise'], moduleSpecifier: relativeImport(module, 'core/api-promise') },
    { isTypeOnly: true, namedImports: ['RequestOptions'], moduleSpecifier: relativeImport(module, 'core/base-client') },
    { namedImports: ['APIResource'], moduleSpecifier: relativeImport(module, 'core/resource') },
    ...(resource.methods.length > 0
      ? [{ isTypeOnly: true, namedImports: ['Endpoint'], moduleSpecifier: relativeImport(module, 'internal/endpoint') }]
      : []),
    ...(paginated
      ? [
          {
            namedImports: [
              { name: 'Page', isTypeOnly: true },
              { name: 'PagePromise', isTypeOnly: true },
              'requestPage',
              ...finders,
            ],
            moduleSpecifier: relativeImport(module, 'core/pagination'),
          },
        ]
      : []),
    ...(streams
      ? [
          {
            namedImports: ['eventStream', { name: 'Stream', isTypeOnly: true }],
            moduleSpecifier: relativeImport(module, 'core/streaming'),
          },
        ]
      : []),
    // Body encoders only where an operation needs them, so that a bundle of other calls leaves them out.
    ...(uploads.length > 0 || uploadable
      ? [
          {
            namedImports: [...uploads, ...(uploadable ? [{ name: 'Uploadable', isTypeOnly: true }] : [])],
            moduleSpecifier: relativeImport(module, 'core/uploads'),
          },
        ]
      : []),
    ...(styledParams
      ? [{ namedImports: ['styledParams'], moduleSpecifier: relativeImport(module, 'internal/params') }]
      : []),
    ...(encodings.has('form')
      ? [{ namedImports: [ENCODERS['form']!], moduleSpecifier: relativeImport(module, 'internal/form') }]
      : []),
    ...(schemaRoots.length > 0
      ? [{ isTypeOnly: true, namedImports: schemaRoots, moduleSpecifier: relativeImport(module, SCHEMA_MODULE) }]
      : []),
    ...(usedModels.length > 0
      ? [{ isTypeOnly: true, namedImports: usedModels, moduleSpecifier: relativeImport(module, MODELS_MODULE) }]
      : []),
    ...resource.children.map((child) => ({
      namedImports: [child.className],
      moduleSpecifier: relativeImport(module, resourceModule(child)),
    })),
  ];

  // Child resources are made on first use, as the client's are.
  const properties: OptionalKind<PropertyDeclarationStructure>[] = resource.children.map((child) => ({
    name: `#${child.property}`,
    type: `${child.className} | undefined`,
  }));
  // Aliases an existing SDK's api.md keeps (`--surface`): the same method under its other name, where that is free.
  const memberNames = new Set([
    ...resource.methods.map((method) => method.name),
    ...resource.children.map((child) => child.property),
  ]);
  for (const method of resource.methods) {
    for (const alias of method.aliases ?? []) {
      if (memberNames.has(alias)) continue;
      memberNames.add(alias);
      properties.push({
        name: alias,
        isReadonly: true,
        initializer: `this.${method.name}`,
        docs: [{ description: `Another name of ${markdownCode(method.name)}, kept from the SDK this one replaces.` }],
      });
    }
  }
  const getAccessors = resource.children.map((child) => ({
    name: child.property,
    returnType: child.className,
    statements: [`return (this.#${child.property} ??= new ${child.className}(this._client));`],
    docs: [{ description: `Methods under ${markdownCode(child.chain.join('.'))}.` }],
  }));

  const paths = [...new Set(resource.methods.map((method) => markdownCode(method.path)))];
  const classStructure: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: 'APIResource',
    docs: [
      {
        description:
          paths.length > 0
            ? `Methods for ${paths.join(', ')}.`
            : `Groups the resources under ${markdownCode(resource.chain.join('.'))}.`,
      },
    ],
    properties,
    getAccessors,
    methods: resource.methods.map((method) => methodStructure(method, models, model.defaultSecurity)),
  };

  // The class's namespace, as in the official SDKs: `Client.OAuthClients.OAuthClient`, `Client.Calls.Actions`. Own
  // types first, then child classes, then the models its methods use; a name already taken is skipped.
  const members = new Map<string, boolean>();
  for (const alias of typeAliases) members.set(alias.name, true);
  for (const child of resource.children) if (!members.has(child.className)) members.set(child.className, false);
  for (const name of usedModels) if (!members.has(name)) members.set(name, true);
  const children = resource.children.filter((child) => members.get(child.className) === false);
  const namespace = {
    kind: StructureKind.Module,
    name: resource.className,
    isExported: true,
    hasDeclareKeyword: true,
    declarationKind: ModuleDeclarationKind.Namespace,
    statements:
      members.size > 0
        ? [
            `export { ${[...members].map(([name, isType]) => `${isType ? 'type ' : ''}${name} as ${name}`).join(', ')} };`,
          ]
        : [],
  };

  return printSourceFile(model, `src/${module}.ts`, [
    ...imports.map((item) => ({ kind: StructureKind.ImportDeclaration, ...item })),
    classStructure,
    ...children.map((child) => `${resource.className}.${child.className} = ${child.className};`),
    ...typeAliases,
    ...(members.size > 0 ? [namespace] : []),
  ]);
}

function methodTypes(method: Method, models: ReadonlyMap<string, string>): TypeAliasDeclarationStructure[] {
  const out: TypeAliasDeclarationStructure[] = [];
  if (method.paramsTypeName) {
    out.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: method.paramsTypeName,
      type: paramsTypeExpression(method, models),
      docs: [{ description: `Parameters of ${markdownCode(method.name)}: ${operationLabel(method)}.` }],
    });
  }
  if (method.responseTypeName) {
    out.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: method.responseTypeName,
      type: responseTypeExpression(method, models),
      docs: [{ description: `Response of ${markdownCode(method.name)}: ${operationLabel(method)}.` }],
    });
  }
  if (method.eventTypeName && method.response.events) {
    out.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: method.eventTypeName,
      type: eventTypeExpression(method, models),
      docs: [
        {
          description: `One event of ${markdownCode(method.name)} with \`${method.response.events.param}: true\`: ${operationLabel(method)}.`,
        },
      ],
    });
  }
  if (method.itemTypeName) {
    out.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: method.itemTypeName,
      type: pageItemType({ ...method, itemTypeName: undefined }, models),
      docs: [{ description: `One item of a page of ${markdownCode(method.name)}: ${operationLabel(method)}.` }],
    });
  }
  if (method.pageTypeName) {
    out.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: method.pageTypeName,
      type: `Page<${method.responseTypeName}, ${pageItemType(method, models)}>`,
      docs: [
        {
          description: jsDoc(
            `A page of \`${method.name}\`: ${operationLabel(method)}. Iterate it with \`for await\`, or call \`getNextPage()\`.`,
          )!,
        },
      ],
    });
  }
  return out;
}

function operationLabel(method: Method): string {
  return `${markdownCode(`${method.httpMethod.toUpperCase()} ${method.path}`)}${method.summary ? `, ${method.summary}` : ''}`;
}

/** Model names the method's types refer to (body and response `$ref`s). */
function referencedModels(method: Method, models: ReadonlyMap<string, string>): string[] {
  const refs = [
    method.body?.ref,
    method.body?.multipart?.ref,
    method.pageItemRef,
    ...method.response.statuses.map((status) => status.ref),
    ...(selectsEvents(method) ? [method.response.events!.ref] : []),
  ];
  return refs.flatMap((ref) => (ref !== undefined && models.has(ref) ? [models.get(ref)!] : []));
}

/** The type of one item of a page: the component the items refer to, else indexed out of the response type. */
function pageItemType(method: Method, models: ReadonlyMap<string, string>): string {
  if (method.itemTypeName) return method.itemTypeName;
  const named = method.pageItemRef !== undefined ? models.get(method.pageItemRef) : undefined;
  if (named) return named;
  const list = method.pagination!.items.reduce(
    (type, key) => `NonNullable<${type}[${literal(key)}]>`,
    method.responseTypeName!,
  );
  return `${list}[number]`;
}

function methodStructure(
  method: Method,
  models: ReadonlyMap<string, string>,
  defaultSecurity: string[][],
): OptionalKind<MethodDeclarationStructure> {
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = method.positionalPathParams.map((param) => ({
    name: param.variable,
    type: pathArgumentType(method, param),
  }));
  const argument = paramsArgumentName(method);
  // A binary body of its own before the params (`--surface`: api.md's `update(key, body, { ...params })`).
  if (method.body?.positional) {
    // Optional, unless a required params argument follows it (an optional argument cannot precede a required one).
    const type = bodyTypeExpression(method, models);
    if (method.body.required) parameters.push({ name: 'body', type });
    else if (method.paramsRequired) parameters.push({ name: 'body', type: `${type} | undefined` });
    else parameters.push({ name: 'body', type, hasQuestionToken: true });
  }
  if (method.paramsTypeName) {
    // `= {}` where `{}` is valid; an optional body whose schema has required fields is `body?: T` instead.
    const objectLike = (method.paramsShape !== 'body' || method.body?.isObject === true) && method.paramsAcceptEmpty;
    parameters.push({
      name: argument,
      type: method.paramsTypeName,
      ...(!method.paramsRequired && (objectLike ? { initializer: '{}' } : { hasQuestionToken: true })),
    });
  }
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });

  const responseType = method.responseTypeName ?? 'void';
  const events = selectsEvents(method)
    ? { param: method.response.events!.param, type: `Stream<${method.eventTypeName}>` }
    : undefined;
  const returned =
    method.response.kind === 'sse'
      ? `Stream<${responseType}>`
      : events
        ? `${responseType} | ${events.type}`
        : responseType;
  const tags: Array<{ tagName: string; text?: string }> = [
    ...method.positionalPathParams
      .filter((param) => param.description)
      .map((param) => ({ tagName: 'param', text: `${param.variable} - ${param.description}` })),
    ...(method.deprecated ? [{ tagName: 'deprecated' }] : []),
  ];
  const description =
    jsDoc(method.summary, method.description !== method.summary && method.description) ??
    markdownCode(`${method.httpMethod.toUpperCase()} ${method.path}`);
  return {
    name: method.name,
    parameters,
    returnType: method.pagination
      ? `PagePromise<${responseType}, ${pageItemType(method, models)}>`
      : `APIPromise<${returned}>`,
    docs: [{ description, tags }],
    statements: [
      // Parent ids come out of the params object; the rest is what the operation sends as query, headers or body.
      ...(method.namedPathParams.length > 0
        ? [
            `const { ${method.namedPathParams.map((param) => (propertyKey(param.name) === pathLocal(param.variable) ? param.name : `${propertyKey(param.name)}: ${pathLocal(param.variable)}`)).join(', ')}${method.paramsShape !== 'none' ? `, ...${restName(method)}` : ''} } = params;`,
          ]
        : []),
      method.pagination
        ? `return requestPage<${responseType}, ${pageItemType(method, models)}>(this._client, ${typed(method, requestSpec(method, argument, defaultSecurity))}, ${valueSource(method.pagination)}, options, ${PAGE_FINDERS[method.pagination.kind]});`
        : events
          ? // The events where the params ask for them (`stream: true`), the other type otherwise, with the Accept of each.
            `return this._client.request<${returned}>(${typed(method, requestSpec(method, argument, defaultSecurity).replace(/ \}$/, `, ...(${argument}${method.paramsRequired ? '' : '?'}.${events.param} === true && { response: 'sse' as const, decode: eventStream, accept: 'text/event-stream' }) }`))}, options);`
          : `return this._client.request<${returned}>(${typed(method, requestSpec(method, argument, defaultSecurity))}, options);`,
    ],
    // Typed by the param: `stream: true` gives a Stream of events, false or none the other type, a boolean either.
    ...(events && {
      overloads: [
        {
          parameters: overloadParameters(
            parameters,
            argument,
            `${method.paramsTypeName} & { ${events.param}: true }`,
            true,
          ),
          returnType: `APIPromise<${events.type}>`,
          docs: [{ description, tags }],
        },
        {
          parameters: overloadParameters(
            parameters,
            argument,
            `${method.paramsTypeName} & { ${events.param}?: false | null }`,
            method.paramsRequired,
          ),
          returnType: `APIPromise<${responseType}>`,
        },
        {
          parameters: overloadParameters(parameters, argument, method.paramsTypeName!, method.paramsRequired),
          returnType: `APIPromise<${returned}>`,
        },
      ],
    }),
  };
}

/** Whether a method answers with events or another type as a param of its params object asks (`stream: true`). */
function selectsEvents(method: Method): boolean {
  return (
    method.response.events !== undefined &&
    method.eventTypeName !== undefined &&
    method.paramsTypeName !== undefined &&
    !method.pagination
  );
}

/** An overload's parameters: the method's, with the params argument typed as given (no default value in an overload). */
function overloadParameters(
  parameters: OptionalKind<ParameterDeclarationStructure>[],
  argument: string,
  type: string,
  required: boolean,
): OptionalKind<ParameterDeclarationStructure>[] {
  return parameters.map((parameter) => {
    if (parameter.name !== argument) return { ...parameter, initializer: undefined };
    const { initializer: _initializer, hasQuestionToken: _optional, ...rest } = parameter;
    return { ...rest, type, ...(!required && { hasQuestionToken: true }) };
  });
}

/** The runtime's next-page finder of each pagination kind (core/pagination.ts). */
const PAGE_FINDERS: Readonly<Record<NonNullable<Method['pagination']>['kind'], string>> = {
  'page-number': 'nextPageNumber',
  cursor: 'nextCursorPage',
  'cursor-id': 'nextCursorIDPage',
  'next-url': 'nextURLPage',
  'link-header': 'nextLinkHeaderPage',
  'cursor-header': 'nextCursorHeaderPage',
  offset: 'nextOffsetPage',
};

/** The runtime's check of a body an operation also takes as a multipart form: the form when it carries a file. */
const MULTIPART_IF_FILES = 'multipartIfFiles';

/** The runtime's encoder of each non-JSON body encoding (`text` needs none: the body goes as given). */
const ENCODERS: Readonly<Record<string, string>> = {
  multipart: 'multipartBody',
  binary: 'binaryBody',
  form: 'formBody',
};

/**
 * The path a request is sent to: a path key's `#fragment` (`/files/{id}#add_shared_link`, EC2's `/#Action=RunInstances`)
 * tells operations apart in the spec but is never sent, and a URL with one would lose the query after it.
 */
export function wirePath(path: string): string {
  const at = path.indexOf('#');
  return at < 0 ? path : path.slice(0, at) || '/';
}

/**
 * The request literal checked against the spec's `paths` types (internal/endpoint.ts): a method whose path, method,
 * path params, query or body does not match the operation's types fails to compile, at no cost at run time.
 */
function typed(method: Method, spec: string): string {
  // Fields the SDK shapes its own way: renamed params, or a params argument the spec has nothing for (`--surface`).
  const own = (field: 'query' | 'body'): boolean =>
    field === 'query'
      ? method.queryParams.some((param) => param.key !== undefined) ||
        (method.paramsShape === 'query' && method.queryParams.length === 0)
      : method.body?.renames !== undefined || (method.paramsShape === 'body' && method.body === undefined);
  const unchecked = (['query', 'body'] as const).filter(own);
  const args = [
    'paths',
    literal(method.pathKey ?? method.path),
    literal(method.httpMethod),
    ...(unchecked.length > 0 ? [unchecked.map((field) => literal(field)).join(' | ')] : []),
  ];
  return `${spec} satisfies Endpoint<${args.join(', ')}>`;
}

/**
 * The `RequestSpec` literal a method hands the runtime: data from the spec, no logic. What the runtime assumes by
 * default (a JSON body and response, the spec's top-level security) is left out, as a hand-written call would.
 */
function requestSpec(method: Method, argument: string, defaultSecurity: string[][]): string {
  const fields: string[] = [`method: ${literal(method.httpMethod)}`, `path: ${literal(wirePath(method.path))}`];
  if (method.pathParams.length > 0) {
    const named = new Set(method.namedPathParams);
    const entries = method.pathParams.map((param) => {
      const local = named.has(param) ? pathLocal(param.variable) : param.variable;
      return propertyKey(param.name) === local ? local : `${propertyKey(param.name)}: ${local}`;
    });
    fields.push(`pathParams: { ${entries.join(', ')} }`);
  }
  // The argument is named after the RequestSpec field it fills (`query`, `body` or `params`), so shorthand works.
  if (method.paramsShape !== 'none') {
    const rest = method.namedPathParams.length > 0 ? restName(method) : argument;
    const field = method.paramsShape === 'mixed' ? 'params' : rest;
    // A positional body joins the params under its key, where the runtime takes the body from.
    const key = propertyKey(method.body?.key ?? 'body');
    if (method.body?.positional) fields.push(`${field}: { ...${rest}, ${key === 'body' ? key : `${key}: body`} }`);
    else fields.push(field === rest ? rest : `${field}: ${rest}`);
  }
  if (method.paramsShape === 'mixed') {
    if (method.queryParams.length > 0)
      fields.push(`queryKeys: [${method.queryParams.map((param) => literal(param.key ?? param.name)).join(', ')}]`);
    if (method.headerParams.length > 0)
      fields.push(`headerKeys: [${method.headerParams.map((param) => literal(param.name)).join(', ')}]`);
    if (method.body && !method.body.inline) fields.push(`bodyKey: ${literal(method.body.key ?? 'body')}`);
    if (method.body?.inline && method.body.required) fields.push('bodyRequired: true');
  }
  if (method.body) {
    const { encoding, contentType } = method.body;
    // In a params object, the encoding is also what says that the remaining fields are the body.
    if (encoding !== 'json' || method.paramsShape === 'mixed') fields.push(`bodyEncoding: ${literal(encoding)}`);
    if (encoding !== 'multipart' && !(encoding === 'json' && contentType === 'application/json'))
      fields.push(`contentType: ${literal(contentType)}`);
    if (ENCODERS[encoding] !== undefined) fields.push(`encode: ${ENCODERS[encoding]}`);
    // Also taken as a multipart form: calls that carry a file go so.
    if (method.body.multipart) fields.push(`multipart: ${MULTIPART_IF_FILES}`);
  }
  const styled = [...method.pathParams, ...method.queryParams, ...method.headerParams].filter(
    (param) => param.encoding !== undefined,
  );
  if (styled.length > 0)
    fields.push(
      `paramStyles: ${valueSource(Object.fromEntries(styled.map((param) => [param.name, param.encoding])))}`,
      'paramSerializers: styledParams',
    );
  if (method.body?.renames) fields.push(`renames: ${valueSource(method.body.renames)}`);
  // Query params keyed otherwise (`include` for `include[]`) and those the path key fixes (`/things?beta=true`).
  const queryNames = method.queryParams.filter((param) => param.key !== undefined);
  if (queryNames.length > 0)
    fields.push(`queryNames: ${valueSource(Object.fromEntries(queryNames.map((param) => [param.key, param.name])))}`);
  if (method.fixedQuery) fields.push(`fixedQuery: ${valueSource({ ...method.fixedQuery })}`);
  if (method.response.kind !== 'json') fields.push(`response: ${literal(method.response.kind)}`);
  if (method.response.kind === 'sse') fields.push('decode: eventStream');
  const accept = method.response.statuses[0]?.contentType;
  if (accept !== undefined && (method.response.kind === 'text' || method.response.kind === 'binary'))
    fields.push(`accept: ${literal(accept)}`);
  if (JSON.stringify(method.security) !== JSON.stringify(defaultSecurity))
    fields.push(`security: ${valueSource(method.security)}`);
  if (method.server !== undefined) fields.push(`server: ${literal(method.server)}`);
  return `{ ${fields.join(', ')} }`;
}
