/**
 * Golden files: the fixture manifest under test/fixtures/manifests/golden/ generates exactly the
 * files under test/golden/golden/ (generated as if `--out test/golden/golden`, so the golden files
 * are a real, type-checked output directory). The project fixture's generated/ is checked in too,
 * so the repository's type check covers it. `UPDATE_GOLDEN=1` rewrites both.
 */
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { format } from "prettier";
import { generate, generateAndCheck, writeGeneratedFiles } from "../generator/mod.ts";
import { PRETTIER_OPTIONS, parserFor } from "../generator/emit/format.ts";
import { FIXTURES, REPO } from "./generator-helpers.ts";

const MANIFEST = join(FIXTURES, "golden", "tasks.yaml");
const GOLDEN = join(REPO, "test", "golden", "golden");

test("the fixture manifest generates the golden files byte for byte", async () => {
  const { files } = await generate(MANIFEST, GOLDEN, { cwd: REPO });
  if (process.env.UPDATE_GOLDEN === "1") {
    for (const file of files) await writeFile(join(GOLDEN, file.name), file.contents);
  }
  const onDisk = (await readdir(GOLDEN)).sort();
  assert.deepEqual(
    onDisk,
    files.map((file) => file.name),
    "the golden directory holds exactly the emitted files",
  );
  for (const file of files) {
    assert.equal(
      file.contents,
      await readFile(join(GOLDEN, file.name), "utf8"),
      `${file.name} differs from its golden copy`,
    );
  }
});

test("the project fixture's checked-in generated/ is current", async () => {
  const project = join(FIXTURES, "project");
  const out = join(project, "generated");
  const { files } = await generate(join(project, "tasks.yaml"), out, { cwd: project });
  if (process.env.UPDATE_GOLDEN === "1") await writeGeneratedFiles(out, files);
  const { check } = await generateAndCheck(join(project, "tasks.yaml"), out, { cwd: project });
  assert.deepEqual(check, { current: true, stale: [], missing: [], extra: [] });
});

test("every generated file except validators.ts is exactly prettier's output", async () => {
  for (const dir of [GOLDEN, join(REPO, "generated"), join(FIXTURES, "project", "generated")]) {
    for (const name of await readdir(dir)) {
      const parser = parserFor(name);
      if (!parser) continue;
      const text = await readFile(join(dir, name), "utf8");
      assert.equal(
        await format(text, { ...PRETTIER_OPTIONS, parser }),
        text,
        `${dir}/${name} is not prettier-formatted`,
      );
    }
  }
});

test("generated files start with the header naming the manifest and its hash", async () => {
  const { files, manifest } = await generate(MANIFEST, GOLDEN, { cwd: REPO });
  const header = `generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:${manifest.hash}`;
  assert.match(manifest.hash, /^[0-9a-f]{16}$/);
  for (const file of files) {
    const first = file.contents.split("\n", 2).join("\n");
    assert.ok(first.includes(header), `${file.name} starts with the header`);
    assert.ok(!file.contents.includes("\r"), `${file.name} has LF line endings`);
  }
});
