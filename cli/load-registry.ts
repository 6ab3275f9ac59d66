import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigurationError } from "../runtime/errors/configuration-error.ts";
import type { AppSpec } from "../runtime/spec/types.ts";

/** The registry commands load unless `--registry` says otherwise. */
export const DEFAULT_REGISTRY = "./generated/registry.ts";

/**
 * Imports the `app` export of a generated registry, as generated/beat.ts does. A `.ts` registry that
 * this node cannot load (plain node, no tsx: the installed `celerity` bin) falls back to the `.js`
 * beside it, which is where a project's `tsc` build puts it.
 */
export async function loadRegistry(path: string): Promise<AppSpec> {
  let mod: { app?: AppSpec };
  try {
    mod = await importRegistry(resolve(path));
  } catch (error) {
    throw new ConfigurationError(
      `cannot load the registry ${path} (run codegen first, or pass --registry): ${(error as Error).message}`,
    );
  }
  if (!mod.app || typeof mod.app !== "object" || !mod.app.tasks)
    throw new ConfigurationError(`${path} has no \`app\` export (expected generated/registry.ts)`);
  return mod.app;
}

async function importRegistry(file: string): Promise<{ app?: AppSpec }> {
  try {
    return await import(pathToFileURL(file).href);
  } catch (error) {
    const compiled = file.replace(/\.ts$/, ".js");
    if (
      (error as { code?: string }).code !== "ERR_UNKNOWN_FILE_EXTENSION" ||
      compiled === file ||
      !existsSync(compiled)
    )
      throw error;
    return import(pathToFileURL(compiled).href);
  }
}
