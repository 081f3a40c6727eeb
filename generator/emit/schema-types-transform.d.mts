import type { OpenAPITSOptions } from 'openapi-typescript';

/** openapi-typescript's options for our types. */
export declare const OPTIONS: OpenAPITSOptions;

/** The types module's text for a document, which it changes: a components object, discriminator members (as openapiTS()). */
export declare function schemaTypesText(document: object): string;

/**
 * The same for `holder.document`, let go of once transformed; `mark` is told when the transform is done; `chunk`: how
 * many members of a top-level interface are printed at a time.
 */
export declare function schemaTypesTextOf(
  holder: { document?: object },
  mark?: (step: string) => void,
  options?: { chunk?: number },
): string;

/** The runtime's upload type, which request bodies with binary fields refer to. */
export declare const UPLOADABLE: string;

/** openapi-typescript's `scanDiscriminators`, with its effects on the document, without its copies of the path. */
export declare function scanDiscriminators(
  document: object,
  options: { silent?: boolean },
): { objects: Record<string, unknown>; refsHandled: string[] };

/** core/escape.ts's `noJsdocTags`, for the worker: an `@` that would begin a JSDoc block tag is written `\@`. */
export declare function noJsdocTags(text: string): string;

/**
 * Readies the worker's copy of the document for openapi-typescript's comments, in place: descriptions, titles,
 * examples and defaults through `noJsdocTags`, objects without a prototype. Returns the document.
 */
export declare function withoutJsdocTagsInPlace<T extends object>(document: T): T;
