// A fixed subset of the corpus in CI (the full run is `npm run corpus`, about 20 minutes here): Swagger 2.0 documents
// converted, edge cases with callbacks, webhooks, circular schemas, polymorphism, discriminators and several media
// types, and the real specs each repair was made for: Stripe (empty form bodies on GET), Kubernetes (property-less
// Patch bodies), Spotify (a query param and a body field of one name), SendGrid (array examples of the wrong item type), Codat and D&D 5e (refs into the inside of a
// schema, one recursive), InfluxDB (an allOf of one discriminated union), path params with object schemas
// (parameters-style: their examples have no prototype), and schemas no value satisfies (left out of the examples, with a warning). Each must generate an SDK that passes `tsc` (sources and generated tests), TypeScript 5's and TypeScript 7's.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import type { CorpusResult } from '../../tools/corpus.js';
import { missingShared, sharedTitle } from '../support/shared.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
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

const skip = missingShared('specs/corpus');
test.skipIf(skip)(sharedTitle('the CI subset of the corpus generates SDKs that type-check', skip), async () => {
  const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
  try {
    const report = join(dir, 'report.json');
    const { stdout } = await run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'tools/corpus.ts'), '--only', SUBSET.join(','), '--json', report], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    const { results } = JSON.parse(await readFile(report, 'utf8')) as { results: CorpusResult[] };
    expect(results.length).toBe(31);
    expect(results.filter((result) => !result.typechecked).map((result) => `${result.spec}: ${result.error}`)).toEqual([]);
    expect(stdout).toContain('31/31 specs generate an SDK that type-checks; 0 rejected.');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 600_000);
