import type { NormalizedManifest } from "../manifest/normalized.ts";
import type { ImportExtension } from "../tsconfig/import-extension.ts";
import type { TaskSchemas } from "../validate/task-schemas.ts";
import type { TaskIdents } from "./names.ts";

/** What every file emitter reads. */
export interface EmitContext {
  manifest: NormalizedManifest;
  schemas: TaskSchemas;
  idents: ReadonlyMap<string, TaskIdents>;
  /** The `//` header line every file starts with. */
  header: string;
  /** Module specifier generated code imports the runtime from. */
  runtimeImport: string;
  /** Absolute path of the output directory (handler imports are relative to it). */
  outDir: string;
  /** The extension relative imports carry (`./types.ts` or `./types.js`). */
  importExtension: ImportExtension;
}

/** The specifiers of the generated modules that import each other, under the context's extension. */
export function siblingImports(
  context: EmitContext,
): Record<`${"types" | "registry" | "dispatch" | "validators"}Import`, string> {
  const at = (stem: string) => `./${stem}.${context.importExtension}`;
  return {
    typesImport: at("types"),
    registryImport: at("registry"),
    dispatchImport: at("dispatch"),
    validatorsImport: at("validators"),
  };
}
