/**
 * The generated validators module loads and validates, run as a user's project runs it: a child
 * process outside the repository (node with tsx) importing the generated registry. Covers the
 * manifests that broke it: several tasks without `args` (each compiled from the same `true` schema),
 * and schemas whose code calls ajv's runtime helpers (`minLength` -> ucs2length, `format`).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { generateAndWrite } from "../generator/mod.ts";
import { linkProject, REPO, run, tempDir, writeTree } from "./generator-helpers.ts";

const MANIFEST = `version: 1
app: validators
tasks:
  a.first:
    handler: ./handlers.ts#first
  a.second:
    handler: ./handlers.ts#second
  b.third:
    handler: ./handlers.ts#third
    args:
      type: object
      required: [name, day]
      properties:
        name: { type: string, minLength: 2, maxLength: 5 }
        day: { type: string, format: date }
    result: { type: string, minLength: 1 }
`;

const HANDLERS = `export const first = () => 1;
export const second = () => 2;
export const third = ({ name }: { name: string }) => name;
`;

/** Imports the generated registry in a fresh node process and prints what its validators say. */
const PROBE = `const { app } = await import("./generated/registry.ts");
const third = { name: "abc", day: "2026-12-01" };
console.log(JSON.stringify({
  first: app.tasks["a.first"].validateArgs({ anything: [1] }),
  second: app.tasks["a.second"].validateArgs("any value"),
  thirdOk: app.tasks["b.third"].validateArgs(third),
  thirdShort: app.tasks["b.third"].validateArgs({ name: "a", day: "2026-12-01" }),
  thirdLong: app.tasks["b.third"].validateArgs({ name: "abcdef", day: "2026-12-01" }),
  thirdDay: app.tasks["b.third"].validateArgs({ name: "abc", day: "yesterday" }),
  resultEmpty: app.tasks["b.third"].validateResult(""),
}));
`;

const EXPECTED = {
  first: true,
  second: true,
  thirdOk: true,
  thirdShort: false,
  thirdLong: false,
  thirdDay: false,
  resultEmpty: false,
};

/** How each runtime runs probe.ts; Deno and Bun only when their npm packages are installed. */
const RUNTIMES: Array<{ name: string; command: string; args: string[] }> = [
  {
    name: "node (tsx)",
    command: process.execPath,
    args: ["--import", join(REPO, "node_modules", "tsx", "dist", "esm", "index.mjs"), "probe.ts"],
  },
  { name: "bun", command: join(REPO, "node_modules", ".bin", "bun"), args: ["probe.ts"] },
  {
    name: "deno",
    command: join(REPO, "node_modules", ".bin", "deno"),
    args: ["run", "--allow-read", "--allow-env", "probe.ts"],
  },
];

for (const runtime of RUNTIMES) {
  const missing = runtime.name !== "node (tsx)" && !existsSync(runtime.command);
  test(
    `two tasks without args and helper-using schemas: the generated validators load and validate under ${runtime.name}`,
    { skip: missing && `${runtime.name} is not installed (npm i bun deno)` },
    async () => {
      const { dir, cleanup } = await tempDir("validators");
      try {
        await linkProject(dir);
        await writeTree(dir, { "tasks.yaml": MANIFEST, "handlers.ts": HANDLERS, "probe.ts": PROBE });
        await generateAndWrite("tasks.yaml", "generated", { cwd: dir });
        const result = await run(runtime.command, runtime.args, { cwd: dir, env: { DENO_NO_UPDATE_CHECK: "1" } });
        assert.equal(result.stderr, "");
        assert.equal(result.code, 0);
        assert.deepEqual(JSON.parse(result.stdout), EXPECTED);
      } finally {
        await cleanup();
      }
    },
  );
}
