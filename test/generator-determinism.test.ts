/**
 * Output depends on the manifest only: two runs are byte-identical, as are runs in different
 * directories (no absolute paths), and reordering the manifest's mappings changes nothing but the
 * manifest hash in the header.
 */
import assert from "node:assert/strict";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { parseDocument, isMap, type YAMLMap } from "yaml";
import { generate, type GeneratedFile } from "../generator/mod.ts";
import { copyProjectFixture, FIXTURES, REPO, tempDir } from "./generator-helpers.ts";

const GOLDEN_MANIFEST = join(FIXTURES, "golden", "tasks.yaml");

function asMap(files: readonly GeneratedFile[]): Record<string, string> {
  return Object.fromEntries(files.map((file) => [file.name, file.contents]));
}

test("two runs produce byte-identical files", async () => {
  const first = await generate(GOLDEN_MANIFEST, "test/golden/golden", { cwd: REPO });
  const second = await generate(GOLDEN_MANIFEST, "test/golden/golden", { cwd: REPO });
  assert.deepEqual(asMap(second.files), asMap(first.files));
});

test("projects in different directories get identical files", async () => {
  const a = await tempDir("determinism-a");
  const b = await tempDir("determinism-b");
  try {
    const dirA = await copyProjectFixture(a.dir, "some/where");
    const dirB = await copyProjectFixture(b.dir, "else");
    const first = await generate("tasks.yaml", "generated", { cwd: dirA });
    const second = await generate("tasks.yaml", "generated", { cwd: dirB });
    assert.deepEqual(asMap(second.files), asMap(first.files));
    for (const file of first.files) assert.ok(!file.contents.includes(a.dir), `${file.name} holds no absolute path`);
  } finally {
    await a.cleanup();
    await b.cleanup();
  }
});

test("reordering tasks, periodic entries and policies changes only the manifest hash", async () => {
  const { dir, cleanup } = await tempDir("determinism-order");
  try {
    const text = await readFile(GOLDEN_MANIFEST, "utf8");
    const doc = parseDocument(text);
    for (const section of ["tasks", "periodic", "retry_policies"]) {
      const map = doc.get(section, true);
      assert.ok(isMap(map));
      (map as YAMLMap).items.reverse();
    }
    const reordered = doc.toString();
    assert.notEqual(reordered, text);
    await cp(join(FIXTURES, "golden"), join(dir, "a"), { recursive: true });
    await cp(join(FIXTURES, "golden"), join(dir, "b"), { recursive: true });
    await writeFile(join(dir, "b", "tasks.yaml"), reordered);
    const first = await generate("tasks.yaml", "out", { cwd: join(dir, "a") });
    const second = await generate("tasks.yaml", "out", { cwd: join(dir, "b") });
    const hashless = (files: readonly GeneratedFile[], hash: string) =>
      Object.fromEntries(files.map((file) => [file.name, file.contents.replaceAll(hash, "<hash>")]));
    assert.notEqual(first.manifest.hash, second.manifest.hash);
    assert.deepEqual(hashless(second.files, second.manifest.hash), hashless(first.files, first.manifest.hash));
  } finally {
    await cleanup();
  }
});

test("CRLF line endings and a BOM do not change the output", async () => {
  const { dir, cleanup } = await tempDir("determinism-crlf");
  try {
    const lf = await copyProjectFixture(dir, "lf");
    const crlf = await copyProjectFixture(dir, "crlf");
    const text = await readFile(join(crlf, "tasks.yaml"), "utf8");
    await writeFile(join(crlf, "tasks.yaml"), `\uFEFF${text.replace(/\n/g, "\r\n")}`);
    const first = await generate("tasks.yaml", "generated", { cwd: lf });
    const second = await generate("tasks.yaml", "generated", { cwd: crlf });
    assert.deepEqual(asMap(second.files), asMap(first.files));
  } finally {
    await cleanup();
  }
});
