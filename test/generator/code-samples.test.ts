// Names from the spec's own TypeScript/JavaScript code samples (issue 26 item 1): `client.a.b.method(` names the
// operation, behind the config and api.md, ahead of inference; parsed with the TypeScript parser.
import { describe, expect, test } from 'vitest';
import type { SdkConfig } from '../../generator/load/load-config.js';
import type { OpenAPIDocument } from '../../generator/load/load-spec.js';
import { allResources, buildModel } from '../../generator/model/build-model.js';
import { isJavaScriptLang, sampleCall, sampleClient } from '../../generator/model/code-samples.js';
import { readSurface } from '../../generator/model/surface.js';

describe('the SDK call of a sample', () => {
  test.each([
    [
      'a client made with new, awaited and assigned',
      "import OpenAI from 'openai';\n\nconst client = new OpenAI();\n\nconst completion = await client.chat.completions.create({ model: 'x', messages: [] });\nconsole.log(completion.choices[0]);",
      { chain: ['chat', 'completions'], method: 'create' },
    ],
    [
      'any client name, no new: one the sample does not declare',
      'const page = await openai.files.list();\nfor (const file of page.data) console.log(file.id);',
      { chain: ['files'], method: 'list' },
    ],
    [
      'two chained calls of different methods',
      "const { data, response } = await acme.files.content('file-1').withResponse();\nacme.audio.speech.create({ input: 'x' }).then((r) => r.blob());",
      undefined,
    ],
    [
      'chained, one call',
      "const response = await sdk.audio.speech.create({ input: 'hi' }).asResponse();",
      { chain: ['audio', 'speech'], method: 'create' },
    ],
    [
      'for await over a list',
      'for await (const job of client.fineTuning.jobs.list({ limit: 20 })) {\n  console.log(job);\n}',
      { chain: ['fineTuning', 'jobs'], method: 'list' },
    ],
    [
      'the same call twice',
      "await client.files.del('a');\nawait client.files.del('b');",
      { chain: ['files'], method: 'del' },
    ],
    ['element access is not a plain chain', "await client['chat'].completions.create({});", undefined],
    ['optional chaining is not a plain chain', 'await client.chat?.completions.create({});', undefined],
    [
      'fetch',
      "fetch('https://api.example.com/v1/things', { method: 'POST' }).then((res) => res.json()).then(console.log);",
      undefined,
    ],
    [
      'a request library',
      'var request = require("request");\nvar options = { method: "POST", url: "https://x" };\nrequest(options, function (error, response, body) { console.log(body); });',
      undefined,
    ],
    [
      'headers made with new are no client with resources',
      "var myHeaders = new Headers();\nmyHeaders.append('Content-Type', 'application/json');\nfetch('https://x', { headers: myHeaders });",
      undefined,
    ],
    [
      'two different calls say nothing',
      'const file = await client.files.create({});\nawait client.batches.create({ input_file_id: file.id });',
      undefined,
    ],
    ['a top-level method is no resource chain', 'await client.ping();', undefined],
    [
      'JavaScript globals are no client',
      'console.log(JSON.stringify({ a: 1 }));\nprocess.stdout.write("x");',
      undefined,
    ],
    ['not even code', 'curl -X POST https://api.example.com', undefined],
  ])('%s', (_name, source, expected) => {
    expect(sampleCall(source)).toEqual(expected);
  });

  test('languages: TypeScript and JavaScript in any case, Node', () => {
    expect(
      ['TypeScript', 'typescript', 'ts', 'JavaScript', 'javascript', 'JS', 'node', 'Node.js', 'NodeJS'].every(
        isJavaScriptLang,
      ),
    ).toBe(true);
    expect(['Python', 'cURL', 'Go', 'Java', 'shell', undefined, 3].some(isJavaScriptLang)).toBe(false);
  });
});

const ok = {
  '200': {
    description: 'ok',
    content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } },
  },
};
const ts = (source: string, lang = 'TypeScript') => ({ lang, source });

function spec(
  samples: Record<string, Array<{ lang: string; source: string }>>,
  key = 'x-codeSamples',
): OpenAPIDocument {
  const op = (operationId: string, route: string) => ({
    operationId,
    responses: ok,
    ...(samples[route] && { [key]: samples[route] }),
  });
  return {
    openapi: '3.0.3',
    info: { title: 'Samples', version: '1' },
    paths: {
      '/fine-tunes': { post: op('createFineTune', 'post /fine-tunes'), get: op('listFineTunes', 'get /fine-tunes') },
      '/fine-tunes/{id}/cancel': {
        post: {
          ...op('cancelFineTune', 'post /fine-tunes/{id}/cancel'),
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        },
      },
      '/engines': { get: op('listEngines', 'get /engines') },
      '/files': { get: op('listFiles', 'get /files') },
    },
  } as unknown as OpenAPIDocument;
}

const SAMPLES = {
  'post /fine-tunes': [
    ts('const job = await client.fineTuning.jobs.create({ training_file: "f" });'),
    { lang: 'curl', source: 'curl https://x' },
  ],
  'get /fine-tunes': [ts('for await (const job of openai.fineTuning.jobs.list()) {}', 'javascript')],
  'post /fine-tunes/{id}/cancel': [ts("await client.fineTuning.jobs.cancel('ft-1');", 'node')],
  'get /engines': [
    ts('const models = await client.models.list();'),
    ts('const models = await client.engines.list();', 'JavaScript'),
  ],
};

const names = (document: OpenAPIDocument, config: SdkConfig = {}, surface?: ReturnType<typeof readSurface>) => {
  const model = buildModel(document, config, 'spec.json', surface);
  const out = Object.fromEntries(
    allResources(model.resources).flatMap((resource) =>
      resource.methods.map((method) => [
        `${method.httpMethod} ${method.path}`,
        [...resource.chain, method.name].join('.'),
      ]),
    ),
  );
  return { out, warnings: model.warnings };
};

describe('code samples name operations', () => {
  test('ahead of inference, even where no path states the namespace; samples that disagree name nothing, with a warning', () => {
    const { out, warnings } = names(spec(SAMPLES));
    expect(out).toMatchObject({
      'post /fine-tunes': 'fineTuning.jobs.create',
      'get /fine-tunes': 'fineTuning.jobs.list',
      'post /fine-tunes/{id}/cancel': 'fineTuning.jobs.cancel',
    });
    expect(out['get /engines']).toBe(names(spec({})).out['get /engines']);
    expect(warnings).toContain(
      'GET /engines: its code samples disagree (client.models.list (TypeScript), client.engines.list (JavaScript)); its name is inferred',
    );
    // x-code-samples (the older spelling) too.
    expect(names(spec(SAMPLES, 'x-code-samples')).out['post /fine-tunes']).toBe('fineTuning.jobs.create');
  });

  test('names no member may take are renamed as the rest are', () => {
    const { out } = names(spec({ 'get /files': [ts('await client.files.constructor();')] }));
    expect(out['get /files']).toBe('files.constructor_');
  });

  test('two operations named alike: a warning, and they are told apart as api.md names are', () => {
    const { out, warnings } = names(
      spec({ 'get /files': [ts('await client.things.list();')], 'get /engines': [ts('await client.things.list();')] }),
    );
    expect(warnings).toContain(
      'code samples name two operations alike; they are told apart as inferred names are: client.things.list (GET /engines, GET /files)',
    );
    expect(new Set([out['get /files'], out['get /engines']]).size).toBe(2);
    expect([out['get /files'], out['get /engines']].every((name) => name!.startsWith('things.'))).toBe(true);
  });

  test('behind the config and api.md; off with names.fromCodeSamples: false', () => {
    const document = spec(SAMPLES);
    const inferred = names(spec({})).out;
    expect(names(document, { names: { fromCodeSamples: false } }).out).toEqual(inferred);
    expect(
      names(document, { operations: { createFineTune: { resource: 'tuning', method: 'start' } } }).out[
        'post /fine-tunes'
      ],
    ).toBe('tuning.start');
    const surface = readSurface(
      '- <code title="post /fine-tunes">client.legacy.<a href="./src/resources/legacy.ts">createFineTune</a>({ ...params }) -> unknown</code>\n',
      'api.md',
    );
    expect(names(document, {}, surface).out['post /fine-tunes']).toBe('legacy.createFineTune');
  });
});

describe('the client a sample makes', () => {
  test.each([
    [
      "a class imported from a package, an option read from process.env['...'] and one from process.env.X",
      "import Acme from '@acme/sdk';\nconst client = new Acme({ bearerToken: process.env['ACME_TOKEN'], region: process.env.ACME_REGION, timeout: 5 });\nawait client.things.list();",
      {
        className: 'Acme',
        packageName: '@acme/sdk',
        envOptions: [
          { option: 'bearerToken', env: 'ACME_TOKEN' },
          { option: 'region', env: 'ACME_REGION' },
        ],
      },
    ],
    [
      'no options: the class and package alone',
      "import OpenAI from 'openai';\nconst openai = new OpenAI();\nawait openai.chat.completions.create({});",
      { className: 'OpenAI', packageName: 'openai', envOptions: [] },
    ],
    ['a class from a path is not a package', "import Acme from '../src';\nconst client = new Acme();", undefined],
    ['no import: unknown package', 'const client = new Acme({ apiKey: process.env.KEY });', undefined],
    ['no client at all', 'const r = await fetch(url);', undefined],
    [
      'an object made but not called through (a form), beside the client that is',
      "import FormData from 'form-data';\nimport Acme from 'acme';\nconst form = new FormData();\nform.append('a', 'b');\nconst client = new Acme();\nawait client.files.create({ form });",
      { className: 'Acme', packageName: 'acme', envOptions: [] },
    ],
  ])('%s', (_name, source, expected) => {
    expect(sampleClient(source)).toEqual(expected);
  });

  const withSamples = (...sources: string[]): OpenAPIDocument => ({
    openapi: '3.0.3',
    info: { title: 'Widget Platform', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: Object.fromEntries(
      sources.map((source, index) => [
        `/things${index}`,
        { get: { operationId: `list${index}`, responses: ok, 'x-codeSamples': [ts(source)] } },
      ]),
    ),
  });
  const KEYED =
    "import Acme from 'acme';\nconst client = new Acme({ authToken: process.env['ACME_SERVICE_API_KEY'] });\nawait client.things.list();";

  test("the key's option and variable, the prefix before its _API_KEY, the class and package; the config wins", () => {
    const model = buildModel(withSamples(KEYED, KEYED), {}, 'spec.json');
    expect([model.clientName, model.packageName, model.envPrefix, model.keyOption]).toEqual([
      'Acme',
      'acme',
      'ACME_SERVICE',
      { name: 'authToken', env: 'ACME_SERVICE_API_KEY' },
    ]);
    const configured = buildModel(withSamples(KEYED), { clientName: 'Widgets', envPrefix: 'W' }, 'spec.json');
    expect([configured.clientName, configured.envPrefix]).toEqual(['Widgets', 'W']);
    expect(buildModel(withSamples(KEYED), { names: { fromCodeSamples: false } }, 'spec.json').keyOption).toEqual({
      name: 'apiKey',
      env: 'WIDGET_PLATFORM_API_KEY',
    });
  });

  test("a sample's class does not change the other variables' prefix: the title's words do (OpenAI, not OPEN_AI)", () => {
    const document = {
      ...withSamples("import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.models.list();"),
    };
    document.info = { title: 'OpenAI API', version: '1' };
    const model = buildModel(document, {}, 'spec.json');
    expect([model.clientName, model.packageName, model.envPrefix, model.keyOption]).toEqual([
      'OpenAI',
      'openai',
      'OPENAI',
      { name: 'apiKey', env: 'OPENAI_API_KEY' },
    ]);
  });

  test('samples that disagree: on the class, no names; on the options, no key option; each with a warning', () => {
    const other =
      "import Acme from 'acme';\nconst client = new Acme({ apiKey: process.env['ACME_API_KEY'] });\nawait client.things.list();";
    const bare = "import Acme from 'acme';\nconst client = new Acme();\nawait client.things.list();";
    const options = buildModel(withSamples(KEYED, other), {}, 'spec.json');
    expect([options.clientName, options.keyOption.name]).toEqual(['Acme', 'apiKey']);
    expect(options.warnings).toContain(
      "the code samples give their client 2 different sets of options from the environment; the key's option is inferred",
    );
    // The defaults spelled out in one sample and left out in another are one client.
    expect(buildModel(withSamples(bare, KEYED), {}, 'spec.json').keyOption.name).toBe('authToken');
    const otherClass = "import Beta from 'beta';\nconst client = new Beta();\nawait client.things.list();";
    const classes = buildModel(withSamples(KEYED, otherClass), {}, 'spec.json');
    expect([classes.clientName, classes.keyOption.name]).toEqual(['WidgetPlatform', 'apiKey']);
    expect(classes.warnings).toContain(
      "the code samples make their client in 2 different ways; the client's names are inferred",
    );
  });

  test('an option the client has another use for is not the key', () => {
    const timeout =
      "import Acme from 'acme';\nconst client = new Acme({ timeout: process.env['ACME_TIMEOUT'] });\nawait client.things.list();";
    expect(buildModel(withSamples(timeout), {}, 'spec.json').keyOption.name).toBe('apiKey');
  });
});
