// How close the inferred names come to an existing SDK's: builds the model of a spec with no config, reads a
// Stainless-format api.md, matches operations by HTTP method and path, and scores `client.a.b.method`.
//
//   npx tsx tools/surface-score.ts [--spec ../shared/specs/telnyx/spec3.yml] [--api ../shared/reference/telnyx-node/api.md] [--misses N] [--json out.json] [--surface api.md]
//
// With `--corpus [folder]` (default ../shared/specs/corpus, its manifest's specs; `--only a,b` to pick), it scores no
// api.md: it builds every spec's model and reports, per spec and in all, the operationId fallbacks and numbered names,
// and with `--json` writes every spec's `route client.a.b.method` lines, to compare two runs' names.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../generator/load/load-config.js';
import { loadSpec } from '../generator/load/load-spec.js';
import { allResources, buildModel } from '../generator/model/build-model.js';
import { readSurface } from '../generator/model/surface.js';

/** One method line of an api.md: the route and where the SDK puts it. */
export interface SurfaceEntry {
  httpMethod: string;
  path: string;
  chain: string[];
  method: string;
}

/** `post /oauth_clients` + `client.oauthClients.<a ...>create</a>` from every `<code title=...>` method line. */
export function readApiMdMethods(text: string): SurfaceEntry[] {
  const out: SurfaceEntry[] = [];
  const line = /<code title="([a-z]+) ([^"]+)">client\.((?:[A-Za-z0-9_$]+\.)*)<a [^>]*>([A-Za-z0-9_$]+)<\/a>/g;
  for (const match of text.matchAll(line)) {
    const [, httpMethod, path, chain, method] = match as unknown as [string, string, string, string, string];
    out.push({ httpMethod, path, chain: chain.split('.').filter((part) => part !== ''), method });
  }
  return out;
}

/** Path params are matched by position, not name: `{id}` and `{assistant_id}` are the same slot. */
export const routeKey = (httpMethod: string, path: string): string =>
  `${httpMethod.toLowerCase()} ${path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '')}`;

export interface Score {
  matched: number;
  exact: number;
  topLevel: number;
  resourcePath: number;
  methodName: number;
  misses: Array<{ route: string; official: string; ours: string; pattern: string }>;
}

export function scoreSurface(official: readonly SurfaceEntry[], ours: readonly SurfaceEntry[]): Score {
  const byRoute = new Map(ours.map((entry) => [routeKey(entry.httpMethod, entry.path), entry]));
  const score: Score = { matched: 0, exact: 0, topLevel: 0, resourcePath: 0, methodName: 0, misses: [] };
  const seen = new Set<string>();
  for (const want of official) {
    const route = routeKey(want.httpMethod, want.path);
    const got = byRoute.get(route);
    if (!got || seen.has(route)) continue;
    seen.add(route);
    score.matched++;
    const chainOk = want.chain.join('.') === got.chain.join('.');
    const methodOk = want.method === got.method;
    if (want.chain[0] === got.chain[0]) score.topLevel++;
    if (chainOk) score.resourcePath++;
    if (methodOk) score.methodName++;
    if (chainOk && methodOk) score.exact++;
    else
      score.misses.push({
        route,
        official: [...want.chain, want.method].join('.'),
        ours: [...got.chain, got.method].join('.'),
        pattern: missPattern(want, got),
      });
  }
  return score;
}

/** A rough class of a miss, for the table: which part differs and how. */
function missPattern(want: SurfaceEntry, got: SurfaceEntry): string {
  const wantFull = [...want.chain, want.method];
  const gotFull = [...got.chain, got.method];
  if (want.chain.join('.') === got.chain.join('.')) {
    if (want.method.toLowerCase() === got.method.toLowerCase()) return 'method: letter case (acronyms)';
    const verb = (name: string): string | undefined => /^(list|retrieve)/.exec(name)?.[1];
    if (verb(want.method) && verb(got.method) && verb(want.method) !== verb(got.method))
      return 'method: list vs retrieve';
    return 'method: other word';
  }
  if (wantFull.join('.').toLowerCase() === gotFull.join('.').toLowerCase()) return 'chain: letter case (acronyms)';
  if (got.chain.length === want.chain.length + 1 && got.chain.slice(0, -1).join('.') === want.chain.join('.'))
    return 'ours one resource deeper (action as sub-resource)';
  if (want.chain.length === got.chain.length + 1 && want.chain.slice(0, -1).join('.') === got.chain.join('.'))
    return 'official one resource deeper';
  if (want.chain[0] !== got.chain[0]) return 'top-level resource differs';
  return 'chain: other';
}

/** A number at the end of a method name that no path segment accounts for: a clash settled by counting. */
const isNumbered = (entry: SurfaceEntry): boolean => /[a-z][0-9]+$/.test(entry.method) && !/[0-9]/.test(entry.path);

/** The SDK surface of a spec without config: its method lines and the warnings of names taken in their resource. */
async function surfaceOf(file: string): Promise<{ methods: SurfaceEntry[]; fallbacks: string[] }> {
  const { document } = await loadSpec(resolve(file), file, { repair: { warnings: [] } });
  const model = buildModel(document, await loadConfig(undefined, undefined), file);
  const methods = allResources(model.resources).flatMap((resource) =>
    resource.methods.map((method) => ({
      httpMethod: method.httpMethod,
      path: method.path,
      chain: resource.chain,
      method: method.name,
    })),
  );
  return { methods, fallbacks: model.warnings.filter((warning) => warning.includes('is taken in its resource')) };
}

/** `--corpus`: fallbacks and numbered names of every spec of a folder (its manifest's, or every YAML/JSON file). */
async function corpusReport(folder: string, only: string | undefined, json: string | undefined): Promise<void> {
  const manifest = join(folder, 'manifest.json');
  const files = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { specs: Array<{ file: string }> }).specs.map((spec) => spec.file)
    : [];
  const picked =
    only === undefined ? files : files.filter((file) => only.split(',').some((part) => file.includes(part)));
  const out: Record<string, { fallbacks: string[]; numbered: string[]; methods: string[] } | { error: string }> = {};
  let fallbacks = 0;
  let numbered = 0;
  const lines: string[] = [];
  for (const file of picked) {
    try {
      const surface = await surfaceOf(join(folder, file));
      const numberedNames = surface.methods
        .filter(isNumbered)
        .map((entry) => `${routeKey(entry.httpMethod, entry.path)} ${[...entry.chain, entry.method].join('.')}`);
      fallbacks += surface.fallbacks.length;
      numbered += numberedNames.length;
      if (surface.fallbacks.length + numberedNames.length > 0)
        lines.push(`${file}: ${surface.fallbacks.length} fallbacks, ${numberedNames.length} numbered`);
      out[file] = {
        fallbacks: surface.fallbacks,
        numbered: numberedNames,
        methods: surface.methods.map(
          (entry) => `${routeKey(entry.httpMethod, entry.path)} ${[...entry.chain, entry.method].join('.')}`,
        ),
      };
    } catch (error) {
      out[file] = { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }
  }
  lines.push(`${picked.length} specs: operationId fallbacks ${fallbacks}, numbered method names ${numbered}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (json) writeFileSync(json, `${JSON.stringify(out, null, 1)}\n`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      corpus: { type: 'boolean' },
      only: { type: 'string' },
      spec: { type: 'string', default: '../shared/specs/telnyx/spec3.yml' },
      api: { type: 'string', default: '../shared/reference/telnyx-node/api.md' },
      misses: { type: 'string', default: '0' },
      json: { type: 'string' },
      surface: { type: 'string' },
    },
  });
  if (values.corpus) return corpusReport(resolve(positionals[0] ?? '../shared/specs/corpus'), values.only, values.json);
  const { document } = await loadSpec(resolve(values.spec!), values.spec!, { repair: { warnings: [] } });
  // With --surface, the names the api.md gives are adopted (what `generate --surface` does): a check that they all are.
  const surface =
    values.surface === undefined
      ? undefined
      : readSurface(readFileSync(resolve(values.surface), 'utf8'), values.surface);
  const model = buildModel(document, await loadConfig(undefined, undefined), values.spec!, surface);
  const ours = allResources(model.resources).flatMap((resource) =>
    resource.methods.map((method) => ({
      httpMethod: method.httpMethod,
      path: method.path,
      chain: resource.chain,
      method: method.name,
    })),
  );
  const taken = model.warnings.filter((warning) => warning.includes('is taken in its resource'));
  const fallbacks = taken.length;
  const numbered = ours.filter(isNumbered).length;
  const official = readApiMdMethods(readFileSync(resolve(values.api!), 'utf8'));
  const score = scoreSurface(official, ours);
  const pct = (n: number): string => `${n}/${score.matched} = ${((100 * n) / Math.max(1, score.matched)).toFixed(1)}%`;
  const lines = [
    `operations matched by route: ${score.matched} (official lists ${official.length}, ours ${ours.length})`,
    `exact client.a.b.method:     ${pct(score.exact)}`,
    `top-level resource:          ${pct(score.topLevel)}`,
    `resource path:               ${pct(score.resourcePath)}`,
    `method name:                 ${pct(score.methodName)}`,
    `operationId fallbacks: ${fallbacks}, numbered method names: ${numbered}`,
    '',
    '| pattern | misses | example (official vs ours) |',
    '|---|---|---|',
  ];
  const patterns = new Map<string, Score['misses']>();
  for (const miss of score.misses) patterns.set(miss.pattern, [...(patterns.get(miss.pattern) ?? []), miss]);
  for (const [pattern, misses] of [...patterns].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`| ${pattern} | ${misses.length} | \`${misses[0]!.official}\` vs \`${misses[0]!.ours}\` |`);
  }
  const shown = Number(values.misses);
  if (shown > 0) {
    lines.push('');
    for (const miss of score.misses.slice(0, shown))
      lines.push(`${miss.route.padEnd(70)} ${miss.official.padEnd(50)} ${miss.ours}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.json)
    writeFileSync(
      values.json,
      `${JSON.stringify({ ...score, fallbacks: taken, methods: ours.map((entry) => `${routeKey(entry.httpMethod, entry.path)} ${[...entry.chain, entry.method].join('.')}`) }, null, 2)}\n`,
    );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('surface-score.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
