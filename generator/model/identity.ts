// The client's and package's names and its key's option: the config's, else what the spec's code samples show of the
// official SDK, else made from the words of the spec's title.
import type { SdkConfig } from '../load/load-config.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import type { SampleClient } from './code-samples.js';
import { noLeadingDigit, splitWords, titleWords, typeName } from './naming.js';

/** The names the SDK is known by. */
export interface Identity {
  /** The client class (`Telnyx`). */
  clientName: string;
  /** The prefix of the environment variables the client reads (`TELNYX` in `TELNYX_API_KEY`). */
  envPrefix: string;
  /** The npm package's name. */
  packageName: string;
  /** The option that carries the API key or token, and the environment variable it defaults to. */
  keyOption: { name: string; env: string };
}

/** The client options the runtime gives other meanings: a sample's key option named so is not taken. */
const OTHER_OPTIONS = new Set([
  'baseURL',
  'environment',
  'timeout',
  'maxRetries',
  'fetch',
  'fetchOptions',
  'defaultHeaders',
  'defaultQuery',
  'logLevel',
  'logger',
  'maxResponseSize',
  'followCrossOriginPages',
  'clientID',
  'clientSecret',
  'username',
  'password',
  // and the client's own members, which an option's accessor would shadow
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'request',
  'requestWith',
  'buildURL',
  'buildRequest',
  'withOptions',
  'openapiFetch',
  'parseOfficialResponse',
]);

/**
 * The client's class name, its environment variables' prefix, the package's name and the key's option: the config's,
 * else what the spec's code samples show of the official SDK (`sample`), else made from the words of the title.
 */
export function readIdentity(
  document: OpenAPIDocument,
  config: SdkConfig,
  casing: Record<string, string>,
  sample?: SampleClient,
): Identity {
  const title = document.info.title.replace(/\b(apis?|openapi|rest)\b/gi, '');
  const clientName = config.clientName ?? sample?.className ?? typeName(title || 'Client', casing);
  // Without a config, the package name and env-var prefix come from the title's words as written (`github`), also
  // where a sample names the class: `OpenAI` split would make `OPEN_AI_`, where the title's `OpenAI API` makes `OPENAI_`.
  const words =
    config.clientName === undefined && titleWords(title).length > 0 ? titleWords(title) : splitWords(clientName);
  // One option read from the environment is the key's (`bearerToken: process.env['ACME_API_KEY']`); its variable's
  // `_API_KEY` suffix, where it has one, leaves the prefix of the others (`ACME_BASE_URL`).
  const only = sample?.envOptions.length === 1 ? sample.envOptions[0] : undefined;
  const key = only && !OTHER_OPTIONS.has(only.option) ? only : undefined;
  const keyPrefix = key?.env.endsWith('_API_KEY') ? key.env.slice(0, -'_API_KEY'.length) : undefined;
  // An environment variable's name may not start with a digit (`1Password` -> `_1PASSWORD_API_KEY`).
  const envPrefix = config.envPrefix ?? (keyPrefix || noLeadingDigit(words.join('_').toUpperCase()));
  return {
    clientName,
    envPrefix,
    packageName: config.package?.name ?? sample?.packageName ?? (words.join('-').toLowerCase() || 'sdk'),
    keyOption: key ? { name: key.option, env: key.env } : { name: 'apiKey', env: `${envPrefix}_API_KEY` },
  };
}
