// What the client sends as a task's args JSON: what the worker will receive, schema defaults filled in.
// A schema without defaults skips re-serializing the validated copy (issue 14: producer CPU); the
// text must be the same as if it had not.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { prepareCall, prepareMany } from "../runtime/client/prepare.ts";
import { DEFAULT_ARGS_LIMITS } from "../runtime/client/limits.ts";
import type { TaskSpec } from "../runtime/spec/types.ts";
import { testApp } from "./support/app.ts";

const specOf = (args: object): TaskSpec => testApp("prep", { "t.args": { args } }).tasks["t.args"];

const sent = (spec: TaskSpec, args: unknown): string =>
  prepareCall(spec, args, { apply: {}, limits: DEFAULT_ARGS_LIMITS }).items[0].argsJson;

describe("args JSON", () => {
  const open = specOf({ type: "object" });

  it("is the validated JSON of the args when the schema has no defaults, whatever they hold", () => {
    const tricky = {
      z: 1,
      "10": "integer-like keys first, as JSON.parse orders them",
      "2": -0,
      text: 'tab\t quote" \u2028 é 😀 \ud800',
      big: 1e21,
      small: 5e-324,
      when: new Date("2026-12-01T00:00:00Z"),
      gone: undefined,
      list: [1, "two", null, { deep: [true] }],
      ["__proto__"]: { own: true },
    };
    Object.defineProperty(tricky, "__proto__", { value: { own: true }, enumerable: true });
    const text = sent(open, tricky);
    assert.equal(text, JSON.stringify(JSON.parse(JSON.stringify(tricky))), "the same text a re-serialization gives");
    assert.deepEqual(JSON.parse(text).when, "2026-12-01T00:00:00.000Z");
    assert.equal("gone" in JSON.parse(text), false);
  });

  it("fills in defaults, nested ones and those behind a $ref too", () => {
    const spec = specOf({
      type: "object",
      properties: {
        ms: { type: "integer", default: 0 },
        opts: { type: "object", properties: { retries: { type: "integer", default: 3 } }, default: {} },
        item: { $ref: "#/$defs/item" },
      },
      $defs: { item: { type: "object", properties: { kind: { type: "string", default: "plain" } } } },
    });
    assert.deepEqual(JSON.parse(sent(spec, { item: {} })), { ms: 0, opts: { retries: 3 }, item: { kind: "plain" } });
    const batch = prepareMany(spec, [{ ms: 5 }, {}], { apply: {}, limits: DEFAULT_ARGS_LIMITS });
    assert.deepEqual(
      batch.items.map((i) => JSON.parse(i.argsJson)),
      [
        { ms: 5, opts: { retries: 3 } },
        { ms: 0, opts: { retries: 3 } },
      ],
    );
  });

  it("fills in defaults when the spec carries no schema to look at", () => {
    const { argsSchema: _unused, ...withoutSchema } = specOf({
      type: "object",
      properties: { ms: { type: "integer", default: 7 } },
    });
    assert.deepEqual(JSON.parse(sent(withoutSchema, {})), { ms: 7 });
  });
});
