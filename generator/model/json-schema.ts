// OpenAPI schemas as plain JSON Schema (draft-07 keywords plus `$defs`), for the MCP tools' input schemas: what every
// MCP client and Ajv in strict mode accept. OpenAPI-only keywords go (`nullable` becomes a `null` alternative,
// `discriminator`, `xml`, `example` are left out), `oneOf` is `anyOf` (an agent's value that fits two variants is still
// valid), formats and patterns only where JavaScript's validators know them, `$ref`s to components go under `$defs`.
import { resolvePointer } from '../load/refs.js';
import { componentRefName } from './schemas.js';
import type { JsonSchema } from './types.js';

export type { JsonSchema };

/** The formats Ajv (with ajv-formats) knows; others would fail a strict schema compile. */
const KNOWN_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const DESCRIPTION_CHARS = 300;

/** Converts schemas of one document, collecting the components they reach into `defs` (each converted once). */
export class JsonSchemaConverter {
  readonly defs = new Map<string, JsonSchema>();
  readonly #document: Record<string, unknown>;

  constructor(document: Record<string, unknown>) {
    this.#document = document;
  }

  convert(schema: unknown, depth = 0): JsonSchema {
    if (schema === true || schema === undefined) return {};
    if (schema === false) return { not: {} };
    if (schema === null || typeof schema !== 'object' || depth > 64) return {};
    const input = schema as Record<string, unknown>;
    const ref = input['$ref'];
    if (typeof ref === 'string') return this.#ref(ref, depth);
    const out: JsonSchema = {};
    const type = input['type'];
    if (typeof type === 'string' && TYPES.has(type)) out['type'] = type;
    else if (Array.isArray(type)) {
      const types = type.filter((item): item is string => typeof item === 'string' && TYPES.has(item));
      if (types.length > 0) out['type'] = types.length === 1 ? types[0] : types;
    }
    if (typeof input['description'] === 'string' && input['description'].trim() !== '')
      out['description'] = shorten(input['description']);
    for (const key of [
      'enum',
      'const',
      'default',
      'minimum',
      'maximum',
      'minLength',
      'maxLength',
      'minItems',
      'maxItems',
      'uniqueItems',
      'minProperties',
      'maxProperties',
      'multipleOf',
      'readOnly',
      'writeOnly',
      'deprecated',
    ]) {
      if (input[key] !== undefined) out[key] = structuredClone(input[key]);
    }
    // OpenAPI 3.0's boolean exclusive bounds are numbers in JSON Schema.
    for (const [key, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      const value = input[key];
      if (typeof value === 'number') out[key] = value;
      else if (value === true && typeof input[bound] === 'number') {
        out[key] = input[bound];
        delete out[bound];
      }
    }
    if (typeof input['format'] === 'string' && KNOWN_FORMATS.has(input['format'])) out['format'] = input['format'];
    if (typeof input['pattern'] === 'string' && validPattern(input['pattern'])) out['pattern'] = input['pattern'];
    const properties = input['properties'];
    if (properties !== null && typeof properties === 'object' && !Array.isArray(properties)) {
      out['properties'] = Object.fromEntries(
        Object.entries(properties).map(([name, value]) => [name, this.convert(value, depth + 1)]),
      );
    }
    if (Array.isArray(input['required'])) {
      const required = input['required'].filter((name): name is string => typeof name === 'string');
      if (required.length > 0) out['required'] = [...new Set(required)];
    }
    const additional = input['additionalProperties'];
    if (typeof additional === 'boolean') out['additionalProperties'] = additional;
    else if (additional !== null && typeof additional === 'object')
      out['additionalProperties'] = this.convert(additional, depth + 1);
    if (input['items'] !== undefined && !Array.isArray(input['items']))
      out['items'] = this.convert(input['items'], depth + 1);
    for (const [from, to] of [
      ['oneOf', 'anyOf'],
      ['anyOf', 'anyOf'],
      ['allOf', 'allOf'],
    ] as const) {
      const list = input[from];
      if (Array.isArray(list) && list.length > 0) {
        const converted = list.map((item) => this.convert(item, depth + 1));
        out[to] = [...((out[to] as JsonSchema[] | undefined) ?? []), ...converted];
      }
    }
    if (input['nullable'] === true) {
      if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
      else if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
      else if (out['anyOf']) (out['anyOf'] as JsonSchema[]).push({ type: 'null' });
    }
    return out;
  }

  #ref(ref: string, depth: number): JsonSchema {
    const key = componentRefName({ $ref: ref });
    // Another local pointer (a path item's schema, say): inlined.
    if (key === undefined) return this.convert(resolvePointer(this.#document, ref), depth + 1);
    const name = key.replace(/[^A-Za-z0-9_.-]/g, '_');
    if (!this.defs.has(name)) {
      this.defs.set(name, {});
      this.defs.set(name, this.convert(resolvePointer(this.#document, ref), depth + 1));
    }
    return { $ref: `#/$defs/${name}` };
  }
}

function validPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function shorten(text: string): string {
  const first = text
    .trim()
    .split(/\n\s*\n/)[0]!
    .replace(/\s+/g, ' ');
  return first.length > DESCRIPTION_CHARS ? `${first.slice(0, DESCRIPTION_CHARS - 1)}…` : first;
}
