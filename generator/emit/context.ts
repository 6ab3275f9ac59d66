import type { NormalizedManifest } from "../manifest/normalized.ts";
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
}
