// The spec's component schemas as the SDK's named model types.
import type { ModelContext } from './context.js';
import { typeName } from './naming.js';
import type { NamedModel } from './types.js';

/** Every component schema, by key, with the exported type name it claims (claimed before any operation's types). */
export function readModels({ document, casing, names }: ModelContext): NamedModel[] {
  const schemas = document.components?.['schemas'] ?? {};
  return Object.keys(schemas)
    .sort()
    .map((key) => {
      const schema = (schemas[key] ?? {}) as Record<string, unknown>;
      // A name that is already PascalCase is kept as the spec wrote it (`JWKSet`); others are re-cased (`oauth_Error`).
      const wanted = typeName(key, casing);
      return {
        key,
        typeName: names.claim(wanted),
        ...(typeof schema['description'] === 'string' && { description: schema['description'] }),
        deprecated: schema['deprecated'] === true,
      };
    });
}
