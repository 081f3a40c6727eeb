import { readFile } from 'node:fs/promises';
import type { PaginationScheme } from '../../templates/src/core/pagination.js';
import { ConfigError } from '../errors.js';
import { joinPointer, parseSourceDocument, type SourceDocument } from './source-document.js';

/** Where an operation goes in the SDK when inference from its path cannot know. */
export interface OperationOverride {
  /** Resource chain, dot-separated property names: `oauth`, `calls.actions`. */
  resource?: string;
  /** Method name: `retrieve`, `retrieveJwks`. */
  method?: string;
  /** How the operation pages, where inference cannot tell; `false` turns inferred pagination off. */
  pagination?: PaginationScheme | false;
}

/** The SDK config file: what the spec itself does not say. Every field is optional. */
export interface SdkConfig {
  /** The client class name, e.g. `Telnyx`. Default: from the spec's `info.title`. */
  clientName?: string;
  /** Prefix of environment variables, e.g. `TELNYX` for `TELNYX_API_KEY`. Default: the client name upper-cased. */
  envPrefix?: string;
  package?: { name?: string; version?: string; description?: string };
  /** Default base URL. Default: the spec's first server. */
  baseURL?: string;
  /**
   * Path params of nested resources: `named` (default) keeps the last one positional and takes the parent ids in the
   * params object, `participants.retrieve(participantId, { conference_id })`, as the official SDKs do; `positional`
   * takes them all as arguments, `participants.retrieve(conferenceId, participantId)`.
   */
  pathParams?: 'named' | 'positional';
  /** How words are written in type names, e.g. `{ oauth: OAuth }` makes `OAuthClient`, not `OauthClient`. */
  casing?: Record<string, string>;
  /** The header that carries idempotency keys on non-GET requests (e.g. `Idempotency-Key`); none by default. */
  idempotencyHeader?: string;
  /** Naming overrides, keyed by `operationId` or by `"<method> <path>"`. */
  operations?: Record<string, OperationOverride>;
}

const TOP_LEVEL = new Set(['clientName', 'envPrefix', 'package', 'baseURL', 'casing', 'idempotencyHeader', 'operations', 'pathParams']);
const PAGINATION_KINDS = new Set(['page-number', 'cursor', 'cursor-id', 'next-url', 'link-header', 'offset']);

/** Reads and checks a config file; `undefined` when no file is given. */
export async function loadConfig(file: string | undefined, displayName = file): Promise<SdkConfig> {
  if (file === undefined) return {};
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError({ file: displayName ?? file }, code === 'ENOENT' ? 'file not found' : `cannot be read (${code})`);
  }
  const source = parseSourceDocument(displayName ?? file, text, ConfigError);
  return checkConfig(source);
}

/** Checks the shape of a parsed config, naming the line of the first wrong value. */
export function checkConfig(source: SourceDocument): SdkConfig {
  const data = source.data ?? {};
  const fail = (path: (string | number)[], problem: string): never => {
    throw new ConfigError(source.locate(joinPointer(path)), problem);
  };
  if (typeof data !== 'object' || Array.isArray(data)) fail([], 'the config must be a mapping');
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL.has(key)) fail([key], `unknown setting "${key}" (known: ${[...TOP_LEVEL].join(', ')})`);
  }
  const string = (path: (string | number)[], value: unknown, pattern?: RegExp, hint?: string): void => {
    if (value === undefined) return;
    if (typeof value !== 'string' || value === '') fail(path, 'must be a non-empty string');
    if (pattern && !pattern.test(value as string)) fail(path, `"${String(value)}" is not valid: ${hint}`);
  };
  string(['clientName'], record['clientName'], /^[A-Z][A-Za-z0-9]*$/, 'a PascalCase identifier, like Telnyx');
  string(['envPrefix'], record['envPrefix'], /^[A-Z][A-Z0-9_]*$/, 'upper case letters, digits and _, like TELNYX');
  string(['baseURL'], record['baseURL'], /^https?:\/\//, 'an http(s) URL');
  string(['idempotencyHeader'], record['idempotencyHeader'], /^[A-Za-z0-9-]+$/, 'an HTTP header name, like Idempotency-Key');
  const pathParams = record['pathParams'];
  if (pathParams !== undefined && pathParams !== 'named' && pathParams !== 'positional') fail(['pathParams'], `"${String(pathParams)}" is not valid: named or positional`);
  const pkg = record['package'];
  if (pkg !== undefined) {
    if (!pkg || typeof pkg !== 'object' || Array.isArray(pkg)) fail(['package'], 'must be a mapping');
    const p = pkg as Record<string, unknown>;
    string(['package', 'name'], p['name'], /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/, 'an npm package name');
    string(['package', 'version'], p['version'], /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'a semver version, like 1.0.0');
    string(['package', 'description'], p['description']);
  }
  const casing = record['casing'];
  if (casing !== undefined) {
    if (!casing || typeof casing !== 'object' || Array.isArray(casing)) fail(['casing'], 'must be a mapping of word to spelling');
    for (const [word, spelling] of Object.entries(casing as Record<string, unknown>)) {
      string(['casing', word], spelling, /^[A-Za-z0-9]+$/, 'letters and digits only');
      if ((spelling as string).toLowerCase() !== word.toLowerCase()) fail(['casing', word], `"${String(spelling)}" must spell "${word}"`);
    }
  }
  const operations = record['operations'];
  if (operations !== undefined) {
    if (!operations || typeof operations !== 'object' || Array.isArray(operations)) fail(['operations'], 'must be a mapping');
    for (const [key, value] of Object.entries(operations as Record<string, unknown>)) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) fail(['operations', key], 'must be a mapping with resource and/or method');
      const override = value as Record<string, unknown>;
      for (const field of Object.keys(override)) {
        if (field !== 'resource' && field !== 'method' && field !== 'pagination') fail(['operations', key, field], `unknown field "${field}" (known: resource, method, pagination)`);
      }
      const pagination = override['pagination'];
      if (pagination !== undefined && pagination !== false) {
        const kind = (pagination as Record<string, unknown> | null)?.['kind'];
        if (typeof kind !== 'string' || !PAGINATION_KINDS.has(kind)) fail(['operations', key, 'pagination'], `must be false or a mapping whose kind is one of ${[...PAGINATION_KINDS].join(', ')}`);
        if (!Array.isArray((pagination as Record<string, unknown>)['items'])) fail(['operations', key, 'pagination'], 'needs "items": the path to the list in the response body, e.g. [data]');
      }
      string(['operations', key, 'resource'], override['resource'], /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, 'camelCase names joined by dots');
      string(['operations', key, 'method'], override['method'], /^[a-z][A-Za-z0-9]*$/, 'a camelCase identifier');
    }
  }
  return record as SdkConfig;
}
