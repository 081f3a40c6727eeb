import { derefSchema } from './schemas.js';
import type { Schema } from './types.js';

/** Stands for uploadable bytes (`format: binary`); printed as a `File` in example code. */
export class BinaryExample {
  constructor(readonly fileName = 'example.txt') {}
}

/** Which members an example includes: only the required ones, or every writable one. */
export type ExampleMode = 'required' | 'all';

const FORMAT_EXAMPLES: Record<string, string> = {
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
  'date-time': '2025-01-01T00:00:00Z',
  date: '2025-01-01',
  time: '12:00:00',
  email: 'user@example.com',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
  ipv6: '::1',
};

/**
 * A value that satisfies `schema`, for generated tests and README examples. Prefers what the spec offers
 * (`const`, `enum`, `example`, `default`), then builds one from the type and its bounds.
 */
export function exampleValue(document: unknown, schema: unknown, mode: ExampleMode, depth = 0): unknown {
  const resolved = derefSchema(document, schema);
  if ('const' in resolved) return resolved['const'];
  const enumValues = resolved['enum'];
  if (Array.isArray(enumValues) && enumValues.length > 0) return enumValues.find((value) => value !== null) ?? enumValues[0];
  if (resolved['example'] !== undefined && isScalarOrFlat(resolved['example'])) return resolved['example'];
  const examples = resolved['examples'];
  if (Array.isArray(examples) && examples.length > 0 && isScalarOrFlat(examples[0])) return examples[0];
  if (resolved['default'] !== undefined) return resolved['default'];
  const composite = (resolved['oneOf'] ?? resolved['anyOf']) as unknown[] | undefined;
  if (Array.isArray(composite) && composite.length > 0) return exampleValue(document, composite[0], mode, depth + 1);
  if (Array.isArray(resolved['allOf'])) {
    const parts = (resolved['allOf'] as unknown[]).map((part) => exampleValue(document, part, mode, depth + 1));
    if (parts.every((part) => part && typeof part === 'object' && !Array.isArray(part))) return Object.assign({}, ...parts);
    return parts[0];
  }
  switch (primaryType(resolved)) {
    case 'object':
      return objectExample(document, resolved, depth > 2 ? 'required' : mode, depth);
    case 'array': {
      if (depth > 4) return [];
      const min = typeof resolved['minItems'] === 'number' ? resolved['minItems'] : 1;
      return Array.from({ length: Math.max(1, Math.min(min, 3)) }, () => exampleValue(document, resolved['items'] ?? {}, mode, depth + 1));
    }
    case 'integer':
    case 'number':
      return numberExample(resolved);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return resolved['format'] === 'binary' ? new BinaryExample() : stringExample(resolved);
  }
}

function objectExample(document: unknown, schema: Schema, mode: ExampleMode, depth: number): Record<string, unknown> {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const resolved = derefSchema(document, property);
    if (resolved['readOnly'] === true) continue;
    if (mode === 'required' && !required.has(name)) continue;
    out[name] = exampleValue(document, property, mode, depth + 1);
  }
  return out;
}

function primaryType(schema: Schema): string | undefined {
  const type = schema['type'];
  if (Array.isArray(type)) return (type as string[]).find((item) => item !== 'null') ?? 'null';
  if (typeof type === 'string') return type;
  if (schema['properties'] !== undefined) return 'object';
  if (schema['items'] !== undefined) return 'array';
  return undefined;
}

function numberExample(schema: Schema): number {
  const min = typeof schema['minimum'] === 'number' ? schema['minimum'] : typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] + 1 : undefined;
  const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : undefined;
  let value = min ?? 1;
  if (max !== undefined && value > max) value = max;
  return schema['type'] === 'integer' ? Math.ceil(value) : value;
}

function stringExample(schema: Schema): string {
  const format = typeof schema['format'] === 'string' ? schema['format'] : '';
  let value = FORMAT_EXAMPLES[format] ?? 'string';
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
  if (value.length < minLength) value = value.padEnd(minLength, 'x');
  if (value.length > maxLength) value = value.slice(0, maxLength);
  return value;
}

/** Spec examples that are plain values (not nested structures that may not match a sub-schema). */
function isScalarOrFlat(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}
