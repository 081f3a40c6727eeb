// Example rules that Microsoft Graph's shape needs (#15 item 4): discriminator values down `allOf` chains, members that
// several levels define with types meeting only in `null`, object-typed query params, and answers kept per schema so
// that a spec of 4,000 schemas in deep chains generates in budget. Small synthetic specs, one per rule.
import { describe, expect, test } from 'vitest';
import { exampleArguments } from '../../generator/emit/examples.js';
import { allResources, buildModel } from '../../generator/model/build-model.js';
import { applyDiscriminatorEnums } from '../../generator/model/discriminators.js';
import { exampleValue } from '../../generator/model/examples.js';
import { objectMembers } from '../../generator/model/schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const odataType = (name: string) => ({
  type: 'string',
  default: `#microsoft.graph.${name}`,
  pattern: `#microsoft.graph.${name}`,
});
const own = (name: string, properties: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['@odata.type'],
  properties: { ...properties, '@odata.type': odataType(name) },
});

/** Graph's chain: entity <- directoryObject <- user <- guestUser, the base mapping every descendant by `@odata.type`. */
function chain(): Record<string, unknown> {
  const mapping = (names: string[]) =>
    Object.fromEntries(names.map((name) => [`#microsoft.graph.${name}`, `#/components/schemas/${name}`]));
  const document = {
    openapi: '3.0.4',
    components: {
      schemas: {
        entity: {
          ...own('entity', { id: { type: 'string' } }),
          discriminator: { propertyName: '@odata.type', mapping: mapping(['directoryObject', 'user', 'guestUser']) },
        },
        directoryObject: {
          allOf: [ref('entity'), own('directoryObject')],
          discriminator: { propertyName: '@odata.type', mapping: mapping(['user', 'guestUser']) },
        },
        user: { allOf: [ref('directoryObject'), own('user', { displayName: { type: 'string', nullable: true } })] },
        guestUser: { allOf: [ref('user'), own('guestUser')] },
      },
    },
  };
  // As the generator does before it models: the document gets the discriminator members openapi-typescript types.
  applyDiscriminatorEnums(document);
  return document;
}

describe('discriminator values down an allOf chain', () => {
  test.each(['directoryObject', 'user', 'guestUser'])(
    '%s carries its own value, not its base default or a placeholder',
    (name) => {
      const document = chain();
      expect(exampleValue(document, ref(name), 'required')).toEqual({ '@odata.type': `#microsoft.graph.${name}` });
      expect((exampleValue(document, ref(name), 'all') as Record<string, unknown>)['@odata.type']).toBe(
        `#microsoft.graph.${name}`,
      );
    },
  );

  test('the base keeps its default', () => {
    expect(exampleValue(chain(), ref('entity'), 'required')).toEqual({ '@odata.type': '#microsoft.graph.entity' });
  });

  test('where the pinned values do not meet, the last (most derived) one wins, as the type keeps it', () => {
    const schema = {
      allOf: [
        { type: 'string', enum: ['#a'] },
        {
          allOf: [
            { type: 'string', default: '#b' },
            { type: 'string', enum: ['#b'] },
          ],
        },
      ],
    };
    expect(exampleValue({}, schema, 'required')).toBe('#b');
    // A value every part allows is taken when there is one.
    expect(exampleValue({}, { allOf: [{ enum: ['x', 'y'] }, { enum: ['y'] }] }, 'required')).toBe('y');
  });
});

describe('a member several levels define', () => {
  const document = {
    components: {
      schemas: {
        other: { type: 'object', properties: { a: { type: 'string' } } },
        base: {
          type: 'object',
          properties: {
            manager: { type: 'string', nullable: true },
            owner: { type: 'string' },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
        derived: {
          allOf: [
            ref('base'),
            {
              type: 'object',
              required: ['manager'],
              properties: {
                // nullable string & (other | object | null): only `null` is both.
                manager: { anyOf: [ref('other'), { type: 'object', nullable: true }] },
                // string & other: no value at all; an optional member no value fits is left out.
                owner: { anyOf: [ref('other')] },
                tags: { type: 'array', items: { type: 'string' } },
              },
            },
          ],
        },
      },
    },
  };

  test('is null where the types meet only there, and left out where they do not meet', () => {
    expect(exampleValue(document, ref('derived'), 'required')).toEqual({ manager: null });
    expect(exampleValue(document, ref('derived'), 'all')).toEqual({ manager: null, tags: ['example'] });
  });
});

describe('object-typed query params', () => {
  const spec = {
    openapi: '3.0.4',
    info: { title: 'Q', version: '1' },
    paths: {
      '/reports': {
        get: {
          operationId: 'reports.List',
          parameters: [
            {
              name: 'filter',
              in: 'query',
              required: true,
              schema: {
                type: 'object',
                required: ['since'],
                properties: { since: { type: 'string', format: 'date' } },
              },
            },
            { name: 'range', in: 'query', required: true, content: { 'application/json': { schema: ref('range') } } },
            {
              name: 'owner',
              in: 'query',
              required: true,
              schema: { anyOf: [ref('range'), { type: 'object', nullable: true }] },
            },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } },
            },
          },
        },
      },
    },
    components: {
      schemas: { range: { type: 'object', required: ['start'], properties: { start: { type: 'integer' } } } },
    },
  };

  test('get object examples', () => {
    const model = buildModel(spec as never, {} as never, 'q.json');
    const method = allResources(model.resources).flatMap((resource) => resource.methods)[0]!;
    // `range` is given by `content: application/json`: openapi-typescript types it `string`, its value's JSON text.
    expect(exampleArguments(method, 'required')).toEqual([
      '{ filter: { since: "2025-01-01" }, range: "{\\"start\\":1}", owner: { start: 1 } }',
    ]);
  });
});

describe('answers kept per schema', () => {
  test('object members and examples are computed once per schema of a document, and per document', () => {
    const document = chain();
    const user = (document['components'] as { schemas: Record<string, Record<string, unknown>> }).schemas['user']!;
    expect(objectMembers(document, user)).toBe(objectMembers(document, user));
    expect(exampleValue(document, ref('user'), 'all')).toBe(exampleValue(document, ref('user'), 'all'));
    // Another document with the same schema object answers for itself (its refs lead elsewhere).
    const other = {
      components: {
        schemas: {
          ...(document['components'] as { schemas: object }).schemas,
          directoryObject: { type: 'object', properties: { extra: { type: 'boolean' } }, required: ['extra'] },
        },
      },
    };
    expect(exampleValue(other, ref('user'), 'required')).toEqual({
      extra: true,
      '@odata.type': '#microsoft.graph.user',
    });
  });
});

describe('an example with every member, of a large entity', () => {
  // 30 members, each a reference to another entity of 30 members: in full two levels deep, 900 values.
  const members = (prefix: string, extra: (index: number) => unknown) =>
    Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`${prefix}${index}`, extra(index)]));
  const document = {
    components: {
      schemas: {
        leaf: {
          type: 'object',
          required: ['kind'],
          properties: { kind: { type: 'string', enum: ['leaf'] }, ...members('note', () => ({ type: 'string' })) },
        },
        big: { type: 'object', properties: members('part', () => ref('leaf')) },
        small: { type: 'object', properties: { one: ref('leaf') } },
      },
    },
  };

  test('past its budget, shows every member of the value itself and only the required ones of nested objects', () => {
    const value = exampleValue(document, ref('big'), 'all') as Record<string, unknown>;
    expect(Object.keys(value)).toHaveLength(30);
    expect(value['part0']).toEqual({ kind: 'leaf' });
  });

  test('within it, nested objects show every member too', () => {
    const value = exampleValue(document, ref('small'), 'all') as Record<string, Record<string, unknown>>;
    expect(Object.keys(value['one']!)).toHaveLength(31);
  });
});
