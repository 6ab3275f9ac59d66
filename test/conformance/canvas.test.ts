// Chains, groups and chords, advanced by the finish script: the same on every backend, on an app in
// one slot and on a queue of 3 shards, whose steps cross slots through the canvas outbox (on the
// cluster backend a call that touched two slots would fail with CROSSSLOT).
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import { ChordError, RemoteTaskError, type AppSpec } from "../../runtime/mod.ts";
import { routeTask } from "../../runtime/keys/shard-route.ts";
import { conformance, World } from "./support/world.ts";
import { conformanceApp } from "./support/app.ts";
import { idsOnShards } from "../support/shard-ids.ts";

for (const [title, app] of [
  ["canvas", () => conformanceApp()],
  ["canvas on a queue of 3 shards", () => ({ ...conformanceApp(), shards: { default: 3 } })],
] as [string, () => AppSpec][]) {
  conformance(title, (backend) => {
    let w: World;
    let t: any;
    /** Task ids of this world, one per shard in turn (an unsharded app takes them as they are). */
    const spread = (n: number, tag: string): string[] => idsOnShards(w.app, "default", `${tag}-${w.prefix}`, n);
    beforeEach(async () => {
      w = new World(backend, app());
      t = w.client;
      await w.startWorker({ concurrency: 8 });
    });
    afterEach(() => w.close());

    it("a chain passes each result on as the next step's args", async () => {
      const [a, b, c] = spread(3, "chain");
      const r = await t.$chain(
        t.cv.inc.s({ n: 1 }, { taskId: a }),
        t.cv.inc.s(undefined, { taskId: b }),
        t.cv.inc.s(undefined, { taskId: c }),
      );
      assert.deepEqual(await r.get({ timeout: "10s" }), { n: 4 });
    });

    it("a failing step stops the chain with its error; later steps never run", async () => {
      const key = w.key("stop");
      const [a, b, c] = spread(3, "stop");
      const r = await t.$chain(
        t.cv.inc.s({ n: 1, key }, { taskId: a }),
        t.util.fail.s({ key }, { taskId: b }),
        t.cv.inc.s({ n: 0, key }, { taskId: c }),
      );
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
      const ids = spread(21, "chord");
      const header = ids.slice(0, 20).map((taskId, i) => t.cv.inc.s({ n: i }, { taskId }));
      const r = await t.$chord(header, t.cv.sum.s({ key }, { resultAs: "values", taskId: ids[20] }));
      assert.deepEqual(await r.get({ timeout: "10s" }), { n: 210 });
      assert.equal(w.runs("chord").length, 1);
    });

    it("a failed header fails the callback with a ChordError; its error link runs", async () => {
      const key = w.key("chord-fail");
      const [a, b, c] = spread(3, "chord-fail");
      const r = await t.$chord(
        [t.cv.inc.s({ n: 1 }, { taskId: a }), t.util.fail.s({ key }, { taskId: b })],
        t.cv.sum.s({ key }, { resultAs: "values", taskId: c }),
      );
      const error = await r.get({ timeout: "10s", propagate: false });
      assert.ok(error instanceof ChordError, String(error));
      assert.equal(error.failedTaskName, "util.fail");
      const [failing, errback] = spread(2, "errback");
      const linked = await t.util.fail.applyAsync(
        { key },
        { taskId: failing, linkError: [t.util.record.s({ key: w.key("errback") }, { taskId: errback })] },
      );
      await linked.get({ timeout: "10s", propagate: false });
      for (let i = 0; i < 200 && w.runs("errback").length === 0; i++) await new Promise((res) => setTimeout(res, 10));
      assert.equal(w.runs("errback").length, 1, "the error link ran");
      assert.equal(w.runs("chord-fail").length, 2, "the failing header and the failing task; never the callback");
    });

    it("a step revoked before it runs stops its chain", async () => {
      const [a, b] = spread(2, "revoke");
      const r = await t.$chain(
        t.cv.inc.s({ n: 1 }, { taskId: a, countdown: "5s" }),
        t.cv.inc.s(undefined, { taskId: b }),
      );
      await t.$result(routeTask(w.app, "default", a).id).revoke();
      const error = await r.get({ timeout: "5s", propagate: false });
      assert.equal(error.name, "TaskRevokedError");
    });
  });
}
