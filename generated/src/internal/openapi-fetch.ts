// Copied from templates/src/internal/openapi-fetch.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

// The pieces of openapi-fetch the request loop builds URLs with. Its CommonJS declarations (`export =`) hide the named
// exports from TypeScript in the CommonJS build, though they are there at run time: they are typed here, once.
import * as openapiFetch from 'openapi-fetch';

interface Serializers {
  createQuerySerializer(options?: object): (query: Record<string, unknown>) => string;
  defaultPathSerializer(path: string, params: Record<string, unknown>): string;
}

export const { createQuerySerializer, defaultPathSerializer } = openapiFetch as unknown as Serializers;
