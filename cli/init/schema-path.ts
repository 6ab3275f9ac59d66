import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const FALLBACK = "generator/manifest.schema.json";

/** The celerity package this code runs from: its root directory and its package.json. */
function ownPackage(): { root: string; json: { name?: string; exports?: Record<string, unknown> } } | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; exports?: Record<string, unknown> };
      if (json.name === "celerity") return { root: dir, json };
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Where the package keeps the manifest schema, relative to its root: its `./manifest.schema.json` export if it has one. */
function schemaInPackage(json: { exports?: Record<string, unknown> }): string {
  const target = json.exports?.["./manifest.schema.json"];
  const path =
    typeof target === "string"
      ? target
      : typeof target === "object" && target !== null
        ? (target as Record<string, unknown>)["default"]
        : undefined;
  return typeof path === "string" ? path.replace(/^\.\//, "") : FALLBACK;
}

/**
 * The `$schema` path for a manifest in `projectDir`, as the YAML language server resolves it
 * (relative to the manifest, no package resolution): through `node_modules/celerity` when the
 * project has celerity installed (a symlink counts), else straight to this package's file.
 */
export function manifestSchemaPath(projectDir: string): string {
  const own = ownPackage();
  const inPackage = own ? schemaInPackage(own.json) : FALLBACK;
  const installed = join(projectDir, "node_modules", "celerity");
  if (existsSync(installed) || !own) return `./node_modules/celerity/${inPackage}`;
  const rel = relative(projectDir, join(own.root, inPackage)).split(sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}
