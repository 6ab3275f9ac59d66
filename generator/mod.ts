/**
 * celerity's generator: a YAML task manifest in, typed TypeScript out. `celerity codegen` is a
 * thin shell around {@link generateAndWrite} and {@link generateAndCheck}.
 * @module
 */
export { generate, generateAndCheck, generateAndWrite } from "./codegen.ts";
export type { Generated, GenerateOptions } from "./codegen.ts";
export { DEFAULT_RUNTIME_IMPORT, emitFiles } from "./emit/emit-all.ts";
export type { EmitOptions, GeneratedFile } from "./emit/emit-all.ts";
export { schemaToDeclaration, schemaToTs } from "./emit/schema-to-ts.ts";
export type { SchemaToTsOptions } from "./emit/schema-to-ts.ts";
export { HEADER_MARK } from "./emit/header.ts";
export { ImportExtensionError, ManifestError, OutputWriteError, TsconfigError } from "./errors.ts";
export type { ManifestIssue } from "./errors.ts";
export { loadManifest } from "./manifest/load.ts";
export type { LoadedManifest, LoadOptions } from "./manifest/load.ts";
export type {
  NormalizedManifest,
  NormalizedPeriodic,
  NormalizedRetryPolicy,
  NormalizedSchedule,
  NormalizedTask,
} from "./manifest/normalized.ts";
export { checkGeneratedFiles } from "./output/check.ts";
export type { CheckResult } from "./output/check.ts";
export { writeGeneratedFiles } from "./output/write.ts";
export type { WriteResult } from "./output/write.ts";
export { moduleTypeWarning } from "./project/mod.ts";
export { formatIssues } from "./report/format.ts";
export { findNearestTsconfig, resolveImportExtension, withImportExtension } from "./tsconfig/mod.ts";
export type { ImportExtension, ImportExtensionChoice } from "./tsconfig/mod.ts";
export type { FormatOptions } from "./report/format.ts";
export { parseDuration } from "../runtime/core/mod.ts";
export { parseRateLimit } from "./util/rate-limit.ts";
export type { RateLimit } from "./util/rate-limit.ts";
