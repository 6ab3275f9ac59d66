/**
 * Generated code is ES modules; `npm init -y` writes `"type": "commonjs"`. Codegen still writes the
 * files (a bundler does not mind) but says, in one line naming the package.json, what to change.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { copyProjectFixture, runCli, tempDir, writeTree } from "./generator-helpers.ts";

const CASES: Array<{ name: string; packageJson: object; warning: string | null }> = [
  {
    name: '"type": "commonjs" (npm init -y)',
    packageJson: { name: "p", type: "commonjs" },
    warning: 'has "type": "commonjs"',
  },
  { name: "no type", packageJson: { name: "p" }, warning: 'has no "type"' },
  { name: '"type": "module"', packageJson: { name: "p", type: "module" }, warning: null },
];

for (const { name, packageJson, warning } of CASES) {
  test(`package.json with ${name}: ${warning === null ? "no warning" : "files written, one warning naming it"}`, async () => {
    const { dir, cleanup } = await tempDir("module-type");
    try {
      await copyProjectFixture(dir);
      await writeTree(dir, { "package.json": JSON.stringify(packageJson) });
      const result = await runCli(["codegen"], { cwd: dir });
      assert.equal(result.code, 0);
      assert.ok(existsSync(join(dir, "generated", "worker.ts")));
      if (warning === null) {
        assert.equal(result.stderr, "");
      } else {
        assert.equal(
          result.stderr,
          `celerity codegen: warning: ${join(dir, "package.json")} ${warning}, so Node loads the generated code as CommonJS, where its imports and top-level await fail: set "type": "module" (npm pkg set type=module)\n`,
        );
      }
    } finally {
      await cleanup();
    }
  });
}
