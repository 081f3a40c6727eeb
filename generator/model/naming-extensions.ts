// The names a spec gives its operations for other generators, read as the config's `operations` would be.
import type { OperationOverride } from '../load/load-config.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import { memberName } from './naming.js';

/**
 * The names a spec gives its operations for other generators: Speakeasy's `x-speakeasy-group` (a dot-separated
 * resource chain) and `x-speakeasy-name-override` (the method), Stainless' `x-stainless-resource` and
 * `x-stainless-method`. Kept as the config's `operations` would be; one that is not a name is warned about.
 */
export function namingExtensions(
  document: OpenAPIDocument,
  path: string,
  httpMethod: string,
  warnings: string[],
): OperationOverride | undefined {
  const operation = ((document.paths?.[path] ?? {}) as Record<string, Record<string, unknown>>)[httpMethod] ?? {};
  const pick = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = operation[key];
      if (value === undefined) continue;
      if (typeof value === 'string' && /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/.test(value)) return value;
      warnings.push(
        `${httpMethod.toUpperCase()} ${path}: ${key} ${JSON.stringify(value)} is not a name; inferred instead`,
      );
    }
    return undefined;
  };
  const group = pick('x-stainless-resource', 'x-speakeasy-group');
  const name = pick('x-stainless-method', 'x-speakeasy-name-override');
  if (group === undefined && name === undefined) return undefined;
  return {
    ...(group !== undefined && { resource: group.split('.').map(memberName).join('.') }),
    ...(name !== undefined && { method: memberName(name) }),
  };
}
