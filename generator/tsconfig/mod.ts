/**
 * The user's tsconfig as tsc reads it, and what codegen takes from it: which extension relative
 * imports carry (`celerity init` checks the rest).
 * @module
 */
export { findNearestTsconfig } from "./find.ts";
export { resolveImportExtension, withImportExtension } from "./import-extension.ts";
export type { ImportExtension, ImportExtensionChoice } from "./import-extension.ts";
export { readImportRelevantOptions, readTsconfig } from "./read.ts";
export type { ImportRelevantOptions, TsconfigContents } from "./read.ts";
