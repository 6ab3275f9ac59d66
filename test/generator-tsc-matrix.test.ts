/**
 * Generated code compiles where users are: the project fixture (handlers with defineHandler, a
 * client script) is generated into a fresh project whose tsconfig is what `tsc --init` writes (the
 * defaults kept, plus noUnusedLocals/noUnusedParameters), under module nodenext (the default) and
 * module preserve + bundler resolution, with TypeScript 5 and 7, with the import extension codegen
 * picks from that tsconfig (`.js`, or `.ts` when it allows them). Each `tsc` run must print nothing.
 * Where tsc emits, the built output must hold validators.js and its .d.ts (no allowJs needed).
 *
 * `celerity` resolves to a package of the runtime's declarations (built here with tsc), so the
 * user's strict options apply to the generated code only, as they will for the published package.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { generateAndWrite } from "../generator/mod.ts";
import { copyProjectFixture, REPO, run, tempDir, writeTree } from "./generator-helpers.ts";

const COMPILERS = {
  "TypeScript 7": join(REPO, "node_modules", "typescript", "bin", "tsc"),
  "TypeScript 5": join(REPO, "node_modules", "typescript-5", "bin", "tsc"),
};

/** `tsc --init` flags on top of the defaults, the extension codegen must pick, and whether tsc emits. */
const CONFIGS: Array<{ name: string; init: string[]; extension: "ts" | "js"; emits: boolean }> = [
  { name: "tsc --init defaults (nodenext)", init: [], extension: "js", emits: true },
  { name: "tsc --init + rewriteRelativeImportExtensions", init: ["--rewriteRelativeImportExtensions"], extension: "ts", emits: true },
  { name: "module preserve + bundler", init: ["--module", "preserve", "--moduleResolution", "bundler"], extension: "js", emits: true },
  {
    name: "module preserve + bundler + allowImportingTsExtensions",
    init: ["--module", "preserve", "--moduleResolution", "bundler", "--allowImportingTsExtensions", "--noEmit"],
    extension: "ts",
    emits: false,
  },
];

let root: string;
let cleanup: () => Promise<void>;
let runtimePackage: string;

before(async () => {
  ({ dir: root, cleanup } = await tempDir("tsc-matrix"));
  runtimePackage = await buildRuntimeTypesPackage(join(root, "celerity"));
});

after(async () => {
  await cleanup();
});

for (const [compiler, tsc] of Object.entries(COMPILERS)) {
  for (const config of CONFIGS) {
    test(`${compiler}, ${config.name}: generated code with .${config.extension} imports compiles with zero errors`, async () => {
      const dir = join(root, `${compiler.replace(/\W+/g, "")}-${CONFIGS.indexOf(config)}`);
      await mkdir(dir, { recursive: true });
      const init = await run(process.execPath, [tsc, "--init", "--noUnusedLocals", "--noUnusedParameters", ...config.init], { cwd: dir });
      assert.equal(init.code, 0, init.stdout + init.stderr);
      await makeProject(dir, config.extension);

      const { files } = await generateAndWrite("tasks.yaml", "generated", { cwd: dir });
      const registry = files.find((file) => file.name === "registry.ts")!.contents;
      assert.ok(registry.includes(`from "./validators.${config.extension}";`), "codegen picked the extension from the tsconfig");

      const result = await run(process.execPath, [tsc, "-p", ".", ...(config.emits ? ["--outDir", "out"] : [])], { cwd: dir });
      assert.equal(result.stdout + result.stderr, "");
      assert.equal(result.code, 0);
      if (config.emits) {
        for (const name of ["validators.js", "validators.d.ts", "worker.js", "registry.js", "client.d.ts"]) {
          assert.ok(existsSync(join(dir, "out", "generated", name)), `tsc emitted generated/${name}`);
        }
      }
    });
  }
}

/**
 * Fills `dir` (which holds the tsconfig under test) with the project fixture, its relative imports
 * written with `extension`, an ESM package.json, and node_modules resolving `celerity`.
 */
async function makeProject(dir: string, extension: "ts" | "js"): Promise<void> {
  await copyProjectFixture(dir);
  for (const file of ["app.ts", "handlers/math.ts", "handlers/orders.ts"]) {
    const text = await readFile(join(dir, file), "utf8");
    await writeFile(join(dir, file), text.replace(/(from "\.{1,2}\/generated\/\w+)\.ts"/g, `$1.${extension}"`));
  }
  await writeTree(dir, { "package.json": JSON.stringify({ name: "matrix-project", private: true, type: "module" }) });
  await mkdir(join(dir, "node_modules"), { recursive: true });
  await symlink(runtimePackage, join(dir, "node_modules", "celerity"), "dir");
  for (const dependency of ["ajv", "ajv-formats"]) {
    await symlink(join(REPO, "node_modules", dependency), join(dir, "node_modules", dependency), "dir");
  }
}

/**
 * A `celerity` package in `dir` holding only the runtime's declarations (tsc, emitDeclarationOnly),
 * with the subpaths generated code imports. It has no node_modules: a `tsc --init` project has no Node
 * types, and any path to @types/node (even through a symlinked dependency, which tsc follows to the
 * repository) would declare `process` for the generated code. What the runtime's declarations import
 * from ioredis or node: stays unresolved inside the package, where skipLibCheck (a default) is silent.
 */
async function buildRuntimeTypesPackage(dir: string): Promise<string> {
  const entries = ["runtime/mod.ts", "runtime/worker/mod.ts", "runtime/beat/mod.ts"].filter((file) => existsSync(join(REPO, file)));
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
      emitDeclarationOnly: true,
      rewriteRelativeImportExtensions: true,
      rootDir: REPO,
      outDir: join(dir, "dist"),
    },
    files: entries.map((file) => join(REPO, file)),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify(config));
  const built = await run(process.execPath, [COMPILERS["TypeScript 7"], "-p", dir], { cwd: dir });
  assert.equal(built.stdout + built.stderr, "", "the runtime's declarations build");
  const types = (file: string) => ({ types: `./dist/${file.replace(/\.ts$/, ".d.ts")}` });
  const main = types("runtime/mod.ts");
  const subpath = (file: string) => (entries.includes(file) ? types(file) : main);
  const exports = {
    ".": main,
    "./runtime": main,
    "./worker": subpath("runtime/worker/mod.ts"),
    "./beat": subpath("runtime/beat/mod.ts"),
  };
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "celerity", type: "module", exports }));
  return dir;
}
