// The testing toolkit on an app whose queue is sharded: drain() also waits for canvas steps being
// carried from one shard's slot to another's, so a chain and a chord are done when it returns.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { createTestHarness, type TestApp } from "../runtime/testing/test-app.ts";
import { buildApp, dispatch } from "./fixtures/runtime-app.ts";

describe("createTestHarness() on a queue of 3 shards (memory broker)", () => {
  let t: TestApp<any>;
  beforeEach(async () => {
    t = await createTestHarness<any>({
      app: { ...buildApp("tshards"), shards: { default: 3 } },
      loadDispatch: async () => dispatch,
    });
  });
  afterEach(() => t.close());

  it("drain() returns once a chain and a chord spread over the shards are finished", async () => {
    const c = t.tasks;
    const chain = await c.$chain(c.cv.inc.s({ n: 1 }), ...Array.from({ length: 7 }, () => c.cv.inc.s()));
    const chord = await c.$chord(
      Array.from({ length: 12 }, (_, n) => c.cv.inc.s({ n })),
      c.cv.sum.s({}, { resultAs: "values" }),
    );
    await t.drain();
    // Read without waiting: drain() already saw them finish.
    assert.equal(await chain.state(), "SUCCESS");
    assert.deepEqual(await chain.get({ timeout: 0 }), { n: 9 });
    assert.equal(await chord.state(), "SUCCESS");
    assert.deepEqual(await chord.get({ timeout: 0 }), { n: 78 });
    assert.ok(/\.3s[012]$/.test(chain.id) && /\.3s[012]$/.test(chord.id), "the canvas ran on shards");
  });
});
