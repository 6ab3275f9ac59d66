/**
 * Helpers of the tests that treat generated code as a user's project does: a `celerity` package
 * built from the runtime with tsc (ESM JavaScript + declarations, what the published package ships),
 * and a project made by `tsc --init` holding the project fixture.
 */
import assert from "node:assert/strict";
import { cp, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { copyProjectFixture, REPO, run, writeTree } from "./generator-helpers.ts";

/** The TypeScript compilers the tests build with, by name. */
export const COMPILERS = {
  "TypeScript 7": join(REPO, "node_modules", "typescript", "bin", "tsc"),
  "TypeScript 5": join(REPO, "node_modules", "typescript-5", "bin", "tsc"),
} as const;

/**
 * Builds a `celerity` package into `dir`: the runtime compiled by tsc (`rewriteRelativeImportExtensions`)
 * with its Lua and static files, and the subpaths generated code imports (`.`, `./runtime`,
 * `./worker`, `./beat`, each with `types` and `import`). It has no node_modules until
 * {@link linkPackageDependencies}: a `tsc --init` project has no Node types, and any path to @types/node
 * (even through a symlinked dependency, which tsc follows into the repository) would declare
 * `process` for the generated code. What the runtime's declarations import from ioredis or `node:`
 * stays unresolved inside the package meanwhile, where skipLibCheck (a default) is silent.
 */
export async function buildRuntimePackage(dir: string): Promise<string> {
  const { existsSync } = await import("node:fs");
  const entries = ["runtime/mod.ts", "runtime/worker/mod.ts", "runtime/beat/mod.ts", "runtime/testing/mod.ts"].filter(
    (file) => existsSync(join(REPO, file)),
  );
  const config = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2023"],
      types: ["node"],
      typeRoots: [join(REPO, "node_modules", "@types")],
      strict: true,
      skipLibCheck: true,
      resolveJsonModule: true,
      declaration: true,
      rewriteRelativeImportExtensions: true,
      rootDir: REPO,
      outDir: join(dir, "dist"),
    },
    files: entries.map((file) => join(REPO, file)),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify(config));
  const built = await run(process.execPath, [COMPILERS["TypeScript 7"], "-p", dir], { cwd: dir });
  assert.equal(built.stdout + built.stderr, "", "the runtime builds");
  // Files the runtime reads beside its modules (Lua scripts, the admin's static files).
  await cp(join(REPO, "runtime"), join(dir, "dist", "runtime"), {
    recursive: true,
    filter: (source) => !source.endsWith(".ts") || source.endsWith(".d.ts"),
  });
  const at = (file: string) => ({
    types: `./dist/${file.replace(/\.ts$/, ".d.ts")}`,
    import: `./dist/${file.replace(/\.ts$/, ".js")}`,
  });
  const main = at("runtime/mod.ts");
  const subpath = (file: string) => (entries.includes(file) ? at(file) : main);
  const exports = {
    ".": main,
    "./runtime": main,
    "./worker": subpath("runtime/worker/mod.ts"),
    "./beat": subpath("runtime/beat/mod.ts"),
    "./testing": subpath("runtime/testing/mod.ts"),
  };
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "celerity", type: "module", exports }));
  return dir;
}

/** Gives the package built by {@link buildRuntimePackage} its run-time dependencies (all but @types). */
export async function linkPackageDependencies(dir: string): Promise<void> {
  await mkdir(join(dir, "node_modules"), { recursive: true });
  for (const name of await readdir(join(REPO, "node_modules"))) {
    if (name === "@types" || name === ".bin") continue;
    await symlink(join(REPO, "node_modules", name), join(dir, "node_modules", name)).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      },
    );
  }
}

/**
 * Makes `dir` a user's project: `tsc --init` (with `compiler`, plus `init` flags and
 * noUnusedLocals/noUnusedParameters), the project fixture with its relative imports written with
 * `extension`, an ESM package.json, and node_modules resolving `celerity` to `runtimePackage`.
 */
export async function makeUserProject(
  dir: string,
  options: { compiler: string; init: readonly string[]; extension: "ts" | "js"; runtimePackage: string },
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const init = await run(
    process.execPath,
    [options.compiler, "--init", "--noUnusedLocals", "--noUnusedParameters", ...options.init],
    { cwd: dir },
  );
  assert.equal(init.code, 0, init.stdout + init.stderr);
  await copyProjectFixture(dir);
  for (const file of ["app.ts", "handlers/math.ts", "handlers/orders.ts"]) {
    const text = await readFile(join(dir, file), "utf8");
    await writeFile(join(dir, file), text.replace(/(from "\.{1,2}\/generated\/\w+)\.ts"/g, `$1.${options.extension}"`));
  }
  await writeTree(dir, { "package.json": JSON.stringify({ name: "user-project", private: true, type: "module" }) });
  await mkdir(join(dir, "node_modules"), { recursive: true });
  await symlink(options.runtimePackage, join(dir, "node_modules", "celerity"), "dir");
  for (const dependency of ["ajv", "ajv-formats"]) {
    await symlink(join(REPO, "node_modules", dependency), join(dir, "node_modules", dependency), "dir");
  }
}
