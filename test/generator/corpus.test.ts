// The corpus as a gate. Here (in `npm test`), a fixed subset: Swagger 2.0 documents converted, edge cases with
// callbacks, webhooks, circular schemas, polymorphism, discriminators and several media types, and the real specs each
// repair was made for: Stripe (empty form bodies on GET), Kubernetes (property-less Patch bodies), Spotify (a query
// param and a body field of one name), SendGrid (array examples of the wrong item type), Codat and D&D 5e (refs into
// the inside of a schema, one recursive), InfluxDB (an allOf of one discriminated union), path params with object
// schemas (parameters-style: their examples have no prototype), and schemas no value satisfies. Each SDK is held to
// the committed baseline (test/generator/corpus-baseline.json): type errors under TypeScript 5 and 7 (sources and
// generated tests), README/api.md blocks that do not compile, operationId-fallback and numbered names; none may grow.
// CI (`.ci/run`) then runs the whole corpus against the same baseline (`npm run corpus -- --gate`).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { BASELINE_FILE, type CorpusResult, DEFAULT_CORPUS, runCorpus } from '../../tools/corpus.js';
import { type Baseline, compareWithBaseline } from '../../tools/corpus-gate.js';
import { countNaming, snippetFiles } from '../../tools/corpus-metrics.js';

const SUBSET = [
  'swagger2/',
  'edge-cases/3.0/callbacks.json',
  'edge-cases/3.0/circular-paths.json',
  'edge-cases/3.0/circular.json',
  'edge-cases/3.0/polymorphism.json',
  'edge-cases/3.0/response-multiple-mediatypes.json',
  'edge-cases/3.1/webhooks.yaml',
  'edge-cases/3.0/discriminators.json',
  'edge-cases/3.0/schema-circular.json',
  'edge-cases/3.0/schema-deprecated.json',
  'edge-cases/3.0/circular-request-bodies.json',
  'edge-cases/3.0/schema-types.json',
  'edge-cases/3.0/parameters-style.json',
  'named/sendgrid.com.json',
  'named/stripe.com.json',
  'named/kubernetes.io.json',
  'named/spotify.com.json',
  'sample/codat.io__assess.json',
  'sample/dnd5eapi.co.json',
  'sample/influxdata.com.json',
];

const present = existsSync(DEFAULT_CORPUS);

describe('the corpus', () => {
  // Where CI runs (`.ci/run` sets CI=1), a missing corpus is a failure: the gate must not pass by checking nothing.
  test.runIf(!present && !!process.env['CI'])('is present in CI', () => {
    expect.fail(`no corpus at ${DEFAULT_CORPUS} (../shared/specs/corpus): CI must check it`);
  });
  // `.ci/run` runs the whole corpus after `npm test` (SDKGEN_CORPUS=full): the subset would only repeat part of it.
  const full = process.env['SDKGEN_CORPUS'] === 'full';
  test.skipIf(!present || full)(
    `the CI subset generates SDKs no worse than the baseline${!present ? ' (skipped: no corpus at ../shared/specs/corpus)' : full ? ' (skipped: the whole corpus runs after npm test)' : ''}`,
    async () => {
      const results = await runCorpus({ folder: DEFAULT_CORPUS, only: SUBSET.join(','), jobs: 2 });
      expect(results.length).toBe(31);
      const baseline = JSON.parse(await readFile(BASELINE_FILE, 'utf8')) as Baseline;
      const { regressions, missing } = compareWithBaseline(baseline, results);
      expect(regressions).toEqual([]);
      expect(missing).toEqual([]);
      // The subset was chosen as specs that are clean: each stays so.
      expect(
        results.filter((result) => !result.typechecked).map((result) => `${result.spec}: ${result.error}`),
      ).toEqual([]);
    },
    1_800_000,
  );
  if (!present) console.warn(`note: no corpus at ${DEFAULT_CORPUS}: the corpus test is skipped`);
});

const API_MD = `# Shop

## pets

Methods:

- <code title="get /pets">client.pets.<a href="./src/resources/pets.ts">list</a>(query?) -> PetsPage</code>
- <code title="get /pets/all">client.pets.<a href="./src/resources/pets.ts">listAll</a>() -> PetListAllResponse</code>
- <code title="post /pets">client.pets.<a href="./src/resources/pets.ts">create</a>(body) -> PetCreateResponse</code>
- <code title="post /pets/x">client.pets.<a href="./src/resources/pets.ts">create2</a>(body) -> PetCreate2Response</code>
- <code title="get /pets/v2">client.pets.<a href="./src/resources/pets.ts">v2</a>() -> void</code>
- <code title="get /pets/{id}/photos">client.pets.<a href="./src/resources/pets.ts">photos3</a>(id) -> void</code>

## pets.photos

Methods:

- <code title="get /pets/{id}/photos/x">client.pets.photos.<a href="./src/resources/pets/photos.ts">listPhotos</a>(id) -> PhotosPage</code>
`;

describe('corpus metrics', () => {
  test('counts numbered names (stem taken in the resource or by a child), fallbacks from warnings, lists with and without pages', () => {
    const counts = countNaming(API_MD, [
      'GET /a: "list" is taken in its resource; named "listPets"',
      'the spec has no servers; the client needs a baseURL option',
    ]);
    expect(counts).toEqual({ methods: 7, fallbackNames: 1, numberedNames: 2, listsPaginated: 2, listsUnpaginated: 1 });
  });

  test('each TypeScript block of README.md and api.md is a module, with the client made where a block uses one it did not make', () => {
    const readme =
      "# x\n\n```ts\nimport Shop from 'shop';\nconst client = new Shop();\n```\n\n```sh\nnpm i\n```\n\n```typescript\nawait client.pets.list();\n```\n";
    const files = snippetFiles({ 'README.md': readme, 'api.md': '```ts\nconst x = 1;\n```\n' }, 'shop', 'Shop');
    expect(files.map((file) => file.origin)).toEqual(['README.md#1', 'README.md#2', 'api.md#1']);
    expect(files[0]!.text).toBe("\nimport Shop from 'shop';\nconst client = new Shop();\n\nexport {};\n");
    expect(files[1]!.text).toBe(
      'import Shop from "shop";\nconst client = new Shop();\nawait client.pets.list();\n\nexport {};\n',
    );
    expect(files[2]!.text).toBe('import Shop from "shop";\nconst x = 1;\n\nexport {};\n');
  });
});

const result = (spec: string, counts: Partial<CorpusResult>): CorpusResult => ({
  spec,
  operations: 1,
  generated: true,
  typechecked: true,
  generateSeconds: 1,
  tscSeconds: 1,
  tsc7Seconds: 1,
  tsc5Errors: 0,
  tsc7Errors: 0,
  snippets: 3,
  snippetErrors: 0,
  snippetFailures: [],
  warnings: 0,
  error: null,
  methods: 3,
  fallbackNames: 0,
  numberedNames: 0,
  listsPaginated: 0,
  listsUnpaginated: 0,
  ...counts,
});

describe('the corpus gate', () => {
  const baseline: Baseline = {
    specs: {
      'a.json': { generated: true, tsc5Errors: 0, tsc7Errors: 0, snippetErrors: 0, fallbackNames: 2, numberedNames: 0 },
      'b.json': { generated: true, tsc5Errors: 5, tsc7Errors: 5, snippetErrors: 1, fallbackNames: 0, numberedNames: 0 },
      'c.json': {
        generated: false,
        tsc5Errors: 0,
        tsc7Errors: 0,
        snippetErrors: 0,
        fallbackNames: 0,
        numberedNames: 0,
      },
    },
  };

  test('a spec that fails today may keep failing with as many errors, not more', () => {
    expect(
      compareWithBaseline(baseline, [result('b.json', { tsc5Errors: 5, tsc7Errors: 5, snippetErrors: 1 })]).regressions,
    ).toEqual([]);
    expect(
      compareWithBaseline(baseline, [result('b.json', { tsc5Errors: 6, tsc7Errors: 5, snippetErrors: 1, error: 'x' })])
        .regressions,
    ).toEqual(['b.json: tsc 5 errors 5 -> 6 (x)']);
  });

  test('a snippet that stops compiling, a new fallback name or a spec that no longer generates is a regression', () => {
    const { regressions } = compareWithBaseline(baseline, [
      result('a.json', { fallbackNames: 3, snippetErrors: 1, snippetFailures: ['README.md#1: TS2353'] }),
      result('b.json', { generated: false, error: 'error: boom' }),
    ]);
    expect(regressions).toEqual([
      'a.json: README/api.md snippets that do not compile 0 -> 1 (README.md#1: TS2353)',
      'a.json: operationId-fallback names 2 -> 3',
      'b.json: no longer generates: error: boom',
    ]);
  });

  test('improvements and specs new to the baseline are listed; a new spec must be clean', () => {
    const { regressions, improvements, missing } = compareWithBaseline(baseline, [
      result('a.json', { fallbackNames: 1 }),
      result('c.json', {}),
      result('d.json', { tsc7Errors: 1, error: 'e' }),
    ]);
    expect(improvements).toEqual(['a.json: operationId-fallback names 2 -> 1', 'c.json: generates now']);
    expect(missing).toEqual(['d.json']);
    expect(regressions).toEqual(['d.json: new to the baseline and not clean: e']);
  });
});
