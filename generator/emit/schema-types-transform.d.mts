import type { OpenAPITSOptions } from 'openapi-typescript';

/** openapi-typescript's options for our types. */
export declare const OPTIONS: OpenAPITSOptions;

/** The types module's text for a document, which it changes: a components object, discriminator members (as openapiTS()). */
export declare function schemaTypesText(document: object): string;

/** The runtime's upload type, which request bodies with binary fields refer to. */
export declare const UPLOADABLE: string;
