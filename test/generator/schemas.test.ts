// Schema analysis the generator's examples rely on.
import { describe, expect, test } from 'vitest';
import { admitsNoValue } from '../../generator/model/schemas.js';

const document = {
  components: {
    schemas: {
      TreeNode: { type: 'object', required: ['id', 'parent'], properties: { id: { type: 'string' }, parent: { $ref: '#/components/schemas/TreeNode' } } },
      Optional: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, parent: { $ref: '#/components/schemas/Optional' } } },
      Nullable: { type: 'object', required: ['parent'], properties: { parent: { allOf: [{ $ref: '#/components/schemas/Nullable' }], nullable: true } } },
      Listed: { type: 'object', required: ['children'], properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Listed' } } } },
      Either: { type: 'object', required: ['next'], properties: { next: { oneOf: [{ $ref: '#/components/schemas/Either' }, { type: 'string' }] } } },
    },
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('admitsNoValue', () => {
  test('a required member that leads back to its own schema, without end', () => {
    expect(admitsNoValue(document, ref('TreeNode'))).toBe('a required member leads back to the schema it is in, without end');
  });

  test('recursion that can stop: optional, nullable, through an array, or one option of a union', () => {
    for (const name of ['Optional', 'Nullable', 'Listed', 'Either']) expect(admitsNoValue(document, ref(name))).toBeUndefined();
  });

  test('an allOf of types that exclude each other; integer and number do not', () => {
    expect(admitsNoValue(document, { allOf: [{ type: 'string' }, { type: 'integer' }] })).toBe('its allOf parts have types that exclude each other (number, string)');
    expect(admitsNoValue(document, { allOf: [{ type: 'number' }, { type: 'integer', minimum: 1 }] })).toBeUndefined();
    expect(admitsNoValue(document, { type: 'object', required: ['a'], properties: { a: { allOf: [{ type: 'boolean' }, { type: 'string' }] } } })).toMatch(/exclude each other/);
  });
});
