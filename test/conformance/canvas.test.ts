// Chains, groups and chords, advanced by the finish script: the same on every backend.
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import { RemoteTaskError } from "../../runtime/mod.ts";
import { conformance, World } from "./support/world.ts";

conformance("canvas", (backend) => {
  let w: World;
  let t: any;
  beforeEach(async () => {
    w = new World(backend);
    t = w.client;
    await w.startWorker({ concurrency: 8 });
  });
  afterEach(() => w.close());

  it("a chain passes each result on as the next step's args", async () => {
    const r = await t.$chain(t.cv.inc.s({ n: 1 }), t.cv.inc.s(), t.cv.inc.s());
    assert.deepEqual(await r.get({ timeout: "10s" }), { n: 4 });
  });

  it("a failing step stops the chain with its error; later steps never run", async () => {
    const key = w.key("stop");
    const r = await t.$chain(t.cv.inc.s({ n: 1, key }), t.util.fail.s({ key }), t.cv.inc.s({ n: 0, key }));
    const error = await r.get({ timeout: "10s", propagate: false });
    assert.ok(error instanceof RemoteTaskError);
    assert.equal(error.name, "TypeError");
    assert.equal(w.runs("stop").length, 2);
  });

  it("a group's results come back in order", async () => {
    const g = await t.$group([t.cv.inc.s({ n: 10 }), t.cv.inc.s({ n: 20 }), t.math.add.s({ a: 1, b: 2 })]);
    assert.deepEqual(await g.get({ timeout: "10s" }), [{ n: 11 }, { n: 21 }, 3]);
    assert.equal(await g.completedCount(), 3);
  });

  it("a chord's callback runs once with every header's result, in header order", async () => {
    const key = w.key("chord");
    const header = Array.from({ length: 20 }, (_, i) => t.cv.inc.s({ n: i }));
    const r = await t.$chord(header, t.cv.sum.s({ key }, { resultAs: "values" }));
    assert.deepEqual(await r.get({ timeout: "10s" }), { n: 210 });
    assert.equal(w.runs("chord").length, 1);
  });
});
