import { access } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

/**
 * The tsconfig.json nearest to `dir`: in `dir` itself or the closest directory above it, as `tsc`
 * run from there finds it; null when there is none up to the file system root.
 */
export async function findNearestTsconfig(dir: string): Promise<string | null> {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, "tsconfig.json");
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not here: look one directory up
    }
    if (dirname(current) === current) return null;
  }
}
