// Spec text is untrusted (README: a pull request's spec is generated in CI). A spec that puts hostile text in every
// place a spec holds text must give an SDK where that text stays text: inside string literals and comments of the
// code, escaped in Markdown, data in JSON; that compiles; and that does nothing when imported and called.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  jsdocText,
  lineCommentText,
  markdownCode,
  markdownText,
  propertyKey,
  stringLiteral,
  templateLiteralText,
} from '../../generator/core/escape.js';
import { diffSpecs } from '../../generator/diff/diff-specs.js';
import { renderMarkdown } from '../../generator/diff/report.js';
import { generate } from '../../generator/generate.js';
import { writeOutput } from '../../generator/write/write-output.js';
import { type GeneratedSdk, generateSdk } from '../support/generated-sdk.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let specDir: string;

/** What a payload runs when it escapes into code; an identifier no generated or runtime file has. */
const MARKER = '__pwned';
const CODE = `globalThis.${MARKER}=1`;

/** Each payload, by what it tries. Those with CODE in them try to run it; the others try to break names. */
const PAYLOADS: Record<string, string> = {
  closeComment: `*/ ${CODE}; /*`,
  openComment: `/* ${CODE}`,
  backtick: `\`+${CODE}+\``,
  substitution: `\${${CODE}}`,
  singleQuote: `'+${CODE}+'`,
  doubleQuote: `"+${CODE}+"`,
  backslash: `\\'+${CODE}+'\\`,
  newline: `x\n${CODE};\n//`,
  lineSeparator: `x\u2028${CODE};\u2028//`,
  paragraphSeparator: `x\u2029${CODE};\u2029//`,
  html: `</script><img src=x onerror="${CODE}">`,
  proto: '__proto__',
  constructor: 'constructor',
  prototype: 'prototype',
  toString: 'toString',
  leadingDigit: '1st',
  empty: '',
};
const payloads = Object.values(PAYLOADS);
const everything = payloads.join(' ');

/** An object with these keys, as own properties (`__proto__` included: an assignment would set the prototype). */
const record = <T>(entries: Array<[string, T]>): Record<string, T> => Object.fromEntries(entries);
/** A JSON pointer token for a `$ref`. */
const token = (name: string): string => encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));

/**
 * Every payload as the title, description and version; server URL, variable and description; tag; path, path
 * segment and path param; operationId, summary and description; query and header param names, enum values and
 * examples; body property names; schema names, titles and descriptions; security scheme names and API key names.
 */
function hostileSpec(): object {
  const properties = (own: string): object =>
    record(payloads.map((name) => [name, { type: 'string', description: name, enum: [name, own], example: name }]));
  const schemaOf = (own: string): object => ({
    title: own,
    description: own,
    type: 'object',
    properties: properties(own),
  });
  const paths: Record<string, object> = {};
  for (const [index, [kind, payload]] of Object.entries(PAYLOADS).entries()) {
    // A path param's name cannot hold the characters that delimit it in the path.
    const param = /[/{}]/.test(payload) || payload === '' ? 'id' : payload;
    paths[`/${payload}/r${index}/{${param}}`] = {
      summary: payload,
      description: payload,
      post: {
        operationId: payload === '' ? undefined : payload,
        tags: [payload],
        summary: payload,
        description: payload,
        ...(kind === 'closeComment' && { servers: [{ url: `https://ops.example.com/${everything}` }] }),
        parameters: [
          {
            name: param,
            in: 'path',
            required: true,
            description: payload,
            schema: { type: 'string', example: payload },
          },
          ...payloads.map((name) => ({
            name,
            in: 'query',
            description: name,
            schema: { type: 'string', enum: [name], example: name },
          })),
          {
            name: payload || 'x-empty',
            in: 'header',
            description: payload,
            schema: { type: 'string', example: payload },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'object', required: payloads, properties: properties(payload) } },
          },
        },
        responses: {
          200: {
            description: payload,
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${token(payload)}` } } },
          },
        },
        security: [record([[payload, []]])],
      },
    };
    // Empty segments and segments of punctuation only: no name to infer, and no file name either.
    paths[`/r${index}//x/*/{id}`] = {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 204: { description: payload } },
      },
    };
  }
  // Names that are taken where they land: BaseClient's members on the client, and `options` and each other among a
  // method's parameters.
  const param = (name: string, where = 'path'): object => ({
    name,
    in: where,
    required: where === 'path',
    schema: { type: 'string' },
  });
  paths['/request/{options}/{a-b}/{a_b}/{query}'] = {
    get: {
      parameters: [param('options'), param('a-b'), param('a_b'), param('query'), param('q', 'query')],
      responses: { 204: { description: 'ok' } },
    },
  };
  for (const name of ['with_options', 'timeout', 'max_retries'])
    paths[`/${name}`] = { get: { responses: { 204: { description: 'ok' } } } };
  return {
    openapi: '3.1.0',
    info: { title: `Hostile ${everything}`, version: `1 ${everything}`, description: everything },
    servers: [
      {
        url: `https://{host}.example.com/${everything}`,
        description: everything,
        variables: { host: { default: `h${everything}`, description: everything } },
      },
      // A second server makes the `environment` option: its URLs reach JSDoc, the README and the client's code.
      { url: `https://second.example.com/${everything}`, description: everything },
    ],
    tags: payloads.map((name) => ({ name, description: everything })),
    paths,
    components: {
      schemas: record(payloads.map((name) => [name, schemaOf(name)])),
      securitySchemes: record(
        payloads.map((name, index) => [
          name,
          { type: 'apiKey', in: index % 2 ? 'header' : 'query', name: name || 'x-empty', description: name },
        ]),
      ),
    },
    security: payloads.map((name) => record([[name, []]])),
  };
}

let sdk: GeneratedSdk;

beforeAll(async () => {
  specDir = await mkdtemp(join(tmpdir(), 'sdkgen-injection-spec-'));
  await writeFile(join(specDir, 'hostile.json'), JSON.stringify(hostileSpec(), null, 1));
  sdk = await generateSdk(join(specDir, 'hostile.json'), '.injection-sdk');
}, 60_000);
afterAll(async () => {
  await sdk?.remove();
  if (specDir) await rm(specDir, { recursive: true, force: true });
});

/** Markdown without its fenced blocks and code spans (on one line): text to Markdown, whatever they hold. */
const prose = (markdown: string): string =>
  markdown
    .replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '')
    .split('\n')
    .map((line) => line.replace(/(?<!\\)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ''))
    .join('\n');

/** Where a file's text is inert: its comments and the insides of its string and template literals (no substitutions). */
function inertRanges(file: ts.SourceFile): Array<[number, number]> {
  const text = file.text;
  const ranges: Array<[number, number]> = [];
  const comments = (list: ts.CommentRange[] | undefined): void =>
    list?.forEach((range) => ranges.push([range.pos, range.end]));
  const visit = (node: ts.Node): void => {
    comments(ts.getLeadingCommentRanges(text, node.pos));
    comments(ts.getTrailingCommentRanges(text, node.end));
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      ranges.push([node.getStart(file), node.end]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  comments(ts.getLeadingCommentRanges(text, file.endOfFileToken.pos));
  return ranges;
}

const codeFiles = (): Array<{ path: string; text: string }> =>
  sdk.result.files.filter((file) => /\.(ts|mjs|js)$/.test(file.path));

describe('hostile text in every position of a spec', () => {
  test('every output file has a plain relative path: no empty segment, no `.` or `..`, no odd character', () => {
    for (const { path } of sdk.result.files) {
      for (const segment of path.split('/')) expect(segment, path).toMatch(/^(?!\.{1,2}$)[A-Za-z0-9_.-]+$/);
    }
    // Punctuation-only segments (`/r0//x/*/{id}`) still give a module each, and distinct ones.
    const modules = sdk.result.files.map((file) => file.path.toLowerCase());
    expect(new Set(modules).size).toBe(modules.length);
  });

  test('in every emitted TypeScript file, the payloads stay inside string literals and comments', () => {
    let occurrences = 0;
    for (const { path, text } of codeFiles()) {
      const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const identifiers: string[] = [];
      const collect = (node: ts.Node): void => {
        if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) identifiers.push(node.text);
        ts.forEachChild(node, collect);
      };
      collect(file);
      expect(identifiers, path).not.toContain(MARKER);
      const inert = inertRanges(file);
      for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + 1)) {
        occurrences++;
        expect(
          inert.some(([start, end]) => start <= at && at < end),
          `${path}:${file.getLineAndCharacterOfPosition(at).line + 1}: ${text.slice(Math.max(0, at - 60), at + 20)}`,
        ).toBe(true);
      }
    }
    // The payloads did reach the code (as data): the check above had something to check.
    expect(occurrences).toBeGreaterThan(100);
  });

  test('the SDK, tests included, passes tsc --strict', async () => {
    expect(await sdk.typecheck()).toBe('');
  }, 120_000);

  test('importing the SDK, constructing a client and calling every method runs none of it', async () => {
    const out = sdk.dir;
    await build({
      entryPoints: [join(out, 'src/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: join(out, 'bundle.mjs'),
      logLevel: 'silent',
    });
    // In a child process: whatever runs there cannot touch this one. fetch never leaves it.
    const script = `
      const { default: Client } = await import(${JSON.stringify(join(out, 'bundle.mjs'))});
      const fetch = async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      const client = new Client({ apiKey: 'key', baseURL: 'http://127.0.0.1:9', fetch, maxRetries: 0 });
      let calls = 0;
      // Resources are getters on their parent's prototype (created on first use); methods are its functions.
      const walk = async (resource, depth, call = true) => {
        if (depth > 6 || resource === null || typeof resource !== 'object') return;
        const prototype = Object.getPrototypeOf(resource);
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
          if (name === 'constructor' || !descriptor) continue;
          if (descriptor.get) {
            const child = resource[name];
            if (child !== client && child !== resource) await walk(child, depth + 1);
          } else if (call && typeof descriptor.value === 'function') {
            calls++;
            await resource[name]('x', {}).then(() => undefined, () => undefined);
          }
        }
      };
      await walk(client, 0, false);
      process.stdout.write(JSON.stringify({ calls, pwned: globalThis.${MARKER} ?? null }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: out });
    const { calls, pwned } = JSON.parse(stdout) as { calls: number; pwned: unknown };
    expect(pwned).toBeNull();
    expect(calls).toBeGreaterThanOrEqual(2 * Object.keys(PAYLOADS).length);
  }, 60_000);

  test('README.md and api.md: no payload opens HTML outside code', () => {
    const readme = prose(sdk.file('README.md'));
    expect(readme).toContain('&lt;/script>&lt;img');
    expect(readme).not.toMatch(/<\/?(script|img)/i);
    // api.md is HTML lines of our own: the payloads sit in them as escaped text.
    const api = sdk.file('api.md');
    expect(api).toContain('&lt;/script&gt;&lt;img');
    expect(api).not.toMatch(/<\/?(script|img)/i);
    for (const line of api.split('\n').filter((candidate) => candidate.startsWith('- <code title="'))) {
      expect(line).toMatch(
        /^- <code title="[^"<>]*">[^"<]*<a href="[^"<>]*">[^"<]*<\/a>[^"<]*<\/code>( \(deprecated\))?$/,
      );
    }
  });

  test('the change report (posted on pull requests) quotes the payloads without opening HTML', async () => {
    const plain = join(specDir, 'plain.json');
    await writeFile(
      plain,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Hostile', version: '1' },
        paths: { '/items': { get: { responses: { 204: { description: 'ok' } } } } },
      }),
    );
    const hostile = join(specDir, 'hostile.json');
    // Additions quote param names; removals (breaking) quote them and add an example call.
    for (const [base, head] of [
      [plain, hostile],
      [hostile, plain],
    ] as const) {
      const markdown = renderMarkdown(await diffSpecs({ spec: base }, { spec: head }));
      expect(markdown).toContain(MARKER);
      expect(prose(markdown)).not.toMatch(/<\/?(script|img)/i);
      // Each change is one list item: no payload starts a line of its own.
      for (const line of prose(markdown).split('\n')) expect(line).not.toMatch(/^\s*(x|\/\/|globalThis)/);
    }
  }, 60_000);

  test("a config's method and resource names are held to the same rules as inferred ones", async () => {
    const spec = join(specDir, 'plain-config.json');
    const config = join(specDir, 'sdk.config.yaml');
    await writeFile(
      spec,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Plain', version: '1' },
        paths: { '/items': { get: { responses: { 204: { description: 'ok' } } } } },
      }),
    );
    await writeFile(config, "operations:\n  'get /items': { resource: constructor.toString, method: constructor }\n");
    const { model, files } = await generate({ spec, config, cwd: root });
    const [resource] = model.resources;
    expect([resource!.property, resource!.children[0]!.property, resource!.children[0]!.methods[0]!.name]).toEqual([
      'constructor_',
      'toString_',
      'constructor_',
    ]);
    expect(files.find((file) => file.path === 'src/resources/constructor/to-string.ts')!.text).toMatch(
      /^ {2}constructor_\(options\?: RequestOptions\)/m,
    );
  }, 60_000);

  test('the two hostile servers are environments: the checks above read their names and URLs too', () => {
    expect(sdk.file('src/core-client.ts')).toMatch(/environment\?: 'production' \| 'environment_1' \| undefined;/);
    expect(sdk.file('README.md')).toContain('| `environment`');
  });

  test('package.json is JSON whose strings hold the text as data', () => {
    const manifest = JSON.parse(sdk.file('package.json')) as { name: string; description: string };
    expect(manifest.name).toMatch(/^[a-z0-9-]+$/);
    expect(manifest.description).toContain(PAYLOADS['newline']);
  });

  test('names: no member, type or variable takes a name JavaScript reserves or objects inherit', () => {
    const client = sdk.file('src/client.ts');
    // Resource and method names from `constructor` paths and operationIds are renamed, not the constructor.
    expect(client).toMatch(/get constructor_\(\): /);
    expect(client).toMatch(/get toString_\(\): /);
    expect(client).not.toMatch(/(readonly|get) (constructor|__proto__|toString)\??[:(]/);
    for (const name of ['request', 'withOptions', 'timeout', 'maxRetries'])
      expect(client).toMatch(new RegExp(`get ${name}_\\(\\): `));
    // Path-param variables never repeat each other or the method's own names (options, query, params).
    const request = sdk.file('src/resources/request.ts');
    expect(request).toMatch(/retrieve\(query2: string, params: RequestRetrieveParams, options\?: RequestOptions\)/);
    expect(request).toContain("const { options: options2, 'a-b': aB, a_b: aB2, ...query } = params;");
    // A security scheme named `__proto__` is a property of the schemes object, not its prototype.
    expect(sdk.file('src/core-client.ts')).toMatch(/\[['"]__proto__['"]\]: \{ type: 'apiKey'/);
  });
});

describe('the escapers: each payload, written for its context and read back by the TypeScript parser, is the text', () => {
  const parse = (code: string): ts.SourceFile => ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  const statement = (code: string): ts.Expression => {
    const file = parse(code);
    expect(file.statements, code).toHaveLength(1);
    return (file.statements[0] as ts.ExpressionStatement).expression;
  };

  test.each(payloads)('%j', (payload) => {
    expect((statement(stringLiteral(payload)) as ts.StringLiteral).text).toBe(payload);
    expect((statement(`\`${templateLiteralText(payload)}\``) as ts.NoSubstitutionTemplateLiteral).text).toBe(payload);
    // A property key: the object has that property (not a prototype set by `__proto__:`).
    const literal = (statement(`({ ${propertyKey(payload)}: 1 })`) as ts.ParenthesizedExpression)
      .expression as ts.ObjectLiteralExpression;
    expect(literal.properties).toHaveLength(1);
    const name = literal.properties[0]!.name!;
    expect(
      ts.isComputedPropertyName(name)
        ? (name.expression as ts.StringLiteral).text
        : (name as ts.Identifier | ts.StringLiteral).text,
    ).toBe(payload);
    expect(ts.isComputedPropertyName(name) || payload !== '__proto__').toBe(true);
    // Comments: one comment, then the code after it.
    for (const comment of [`/** ${jsdocText(payload)} */`, `// ${lineCommentText(payload)}`]) {
      const file = parse(`${comment}\nconst after = 1;`);
      expect(
        file.statements.map((node) => node.getText(file)),
        comment,
      ).toEqual(['const after = 1;']);
    }
    // Markdown: a code span holds the text on one line; prose has no tag left.
    expect(markdownCode(payload)).not.toMatch(/[\n\u2028\u2029]/);
    expect(prose(markdownText(payload))).not.toMatch(/<\/?(script|img)/i);
  });
});

describe('member names the language calls by name (issue 19)', () => {
  test('no resource or client is thenable, nor has its own toJSON, whatever the spec or config names', async () => {
    const spec = join(specDir, 'thenable.json');
    const config = join(specDir, 'thenable.config.yaml');
    const ok = { 204: { description: 'ok' } };
    await writeFile(
      spec,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Thenable', version: '1' },
        paths: {
          '/pets': {
            get: { 'x-stainless-method': 'then', responses: ok },
            post: { 'x-stainless-method': 'toJSON', responses: ok },
          },
          '/pets/{id}': {
            get: {
              operationId: 'catch',
              'x-stainless-method': 'catch',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: ok,
            },
          },
          '/then': { get: { responses: ok } },
          '/finally/{id}': {
            delete: {
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: ok,
            },
          },
          '/owners': { get: { operationId: 'listOwners', responses: ok } },
        },
      }),
    );
    await writeFile(config, 'operations:\n  listOwners: { resource: owners, method: finally }\n');
    const { model, files } = await generate({ spec, config, cwd: root });
    const names = model.resources.flatMap((resource) => [
      resource.property,
      ...resource.methods.map((method) => `${resource.property}.${method.name}`),
    ]);
    for (const name of names)
      expect(
        name.split('.').every((part) => !['then', 'catch', 'finally', 'toJSON'].includes(part)),
        name,
      ).toBe(true);
    // Run it: an async function returning a resource (or the client) settles at once, sending nothing.
    const out = join(root, 'test', '.thenable-sdk');
    await writeOutput(out, files, { force: true });
    try {
      await build({
        entryPoints: [join(out, 'src/index.ts')],
        bundle: true,
        format: 'esm',
        platform: 'node',
        outfile: join(out, 'bundle.mjs'),
        logLevel: 'silent',
      });
      const script = `
        const { default: Client } = await import(${JSON.stringify(join(out, 'bundle.mjs'))});
        let sent = 0;
        const fetch = async () => (sent++, new Response(null, { status: 204 }));
        const client = new Client({ apiKey: 'key', baseURL: 'http://127.0.0.1:9', fetch, maxRetries: 0 });
        const settled = [];
        for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(client))) {
          const descriptor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(client), name);
          if (!descriptor.get || ['apiKey', 'baseURL', 'timeout', 'maxRetries', 'logLevel'].includes(name)) continue;
          const resource = client[name];
          const got = await Promise.race([(async () => resource)(), new Promise((resolve) => setImmediate(() => resolve('pending')))]);
          settled.push([name, got === resource, typeof resource.then, typeof resource.toJSON]);
        }
        const self = await Promise.race([(async () => client)(), new Promise((resolve) => setImmediate(() => resolve('pending')))]);
        process.stdout.write(JSON.stringify({ settled, client: self === client, sent }));
      `;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        cwd: out,
      });
      const result = JSON.parse(stdout) as {
        settled: Array<[string, boolean, string, string]>;
        client: boolean;
        sent: number;
      };
      expect(result.settled.length).toBeGreaterThanOrEqual(3);
      for (const [name, same, then, toJSON] of result.settled)
        expect([name, same, then, toJSON]).toEqual([name, true, 'undefined', 'undefined']);
      expect(result.client).toBe(true);
      expect(result.sent).toBe(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('README.md and api.md take nothing raw (issue 19)', () => {
  test('the spec file name, regenerateCommand and renamed wire names: backticks and HTML stay text', async () => {
    const hostile = '`<img src=x onerror=alert(1)>`x` <script>alert(2)</script>';
    const spec = join(specDir, 'pets`<img src=x onerror=alert(1)>.json');
    await writeFile(
      spec,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Pets', version: '1' },
        servers: [{ url: 'https://pets.example' }],
        paths: {
          '/pets': {
            post: {
              requestBody: {
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { [hostile]: { type: 'string', 'x-sdk-param': 'renamed' } } },
                  },
                },
              },
              responses: { 204: { description: 'ok' } },
            },
          },
        },
      }),
    );
    const { files } = await generate({ spec, cwd: root, regenerateCommand: `npm run gen ${hostile}` });
    const text = (path: string): string => files.find((file) => file.path === path)!.text;
    const readme = text('README.md');
    expect(readme).toContain('onerror');
    expect(prose(readme)).not.toMatch(/<\/?(script|img)/i);
    expect(readme).not.toMatch(/^[^`\n]*<img/m);
    const api = text('api.md');
    expect(api).toContain('onerror');
    expect(prose(api)).not.toMatch(/<\/?(script|img)/i);
  }, 60_000);
});

describe('the README’s client.fetch call takes the spec’s path and param names as code (issue 25)', () => {
  test('a hostile GET path and path param name are a string literal and a property key that read back as written', async () => {
    const param = 'a\'b"c`d';
    const path = `/x'y"z\`\${1}\u2028\\\`\`\`/{${param}}`;
    const spec = join(specDir, 'typed-fetch.json');
    await writeFile(
      spec,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Fetch', version: '1' },
        servers: [{ url: 'https://fetch.example' }],
        paths: {
          [path]: {
            get: {
              parameters: [{ name: param, in: 'path', required: true, schema: { type: 'string' } }],
              responses: { 204: { description: 'ok' } },
            },
          },
        },
      }),
    );
    const { files } = await generate({ spec, cwd: root });
    const readme = files.find((file) => file.path === 'README.md')!.text;
    // The fenced block holding the call, whatever fence length the path's backticks asked for.
    const block = [...readme.matchAll(/^(`{3,})ts\n([\s\S]*?)\n\1$/gm)].find((match) =>
      match[2]!.includes('client.fetch.GET'),
    );
    expect(block).toBeDefined();
    const code = block![2]!;
    const { diagnostics } = ts.transpileModule(code, { reportDiagnostics: true });
    expect(diagnostics ?? []).toEqual([]);
    const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true);
    let call: ts.CallExpression | undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(source) === 'client.fetch.GET') call = node;
      ts.forEachChild(node, visit);
    };
    visit(source);
    const [pathArgument, init] = call!.arguments;
    expect(ts.isStringLiteral(pathArgument!) && pathArgument.text).toBe(path);
    const pathParams = (init as ts.ObjectLiteralExpression).properties
      .flatMap((p) => (ts.isPropertyAssignment(p) ? [p.initializer] : []))
      .flatMap((params) => (ts.isObjectLiteralExpression(params) ? [...params.properties] : []))
      .flatMap((p) =>
        ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer) ? [...p.initializer.properties] : [],
      );
    expect(
      pathParams.map((p) => (p.name && ts.isStringLiteral(p.name) ? p.name.text : p.name?.getText(source))),
    ).toEqual([param]);
  }, 60_000);
});

describe('JSDoc tags come only from the spec’s own fields (issue 19)', () => {
  test('description lines and words starting with @ are text, in our comments and in openapi-typescript’s', async () => {
    const prose = (where: string): string =>
      `${where} text\n@deprecated use nothing\n@internal\n  @see https://evil.example\n@example evil()\nmid-line @private and\u00a0@ignore, mail a@b.example, {@link Keep}`;
    const spec = join(specDir, 'tags.json');
    await writeFile(
      spec,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Tags', version: '1', description: prose('api') },
        servers: [{ url: 'https://tags.example' }],
        paths: {
          '/pets/{id}': {
            post: {
              summary: prose('summary'),
              description: prose('operation'),
              parameters: [
                {
                  name: 'id',
                  in: 'path',
                  required: true,
                  description: prose('param'),
                  schema: { type: 'string', description: prose('param schema') },
                },
              ],
              requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
              responses: {
                200: {
                  description: prose('response'),
                  content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
                },
              },
            },
          },
        },
        components: {
          schemas: {
            Pet: {
              title: prose('title'),
              description: prose('schema'),
              type: 'object',
              properties: { name: { type: 'string', description: prose('property'), default: 'x\n@deprecated' } },
            },
          },
        },
      }),
    );
    const { files } = await generate({ spec, cwd: root });
    let comments = 0;
    for (const file of files.filter((candidate) => candidate.path.endsWith('.ts'))) {
      const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        for (const tag of ts.getJSDocTags(node))
          expect(
            ['param', 'default', 'description', 'returns'],
            `${file.path}: @${tag.tagName.text} ${tag.getText(source).slice(0, 60)}`,
          ).toContain(tag.tagName.text);
        ts.forEachChild(node, visit);
      };
      visit(source);
      comments += file.text.split('\\@deprecated').length - 1;
    }
    // The lines are there, as text: in the resource's, the model's and openapi-typescript's comments.
    expect(comments).toBeGreaterThan(5);
  }, 60_000);
});
