// Schema analysis the generator's examples rely on.
import { describe, expect, test } from 'vitest';
import { applyDiscriminatorEnums } from '../../generator/model/discriminators.js';
import { admitsNoValue, forgetSchemaAnswers, perSchema } from '../../generator/model/schemas.js';

const document = {
  components: {
    schemas: {
      TreeNode: {
        type: 'object',
        required: ['id', 'parent'],
        properties: { id: { type: 'string' }, parent: { $ref: '#/components/schemas/TreeNode' } },
      },
      Optional: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, parent: { $ref: '#/components/schemas/Optional' } },
      },
      Nullable: {
        type: 'object',
        required: ['parent'],
        properties: { parent: { allOf: [{ $ref: '#/components/schemas/Nullable' }], nullable: true } },
      },
      Listed: {
        type: 'object',
        required: ['children'],
        properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Listed' } } },
      },
      Either: {
        type: 'object',
        required: ['next'],
        properties: { next: { oneOf: [{ $ref: '#/components/schemas/Either' }, { type: 'string' }] } },
      },
    },
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('admitsNoValue', () => {
  test('a required member that leads back to its own schema, without end', () => {
    expect(admitsNoValue(document, ref('TreeNode'))).toBe(
      'a required member leads back to the schema it is in, without end',
    );
  });

  test('recursion that can stop: optional, nullable, through an array, or one option of a union', () => {
    for (const name of ['Optional', 'Nullable', 'Listed', 'Either'])
      expect(admitsNoValue(document, ref(name))).toBeUndefined();
  });

  test('an allOf of types that exclude each other; integer and number do not', () => {
    expect(admitsNoValue(document, { allOf: [{ type: 'string' }, { type: 'integer' }] })).toBe(
      'its allOf parts have types that exclude each other (number, string)',
    );
    expect(admitsNoValue(document, { allOf: [{ type: 'number' }, { type: 'integer', minimum: 1 }] })).toBeUndefined();
    expect(
      admitsNoValue(document, {
        type: 'object',
        required: ['a'],
        properties: { a: { allOf: [{ type: 'boolean' }, { type: 'string' }] } },
      }),
    ).toMatch(/exclude each other/);
  });
});

describe('applyDiscriminatorEnums (what openapi-typescript does to its copy of the document)', () => {
  test('oneOf members get the discriminator as a required enum of the mapped values, else of their own name', () => {
    const doc = {
      components: {
        schemas: {
          Pet: {
            oneOf: [ref('Cat'), ref('Dog')],
            discriminator: { propertyName: 'kind', mapping: { dog: '#/components/schemas/Dog' } },
          },
          Cat: { type: 'object', properties: { meows: { type: 'boolean' } } },
          Dog: {
            type: 'object',
            required: ['barks'],
            properties: { barks: { type: 'boolean' }, kind: { type: 'string', description: 'What it is.' } },
          },
        },
      },
    };
    applyDiscriminatorEnums(doc);
    const { Cat, Dog } = doc.components.schemas as unknown as Record<
      string,
      { required?: string[]; properties: Record<string, { enum?: string[]; description?: string }> }
    >;
    expect(Cat!.required).toEqual(['kind']);
    expect(Cat!.properties['kind']!.enum).toEqual(['Cat']);
    expect(Dog!.required).toEqual(['barks', 'kind']);
    expect(Dog!.properties['kind']).toMatchObject({
      enum: ['dog'],
      description: 'What it is. (enum property replaced by openapi-typescript)',
    });
  });

  test('a schema extending a discriminated one, unnamed by its mapping, is pinned to its own name (first, so merges see it)', () => {
    const doc = {
      components: {
        schemas: {
          Base: {
            type: 'object',
            required: ['kind'],
            properties: { kind: { type: 'string' } },
            discriminator: { propertyName: 'kind' },
          },
          Child: { allOf: [ref('Base'), { type: 'object', properties: { extra: { type: 'string' } } }] },
        },
      },
    };
    applyDiscriminatorEnums(doc);
    const child = doc.components.schemas.Child as { allOf: unknown[] };
    expect(child.allOf[0]).toEqual({
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', enum: ['Child'] } },
    });
    expect(child.allOf).toHaveLength(3);
  });
});

describe('perSchema', () => {
  test('keeps each answer per document and schema (undefined included) until forgetSchemaAnswers lets go of them', () => {
    const kept = perSchema<string | undefined>();
    const spec = {};
    const other = {};
    const schema = {};
    let computed = 0;
    const answer = (document: object, value: string | undefined, key?: string | number) =>
      kept(
        document,
        schema,
        () => {
          computed++;
          return value;
        },
        key,
      );
    expect(answer(spec, undefined)).toBeUndefined();
    expect(answer(spec, 'ignored')).toBeUndefined();
    expect(answer(spec, 'by key', 1)).toBe('by key');
    expect(answer(spec, 'ignored', 1)).toBe('by key');
    expect(answer(other, 'other')).toBe('other');
    expect(computed).toBe(3);
    forgetSchemaAnswers(spec);
    expect(answer(spec, 'again')).toBe('again');
    expect(answer(spec, 'again by key', 1)).toBe('again by key');
    // Another document's answers stay.
    expect(answer(other, 'ignored')).toBe('other');
    expect(computed).toBe(5);
  });
});
