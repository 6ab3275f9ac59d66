/**
 * Generated code passes `tsc --noEmit` under strict mode, and a handler that disagrees with the
 * manifest fails it at a line a person looks at: the handler's own line when it uses
 * `defineHandler`, else its entry in dispatch.ts (under a comment naming the task).
 */
import assert from "node:assert/strict";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { generateAndWrite } from "../generator/mod.ts";
import { copyProjectFixture, FIXTURES, linkProject, REPO, runTsc, tempDir } from "./generator-helpers.ts";

test("the golden output type-checks together with its handlers", async () => {
  const { dir, cleanup } = await tempDir("typecheck-golden");
  try {
    await linkProject(dir);
    // Keep the repository layout: the fixture handlers import ../../../../golden/golden/define.ts.
    await cp(join(FIXTURES, "golden"), join(dir, "test", "fixtures", "manifests", "golden"), { recursive: true });
    await cp(join(REPO, "test", "golden", "golden"), join(dir, "test", "golden", "golden"), { recursive: true });
    const result = await runTsc(dir);
    assert.equal(result.stdout + result.stderr, "");
    assert.equal(result.code, 0);
  } finally {
    await cleanup();
  }
});

test("a project's generated code, handlers and client calls type-check; wrong calls are errors", async () => {
  const { dir, cleanup } = await tempDir("typecheck-project");
  try {
    await linkProject(dir);
    const project = await copyProjectFixture(dir, "app");
    await generateAndWrite("tasks.yaml", "generated", { cwd: project });
    // app.ts holds `@ts-expect-error` calls with wrong arguments: tsc fails if those were accepted.
    const result = await runTsc(dir);
    assert.equal(result.stdout + result.stderr, "");
    assert.equal(result.code, 0);
  } finally {
    await cleanup();
  }
});

test("a handler with the wrong signature fails tsc at the handler's line or its dispatch entry", async () => {
  const { dir, cleanup } = await tempDir("typecheck-wrong");
  try {
    await linkProject(dir);
    const project = await copyProjectFixture(dir, "app");
    await generateAndWrite("tasks.yaml", "generated", { cwd: project });
    // With defineHandler: returns a string where the manifest says number.
    await writeFile(
      join(project, "handlers", "math.ts"),
      'import { defineHandler } from "../generated/define.ts";\n\nexport const add = defineHandler("math.add", ({ a, b }) => `${a + b}`);\n',
    );
    // Without defineHandler: takes a number where the manifest says an object with orderId.
    await writeFile(
      join(project, "handlers", "orders.ts"),
      "export const ship = async (orderId: number) => ({ trackingCode: String(orderId) });\n",
    );
    const result = await runTsc(dir);
    assert.notEqual(result.code, 0);
    const errors = result.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
    assert.equal(errors.length, 2, result.stdout);
    assert.match(
      errors[0]!,
      /^app\/generated\/dispatch\.ts\((\d+),3\): error TS2322: Type '\(orderId: number\) => Promise<\{ trackingCode: string; \}>' is not assignable to type 'Handler<OrdersShipArgs, OrdersShipResult>'\./,
    );
    assert.match(
      errors[1]!,
      /^app\/handlers\/math\.ts\(3,\d+\): error TS2322: Type 'string' is not assignable to type 'number \| Promise<number>'\./,
    );
    // The dispatch error's line is the entry of orders.ship, right under the comment naming it.
    const line = Number(/dispatch\.ts\((\d+),/.exec(errors[0]!)![1]);
    const dispatch = (await readFile(join(project, "generated", "dispatch.ts"), "utf8")).split("\n");
    assert.equal(dispatch[line - 1], '  "orders.ship": ship,');
    assert.equal(dispatch[line - 2], "  // orders.ship: ./handlers/orders.ts#ship");
  } finally {
    await cleanup();
  }
});

test("a chain whose step cannot take the previous result fails tsc at that step", async () => {
  const { dir, cleanup } = await tempDir("typecheck-chain");
  try {
    await linkProject(dir);
    const project = await copyProjectFixture(dir, "app");
    await generateAndWrite("tasks.yaml", "generated", { cwd: project });
    // math.add returns a number; orders.ship takes { orderId }: the third step is the wrong one.
    await writeFile(
      join(project, "chain.ts"),
      [
        'import { createClient } from "./generated/client.ts";',
        "const tasks = createClient();",
        "export const shipped = tasks.$chain(",
        "  tasks.math.add.s({ a: 1, b: 2 }),",
        '  tasks.math.add.s({ a: 1 }, { resultAs: "b" }),',
        "  tasks.orders.ship.s(),",
        ");",
        "",
      ].join("\n"),
    );
    const result = await runTsc(dir);
    assert.notEqual(result.code, 0);
    const errors = result.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
    assert.equal(errors.length, 1, result.stdout);
    assert.match(
      errors[0]!,
      /^app\/chain\.ts\(6,3\): error TS2345: Argument of type 'Signature<OrdersShipArgs, OrdersShipResult, OrdersShipArgs>' is not assignable to parameter of type 'Step<number, OrdersShipResult>'\./,
    );
  } finally {
    await cleanup();
  }
});
