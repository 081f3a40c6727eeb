// Swagger 2.0 documents converted to OpenAPI 3, so that every later pass sees one kind of document.
import { SpecError } from '../core/errors.js';
import type { SourceDocument } from './source-document.js';

/** The OpenAPI 3 document swagger2openapi makes of a Swagger 2.0 one; a SpecError at the top where it cannot. */
export async function convertSwagger2(source: SourceDocument): Promise<unknown> {
  try {
    // patch: fix small defects swagger2openapi knows; warnOnly: report, do not throw, on the rest.
    // Loaded only for Swagger documents: most specs never need it.
    const { default: swagger2openapi } = await import('swagger2openapi');
    const { openapi } = await swagger2openapi.convertObj(
      source.data as Parameters<typeof swagger2openapi.convertObj>[0],
      { patch: true, warnOnly: true, resolve: false },
    );
    return openapi;
  } catch (error) {
    throw new SpecError(
      source.locate(''),
      `Swagger 2.0 document could not be converted to OpenAPI 3: ${(error as Error).message}`,
    );
  }
}
