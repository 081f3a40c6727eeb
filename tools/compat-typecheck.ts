// `npm run compat -- --typecheck` (#13 item 3): the official tests type-checked against the generated SDK with
// TypeScript 7, and every error traced to why: the spec lacks the endpoint or the param, the spec's types differ, the
// official SDK's hand-written code, a call shape another item covers, or a difference of ours to fix.
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { resolvePointer } from '../generator/load/refs.js';
import { allMethods } from '../generator/model/build-model.js';
import { type Surface, surfaceRouteKey } from '../generator/model/surface.js';
import type { Method, SdkModel } from '../generator/model/types.js';

export interface TypeError {
  file: string;
  line: number;
  code: string;
  message: string;
}

/**
 * Who an error is on. `spec`: the spec lacks what the test uses or types it otherwise; `hand-written`: the official
 * SDK's own code, no endpoint behind it; `call shape`: api.md's call shapes the brief leaves to another item (a params
 * argument where the spec has none, a route split by content type, a binary body positional); `ours`: to fix.
 */
export type Owner = 'spec' | 'hand-written' | 'call shape' | 'ours';

export interface Reason {
  owner: Owner;
  text: string;
}

export interface TypecheckResult {
  files: number;
  clean: number;
  /** Per file with errors, its errors with their reasons. */
  errors: Record<string, Array<TypeError & Reason>>;
  /** Per file with errors, who it is on (the worst of its errors: ours, then call shape, then the rest) and why. */
  verdicts: Record<string, { owner: Owner; reasons: string[] }>;
  /** Errors grouped by TS code and a short class of the message: count of errors and of files. */
  causes: Array<{ cause: string; errors: number; files: number; example: string }>;
}

/** What the reasons need: the SDK's model (its methods and the spec's document) and the official api.md. */
export interface TraceContext {
  model: SdkModel;
  /** The spec the model was built from: what it lacks or types otherwise is read there. */
  document: Record<string, unknown>;
  surface: Surface;
  /** `client.webhooks.unwrap` and other api.md methods listed without a route: the official SDK's own code. */
  handWritten: ReadonlySet<string>;
}

/** A short name for what a tsc error on an official test says, from its code and message. */
export function classifyTypeError(code: string, message: string): string {
  if (code === 'TS2339' || code === 'TS2551') {
    if (/on type 'typeof \w+'/.test(message)) return 'static member missing on the client class';
    if (/on type '(?:APIPromise|PagePromise|Promise)/.test(message)) return 'promise method missing';
    return 'property or method missing';
  }
  if (code === 'TS2694' || code === 'TS2724' || code === 'TS2305') return 'type or namespace member missing';
  if (code === 'TS2554' || code === 'TS2555') return 'wrong number of arguments';
  if (code === 'TS2353' || code === 'TS2561') {
    if (/in type '(?:Partial<)?\w*Options>?'/.test(message)) return 'option unknown';
    return 'param unknown (object literal)';
  }
  if (code === 'TS2345' || code === 'TS2322' || code === 'TS2741') {
    if (/is missing the following properties|is missing in type/.test(message)) return 'required param missing';
    return 'param type differs';
  }
  if (code === 'TS2504' || code === 'TS2488') return 'not async iterable';
  if (code === 'TS2307') return 'module not found';
  return 'other';
}

/** tsc's `file(line,col): error TSxxxx: message` lines (with --pretty false), continuation lines folded into the message. */
export function parseTscOutput(output: string): TypeError[] {
  const errors: TypeError[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    if (match) errors.push({ file: match[1]!, line: Number(match[2]), code: match[3]!, message: match[4]! });
    else if (line.startsWith('  ') && errors.length > 0) errors[errors.length - 1]!.message += ` ${line.trim()}`;
  }
  return errors;
}

/** api.md's methods listed without a route (`<code>client.webhooks.<a ...>unwrap</a>(body)`), as `webhooks.unwrap`. */
export function handWrittenMethods(apiMd: string): Set<string> {
  const out = new Set<string>();
  for (const match of apiMd.matchAll(/<code>client\.((?:[A-Za-z_$][\w$]*\.)*)<a [^>]*>([A-Za-z_$][\w$]*)<\/a>\(/g))
    out.add(`${match[1]}${match[2]}`);
  return out;
}

/** The `client.a.b.method(` call an error at `line` (1-based) sits in: the nearest one at or above it. */
export function callAt(lines: readonly string[], line: number): string | undefined {
  for (let index = line - 1; index >= 0; index--) {
    // `client.withOptions({ ... }).webhooks.unwrap(`: the chain after the options call.
    const text = (lines[index] ?? '').replace(/\bclient\.withOptions\([^)]*\)/g, 'client');
    const calls = [...text.matchAll(/\bclient((?:\s*\.\s*[A-Za-z_$][\w$]*)+)\s*\(/g)];
    if (calls.length > 0) return calls[calls.length - 1]![1]!.replace(/\s/g, '').slice(1);
  }
  return undefined;
}

/** Why one error: traced through the call to api.md's route and to what the spec declares there. */
export function traceError(error: TypeError, lines: readonly string[], context: TraceContext): Reason {
  const call = callAt(lines, error.line);
  const listed =
    call === undefined
      ? undefined
      : context.surface.methods.find((method) => [...method.chain, method.method].join('.') === call);
  const route = listed && `${listed.httpMethod.toUpperCase()} ${listed.path}`;
  const method =
    listed && methodsByRoute(context.model).get(surfaceRouteKey(listed.httpMethod, listed.path.replace(/\?.*$/, '')));
  if (error.code === 'TS2307')
    return {
      owner: 'hand-written',
      text: `imports ${/'([^']+)'/.exec(error.message)?.[1] ?? 'a module'}, a dependency of the official SDK's own code`,
    };
  if (call !== undefined && context.handWritten.has(call))
    return {
      owner: 'hand-written',
      text: `client.${call} is the official SDK's own code (api.md lists it without a route)`,
    };
  if (error.code === 'TS2339' || error.code === 'TS2551') {
    if (!listed)
      return {
        owner: 'ours',
        text: `${call === undefined ? 'a member' : `client.${call}`} is missing and api.md does not list it: ${error.message}`,
      };
    if (listed.path.includes('?'))
      return {
        owner: 'call shape',
        text: `client.${call}: api.md splits ${route} into its own method (a route by content type)`,
      };
    if (!method) return { owner: 'spec', text: `the spec lacks ${route} (client.${call})` };
    return { owner: 'ours', text: `client.${call} is missing though the spec has ${route}` };
  }
  if (error.code === 'TS2554' || error.code === 'TS2555') {
    if (listed && method && listed.takesParams && method.paramsShape === 'none')
      return {
        owner: 'call shape',
        text: `client.${call}: api.md takes params where the spec declares none (${route})`,
      };
    if (listed && method && listed.positional.length > method.positionalPathParams.length)
      return {
        owner: 'call shape',
        text: `client.${call}: api.md takes (${listed.positional.join(', ')}) positionally (${route})`,
      };
    return { owner: 'ours', text: `client.${call ?? '?'}: ${error.message}` };
  }
  if (error.code === 'TS2353' || error.code === 'TS2561') {
    const name = /(?:and|but) '(.+?)' does not exist in type/.exec(error.message)?.[1]?.replace(/^'(.*)'$/, '$1');
    if (name === undefined || !method)
      return { owner: 'ours', text: `client.${call ?? '?'}: ${error.message.slice(0, 200)}` };
    if (/in type '(?:Partial<)?\w*Options>?'/.test(error.message))
      return { owner: 'ours', text: `option ${name} unknown` };
    // The object the name was put in: the spec's schema with the members tsc lists for it, else the params themselves.
    const members = memberNames(/does not exist in type '(.*)'/.exec(error.message)?.[1] ?? '');
    const objects =
      members.length > 0
        ? bodyObjects(context.document, method).filter((properties) =>
            members.every((member) => properties.has(member)),
          )
        : [];
    const lacks =
      objects.length > 0
        ? objects.every((properties) => !properties.has(name))
        : !requestNames(context.document, method).has(name);
    // `metadata: { assistant_id }` where the spec lists `metadata.assistant_id`: the same data, nested by the official SDK.
    const flat = [...requestNames(context.document, method, true)].filter(
      (param) => param.startsWith(`${name}.`) || param.startsWith(`${name}[`),
    );
    if (lacks && flat.length > 0)
      return {
        owner: 'ours',
        text: `client.${call}: the spec names ${flat.join(', ')} flat on ${route}; the official SDK takes them nested under ${name}`,
      };
    if (lacks)
      return {
        owner: 'spec',
        text: `the spec lacks the param ${name} on ${route}${objects.length > 0 && !members.every((member) => requestNames(context.document, method, true).has(member)) ? ' (in a nested object)' : ''}`,
      };
    return {
      owner: 'ours',
      text: `client.${call}: the spec has ${name} on ${route}, our params type does not take it there`,
    };
  }
  if (error.code === 'TS2345' || error.code === 'TS2322' || error.code === 'TS2741') {
    if (listed && method && listed.positional.length > method.positionalPathParams.length)
      return {
        owner: 'call shape',
        text: `client.${call}: api.md takes (${listed.positional.join(', ')}) positionally (${route})`,
      };
    const missing = [
      ...error.message.matchAll(
        /[Pp]ropert(?:y|ies) '?([^']+?)'? (?:is|are) missing|missing the following properties from type '.*?': ([\w, ]+)/g,
      ),
    ]
      .flatMap((match) => (match[1] ?? match[2] ?? '').split(',').map((part) => part.trim()))
      .filter((part) => part !== '');
    if (method && missing.length > 0) {
      const required = requiredNames(context.document, method);
      if (missing.every((name) => required.has(name)))
        return { owner: 'spec', text: `the spec requires ${missing.join(', ')} on ${route}; the test leaves them out` };
    }
    // The params types are the spec's, through openapi-typescript: a value of another type is the spec's type.
    if (method && missing.length === 0)
      return { owner: 'spec', text: `the spec types it otherwise on ${route}: ${error.message.slice(0, 160)}` };
    return { owner: 'ours', text: `client.${call ?? '?'}: ${error.message.slice(0, 200)}` };
  }
  return { owner: 'ours', text: `${error.code}: ${error.message.slice(0, 200)}` };
}

const cache = new WeakMap<SdkModel, Map<string, Method>>();

function methodsByRoute(model: SdkModel): Map<string, Method> {
  let out = cache.get(model);
  if (!out) {
    out = new Map(
      allMethods(model.resources).map((method) => [surfaceRouteKey(method.httpMethod, method.path), method]),
    );
    cache.set(model, out);
  }
  return out;
}

/** Every name the operation takes at the top of its params: its params, and its body's fields (or the body's key). */
function requestNames(document: Record<string, unknown>, method: Method, topOnly = false): Set<string> {
  const names = new Set(
    [...method.pathParams, ...method.queryParams, ...method.headerParams].map((param) => param.name),
  );
  for (const name of Object.keys(method.body?.renames ?? {})) names.add(name);
  if (method.body && !method.body.inline && method.paramsShape === 'mixed') names.add(method.body.key ?? 'body');
  const top = bodyObjects(document, method, topOnly);
  for (const properties of top) for (const key of properties) names.add(key);
  return names;
}

/** The property names of each object schema in the body (or only of its top level: the body and its allOf/oneOf/anyOf parts). */
function bodyObjects(document: Record<string, unknown>, method: Method, topOnly = false): Array<Set<string>> {
  const out: Array<Set<string>> = [];
  walkSchemas(
    document,
    method.body?.schema,
    (schema) => void out.push(new Set(Object.keys(objectOf(schema['properties'])))),
    topOnly,
  );
  return out;
}

/** The member names at the top level of a type as tsc prints it: `{ a?: string; 'b-c': { d: number }; }` -> a, b-c. */
export function memberNames(type: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (let index = 0; index < type.length; index++) {
    const char = type[index]!;
    if (char === '{' || char === '(' || char === '<' || char === '[') {
      depth++;
      if (depth === 1 && char === '{') start = index + 1;
    } else if (char === '}' || char === ')' || char === '>' || char === ']') depth--;
    else if (depth === 1 && start !== -1 && (char === ';' || index === start)) {
      const match = /^\s*(?:readonly\s+)?('[^']*'|"[^"]*"|[A-Za-z_$][\w$]*)\??:/.exec(
        type.slice(char === ';' ? index + 1 : index),
      );
      if (match) out.push(match[1]!.replace(/^['"]|['"]$/g, ''));
    }
  }
  return [...new Set(out)];
}

/** Every name a schema of the operation's body lists as required, and its required params. */
function requiredNames(document: Record<string, unknown>, method: Method): Set<string> {
  const names = new Set(
    [...method.namedPathParams, ...method.queryParams, ...method.headerParams]
      .filter((param) => param.required)
      .map((param) => param.name),
  );
  walkSchemas(document, method.body?.schema, (schema) => {
    if (Array.isArray(schema['required']))
      for (const name of schema['required']) if (typeof name === 'string') names.add(name);
  });
  return names;
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Visits a schema and every schema inside it (or only its allOf/oneOf/anyOf parts), `$ref`s followed once each. */
function walkSchemas(
  document: Record<string, unknown>,
  root: unknown,
  visit: (schema: Record<string, unknown>) => void,
  topOnly = false,
): void {
  const seen = new Set<unknown>();
  const stack = [root];
  while (stack.length > 0) {
    let schema: unknown = stack.pop();
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) continue;
    const ref = (schema as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string') schema = resolvePointer(document, ref);
    if (typeof schema !== 'object' || schema === null || seen.has(schema)) continue;
    seen.add(schema);
    const node = schema as Record<string, unknown>;
    visit(node);
    for (const key of ['allOf', 'oneOf', 'anyOf'])
      if (Array.isArray(node[key])) stack.push(...(node[key] as unknown[]));
    if (!topOnly)
      stack.push(...Object.values(objectOf(node['properties'])), node['items'], node['additionalProperties']);
  }
}

const OWNER_ORDER: Owner[] = ['ours', 'call shape', 'spec', 'hand-written'];

/**
 * Type-checks the test files under `dir/tests` against the SDK in `sdk` with TypeScript 7, `packageName` mapped to its
 * sources, and traces each error. `exclude` leaves files out; `filters` keeps only the files whose path has one.
 */
export async function typecheckTests(options: {
  dir: string;
  sdk: string;
  packageName: string;
  exclude: readonly string[];
  filters: readonly string[];
  tsc: string;
  context: TraceContext;
  readText: (file: string) => Promise<string>;
}): Promise<TypecheckResult> {
  const { dir, sdk, packageName } = options;
  const files: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.name.endsWith('.test.ts')) files.push(relative(dir, path));
    }
  };
  await visit(join(dir, 'tests'));
  const included = files
    .filter(
      (file) =>
        !options.exclude.includes(file) &&
        (options.filters.length === 0 || options.filters.some((filter) => file.includes(filter))),
    )
    .sort();
  const tsconfig = join(dir, 'tsconfig.typecheck.json');
  const source = `./${relative(dir, join(sdk, 'src'))}`;
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'preserve',
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    // The tests are written for jest's globals; vitest's declare the same.
    types: ['node', 'vitest/globals'],
    paths: { [packageName]: [`${source}/index.ts`], [`${packageName}/*`]: [`${source}/*`] },
  };
  // jest's global, as the run gives it (vitest's vi), for the client tests' jest.fn().
  const globals = 'jest-globals.d.ts';
  await writeFile(join(dir, globals), "declare const jest: typeof import('vitest').vi;\n");
  await writeFile(tsconfig, `${JSON.stringify({ compilerOptions, files: [globals, ...included] }, null, 2)}\n`);
  const { stdout } = await promisify(execFile)(process.execPath, [options.tsc, '-p', tsconfig, '--pretty', 'false'], {
    cwd: dir,
    maxBuffer: 256 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const parsed = parseTscOutput(stdout);
  const outside = parsed.filter((error) => !included.includes(error.file));
  // An error inside the SDK itself would count against every file: say so rather than trace it.
  if (outside.length > 0)
    throw new Error(
      `the generated SDK does not type-check: ${outside[0]!.file}(${outside[0]!.line}): ${outside[0]!.code} ${outside[0]!.message}`,
    );
  const errors: TypecheckResult['errors'] = {};
  const verdicts: TypecheckResult['verdicts'] = {};
  const causes = new Map<string, { errors: number; files: Set<string>; example: string }>();
  for (const file of new Set(parsed.map((error) => error.file))) {
    const lines = (await options.readText(join(dir, file))).split('\n');
    const traced = parsed
      .filter((error) => error.file === file)
      .map((error) => ({ ...error, ...traceError(error, lines, options.context) }));
    // An error on the line of a hand-written method's error is part of it (`withOptions({ publicKey })` for webhooks).
    const handWrittenLines = new Set(
      traced.filter((error) => error.owner === 'hand-written').map((error) => error.line),
    );
    for (const error of traced)
      if (handWrittenLines.has(error.line) && error.owner === 'ours')
        Object.assign(error, {
          owner: 'hand-written',
          text: `an option of the official SDK's own code: ${error.text}`,
        });
    errors[file] = traced;
    verdicts[file] = {
      owner: OWNER_ORDER.find((owner) => traced.some((error) => error.owner === owner))!,
      reasons: [...new Set(traced.map((error) => `${error.owner}: ${error.text}`))],
    };
    for (const error of traced) {
      const cause = `${error.code} ${classifyTypeError(error.code, error.message)}`;
      const entry = causes.get(cause) ?? {
        errors: 0,
        files: new Set<string>(),
        example: `${file}:${error.line} ${error.message.slice(0, 200)}`,
      };
      entry.errors++;
      entry.files.add(file);
      causes.set(cause, entry);
    }
  }
  return {
    files: included.length,
    clean: included.length - Object.keys(errors).length,
    errors,
    verdicts,
    causes: [...causes]
      .map(([cause, entry]) => ({ cause, errors: entry.errors, files: entry.files.size, example: entry.example }))
      .sort((a, b) => b.errors - a.errors || a.cause.localeCompare(b.cause)),
  };
}

/** The summary: files clean, the files with errors by whom they are on, the causes, and each file's reasons. */
export function typecheckLines(checked: TypecheckResult): string[] {
  const lines = [`official tests that type-check against ours (tsc 7): ${checked.clean}/${checked.files} files`];
  const verdicts = Object.entries(checked.verdicts);
  for (const owner of OWNER_ORDER) {
    const count = verdicts.filter(([, verdict]) => verdict.owner === owner).length;
    if (count > 0)
      lines.push(
        `  with errors, on ${owner === 'ours' ? 'us' : owner === 'spec' ? 'the spec' : owner === 'hand-written' ? "the official SDK's hand-written code" : "api.md's call shapes (the lead's items)"}: ${count}`,
      );
  }
  if (checked.causes.length > 0) lines.push('errors by TS code:                                         errors  files');
  for (const cause of checked.causes)
    lines.push(`  ${cause.cause.padEnd(56)}${String(cause.errors).padStart(7)}${String(cause.files).padStart(7)}`);
  if (verdicts.length > 0) lines.push('files with errors, and why:');
  for (const [file, verdict] of verdicts.sort(
    ([a, x], [b, y]) => OWNER_ORDER.indexOf(x.owner) - OWNER_ORDER.indexOf(y.owner) || a.localeCompare(b),
  )) {
    lines.push(`  ${file} [${verdict.owner}]`);
    for (const reason of verdict.reasons.slice(0, 6)) lines.push(`    ${reason.slice(0, 220)}`);
    if (verdict.reasons.length > 6) lines.push(`    ... ${verdict.reasons.length - 6} more`);
  }
  return lines;
}
