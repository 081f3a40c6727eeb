import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PaginationScheme } from '../../templates/src/core/pagination.js';
import { ConfigError } from '../core/errors.js';
import { CONFIG_SCHEMA, checkAgainstSchema, type Path } from './config-schema.js';
import { RefRefusal, resolveAllowRefs } from './ref-confinement.js';
import { joinPointer, parseSourceDocument, type SourceDocument } from './source-document.js';

/** Where an operation goes in the SDK when inference from its path cannot know. */
export interface OperationOverride {
  /** Resource chain, dot-separated property names: `oauth`, `calls.actions`. */
  resource?: string;
  /** Method name: `retrieve`, `retrieveJwks`. */
  method?: string;
  /** How the operation pages, where inference cannot tell; `false` turns inferred pagination off. */
  pagination?: PaginationScheme | false;
  /** The params key of a body that is not an object (default `body`): `{ voice_clone_request: {...} }`; on an object
   * body, its fields are taken under that key instead of beside the other params: `{ body: { region_code } }`. */
  bodyParam?: string;
  /** SDK names of body fields, SDK name -> wire name, as `x-sdk-param` would give them in the spec. */
  bodyFields?: Record<string, string>;
}

/** The SDK config file: what the spec itself does not say. Every field is optional. */
export interface SdkConfig {
  /** The JSON Schema of this file, for editors. */
  $schema?: string;
  /** The OpenAPI document: a file relative to the config, or an http(s) URL. */
  input?: string;
  /** The folder the SDK package is written to, relative to the config. Default: `generated`. */
  output?: string;
  /** The command every generated file's banner tells readers to run. Default: `npx sdkgen generate`. */
  regenerateCommand?: string;
  /** The client class name, e.g. `Telnyx`. Default: from the spec's `info.title`. */
  clientName?: string;
  /** Prefix of environment variables, e.g. `TELNYX` for `TELNYX_API_KEY`. Default: the client name upper-cased. */
  envPrefix?: string;
  package?: {
    name?: string;
    version?: string;
    description?: string;
    /** SPDX id. Default: the spec's `info.license`, else `UNLICENSED`. */
    license?: string;
    author?: string;
    /** Repository URL; api.md links point into it. */
    repository?: string;
    homepage?: string;
  };
  /** Default base URL. Default: the spec's first server. */
  baseURL?: string;
  /**
   * Path params of nested resources: `named` (default) keeps the last one positional and takes the parent ids in the
   * params object, `participants.retrieve(participantId, { conference_id })`, as the official SDKs do; `positional`
   * takes them all as arguments, `participants.retrieve(conferenceId, participantId)`.
   */
  pathParams?: 'named' | 'positional';
  /**
   * `deepObject` query params: `nested` (default) takes them as objects, `{ page: { number: 1 } }`; `flat` takes each
   * leaf as a bracketed key, `{ 'page[number]': 1 }`, as an SDK made from a spec that listed those names does; a list
   * of param names flattens those only. The request is the same either way: `page[number]=1`.
   */
  deepObjectParams?: 'nested' | 'flat' | string[];
  /** How words are written in type names, e.g. `{ oauth: OAuth }` makes `OAuthClient`, not `OauthClient`. */
  casing?: Record<string, string>;
  /** The header that carries idempotency keys on non-GET requests (e.g. `Idempotency-Key`); none by default. */
  idempotencyHeader?: string;
  /** Naming overrides, keyed by `operationId` or by `"<method> <path>"`. */
  operations?: Record<string, OperationOverride>;
  /**
   * Folders (relative to the config file) and http(s) URL prefixes a `$ref` may read besides the spec's folder.
   * After `loadConfig`, folders are absolute.
   */
  allowRefs?: string[];
  /** An existing SDK's Stainless-format api.md, relative to the config file: its names are kept (see `--surface`). */
  surface?: string;
  /** Where names come from besides the config and api.md. */
  names?: {
    /**
     * Whether the spec's TypeScript/JavaScript code samples (`x-codeSamples`) name operations whose sample calls
     * `client.a.b.method(`, ahead of inference (default `true`).
     */
    fromCodeSamples?: boolean;
  };
  /** How the API signs its webhooks, where the spec does not say (see the README's Webhooks section). */
  webhooks?: WebhooksConfig;
}

/** The `webhooks` block: the signing scheme and its headers, where the spec's header params do not say. */
export interface WebhooksConfig {
  /** `false` leaves `client.webhooks` out even where the spec declares events. */
  enabled?: boolean;
  scheme?: 'ed25519' | 'standard' | 'hmac-sha256';
  signatureHeader?: string;
  timestampHeader?: string;
  idHeader?: string;
  /** What is signed, with `{id}`, `{timestamp}` and `{body}`: `{timestamp}|{body}`, `{timestamp}.{body}`. */
  signedContent?: string;
  /** How an HMAC signature is written: `hex` (default) or `base64`. */
  encoding?: 'hex' | 'base64';
  /** `plain` (the header is the signature) or `pairs` (`t=<timestamp>,v1=<signature>`). */
  format?: 'plain' | 'pairs';
  /** A prefix before each signature, stripped (`sha256=`). */
  prefix?: string;
  /** Seconds a timestamp may be from now, either way. Default 300. */
  tolerance?: number;
}

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILES = [
  'sdkgen.config.ts',
  'sdkgen.config.mts',
  'sdkgen.config.yaml',
  'sdkgen.config.yml',
  'sdkgen.config.json',
  'spec/sdk.config.yaml',
];

/** `defineConfig` in `sdkgen.config.ts`: returns its argument, typed, so editors complete and check it. */
export function defineConfig(config: SdkConfig): SdkConfig {
  return config;
}

/**
 * The config that applies in `cwd`: the first of CONFIG_FILES in `cwd` or the nearest folder above it, within the
 * project: up to the nearest folder with a `package.json` or `.git`, and never above the home folder. Outside any
 * project, only `cwd` itself. A config is code (`sdkgen.config.ts` runs), so one outside the project, left in a
 * parent folder or planted in a shared one (`/tmp`), must never be picked up.
 */
export function findConfig(cwd: string, home: string = homedir()): string | undefined {
  const folders: string[] = [];
  let inProject = false;
  for (let dir = cwd; ; dir = dirname(dir)) {
    folders.push(dir);
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.git'))) {
      inProject = true;
      break;
    }
    if (dir === home || dirname(dir) === dir) break;
  }
  for (const dir of inProject ? folders : [cwd]) {
    for (const name of CONFIG_FILES) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

/** Reads and checks a config file (YAML, JSON, or TypeScript with a default export); `{}` when no file is given. */
export async function loadConfig(file: string | undefined, displayName = file): Promise<SdkConfig> {
  if (file === undefined) return {};
  const shown = displayName ?? file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError({ file: shown }, code === 'ENOENT' ? 'file not found' : `cannot be read (${code})`);
  }
  const config = /\.[mc]?ts$/.test(file)
    ? checkConfig({
        file: shown,
        data: await evaluateTsConfig(file, shown, text),
        locate: (pointer) => ({ file: shown, pointer }),
      })
    : checkConfig(parseSourceDocument(shown, text, ConfigError));
  return config.allowRefs === undefined
    ? config
    : { ...config, allowRefs: resolveAllowRefs(config.allowRefs, dirname(file)) };
}

/**
 * A `.ts` config, compiled by the TypeScript that ts-morph carries (Node 20 cannot strip types) into a module beside
 * it, so its imports resolve as they would for the file itself, then imported and removed.
 */
let compiledConfigs = 0;

async function evaluateTsConfig(file: string, shown: string, text: string): Promise<unknown> {
  const { ts } = await import('ts-morph');
  const { outputText, diagnostics } = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  const first = diagnostics?.[0];
  if (first) {
    const position =
      first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start) : undefined;
    throw new ConfigError(
      { file: shown, line: position && position.line + 1, column: position && position.character + 1 },
      ts.flattenDiagnosticMessageText(first.messageText, ' '),
    );
  }
  // A new name each time: an ES module is cached by its URL, and a watched config changes.
  const compiled = join(dirname(file), `.${basename(file)}.${process.pid}-${++compiledConfigs}.mjs`);
  await writeFile(compiled, outputText);
  try {
    const module = (await import(pathToFileURL(compiled).href)) as { default?: unknown };
    if (module.default === undefined)
      throw new ConfigError(
        { file: shown },
        'has no default export: end it with `export default defineConfig({ ... })`',
      );
    return module.default;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError({ file: shown }, `could not be run: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await rm(compiled, { force: true });
  }
}

/** Checks a parsed config against the published JSON Schema, then what a schema cannot say, naming the first wrong value. */
export function checkConfig(source: SourceDocument): SdkConfig {
  const data = source.data ?? {};
  const fail = (path: Path, problem: string): never => {
    throw new ConfigError(source.locate(joinPointer(path)), problem);
  };
  if (typeof data !== 'object' || Array.isArray(data)) fail([], 'the config must be a mapping');
  checkAgainstSchema(data, CONFIG_SCHEMA, [], fail);
  const config = data as SdkConfig;
  for (const [word, spelling] of Object.entries(config.casing ?? {})) {
    if (spelling.toLowerCase() !== word.toLowerCase()) fail(['casing', word], `"${spelling}" must spell "${word}"`);
  }
  (config.allowRefs ?? []).forEach((entry, index) => {
    try {
      resolveAllowRefs([entry], '.');
    } catch (error) {
      if (error instanceof RefRefusal) fail(['allowRefs', index], error.problem);
      throw error;
    }
  });
  return config;
}
