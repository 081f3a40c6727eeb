// Copied from templates/src/internal/to-file.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

// Where the official SDKs keep these types (`import type { ResponseLike } from '<package>/internal/to-file'`), so that
// code written against them compiles against this SDK too.
export type { ResponseLike, ToFileInput, ToFileOptions } from '../core/uploads.js';
