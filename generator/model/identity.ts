// The client's and package's names: the config's, else made from the words of the spec's title.
import type { SdkConfig } from '../load/load-config.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import { noLeadingDigit, splitWords, titleWords, typeName } from './naming.js';

/** The names the SDK is known by. */
export interface Identity {
  /** The client class (`Telnyx`). */
  clientName: string;
  /** The prefix of the environment variables the client reads (`TELNYX` in `TELNYX_API_KEY`). */
  envPrefix: string;
  /** The npm package's name. */
  packageName: string;
}

/** The client's class name, its environment variables' prefix and the package's name. */
export function readIdentity(document: OpenAPIDocument, config: SdkConfig, casing: Record<string, string>): Identity {
  const title = document.info.title.replace(/\b(apis?|openapi|rest)\b/gi, '');
  const clientName = config.clientName ?? typeName(title || 'Client', casing);
  // Without a config, the package name and env-var prefix come from the title's words as written (`github`).
  const words =
    config.clientName === undefined && titleWords(title).length > 0 ? titleWords(title) : splitWords(clientName);
  return {
    clientName,
    // An environment variable's name may not start with a digit (`1Password` -> `_1PASSWORD_API_KEY`).
    envPrefix: config.envPrefix ?? noLeadingDigit(words.join('_').toUpperCase()),
    packageName: config.package?.name ?? (words.join('-').toLowerCase() || 'sdk'),
  };
}
