import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

const MODULE_KIND_FOLLOWS_TYPE = /\.(js|jsx|ts|tsx)$/;
const SKIP = new Set(["node_modules", "generated"]);
const LIMIT = 20;

/**
 * Up to 20 of the project's `.js`/`.ts` files (not `.d.ts`, not under node_modules, generated/ or
 * dot-folders): the files whose module kind a change of package.json `"type"` would flip.
 */
export async function filesAffectedByType(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (at: string, depth: number): Promise<void> => {
    if (depth > 8 || found.length >= LIMIT) return;
    let entries;
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (found.length >= LIMIT) return;
      if (entry.name.startsWith(".") || SKIP.has(entry.name)) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path, depth + 1);
      else if (entry.isFile() && MODULE_KIND_FOLLOWS_TYPE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        found.push(relative(dir, path).split(sep).join("/"));
      }
    }
  };
  await walk(dir, 0);
  return found;
}
