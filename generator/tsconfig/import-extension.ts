import { ImportExtensionError } from "../errors.ts";
import { findNearestTsconfig } from "./find.ts";
import { readImportRelevantOptions } from "./read.ts";

/** The extension generated code writes on its relative imports (`./types.ts` or `./types.js`). */
export type ImportExtension = "ts" | "js";

/** How {@link resolveImportExtension} decided. */
export interface ImportExtensionChoice {
  extension: ImportExtension;
  /** The tsconfig.json it was read from; null when the flag decided or no tsconfig was found. */
  tsconfig: string | null;
}

/**
 * Picks the relative import extension for code generated into `outDir`. `requested` (the
 * `--import-extension` flag) wins; otherwise the nearest tsconfig.json above `outDir` decides: `ts`
 * when it sets `allowImportingTsExtensions` or `rewriteRelativeImportExtensions` (tsc accepts
 * `./x.ts` only then), else `js`, which tsc, bundlers, tsx and Bun map to the `.ts` source. Without
 * any tsconfig nothing compiles the code with tsc, so `ts`: it also runs on Deno and on Node's own
 * type stripping, which do not map `.js` to `.ts`.
 */
export async function resolveImportExtension(outDir: string, requested?: string): Promise<ImportExtensionChoice> {
  if (requested !== undefined) {
    if (requested !== "ts" && requested !== "js") throw new ImportExtensionError(requested);
    return { extension: requested, tsconfig: null };
  }
  const tsconfig = await findNearestTsconfig(outDir);
  if (tsconfig === null) return { extension: "ts", tsconfig: null };
  const options = await readImportRelevantOptions(tsconfig);
  const ts = options.allowImportingTsExtensions || options.rewriteRelativeImportExtensions;
  return { extension: ts ? "ts" : "js", tsconfig };
}

/** `file` (a relative specifier ending in a TypeScript extension) as imported under `extension`. */
export function withImportExtension(specifier: string, extension: ImportExtension): string {
  if (extension === "ts") return specifier;
  return specifier.replace(/\.(m|c)?tsx?$/, (_match, kind: string | undefined) => `.${kind ?? ""}js`);
}
