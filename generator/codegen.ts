import { resolve } from "node:path";
import { emitFiles, type EmitOptions, type GeneratedFile } from "./emit/emit-all.ts";
import { loadManifest, type LoadOptions } from "./manifest/load.ts";
import type { NormalizedManifest } from "./manifest/normalized.ts";
import { checkGeneratedFiles, type CheckResult } from "./output/check.ts";
import { writeGeneratedFiles, type WriteResult } from "./output/write.ts";
import { moduleTypeWarning } from "./project/module-type.ts";
import { resolveImportExtension } from "./tsconfig/import-extension.ts";

/** Options of {@link generate}, {@link generateAndWrite} and {@link generateAndCheck}. */
export interface GenerateOptions extends LoadOptions, EmitOptions {}

/** A manifest turned into files, in memory. */
export interface Generated {
  manifest: NormalizedManifest;
  /** Sorted by name. */
  files: GeneratedFile[];
  /** The output directory, absolute. */
  outDir: string;
  /** Problems that do not stop codegen but will stop the generated code (see {@link moduleTypeWarning}). */
  warnings: string[];
}

/**
 * Loads and validates `manifestPath` and renders every file codegen emits into `outDir`, without
 * writing anything. Throws `ManifestError` for an invalid manifest, `ImportExtensionError` for an
 * unknown `importExtension`, `TsconfigError` when the tsconfig that decides it cannot be read.
 */
export async function generate(
  manifestPath: string,
  outDir: string,
  options: GenerateOptions = {},
): Promise<Generated> {
  const cwd = options.cwd ?? process.cwd();
  const out = resolve(cwd, outDir);
  // Decided first: a bad flag or an unreadable tsconfig fails before the manifest is even read.
  const { extension } = await resolveImportExtension(out, options.importExtension);
  const loaded = await loadManifest(manifestPath, { ...options, cwd });
  const files = await emitFiles(loaded, out, { ...options, importExtension: extension });
  const warning = await moduleTypeWarning(out);
  return { manifest: loaded.manifest, files, outDir: out, warnings: warning === null ? [] : [warning] };
}

/** {@link generate}, then write the files all or nothing. */
export async function generateAndWrite(
  manifestPath: string,
  outDir: string,
  options: GenerateOptions = {},
): Promise<Generated & { write: WriteResult }> {
  const generated = await generate(manifestPath, outDir, options);
  return { ...generated, write: await writeGeneratedFiles(generated.outDir, generated.files) };
}

/** {@link generate}, then compare with what is on disk (`codegen --check`). */
export async function generateAndCheck(
  manifestPath: string,
  outDir: string,
  options: GenerateOptions = {},
): Promise<Generated & { check: CheckResult }> {
  const generated = await generate(manifestPath, outDir, options);
  return { ...generated, check: await checkGeneratedFiles(generated.outDir, generated.files) };
}
