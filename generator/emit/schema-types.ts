import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import type { SdkModel } from '../model/types.js';
import { banner, type OutputFile } from './source.js';

/** The module holding openapi-typescript's output, relative to `src/` (no extension). */
export const SCHEMA_MODULE = 'internal/openapi';

/** All schema, path and operation types of the spec, by openapi-typescript (its Node API). */
export async function emitSchemaTypes(model: SdkModel): Promise<OutputFile> {
  const ast = await openapiTS(structuredClone(model.document) as unknown as Parameters<typeof openapiTS>[0], {
    silent: true,
    // A property with a default is still optional to send; openapi-typescript would make it required.
    defaultNonNullable: false,
    // Binary data is a Blob both ways: uploads take one (see `toFile()`), downloads resolve to one.
    transform: (schema) => {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type];
      if (schema.format !== 'binary' || !types.includes('string')) return undefined;
      const blob = ts.factory.createTypeReferenceNode('Blob');
      return types.includes('null') ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob;
    },
  });
  return { path: `src/${SCHEMA_MODULE}.ts`, text: `${banner(model)}\n${astToString(ast)}` };
}
