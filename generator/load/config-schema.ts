import { readFileSync } from 'node:fs';
import { didYouMean } from '../core/suggest.js';

/** The part of JSON Schema (draft-07) the config schema uses; `x-hint` says what a pattern means, for messages. */
export interface JsonSchema {
  type?: 'object' | 'string' | 'array' | 'boolean' | 'number';
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  pattern?: string;
  minLength?: number;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  'x-hint'?: string;
}

/**
 * The published schema (`generator/sdkgen.config.schema.json`, shipped in the package for editors) is also what the
 * loader checks against, so the two cannot disagree. Read beside the sources: the bundle in generator/dist/ sits at
 * the same depth.
 */
export const CONFIG_SCHEMA = JSON.parse(
  readFileSync(new URL('../sdkgen.config.schema.json', import.meta.url), 'utf8'),
) as JsonSchema;

export type Path = (string | number)[];

/** Checks `value` against `schema`; `fail` throws with the path of the first wrong value and what is wrong. */
export function checkAgainstSchema(
  value: unknown,
  schema: JsonSchema,
  path: Path,
  fail: (path: Path, problem: string) => never,
): void {
  if (schema.oneOf) {
    // The branch whose shape fits (a literal or a mapping); when none does, say what would.
    const branch = schema.oneOf.find((option) =>
      'const' in option ? option.const === value : isShape(value, option.type),
    );
    if (!branch) fail(path, `must be ${schema.oneOf.map(describe).join(' or ')}`);
    return checkAgainstSchema(value, branch, path, fail);
  }
  if ('const' in schema && value !== schema.const) fail(path, `must be ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) fail(path, `must be one of ${schema.enum.join(', ')}`);
  if (schema.type && !isShape(value, schema.type)) fail(path, `must be ${describe(schema)}`);
  if (typeof value === 'string') {
    if (value.length < (schema.minLength ?? 0) || (schema.pattern !== undefined && value === ''))
      fail(path, 'must be a non-empty string');
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
      fail(path, `"${value}" is not valid: ${schema['x-hint'] ?? `it must match ${schema.pattern}`}`);
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((item, index) => checkAgainstSchema(item, schema.items!, [...path, index], fail));
  if (schema.type === 'object' && isShape(value, 'object')) {
    const record = value as Record<string, unknown>;
    const known = Object.keys(schema.properties ?? {});
    for (const [key, item] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (property) checkAgainstSchema(item, property, [...path, key], fail);
      else if (typeof schema.additionalProperties === 'object')
        checkAgainstSchema(item, schema.additionalProperties, [...path, key], fail);
      else if (schema.additionalProperties === false) {
        const where = path.length === 0 ? '' : ` in ${path.join('.')}`;
        const hint = didYouMean(key, known);
        fail([...path, key], `unknown setting "${key}"${where}${hint || ` (known: ${known.join(', ')})`}`);
      }
    }
    for (const key of schema.required ?? []) {
      if (!(key in record))
        fail(
          path,
          `needs "${key}"${schema.properties?.[key]?.description ? `: ${lowerFirst(schema.properties[key].description)}` : ''}`,
        );
    }
  }
}

function isShape(value: unknown, type: JsonSchema['type']): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'number':
      return typeof value === 'number';
    case undefined:
      return true;
    default:
      return typeof value === type;
  }
}

function describe(schema: JsonSchema): string {
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.join(', ')}`;
  switch (schema.type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'string':
      return 'a non-empty string';
    default:
      return `a ${schema.type ?? 'value'}`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
