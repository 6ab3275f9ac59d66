/**
 * The user's tsconfig as far as codegen needs it: which extension relative imports carry.
 * @module
 */
export { findNearestTsconfig } from "./find.ts";
export { resolveImportExtension, withImportExtension } from "./import-extension.ts";
export type { ImportExtension, ImportExtensionChoice } from "./import-extension.ts";
export { readImportRelevantOptions } from "./read.ts";
export type { ImportRelevantOptions } from "./read.ts";
