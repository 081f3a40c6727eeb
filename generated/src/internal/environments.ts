// Copied from templates/src/internal/environments.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

// The `environment` option, for clients whose spec has two or more servers: the generated client turns it into the
// base URL before the runtime reads its options, so that other SDKs do not bundle it.
import { TelnyxError } from '../core/error.js';
import { readEnv } from './env.js';

/**
 * The options with the named environment's URL as `baseURL`; as given without an environment. With a base URL from
 * the option or `<PREFIX>_BASE_URL` it is ambiguous, as the official SDKs say (`baseURL: null` allows it).
 */
export function withEnvironment<Options extends { baseURL?: string | null | undefined; environment?: string }>(
  options: Options,
  environments: Readonly<Record<string, string>>,
  envPrefix: string,
): Options {
  const { environment } = options;
  if (environment === undefined) return options;
  if (options.baseURL !== null && (options.baseURL ?? readEnv(`${envPrefix}_BASE_URL`)) !== undefined)
    throw new TelnyxError(
      `Ambiguous URL; The \`baseURL\` option (or ${envPrefix}_BASE_URL env var) and the \`environment\` option are given. If you want to use the environment you must pass baseURL: null`,
    );
  const url = environments[environment];
  if (url === undefined)
    throw new TelnyxError(
      `Unknown environment ${JSON.stringify(environment)}: one of ${Object.keys(environments).join(', ')}.`,
    );
  return { ...options, baseURL: url };
}
