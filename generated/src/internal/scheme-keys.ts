// Copied from templates/src/internal/scheme-keys.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

/** A security scheme's own credential: the client option holding it and its environment variable (after the prefix). */
export interface SchemeKeyOption {
  option: string;
  env: string;
}

/**
 * The keys of the schemes that have their own (an API with an admin key beside the usual one): scheme name -> the
 * client option's value, else its environment variable's. Undefined where the spec has no such schemes.
 */
export function readSchemeKeys(
  options: object,
  schemeOptions: Readonly<Record<string, SchemeKeyOption>> | undefined,
  env: (name: string) => string | undefined,
): Record<string, string | undefined> | undefined {
  if (schemeOptions === undefined) return undefined;
  // Keyed by the spec's scheme names: no prototype, so a scheme named `__proto__` is one like any other.
  const keys = Object.create(null) as Record<string, string | undefined>;
  for (const [scheme, { option, env: variable }] of Object.entries(schemeOptions)) {
    const given = Object.hasOwn(options, option) ? (options as Record<string, unknown>)[option] : undefined;
    keys[scheme] = typeof given === 'string' ? given : env(variable);
  }
  return keys;
}

/**
 * Why a call cannot be authenticated, before anything is sent: every alternative of its requirements names a scheme
 * with a key of its own that the client lacks (an admin route called by a client without `adminAPIKey`). Undefined
 * when one alternative may be satisfied or credentials are optional; the other schemes are left to `applyAuth`.
 */
export function missingSchemeKey(
  requirements: readonly (readonly string[])[],
  schemeOptions: Readonly<Record<string, SchemeKeyOption>> | undefined,
  keys: Readonly<Record<string, string | undefined>> | undefined,
  envPrefix: string,
): string | undefined {
  if (schemeOptions === undefined || requirements.length === 0) return undefined;
  const lacking = (names: readonly string[]): string | undefined =>
    names.find((name) => Object.hasOwn(schemeOptions, name) && keys?.[name] === undefined);
  const missing = requirements.map(lacking);
  if (missing.some((name) => name === undefined)) return undefined;
  const needed = [...new Set(missing as string[])].map(
    (name) => `${schemeOptions[name]!.option} (or ${envPrefix}_${schemeOptions[name]!.env})`,
  );
  return `This operation needs ${needed.join(' or ')}, which the client was not given; instantiate the client with it.`;
}

/**
 * Both functions, handed to the runtime in the config (`schemeKeys`) only by clients whose spec has such schemes, so
 * that the others do not bundle them.
 */
export const SchemeKeys = { read: readSchemeKeys, missing: missingSchemeKey };
