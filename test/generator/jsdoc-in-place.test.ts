// The schema types worker readies its copy of the document for openapi-typescript's comments in place
// (withoutJsdocTagsInPlace): prose and shown values (examples, defaults) lose the `@` that would start a JSDoc tag,
// structure (enum values, names) keeps it, and an object that is both keeps it where it is structure.
import { describe, expect, test } from 'vitest';
import { noJsdocTags as coreNoJsdocTags } from '../../generator/core/escape.js';
import { noJsdocTags, withoutJsdocTagsInPlace } from '../../generator/emit/schema-types-transform.mjs';

/** The copy the main thread used to make (core/escape.ts before the worker took it over): what the result must equal. */
function reference(document: unknown): unknown {
  const prose = new Set(['description', 'summary', 'title']);
  const shownKeys = new Set(['example', 'examples', 'default']);
  const copies = [new Map<object, unknown>(), new Map<object, unknown>()];
  const copy = (value: unknown, shown: boolean): unknown => {
    if (typeof value === 'string') return shown ? coreNoJsdocTags(value) : value;
    if (value === null || typeof value !== 'object') return value;
    const done = copies[shown ? 1 : 0]!;
    if (done.has(value)) return done.get(value);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      done.set(value, out);
      for (const item of value) out.push(copy(item, shown));
      return out;
    }
    const out = Object.create(null) as Record<string, unknown>;
    done.set(value, out);
    for (const [name, child] of Object.entries(value))
      out[name] =
        shown || shownKeys.has(name)
          ? copy(child, true)
          : prose.has(name) && typeof child === 'string'
            ? coreNoJsdocTags(child)
            : copy(child, false);
    return out;
  };
  return copy(document, false);
}

function documentWithSharing(): Record<string, unknown> {
  // One object both structure (a schema's enum holder) and part of an example; one array shared by two examples.
  const both = { kind: '@both value', description: 'text @deprecated' };
  const tags = ['@a', 'b @c'];
  const cyclic: Record<string, unknown> = { name: '@self' };
  cyclic['next'] = cyclic;
  return {
    openapi: '3.0.0',
    info: { title: 'API @internal', version: '1' },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          description: ' @deprecated in prose',
          properties: {
            // A property named like a prose key holds a schema, not prose.
            title: { type: 'string', enum: ['@x', 'y @z'], default: '@d' },
            both,
            list: { type: 'array', items: { type: 'string' }, example: tags },
          },
          example: { both, tags, cyclic, deep: [{ note: 'n @see' }] },
        },
        Other: { type: 'string', examples: [tags, '@e'], summary: '@summary' },
        '@odata.entity': { type: 'object', properties: { '@odata.type': { type: 'string', enum: ['#a @b'] } } },
      },
    },
  };
}

describe('withoutJsdocTagsInPlace', () => {
  test('is the copy the main thread made, value for value', () => {
    const expected = reference(documentWithSharing());
    const actual = withoutJsdocTagsInPlace(documentWithSharing());
    expect(actual).toEqual(expected);
    expect(JSON.stringify(actual, (_key, value) => (value?.next ? { ...value, next: '[cycle]' } : value))).toBe(
      JSON.stringify(expected, (_key, value) => (value?.next ? { ...value, next: '[cycle]' } : value)),
    );
  });

  test('an object that is structure and part of an example: structure keeps its @, the example has a copy', () => {
    const document = documentWithSharing();
    const schemas = (document['components'] as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const both = (schemas['Thing']!['properties'] as Record<string, unknown>)['both'] as Record<string, unknown>;
    withoutJsdocTagsInPlace(document);
    const example = schemas['Thing']!['example'] as Record<string, Record<string, unknown>>;
    expect(both['kind']).toBe('@both value');
    expect(both['description']).toBe('text \\@deprecated');
    expect(example['both']).not.toBe(both);
    expect(example['both']!['kind']).toBe('\\@both value');
    expect(example['both']!['description']).toBe('text \\@deprecated');
  });

  test('shared values stay shared, cycles stay cycles, enum values are untouched, objects have no prototype', () => {
    const document = withoutJsdocTagsInPlace(documentWithSharing());
    const schemas = (document['components'] as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const example = schemas['Thing']!['example'] as Record<string, unknown>;
    const list = (schemas['Thing']!['properties'] as Record<string, Record<string, unknown>>)['list']!;
    expect(example['tags']).toBe(list['example']);
    expect(example['tags']).toEqual(['\\@a', 'b \\@c']);
    expect((schemas['Other']!['examples'] as unknown[])[0]).toBe(example['tags']);
    const cyclic = example['cyclic'] as Record<string, unknown>;
    expect(cyclic['next']).toBe(cyclic);
    expect(cyclic['name']).toBe('\\@self');
    const title = (schemas['Thing']!['properties'] as Record<string, Record<string, unknown>>)['title']!;
    expect(title['enum']).toEqual(['@x', 'y @z']);
    expect(title['default']).toBe('\\@d');
    expect(Object.getPrototypeOf(document)).toBeNull();
    expect(Object.getPrototypeOf(schemas['Thing'])).toBeNull();
  });

  test("its noJsdocTags is core/escape.ts's", () => {
    for (const text of ['@a', ' @b', 'a@b.com', '{@link x}', 'x\n@deprecated', '\t@c @d', '\\@e', ''])
      expect(noJsdocTags(text)).toBe(coreNoJsdocTags(text));
  });
});
