/**
 * Codegen writes relative imports with the extension the user's tsconfig accepts: `.ts` when the
 * nearest tsconfig.json to the output directory sets allowImportingTsExtensions or
 * rewriteRelativeImportExtensions (read the way tsc reads it: comments, trailing commas, extends),
 * else `.js`; `--import-extension` overrides. An unknown flag value or a tsconfig that cannot be read
 * gets one error naming the flag or the file, and nothing is written.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  generate,
  generateAndWrite,
  ImportExtensionError,
  resolveImportExtension,
  TsconfigError,
  withImportExtension,
} from "../generator/mod.ts";
import { copyProjectFixture, runCli, snapshotDir, tempDir, writeTree } from "./generator-helpers.ts";

/** The relative imports of the generated registry and dispatch table. */
async function relativeImports(project: string, options: { importExtension?: string } = {}): Promise<string[]> {
  const { files } = await generate("tasks.yaml", "generated", { cwd: project, ...options });
  const text = files
    .filter((file) => file.name === "registry.ts" || file.name === "dispatch.ts")
    .map((file) => file.contents)
    .join("\n");
  return [...text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map((match) => match[1]!).sort();
}

const JS_IMPORTS = ["../handlers/math.js", "../handlers/orders.js", "./types.js", "./validators.js"];
const TS_IMPORTS = ["../handlers/math.ts", "../handlers/orders.ts", "./types.ts", "./validators.ts"];

test("a tsconfig without .ts imports allowed gives .js imports, handlers included", async () => {
  const { dir, cleanup } = await tempDir("ext-js");
  try {
    await copyProjectFixture(dir);
    await writeTree(dir, { "tsconfig.json": '{ "compilerOptions": { "module": "nodenext", "strict": true } }' });
    assert.deepEqual(await relativeImports(dir), JS_IMPORTS);
  } finally {
    await cleanup();
  }
});

test("allowImportingTsExtensions in a tsconfig with comments and trailing commas gives .ts imports", async () => {
  const { dir, cleanup } = await tempDir("ext-ts");
  try {
    await copyProjectFixture(dir);
    await writeTree(dir, {
      "tsconfig.json":
        '{\n  // tsc --init style\n  "compilerOptions": {\n    /* ok */ "allowImportingTsExtensions": true,\n    "noEmit": true,\n  },\n}\n',
    });
    assert.deepEqual(await relativeImports(dir), TS_IMPORTS);
  } finally {
    await cleanup();
  }
});

test("rewriteRelativeImportExtensions inherited through extends (a file and a package) gives .ts imports", async () => {
  const { dir, cleanup } = await tempDir("ext-extends");
  try {
    await copyProjectFixture(dir);
    await writeTree(dir, {
      "node_modules/@acme/tsconfig/package.json": '{ "name": "@acme/tsconfig", "version": "1.0.0" }',
      "node_modules/@acme/tsconfig/tsconfig.json": '{ "compilerOptions": { "rewriteRelativeImportExtensions": true } }',
      "config/base.json": '{ "extends": "@acme/tsconfig/tsconfig.json", "compilerOptions": { "strict": true } }',
      "tsconfig.json": '{ "extends": "./config/base.json" }',
    });
    assert.deepEqual(await relativeImports(dir), TS_IMPORTS);
    assert.deepEqual(await resolveImportExtension(join(dir, "generated")), {
      extension: "ts",
      tsconfig: join(dir, "tsconfig.json"),
    });
  } finally {
    await cleanup();
  }
});

test("the tsconfig nearest to the output directory decides, not one further up", async () => {
  const { dir, cleanup } = await tempDir("ext-nearest");
  try {
    await writeTree(dir, {
      "tsconfig.json": '{ "compilerOptions": { "allowImportingTsExtensions": true, "noEmit": true } }',
    });
    const app = await copyProjectFixture(dir, "packages/app");
    await writeTree(app, { "tsconfig.json": '{ "compilerOptions": { "strict": true } }' });
    assert.deepEqual(await relativeImports(app), JS_IMPORTS);
    assert.deepEqual(await resolveImportExtension(join(app, "generated")), {
      extension: "js",
      tsconfig: join(app, "tsconfig.json"),
    });
  } finally {
    await cleanup();
  }
});

test("--import-extension overrides the tsconfig, both ways, and no tsconfig at all means .ts", async () => {
  const { dir, cleanup } = await tempDir("ext-flag");
  try {
    await copyProjectFixture(dir);
    if ((await resolveImportExtension(dir)).tsconfig === null) assert.deepEqual(await relativeImports(dir), TS_IMPORTS);
    await writeTree(dir, { "tsconfig.json": '{ "compilerOptions": { "strict": true } }' });
    assert.deepEqual(await relativeImports(dir, { importExtension: "ts" }), TS_IMPORTS);
    await writeTree(dir, { "tsconfig.json": '{ "compilerOptions": { "rewriteRelativeImportExtensions": true } }' });
    assert.deepEqual(await relativeImports(dir, { importExtension: "js" }), JS_IMPORTS);

    const cli = await runCli(["codegen", "--import-extension", "js"], { cwd: dir });
    assert.equal(cli.stderr, "");
    assert.equal(cli.code, 0);
  } finally {
    await cleanup();
  }
});

test("handler modules keep their kind under .js: .mts -> .mjs, .cts -> .cjs, .tsx -> .js, .js stays", () => {
  assert.equal(withImportExtension("../h/a.mts", "js"), "../h/a.mjs");
  assert.equal(withImportExtension("../h/a.cts", "js"), "../h/a.cjs");
  assert.equal(withImportExtension("../h/a.tsx", "js"), "../h/a.js");
  assert.equal(withImportExtension("../h/a.js", "js"), "../h/a.js");
  assert.equal(withImportExtension("../h/a.mts", "ts"), "../h/a.mts");
});

test("an unknown --import-extension value: one error naming the flag, exit 2, nothing written", async () => {
  const { dir, cleanup } = await tempDir("ext-bad-flag");
  try {
    await copyProjectFixture(dir);
    const cli = await runCli(["codegen", "--import-extension", "mjs"], { cwd: dir });
    assert.equal(cli.code, 2);
    assert.equal(cli.stdout, "");
    assert.equal(cli.stderr.split("\n")[0], 'celerity codegen: --import-extension must be "ts" or "js", got "mjs"');
    assert.equal(existsSync(join(dir, "generated")), false);

    const error = await generateAndWrite("tasks.yaml", "generated", { cwd: dir, importExtension: ".ts" }).catch(
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ImportExtensionError);
    assert.equal(error.code, "IMPORT_EXTENSION_INVALID");
    assert.equal(error.value, ".ts");
    assert.equal(existsSync(join(dir, "generated")), false);
  } finally {
    await cleanup();
  }
});

test("a tsconfig that cannot be parsed, or extends a missing file: one error naming it, earlier output untouched", async () => {
  const { dir, cleanup } = await tempDir("ext-bad-tsconfig");
  try {
    await copyProjectFixture(dir);
    await writeTree(dir, { "tsconfig.json": '{ "compilerOptions": { "strict": true } }' });
    await generateAndWrite("tasks.yaml", "generated", { cwd: dir });
    const before = await snapshotDir(join(dir, "generated"));
    const tsconfig = join(dir, "tsconfig.json");

    await writeTree(dir, { "tsconfig.json": '{ "compilerOptions": { "strict": true, oops } }' });
    const cli = await runCli(["codegen"], { cwd: dir });
    assert.equal(cli.code, 1);
    assert.equal(cli.stdout, "");
    assert.equal(
      cli.stderr,
      `celerity codegen: cannot use ${tsconfig}: Property assignment expected. (at ${tsconfig}:1:40) (fix it, or pass --import-extension ts|js)\n`,
    );
    const parseError = await generate("tasks.yaml", "generated", { cwd: dir }).catch((caught: unknown) => caught);
    assert.ok(parseError instanceof TsconfigError);
    assert.equal(parseError.code, "TSCONFIG_UNREADABLE");
    assert.equal(parseError.file, tsconfig);

    await writeTree(dir, { "tsconfig.json": '{ "extends": "./missing-base.json" }' });
    const missing = await runCli(["codegen"], { cwd: dir });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^celerity codegen: cannot use \S+tsconfig\.json: .*missing-base\.json/);
    assert.equal(missing.stderr.split("\n").length, 2, "one line");

    assert.deepEqual(await snapshotDir(join(dir, "generated")), before);
  } finally {
    await cleanup();
  }
});
