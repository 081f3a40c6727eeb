// The check that a document is OpenAPI 3.0 or 3.1, with the info and paths every later pass relies on.
import { SpecError } from '../core/errors.js';
import type { OpenAPIDocument } from '../core/openapi-document.js';
import type { SourceDocument } from './source-document.js';

/** The document as an OpenAPIDocument: a mapping with `openapi: 3.0.x/3.1.x`, an info title and paths as a mapping. */
export function checkOpenAPI(source: SourceDocument): OpenAPIDocument {
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new SpecError(source.locate(''), 'not an OpenAPI document: expected a mapping at the top level');
  }
  const record = data as Record<string, unknown>;
  if ('swagger' in record) {
    throw new SpecError(
      source.locate('/swagger'),
      `Swagger ${String(record['swagger'])} documents are not supported (Swagger 2.0 is converted; this is not 2.0)`,
    );
  }
  const version = record['openapi'];
  if (typeof version !== 'string' || !/^3\.[01]\.\d+/.test(version)) {
    const where = 'openapi' in record ? '/openapi' : '';
    const found = 'openapi' in record ? `"openapi: ${String(version)}"` : 'no "openapi" field';
    throw new SpecError(source.locate(where), `not an OpenAPI 3.0 or 3.1 document: found ${found}`);
  }
  const info = record['info'];
  if (!info || typeof info !== 'object' || typeof (info as Record<string, unknown>)['title'] !== 'string') {
    throw new SpecError(source.locate('info' in record ? '/info' : ''), 'the "info" object with a "title" is required');
  }
  const paths = record['paths'];
  if (paths !== undefined && (paths === null || typeof paths !== 'object' || Array.isArray(paths))) {
    throw new SpecError(source.locate('/paths'), '"paths" must be a mapping of path templates to path items');
  }
  return record as OpenAPIDocument;
}
