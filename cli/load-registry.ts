import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigurationError } from "../runtime/errors/configuration-error.ts";
import type { AppSpec } from "../runtime/spec/types.ts";

/** The registry commands load unless `--registry` says otherwise. */
export const DEFAULT_REGISTRY = "./generated/registry.ts";

/** Imports the `app` export of a generated registry (a .ts file; tsx runs it), as generated/beat.ts does. */
export async function loadRegistry(path: string): Promise<AppSpec> {
  let mod: { app?: AppSpec };
  try {
    mod = await import(pathToFileURL(resolve(path)).href);
  } catch (error) {
    throw new ConfigurationError(`cannot load the registry ${path} (run codegen first, or pass --registry): ${(error as Error).message}`);
  }
  if (!mod.app || typeof mod.app !== "object" || !mod.app.tasks) throw new ConfigurationError(`${path} has no \`app\` export (expected generated/registry.ts)`);
  return mod.app;
}
