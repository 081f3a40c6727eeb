import openapiTS, { astToString } from 'openapi-typescript';
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
  });
  return { path: `src/${SCHEMA_MODULE}.ts`, text: `${banner(model)}\n${astToString(ast)}` };
}
