// The pieces of openapi-fetch the request loop builds URLs with. Its CommonJS declarations (`export =`) hide the named
// exports from TypeScript in the CommonJS build, though they are there at run time: they are typed here, once.
import * as openapiFetch from 'openapi-fetch';

interface Serializers {
  createQuerySerializer(options?: object): (query: Record<string, unknown>) => string;
  defaultPathSerializer(path: string, params: Record<string, unknown>): string;
}

// Property by property, not destructured: a bundler then keeps these two and shakes the rest of openapi-fetch out.
export const createQuerySerializer = (openapiFetch as unknown as Serializers).createQuerySerializer;
export const defaultPathSerializer = (openapiFetch as unknown as Serializers).defaultPathSerializer;
