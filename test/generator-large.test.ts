/**
 * A large manifest (200 tasks, each with its own args and result schema) generates completely and
 * identically twice. How long it takes is a benchmark figure (`npm run bench`, workload 6), not
 * something a unit test times.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { generate } from "../generator/mod.ts";
import { tempDir, writeLargeManifest } from "./generator-helpers.ts";

test("a 200-task manifest generates every task, the same way twice", async (t) => {
  const { dir, cleanup } = await tempDir("large");
  try {
    const manifest = await writeLargeManifest(dir, 200);
    const first = await generate(manifest, "generated", { cwd: dir });
    const second = await generate(manifest, "generated", { cwd: dir });
    assert.equal(first.manifest.tasks.length, 200);
    t.diagnostic(`200 tasks -> ${first.files.length} files`);
    assert.deepEqual(second.files, first.files, "byte-identical output");
    const dispatch = first.files.find((f) => f.name === "dispatch.ts");
    assert.ok(dispatch, "a dispatch table is generated");
    for (let i = 0; i < 200; i++)
      assert.ok(dispatch.contents.includes(`"ns${i % 10}.task_${i}"`), `ns${i % 10}.task_${i} is dispatched`);
  } finally {
    await cleanup();
  }
});
