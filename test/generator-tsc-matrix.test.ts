/**
 * Generated code compiles where users are: the project fixture (handlers with defineHandler, a
 * client script) is generated into a fresh project whose tsconfig is what `tsc --init` writes (the
 * defaults kept, plus noUnusedLocals/noUnusedParameters), under module nodenext (the default) and
 * module preserve + bundler resolution, with TypeScript 5 and 7, with the import extension codegen
 * picks from that tsconfig (`.js`, or `.ts` when it allows them). Each `tsc` run must print nothing.
 * Where tsc emits, the built output must hold validators.js and its .d.ts (no allowJs needed).
 *
 * `celerity` resolves to the runtime built here with tsc (JavaScript + declarations), so the user's
 * strict options apply to the generated code only, as they will for the published package.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { generateAndWrite } from "../generator/mod.ts";
import { run, tempDir } from "./generator-helpers.ts";
import { buildRuntimePackage, COMPILERS, makeUserProject } from "./generator-user-project.ts";

/** `tsc --init` flags on top of the defaults, the extension codegen must pick, and whether tsc emits. */
const CONFIGS: Array<{ name: string; init: string[]; extension: "ts" | "js"; emits: boolean }> = [
  { name: "tsc --init defaults (nodenext)", init: [], extension: "js", emits: true },
  {
    // The style options tsc --init leaves commented out, all switched on.
    name: "tsc --init + every style option",
    init: [
      "--noImplicitReturns",
      "--noImplicitOverride",
      "--noFallthroughCasesInSwitch",
      "--noPropertyAccessFromIndexSignature",
    ],
    extension: "js",
    emits: true,
  },
  {
    name: "tsc --init + rewriteRelativeImportExtensions",
    init: ["--rewriteRelativeImportExtensions"],
    extension: "ts",
    emits: true,
  },
  {
    name: "module preserve + bundler",
    init: ["--module", "preserve", "--moduleResolution", "bundler"],
    extension: "js",
    emits: true,
  },
  {
    // What TypeScript recommends for running .ts files directly on Node (type stripping).
    name: "tsc --init + erasableSyntaxOnly + allowImportingTsExtensions",
    init: ["--erasableSyntaxOnly", "--allowImportingTsExtensions", "--noEmit"],
    extension: "ts",
    emits: false,
  },
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
  runtimePackage = await buildRuntimePackage(join(root, "celerity"));
});

after(async () => {
  await cleanup();
});

for (const [compiler, tsc] of Object.entries(COMPILERS)) {
  for (const config of CONFIGS) {
    test(`${compiler}, ${config.name}: generated code with .${config.extension} imports compiles with zero errors`, async () => {
      const dir = join(root, `${compiler.replace(/\W+/g, "")}-${CONFIGS.indexOf(config)}`);
      await makeUserProject(dir, { compiler: tsc, init: config.init, extension: config.extension, runtimePackage });

      const { files } = await generateAndWrite("tasks.yaml", "generated", { cwd: dir });
      const registry = files.find((file) => file.name === "registry.ts")!.contents;
      assert.ok(
        registry.includes(`from "./validators.${config.extension}";`),
        "codegen picked the extension from the tsconfig",
      );

      const result = await run(process.execPath, [tsc, "-p", ".", ...(config.emits ? ["--outDir", "out"] : [])], {
        cwd: dir,
      });
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
