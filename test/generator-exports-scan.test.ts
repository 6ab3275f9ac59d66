/**
 * Codegen finds a handler module's exports by parsing it (never importing it): every syntax that
 * exports a value counts, including the forms a text scan got wrong (destructuring, several
 * declarators, `export *` chains, a regex literal holding a quote), and nothing that only looks like
 * an export (comments, strings, regex literals, templates, type-only exports) does.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { generate, ManifestError } from "../generator/mod.ts";
import { scanExports } from "../generator/validate/exports-scan.ts";
import { tempDir, writeTree } from "./generator-helpers.ts";

const HANDLERS = `import type { Options } from "./types.ts";
const make = () => ({ left: () => 1, right: () => 2, deep: [() => 3] });
export const { left, right: renamed, deep: [nested] } = make();
export const first = () => 1, second = () => 2;
const quote = /"/; export const afterRegex = () => 3;
export * from "./more.ts";
export * as grouped from "./more.ts";
export async function* stream() {}
export default function () {}
// export const inComment = 1;
const text = "export const inString = 1";
const pattern = /export const inRegex = 1/;
const template = \`export const inTemplate = \${text}\`;
export type { Options };
export interface Shape { x: number }
export { Shape, quote as quoted, pattern };
`;

const MORE = `export const viaStar = () => 4;
export default function () {}
export * from "./even-more.js";
`;

const EVEN_MORE = "export function twoStarsDeep() {}\n";

const FOUND = [
  "afterRegex",
  "default",
  "first",
  "grouped",
  "left",
  "nested",
  "pattern",
  "quoted",
  "renamed",
  "second",
  "stream",
  "twoStarsDeep",
  "viaStar",
];
const NOT_EXPORTS = ["inComment", "inString", "inRegex", "inTemplate", "Options", "Shape", "template"];

function manifest(exportNames: readonly string[]): string {
  const tasks = exportNames
    .map((name) => `  t.${name.toLowerCase()}:\n    handler: ./handlers/index.ts#${name}\n`)
    .join("");
  return `version: 1\napp: scan\ntasks:\n${tasks}`;
}

test("every exported value is found, through destructuring, several declarators and export * chains", async () => {
  const { dir, cleanup } = await tempDir("exports-found");
  try {
    await writeTree(dir, {
      "tasks.yaml": manifest(FOUND),
      "handlers/index.ts": HANDLERS,
      "handlers/more.ts": MORE,
      "handlers/even-more.ts": EVEN_MORE,
      "handlers/types.ts": "export interface Options {}\n",
    });
    const { manifest: loaded } = await generate("tasks.yaml", "generated", { cwd: dir, importExtension: "ts" });
    assert.equal(loaded.tasks.length, FOUND.length);
  } finally {
    await cleanup();
  }
});

test("comments, strings, regex literals, templates and type-only exports are not handlers", async () => {
  const { dir, cleanup } = await tempDir("exports-not");
  try {
    await writeTree(dir, {
      "tasks.yaml": manifest(NOT_EXPORTS),
      "handlers/index.ts": HANDLERS,
      "handlers/more.ts": MORE,
      "handlers/even-more.ts": EVEN_MORE,
      "handlers/types.ts": "export interface Options {}\n",
    });
    const error = await generate("tasks.yaml", "generated", { cwd: dir, importExtension: "ts" }).catch(
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ManifestError);
    const missing = error.issues.map((issue) => /has no export named "(\w+)"/.exec(issue.message)?.[1]).sort();
    assert.deepEqual(missing, [...NOT_EXPORTS].sort());
  } finally {
    await cleanup();
  }
});

test("an export * from a package cannot be followed, so a name it may export is not reported", async () => {
  const { dir, cleanup } = await tempDir("exports-package");
  try {
    await writeTree(dir, {
      "tasks.yaml": manifest(["fromPackage"]),
      "handlers/index.ts": 'export * from "some-handler-package";\n',
    });
    const { manifest: loaded } = await generate("tasks.yaml", "generated", { cwd: dir, importExtension: "ts" });
    assert.equal(loaded.tasks.length, 1);
  } finally {
    await cleanup();
  }
});

test("scanExports lists one module's own names and its export * specifiers", async () => {
  assert.deepEqual(await scanExports(MORE), { names: ["default", "viaStar"], starFrom: ["./even-more.js"] });
  assert.deepEqual(await scanExports("export = handler;\nexport declare const declared: () => void;\n"), {
    names: ["declared"],
    starFrom: [],
  });
  assert.deepEqual(await scanExports("export const el = <div />;\n", "view.tsx"), { names: ["el"], starFrom: [] });
});
