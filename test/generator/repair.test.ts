// load/repair.ts: defects repaired in place before the model and the types are made from the document.
import { describe, expect, test } from 'vitest';
import type { OpenAPIDocument } from '../../generator/load/load-spec.js';
import { repairSpec } from '../../generator/load/repair.js';

describe('repairs look at schemas, not at the names in a map', () => {
  // Kubernetes' JSONSchemaProps describes JSON Schema: it has properties named `properties`, `additionalProperties`.
  const schemaProps = {
    type: 'object',
    properties: {
      properties: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Props' } },
      additionalProperties: { $ref: '#/components/schemas/PropsOrBool' },
      allOf: { type: 'array', items: { $ref: '#/components/schemas/Props' } },
      discriminator: { type: 'string' },
      example: { $ref: '#/components/schemas/Props/properties/discriminator' },
    },
  };
  const document = (): OpenAPIDocument => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {},
    components: {
      schemas: {
        Props: structuredClone(schemaProps),
        PropsOrBool: { oneOf: [{ $ref: '#/components/schemas/Props' }, { type: 'boolean' }] },
      },
    },
  });

  test('properties named like keywords are left as they are', () => {
    const repaired = document();
    repairSpec(repaired, []);
    const props = (repaired.components!['schemas'] as Record<string, { properties: Record<string, unknown> }>)['Props']!
      .properties;
    expect(props['additionalProperties']).toEqual({ $ref: '#/components/schemas/PropsOrBool' });
    expect(props['allOf']).toEqual(schemaProps.properties.allOf);
    expect(props['properties']).toEqual(schemaProps.properties.properties);
  });

  test('a property named `example` is a schema, and its deep ref is inlined like any other', () => {
    const repaired = document();
    repairSpec(repaired, []);
    const props = (repaired.components!['schemas'] as Record<string, { properties: Record<string, unknown> }>)['Props']!
      .properties;
    expect(props['example']).toEqual({ type: 'string' });
  });

  test('a schema with both properties and additionalProperties is still widened', () => {
    const repaired = document();
    const schemas = repaired.components!['schemas'] as Record<string, unknown>;
    schemas['Open'] = {
      type: 'object',
      properties: { n: { type: 'integer' } },
      additionalProperties: { type: 'string' },
    };
    repairSpec(repaired, []);
    expect(schemas['Open']).toMatchObject({
      additionalProperties: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    });
  });
});

describe('an anyOf of required lists beside properties ("at least one of these")', () => {
  const body = () => ({
    type: 'object',
    properties: {
      cname: { type: 'string', nullable: true },
      build_type: { type: 'string', enum: ['legacy', 'workflow'] },
    },
    anyOf: [{ required: ['cname'] }, { required: ['build_type'] }],
  });
  const document = (schema: object): OpenAPIDocument => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas: { PagesUpdate: schema } },
  });

  test('is dropped, so the body keeps its properties (openapi-typescript typed each option unknown, and so the body)', () => {
    const doc = document(body());
    repairSpec(doc, []);
    const repaired = doc.components!['schemas']!['PagesUpdate'] as Record<string, unknown>;
    expect(repaired['anyOf']).toBeUndefined();
    expect(Object.keys(repaired['properties'] as object)).toEqual(['cname', 'build_type']);
  });

  test('options that say more than which names are required are kept', () => {
    const schema = {
      ...body(),
      anyOf: [{ required: ['cname'], properties: { cname: { type: 'string' } } }, { required: ['build_type'] }],
    };
    const doc = document(schema);
    repairSpec(doc, []);
    expect((doc.components!['schemas']!['PagesUpdate'] as Record<string, unknown>)['anyOf']).toHaveLength(2);
  });
});
