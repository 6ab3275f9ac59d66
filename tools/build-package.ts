/**
 * `npm run build` (and so `prepack`): compiles runtime/, generator/ and cli/ to ESM JavaScript plus
 * `.d.ts` under dist/ (tsconfig.build.json), then copies the files the code reads at run time (Lua
 * scripts, templates, the admin's static assets, the manifest schema) beside the compiled modules, so
 * `new URL("./lua/x.lua", import.meta.url)` finds them in dist/ as it does in the sources.
 * @module
 */
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCES = ["runtime", "generator", "cli"];
/** Read by the code, not compiled by tsc. Markdown is documentation and stays out of dist/. */
const SKIPPED = new Set([".ts", ".md"]);

/** Every file under `dir` (recursive), as paths relative to the repository. */
function walk(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Builds the package into `outDir` (relative to the repository; default dist) and returns its path. */
export function buildPackage(outDir = "dist"): string {
  const out = resolve(REPO, outDir);
  rmSync(out, { recursive: true, force: true });
  const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", join(REPO, "tsconfig.build.json"), "--outDir", out], {
    stdio: "inherit",
    cwd: REPO,
  });
  const assets = SOURCES.flatMap(walk).filter((file) => !SKIPPED.has(extname(file)));
  for (const file of assets) cpSync(join(REPO, file), join(out, file));
  return relative(REPO, out) || ".";
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = buildPackage(process.argv[2]);
  process.stdout.write(`built ${out}/\n`);
}
