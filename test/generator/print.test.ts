// The direct printer (emit/print.ts) must give ts-morph's printStructure text exactly, for every structure it takes;
// anything else it leaves to ts-morph.
import { fileURLToPath } from 'node:url';
import * as morph from 'ts-morph';
import { ModuleDeclarationKind, printStructure, type SourceFileStructure, StructureKind } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emitClient, emitIndex } from '../../generator/emit/client.js';
import { emitMcp } from '../../generator/emit/mcp.js';
import { emitModels } from '../../generator/emit/models.js';
import { printStatements } from '../../generator/emit/print.js';
import { emitResources } from '../../generator/emit/resources.js';
import { printing } from '../../generator/emit/source.js';
import * as kinds from '../../generator/emit/structure-kinds.js';
import { emitTests } from '../../generator/emit/tests.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { repairSpec } from '../../generator/load/repair.js';
import { buildModel } from '../../generator/model/build-model.js';
import { applyDiscriminatorEnums } from '../../generator/model/discriminators.js';

const tsMorph = (statements: unknown[]): string =>
  printStructure({ kind: StructureKind.SourceFile, statements } as SourceFileStructure, {
    indentNumberOfSpaces: 2,
    useSingleQuote: true,
  });

const method = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  parameters: [
    { name: 'id', type: 'string' },
    { name: 'query', type: 'Q', initializer: '{}' },
    { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
  ],
  returnType: 'APIPromise<R>',
  statements: [
    'const { a: b, ...rest } = query;',
    'return this._client.request<R>({ method: "get", path: "/x/{id}", server: "https://x.test/*", a: \'it"s\' }, options);',
  ],
  ...extra,
});

const CASES: Array<[string, unknown[]]> = [
  ['nothing', []],
  [
    'imports of every form',
    [
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, namedImports: ['A', 'B'], moduleSpecifier: '../a.js' },
      {
        kind: StructureKind.ImportDeclaration,
        namedImports: [{ name: 'Page', isTypeOnly: true }, 'requestPage', { name: 'X', alias: 'Y' }],
        moduleSpecifier: './p.js',
      },
      { kind: StructureKind.ImportDeclaration, defaultImport: 'Client', moduleSpecifier: '../src/index.js' },
      { kind: StructureKind.ImportDeclaration, namespaceImport: 'Errors', moduleSpecifier: './core/error.js' },
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: './side-effect.js' },
    ],
  ],
  [
    'exports',
    [
      {
        kind: StructureKind.ExportDeclaration,
        namedExports: [{ name: 'Client', alias: 'default' }, 'Client'],
        moduleSpecifier: './client.js',
      },
      { kind: StructureKind.ExportDeclaration, isTypeOnly: true, namedExports: ['A'], moduleSpecifier: './a.js' },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './all.js' },
      { kind: StructureKind.ExportDeclaration },
    ],
  ],
  [
    'type aliases with one-line, multi-line and tagged docs',
    [
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: 'A',
        type: 'string',
        docs: [{ description: 'One line.' }],
      },
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: 'B',
        type: "components['schemas']['B']",
        docs: [{ description: 'First.\n\nThird, `code`.' }],
      },
      {
        kind: StructureKind.TypeAlias,
        name: 'C',
        type: 'number',
        docs: [{ description: 'Old.', tags: [{ tagName: 'deprecated' }, { tagName: 'see', text: 'other\nlines' }] }],
      },
      {
        kind: StructureKind.TypeAlias,
        name: 'D',
        type: 'number',
        docs: [{ tags: [{ tagName: 'deprecated' }] }, 'a string doc'],
      },
      'const x = 1;',
    ],
  ],
  [
    'a resource class, its statements and its namespace',
    [
      {
        kind: StructureKind.Class,
        name: 'Things',
        isExported: true,
        extends: 'APIResource',
        docs: [{ description: 'Methods for `/things`.' }],
        properties: [
          { name: '#child', type: 'Child | undefined' },
          { name: 'alias', isReadonly: true, initializer: 'this.list', docs: [{ description: 'Another name.' }] },
        ],
        getAccessors: [
          {
            name: 'child',
            returnType: 'Child',
            statements: ['return (this.#child ??= new Child(this._client));'],
            docs: [{ description: 'Methods under `things.child`.' }],
          },
        ],
        methods: [
          method('list', {
            docs: [{ description: 'List\nthings', tags: [{ tagName: 'param', text: 'id - The id' }] }],
          }),
          method('retrieve'),
          { name: 'empty' },
        ],
      },
      'Things.Child = Child;',
      { kind: StructureKind.TypeAlias, isExported: true, name: 'P', type: '{ a?: string }' },
      {
        kind: StructureKind.Module,
        name: 'Things',
        isExported: true,
        hasDeclareKeyword: true,
        declarationKind: ModuleDeclarationKind.Namespace,
        statements: ['export { type P as P };'],
      },
    ],
  ],
  [
    'a client class: statics, a constructor, no extends',
    [
      {
        kind: StructureKind.Class,
        name: 'Client',
        properties: [
          { name: 'Client', isStatic: true, isReadonly: true, initializer: 'this' },
          { name: 'x', type: 'number', hasQuestionToken: true },
        ],
        ctors: [
          {
            parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
            docs: [{ description: 'Creates a client.' }],
            statements: ['super(options);'],
          },
        ],
      },
      { kind: StructureKind.Class, name: 'Empty' },
      {
        kind: StructureKind.Module,
        name: 'Empty',
        isExported: true,
        hasDeclareKeyword: true,
        declarationKind: ModuleDeclarationKind.Namespace,
        statements: [],
      },
    ],
  ],
  [
    "the core client's options interface",
    [
      {
        kind: StructureKind.ImportDeclaration,
        namedImports: ['BaseClient', { name: 'ClientOptions', alias: 'BaseClientOptions', isTypeOnly: true }],
        moduleSpecifier: './core/base-client.js',
      },
      {
        kind: StructureKind.Interface,
        name: 'ClientOptions',
        isExported: true,
        extends: ["Omit<BaseClientOptions, 'apiKey' | 'clientID'>"],
        docs: [{ description: 'Options of the {@link Client} client.' }],
        properties: [
          {
            name: 'apiKey',
            hasQuestionToken: true,
            type: 'string | undefined',
            docs: [{ description: 'The API key.\n\nDefaults to `X_API_KEY`.' }],
          },
          { name: 'baseURL', hasQuestionToken: true, type: 'string | undefined' },
        ],
      },
      { kind: StructureKind.Interface, name: 'Empty', extends: 'A' },
      {
        kind: StructureKind.Class,
        name: 'CoreClient',
        isExported: true,
        extends: 'BaseClient',
        ctors: [
          {
            parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
            statements: ['super(options, { a: 1 });'],
          },
        ],
      },
    ],
  ],
  [
    'comments of whole lines before other statements (a triple-slash reference, quotes and braces in comments)',
    [
      '/// <reference types="node" />',
      { kind: StructureKind.ImportDeclaration, namedImports: ['A'], moduleSpecifier: './a.js' },
      '// it\'s a note\n// with a "quote {',
      { kind: StructureKind.Class, isExported: true, name: 'C', methods: [{ name: 'm', statements: ['return 1;'] }] },
      '// }',
      'run({\n  a: 1,\n}).catch((error) => {\n  fail(`${error}`);\n});',
    ],
  ],
  [
    'a test file: a top-level statement of many lines, last',
    [
      {
        kind: StructureKind.ImportDeclaration,
        namedImports: ['describe', 'expect', 'test'],
        moduleSpecifier: 'vitest',
      },
      "const client = new Client({ apiKey: 'k', baseURL });",
      "describe('resource things', () => {\ntest('list: it`s', async () => {\n  // a comment\n  await client.things.list('https://example.com');\n});\n});",
    ],
  ],
];

describe('printStatements prints what ts-morph prints', () => {
  test.each(CASES)('%s', (_name, statements) => {
    const direct = printStatements(statements);
    expect(direct).toBeDefined();
    expect(direct).toBe(tsMorph(statements));
  });

  test.each<[string, unknown[]]>([
    ['an interface with a method', [{ kind: StructureKind.Interface, name: 'I', methods: [{ name: 'm' }] }]],
    ['a decorator', [{ kind: StructureKind.Class, name: 'C', decorators: [{ name: 'd' }] }]],
    [
      'a line break inside a method',
      [{ kind: StructureKind.Class, name: 'C', methods: [{ name: 'm', statements: ['a(\n1);'] }] }],
    ],
    [
      'a template literal inside a method',
      [{ kind: StructureKind.Class, name: 'C', methods: [{ name: 'm', statements: ['return `x`;'] }] }],
    ],
    [
      'a slash outside a string inside a method',
      [{ kind: StructureKind.Class, name: 'C', methods: [{ name: 'm', statements: ["return a / 'b';"] }] }],
    ],
    [
      'an unclosed string with a slash',
      [{ kind: StructureKind.Class, name: 'C', methods: [{ name: 'm', statements: ["return 'a\\'/b;"] }] }],
    ],
    [
      'a comment opened by a top-level statement that is not last',
      ['const a = 1; // note', { kind: StructureKind.Class, name: 'C' }],
    ],
    ['a writer function', [(writer: unknown) => writer]],
  ])('and leaves %s to ts-morph', (_name, statements) => {
    expect(printStatements(statements)).toBeUndefined();
  });
});

test("the emitters' structure kinds are ts-morph's", () => {
  for (const [name, value] of Object.entries(kinds.StructureKind))
    expect([name, value]).toEqual([name, morph.StructureKind[name as keyof typeof morph.StructureKind]]);
  for (const [name, value] of Object.entries(kinds.ModuleDeclarationKind))
    expect([name, value]).toEqual([
      name,
      morph.ModuleDeclarationKind[name as keyof typeof morph.ModuleDeclarationKind],
    ]);
});

describe('the emitters print through it, as ts-morph would', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  beforeAll(() => {
    printing.compare = true;
  });
  afterAll(() => {
    printing.compare = false;
  });

  test.each(['spec/openapi.yaml', 'test/fixtures/features.yaml'])('%s', async (file) => {
    const { document } = await loadSpec(`${root}${file}`);
    repairSpec(document, []);
    applyDiscriminatorEnums(document);
    const model = buildModel(document, {}, file);
    printing.byTsMorph = [];
    // Throws where the two printers disagree.
    const files = [
      emitModels(model),
      ...emitResources(model),
      ...emitClient(model),
      emitIndex(model),
      ...emitTests(model),
      ...emitMcp(model),
    ];
    // Every file (the core client's options interface, a server URL in a method body among them).
    expect(printing.byTsMorph).toEqual([]);
    expect(files.length - printing.byTsMorph.length).toBeGreaterThan(10);
  });
});
