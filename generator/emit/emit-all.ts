import { resolve } from "node:path";
import type { LoadedManifest } from "../manifest/load.ts";
import { resolveImportExtension } from "../tsconfig/import-extension.ts";
import { emitClient } from "./client-file.ts";
import type { EmitContext } from "./context.ts";
import { emitDispatch } from "./dispatch-file.ts";
import { emitBeat, emitDefine, emitTesting, emitWorker } from "./entrypoints.ts";
import { formatFile } from "./format.ts";
import { headerComment } from "./header.ts";
import { emitManifestJson } from "./manifest-json.ts";
import type { Printed } from "./print/layout.ts";
import { assignIdents } from "./names.ts";
import { emitRegistry } from "./registry-file.ts";
import { emitTypes } from "./types-file.ts";
import { emitValidators } from "./validators-file.ts";

/** One emitted file: a name inside the output directory and its complete contents. */
export interface GeneratedFile {
  name: string;
  contents: string;
}

/** Options of {@link emitFiles}. */
export interface EmitOptions {
  /** Base specifier of the runtime package (default `celerity`); worker.ts imports `<base>/worker`, beat.ts `<base>/beat`. */
  runtimeImport?: string;
  /**
   * The extension of the generated code's relative imports, `"ts"` or `"js"` (`--import-extension`);
   * by default chosen from the tsconfig.json nearest to the output directory (see
   * {@link resolveImportExtension}). Anything else throws `ImportExtensionError`.
   */
  importExtension?: string;
}

/** The default `--runtime-import`: the package's self-reference, which works under tsx and tsc. */
export const DEFAULT_RUNTIME_IMPORT = "celerity";

const EMITTERS: ReadonlyArray<[string, (context: EmitContext) => Printed]> = [
  ["beat.ts", emitBeat],
  ["client.ts", emitClient],
  ["define.ts", emitDefine],
  ["dispatch.ts", emitDispatch],
  ["manifest.json", emitManifestJson],
  ["registry.ts", emitRegistry],
  ["testing.ts", emitTesting],
  ["types.ts", emitTypes],
  ["validators.ts", emitValidators],
  ["worker.ts", emitWorker],
];

/**
 * Renders every generated file in memory, formatted, sorted by name. Nothing touches the disk;
 * writing (all or nothing) is the caller's job. Throws `ImportExtensionError` or `TsconfigError`
 * when the import extension cannot be decided.
 */
export async function emitFiles(
  loaded: LoadedManifest,
  outDir: string,
  options: EmitOptions = {},
): Promise<GeneratedFile[]> {
  const { manifest, schemas } = loaded;
  const { extension } = await resolveImportExtension(outDir, options.importExtension);
  const context: EmitContext = {
    manifest,
    schemas,
    idents: assignIdents(manifest.tasks.map((task) => task.name)),
    header: headerComment(manifest.sourceName, manifest.hash),
    runtimeImport: options.runtimeImport ?? DEFAULT_RUNTIME_IMPORT,
    outDir: resolve(outDir),
    importExtension: extension,
  };
  return Promise.all(EMITTERS.map(async ([name, emit]) => ({ name, contents: await formatFile(name, emit(context)) })));
}
