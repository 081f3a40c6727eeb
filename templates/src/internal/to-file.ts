// Where the official SDKs keep these types (`import type { ResponseLike } from '<package>/internal/to-file'`), so that
// code written against them compiles against this SDK too.
export type { ResponseLike, ToFileInput, ToFileOptions } from '../core/uploads.js';
