import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

/**
 * A sentence warning that code generated into `outDir` will not load as written, or null. Generated
 * code is ES modules (worker.ts and beat.ts use top-level `await`), but `npm init -y` writes
 * `"type": "commonjs"`, under which Node, and tsc with module nodenext, treat `.ts`/`.js` files as
 * CommonJS. A warning, not an error: a bundler (module preserve) does not care, and without a
 * package.json (Deno) there is nothing to check.
 */
export async function moduleTypeWarning(outDir: string): Promise<string | null> {
  for (let dir = resolve(outDir); ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    let text: string | null = null;
    try {
      text = await readFile(file, "utf8");
    } catch {
      // none here: look one directory up
    }
    if (text !== null) {
      let type: unknown;
      try {
        type = (JSON.parse(text) as { type?: unknown }).type;
      } catch {
        return null; // npm and node report a broken package.json better than codegen can
      }
      if (type === "module") return null;
      const written = type === undefined ? 'no "type"' : `"type": ${JSON.stringify(type)}`;
      return `${file} has ${written}, so Node loads the generated code as CommonJS, where its imports and top-level await fail: set "type": "module" (npm pkg set type=module)`;
    }
    if (dirname(dir) === dir) return null;
  }
}
