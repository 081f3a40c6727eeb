// Example strings for docs and generated tests: the spec's own example first, then the format, then the member's
// name, and never the word `string`.
import { describe, expect, test } from 'vitest';
import { exampleValue } from '../../generator/model/examples.js';

const document = {};
const object = (properties: Record<string, unknown>) =>
  exampleValue(document, { type: 'object', required: Object.keys(properties), properties }, 'required');

describe('string examples', () => {
  test.each([
    ['email', 'user@example.com'],
    ['billing_email', 'user@example.com'],
    ['website', 'https://example.com'],
    ['callback_url', 'https://example.com'],
    ['created_at', '2025-01-01T00:00:00Z'],
    ['birth_date', '2025-01-01'],
    ['phone_number', '+15555550100'],
    ['first_name', 'Jane'],
    ['name', 'My example'],
    ['display_name', 'My example'],
    ['country_code', 'US'],
    ['currency', 'USD'],
    ['client_id', 'abc123'],
    ['accountId', 'abc123'],
    ['access_token', 'example-token'],
    ['description', 'An example description'],
    ['status', 'example status'],
    ['sortOrder', 'example sort order'],
  ])('%s: %s', (name, value) => {
    expect(object({ [name]: { type: 'string' } })).toEqual({ [name]: value });
  });

  test("the spec's example, then its format, win over the name", () => {
    expect(object({ email: { type: 'string', example: 'ops@acme.test' } })).toEqual({ email: 'ops@acme.test' });
    expect(object({ name: { type: 'string', format: 'uuid' } })).toEqual({
      name: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
    });
  });

  test('length bounds still hold; a pattern picks the first of a few short values it matches', () => {
    expect(object({ name: { type: 'string', maxLength: 4 } })).toEqual({ name: 'My e' });
    expect(object({ code: { type: 'string', minLength: 20 } })).toEqual({ code: 'example codexxxxxxxx' });
    expect(object({ email: { type: 'string', pattern: '@' } })).toEqual({ email: 'user@example.com' });
    expect(object({ name: { type: 'string', pattern: '^[a-z]+$' } })).toEqual({ name: 'example' });
    expect(object({ code: { type: 'string', pattern: '^[0-9]+$' } })).toEqual({ code: '123' });
  });

  test('a string with no name (a body that is one string) is still not `string`', () => {
    expect(exampleValue(document, { type: 'string' }, 'required')).toBe('example');
  });
});

describe('discriminated unions', () => {
  const union = {
    components: {
      schemas: {
        Cat: { type: 'object', required: ['pet_type'], properties: { pet_type: { type: 'string' } } },
        Dog: { type: 'object', required: ['pet_type'], properties: { pet_type: { type: 'string', enum: ['dog'] } } },
      },
    },
  };
  test("a made-up value of the discriminator gives way to the option's name; a value from the schema stays", () => {
    const schema = (ref: string) => ({ oneOf: [{ $ref: ref }], discriminator: { propertyName: 'pet_type' } });
    expect(exampleValue(union, schema('#/components/schemas/Cat'), 'required')).toEqual({ pet_type: 'Cat' });
    expect(exampleValue(union, schema('#/components/schemas/Dog'), 'required')).toEqual({ pet_type: 'dog' });
  });
});
