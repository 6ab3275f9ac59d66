/**
 * Each public entry of the built package, imported by plain node in a fresh process, loads only what
 * it needs: the client (`celerity`) loads neither worker, beat, admin nor generator code nor the
 * codegen-only dependencies (prettier, handlebars, yaml); the generator loads no Redis code.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { buildPackage } from "../../tools/build-package.ts";
import { importEntry } from "../../tools/import-entry.ts";

/** A loaded module's place: `pkg:<name>` for a dependency, `dist/<dir>` for our own code. */
function place(path: string): string {
  const nodeModules = path.lastIndexOf("/node_modules/");
  if (nodeModules >= 0) {
    const [scope = "", name = ""] = path.slice(nodeModules + "/node_modules/".length).split("/");
    return `pkg:${scope.startsWith("@") ? `${scope}/${name}` : scope}`;
  }
  const dist = path.indexOf("/dist/");
  return dist >= 0
    ? path
        .slice(dist + 1)
        .split("/")
        .slice(0, 3)
        .join("/")
        .replace(/\.js$/, "")
    : path;
}

const CODEGEN_ONLY = ["pkg:prettier", "pkg:handlebars", "pkg:yaml", "pkg:ts-morph", "pkg:typescript"];

const FORBIDDEN: Record<string, string[]> = {
  // fengari runs the memory broker's Lua: loaded on first use of `memory://`, never by importing.
  celerity: [
    ...CODEGEN_ONLY,
    "pkg:fengari",
    "pkg:croner",
    "pkg:ajv",
    "dist/runtime/worker",
    "dist/runtime/beat",
    "dist/runtime/admin",
    "dist/generator",
    "dist/cli",
  ],
  "celerity/worker": [
    ...CODEGEN_ONLY,
    "pkg:fengari",
    "pkg:croner",
    "dist/runtime/beat",
    "dist/runtime/admin",
    "dist/generator",
    "dist/cli",
  ],
  "celerity/beat": [...CODEGEN_ONLY, "dist/runtime/worker", "dist/runtime/admin", "dist/generator", "dist/cli"],
  "celerity/admin": [...CODEGEN_ONLY, "dist/generator", "dist/cli"],
  "celerity/testing": [...CODEGEN_ONLY, "dist/runtime/admin", "dist/generator", "dist/cli"],
  "celerity/generator": ["pkg:ioredis", "dist/runtime/broker", "dist/runtime/worker", "dist/runtime/admin", "dist/cli"],
};

before(() => {
  buildPackage();
});

for (const [entry, forbidden] of Object.entries(FORBIDDEN)) {
  test(`import "${entry}" with plain node loads none of ${forbidden.join(", ")}`, async () => {
    const { modules } = await importEntry(entry, { record: true });
    const places = new Set(modules.map(place));
    assert.ok(places.size > 1, `recorded no modules for ${entry}: ${[...places].join(", ")}`);
    const loaded = forbidden.filter((p) => places.has(p));
    assert.deepEqual(
      loaded,
      [],
      `${entry} loaded ${loaded.join(", ")}; everything it loaded: ${[...places].sort().join(", ")}`,
    );
  });
}
