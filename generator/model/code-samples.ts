// Names from the spec's own code samples (issue 26 item 1): Redocly's `x-codeSamples` / `x-code-samples` with a
// TypeScript or JavaScript `source` whose SDK call, `client.chat.completions.create({...})`, names the operation as the
// API's own SDK does. Samples are parsed with the TypeScript parser; only plain identifier chains are taken.
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

/** The resource chain and method a sample's SDK call names. */
export interface SampleName {
  chain: string[];
  method: string;
}

/** A sample an operation carries, with the name its call gives (or none). */
export interface OperationSample {
  lang: string;
  name: SampleName | undefined;
}

// TypeScript loads (a few hundred ms) only for specs that have samples in these languages.
let typescript: typeof TS | undefined;
function ts(): typeof TS {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return typescript;
}

/** `TypeScript`, `typescript`, `ts`, `JavaScript`, `js`, `Node`, `Node.js`, `nodejs`: any case, any punctuation. */
export function isJavaScriptLang(lang: unknown): boolean {
  return (
    typeof lang === 'string' &&
    ['typescript', 'ts', 'javascript', 'js', 'node', 'nodejs', 'nodets'].includes(
      lang.toLowerCase().replace(/[^a-z]/g, ''),
    )
  );
}

/** The samples of an operation in TypeScript or JavaScript, with their sources. */
export function javaScriptSamples(operation: unknown): Array<{ lang: string; source: string }> {
  if (operation === null || typeof operation !== 'object') return [];
  const out: Array<{ lang: string; source: string }> = [];
  for (const key of ['x-codeSamples', 'x-code-samples']) {
    const samples = (operation as Record<string, unknown>)[key];
    if (!Array.isArray(samples)) continue;
    for (const sample of samples) {
      if (sample === null || typeof sample !== 'object') continue;
      const { lang, source } = sample as { lang?: unknown; source?: unknown };
      if (isJavaScriptLang(lang) && typeof source === 'string') out.push({ lang: lang as string, source });
    }
  }
  return out;
}

/**
 * The SDK call a sample makes: the one call on its client whose callee is a plain chain of identifiers with at least
 * one resource (`client.files.list(`, not `client['files'].list(`, `client.files?.list(` or `fetch(`). The client is
 * the variable the sample makes with `new` where it makes one; otherwise a name the sample does not declare and that
 * is no global of JavaScript's (`console.log(` is not an SDK call). `await`, assignment and chaining
 * (`.withResponse()`, `.then(`) around the call are fine. Two different calls, or none: `undefined`.
 */
export function sampleCall(source: string): SampleName | undefined {
  if (source.length > 100_000) return undefined;
  const t = ts();
  const file = t.createSourceFile('sample.ts', source, t.ScriptTarget.Latest, false, t.ScriptKind.TS);
  const constructed = new Set<string>();
  const declared = new Set<string>();
  const calls: Array<{ root: string; names: string[] }> = [];
  const chainOf = (node: TS.Expression): string[] | undefined => {
    if (t.isIdentifier(node)) return [node.text];
    if (t.isPropertyAccessExpression(node) && node.questionDotToken === undefined && t.isIdentifier(node.name)) {
      const head = chainOf(node.expression);
      return head && [...head, node.name.text];
    }
    return undefined;
  };
  const visit = (node: TS.Node): void => {
    if (t.isVariableDeclaration(node) && t.isIdentifier(node.name)) {
      let init = node.initializer;
      while (init && (t.isAwaitExpression(init) || t.isParenthesizedExpression(init))) init = init.expression;
      (init && t.isNewExpression(init) ? constructed : declared).add(node.name.text);
    } else if (t.isParameter(node) && t.isIdentifier(node.name)) declared.add(node.name.text);
    else if (t.isImportClause(node) && node.name) declared.add(node.name.text);
    else if (t.isImportSpecifier(node) || t.isNamespaceImport(node)) declared.add(node.name.text);
    else if ((t.isFunctionDeclaration(node) || t.isClassDeclaration(node)) && node.name) declared.add(node.name.text);
    if (t.isCallExpression(node) && node.questionDotToken === undefined) {
      const chain = chainOf(node.expression);
      if (chain && chain.length >= 3) calls.push({ root: chain[0]!, names: chain.slice(1) });
    }
    t.forEachChild(node, visit);
  };
  visit(file);
  const isClient = (root: string): boolean =>
    constructed.size > 0 ? constructed.has(root) : !declared.has(root) && !(root in globalThis);
  const found = new Map<string, SampleName>();
  for (const call of calls) {
    if (!isClient(call.root)) continue;
    found.set(call.names.join('.'), { chain: call.names.slice(0, -1), method: call.names.at(-1)! });
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/**
 * The name an operation's samples agree on; `disagree` lists what each sample said where they do not (then no name).
 * Samples whose source makes no single SDK call say nothing.
 */
export function operationSampleName(operation: unknown): { name?: SampleName; disagree?: string[] } {
  const named = javaScriptSamples(operation).flatMap(({ lang, source }) => {
    const name = sampleCall(source);
    return name ? [{ lang, name, text: [...name.chain, name.method].join('.') }] : [];
  });
  const distinct = new Set(named.map((entry) => entry.text));
  if (distinct.size === 0) return {};
  if (distinct.size > 1) return { disagree: named.map((entry) => `client.${entry.text} (${entry.lang})`) };
  return { name: named[0]!.name };
}

/** What `placeOperations` asks of the samples: the name of each operation, then the warnings about them all. */
export interface CodeSampleNames {
  /** The resource chain and method the operation's samples give, as the config's `operations` would. */
  name(path: string, httpMethod: string): { resource: string; method: string } | undefined;
  /** Warns about samples that name two operations alike (they are then told apart as `--surface` names are). */
  warn(): void;
}

/**
 * Names from the code samples of a spec's operations; `enabled: false` (the config's `names.fromCodeSamples: false`)
 * takes none. Samples of one operation that disagree are warned about at once, and name nothing.
 */
export function codeSampleNames(document: { paths?: unknown }, enabled: boolean, warnings: string[]): CodeSampleNames {
  const byName = new Map<string, string[]>();
  const seen = new Map<string, { resource: string; method: string } | undefined>();
  return {
    name(path, httpMethod) {
      if (!enabled) return undefined;
      const route = `${httpMethod.toUpperCase()} ${path}`;
      if (seen.has(route)) return seen.get(route);
      const paths = (document.paths ?? {}) as Record<string, Record<string, unknown> | undefined>;
      const { name, disagree } = operationSampleName(paths[path]?.[httpMethod]);
      if (disagree) warnings.push(`${route}: its code samples disagree (${disagree.join(', ')}); its name is inferred`);
      const result = name && { resource: name.chain.join('.'), method: name.method };
      seen.set(route, result);
      if (result) {
        const key = `${result.resource}.${result.method}`;
        byName.set(key, [...(byName.get(key) ?? []), route]);
      }
      return result;
    },
    warn() {
      const clashes = [...byName]
        .filter(([, routes]) => routes.length > 1)
        .map(([key, routes]) => `client.${key} (${routes.join(', ')})`);
      if (clashes.length > 0)
        warnings.push(
          `code samples name ${clashes.length === 1 ? 'two operations' : 'operations'} alike; they are told apart as inferred names are: ${clashes.join('; ')}`,
        );
    },
  };
}

/** What a sample shows of the client itself: `import Acme from '@acme/sdk'; new Acme({ bearerToken: process.env['ACME_API_KEY'] })`. */
export interface SampleClient {
  /** The class the sample makes a client of, where it imports it by default from a package. */
  className?: string;
  packageName?: string;
  /** The options the sample gives from environment variables: the official SDK's own names for them. */
  envOptions: Array<{ option: string; env: string }>;
}

/** An npm package name (`acme`, `@acme/sdk`), not a path. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * The client a sample makes: `const client = new X({...})` of a class imported by default from a package, where the
 * sample then calls the API through it (`client.a.b(...)`: a `new FormData()` from 'form-data' is no client), and the
 * options it reads from `process.env['NAME']` (or `process.env.NAME`). Undefined where the sample makes no such client.
 */
export function sampleClient(source: string): SampleClient | undefined {
  if (source.length > 100_000 || !source.includes('new ')) return undefined;
  const t = ts();
  const file = t.createSourceFile('sample.ts', source, t.ScriptTarget.Latest, false, t.ScriptKind.TS);
  const imports = new Map<string, string>();
  const made = new Map<string, { className: string; options: TS.Expression | undefined }>();
  const callers = new Set<string>();
  const isProcessEnv = (node: TS.Expression): boolean =>
    t.isPropertyAccessExpression(node) &&
    t.isIdentifier(node.expression) &&
    node.expression.text === 'process' &&
    node.name.text === 'env';
  const envName = (node: TS.Expression): string | undefined => {
    if (t.isElementAccessExpression(node) && t.isStringLiteralLike(node.argumentExpression))
      return isProcessEnv(node.expression) ? node.argumentExpression.text : undefined;
    if (t.isPropertyAccessExpression(node) && t.isIdentifier(node.name))
      return isProcessEnv(node.expression) ? node.name.text : undefined;
    return undefined;
  };
  const rootOf = (node: TS.Expression, depth: number): string | undefined => {
    if (t.isIdentifier(node)) return depth >= 2 ? node.text : undefined;
    return t.isPropertyAccessExpression(node) ? rootOf(node.expression, depth + 1) : undefined;
  };
  const visit = (node: TS.Node): void => {
    if (t.isImportDeclaration(node) && t.isStringLiteral(node.moduleSpecifier) && node.importClause?.name)
      imports.set(node.importClause.name.text, node.moduleSpecifier.text);
    if (t.isVariableDeclaration(node) && t.isIdentifier(node.name) && node.initializer) {
      let init = node.initializer;
      while (t.isAwaitExpression(init) || t.isParenthesizedExpression(init)) init = init.expression;
      if (t.isNewExpression(init) && t.isIdentifier(init.expression))
        made.set(node.name.text, { className: init.expression.text, options: init.arguments?.[0] });
    }
    if (t.isCallExpression(node)) {
      const root = rootOf(node.expression, 0);
      if (root !== undefined) callers.add(root);
    }
    t.forEachChild(node, visit);
  };
  visit(file);
  for (const [variable, { className, options }] of made) {
    const packageName = imports.get(className);
    if (!callers.has(variable) || packageName === undefined || !PACKAGE_NAME.test(packageName)) continue;
    const envOptions: SampleClient['envOptions'] = [];
    if (options && t.isObjectLiteralExpression(options))
      for (const property of options.properties) {
        if (!t.isPropertyAssignment(property) || !t.isIdentifier(property.name)) continue;
        const env = envName(property.initializer);
        if (env !== undefined && ENV_NAME.test(env) && IDENTIFIER.test(property.name.text))
          envOptions.push({ option: property.name.text, env });
      }
    return { className, packageName, envOptions };
  }
  return undefined;
}

/**
 * The client the spec's samples agree on (the first few that make one; any that disagree make it none): its class,
 * package and the options it reads from the environment.
 */
export function samplesClient(document: { paths?: unknown }, warnings: string[]): SampleClient | undefined {
  const seen: SampleClient[] = [];
  for (const item of Object.values((document.paths ?? {}) as Record<string, unknown>)) {
    if (item === null || typeof item !== 'object') continue;
    for (const operation of Object.values(item as Record<string, unknown>)) {
      for (const { source } of javaScriptSamples(operation)) {
        const client = sampleClient(source);
        if (client !== undefined) seen.push(client);
        if (seen.length >= 20) break;
      }
      if (seen.length >= 20) break;
    }
    if (seen.length >= 20) break;
  }
  if (seen.length === 0) return undefined;
  // The class and package must agree; of the options, those of the samples that give any (`new Acme()` beside
  // `new Acme({ bearerToken: ... })` is one client, the defaults spelled out or not).
  const classes = new Set(seen.map((client) => `${client.className} from ${client.packageName}`));
  if (classes.size > 1) {
    warnings.push(
      `the code samples make their client in ${classes.size} different ways; the client's names are inferred`,
    );
    return undefined;
  }
  const optionSets = new Set(
    seen.filter((client) => client.envOptions.length > 0).map((client) => JSON.stringify(client.envOptions)),
  );
  if (optionSets.size > 1)
    warnings.push(
      `the code samples give their client ${optionSets.size} different sets of options from the environment; the key's option is inferred`,
    );
  const withOptions = seen.find((client) => client.envOptions.length > 0);
  return { ...seen[0]!, envOptions: optionSets.size === 1 ? withOptions!.envOptions : [] };
}
