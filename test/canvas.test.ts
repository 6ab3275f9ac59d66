/**
 * Chain, group and chord against real Redis and a real worker: results flow from step to step,
 * failures stop what follows, chord callbacks run once with every header's result. Each case runs
 * twice: on an app in one slot, and on a queue of 3 shards, where the steps spread over the shards'
 * slots and cross them through the canvas outbox.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { CanvasError, ChordError, RemoteTaskError, TaskArgumentsError, UnknownTaskError } from "../runtime/mod.ts";
import { RuntimeHarness, sleep } from "./support/runtime.ts";
import { buildApp } from "./fixtures/runtime-app.ts";
import { keyspace } from "../runtime/keys/keyspace.ts";
import { expandQueues } from "../runtime/keys/shard-route.ts";
import type { AppSpec } from "../runtime/spec/types.ts";

for (const [label, app] of [
  ["canvas", buildApp()],
  ["canvas on a queue of 3 shards", { ...buildApp(), shards: { default: 3 } }],
] as [string, AppSpec][])
  canvasSuite(label, app);

function canvasSuite(label: string, app: AppSpec): void {
  describe(label, () => {
    let h: RuntimeHarness;
    let t: any;
    const ks = () => keyspace(app.app, h.prefix);
    /** Members of one ZSET role (delayed, leases) over every part of the default queue. */
    const members = async (role: "delayed" | "leases") =>
      (await Promise.all(expandQueues(app, ["default"]).map((q) => h.redis.zrange(ks()[role](q), "0", "-1")))).flat();
    /** Tasks indexed for the admin over every slot. */
    const indexed = async () =>
      (await Promise.all(expandQueues(app, ["default"]).map((q) => h.redis.zcard(ks().forQueue(q).recent)))).reduce(
        (a, b) => a + b,
        0,
      );
    before(async () => {
      h = new RuntimeHarness(label.replace(/ /g, "-"), app);
      t = h.client;
      await h.startWorker({ concurrency: 8 });
    });
    after(async () => {
      await h.close();
    });

    test("a chain passes each result on as the next step's args", async () => {
      const r = await t.$chain(t.cv.inc.s({ n: 1 }), t.cv.inc.s(), t.cv.inc.s());
      assert.deepEqual(await r.get({ timeout: "10s" }), { n: 4 });
      const parent = await r.parent();
      assert.ok(parent);
      assert.deepEqual(await parent.get({ timeout: "1s" }), { n: 3 });
      const children = await parent.children();
      assert.deepEqual(
        children.map((c: any) => c.id),
        [r.id],
      );
    });

    test("resultAs merges the previous result under a field, the other args given now", async () => {
      const r = await t.$chain(
        t.math.add.s({ a: 1, b: 2 }),
        t.math.add.s({ a: 10 }, { resultAs: "b" }),
        t.math.add.s({ b: 100 }, { resultAs: "a" }),
      );
      assert.equal(await r.get({ timeout: "10s" }), 113);
    });

    test("a failing step stops the chain: its error is the chain's, later steps never start", async () => {
      const key = h.key("stop");
      const r = await t.$chain(t.cv.inc.s({ n: 1, key }), t.cv.boom.s({ key }), t.cv.inc.s(), t.cv.inc.s());
      const error = await r.get({ timeout: "10s", propagate: false });
      assert.ok(error instanceof RemoteTaskError);
      assert.equal(error.name, "BoomError");
      assert.equal(await r.state(), "PENDING");
      assert.equal(await r.failed(), true);
      assert.equal(await r.successful(), false);
      await assert.rejects(r.get({ timeout: "1s" }), (e: Error) => e.name === "BoomError");
      assert.equal(Object.keys(await h.runs("stop")).length, 2);
    });

    test("a step revoked or expired before it runs stops its chain; a revoked header fails the chord", async () => {
      const chain = await t.$chain(t.cv.inc.s({ n: 1 }, { countdown: "2s" }), t.cv.inc.s());
      const first = await chain.parent();
      assert.equal(first, null, "the last step has no record yet, so no parent to read");
      const [head] = await members("delayed");
      await t.$result(head!.split("|")[1]).revoke();
      const revoked = await chain.get({ timeout: "5s", propagate: false });
      assert.equal(revoked.name, "TaskRevokedError");
      const expired = await t.$chain(t.cv.inc.s({ n: 1 }, { countdown: "200ms", expires: "50ms" }), t.cv.inc.s());
      const error = await expired.get({ timeout: "5s", propagate: false });
      assert.equal(error.name, "TaskRevokedError");
      assert.match(error.message, /expired/);
      const chord = await t.$chord(
        [t.cv.inc.s({ n: 1 }), t.cv.inc.s({ n: 2 }, { countdown: "2s" })],
        t.cv.sum.s({}, { resultAs: "values" }),
      );
      // Every task still waiting out a countdown is this chord's late header (or one already revoked above).
      for (const member of await members("delayed")) await t.$result(member.split("|")[1]).revoke();
      const chordError = await chord.get({ timeout: "5s", propagate: false });
      assert.equal(chordError.name, "ChordError");
      assert.equal(chordError.error.name, "TaskRevokedError");
    });

    test("a running step revoked with terminate stops its chain, even when its handler still returns", async () => {
      // util.sleep ignores ctx.signal and returns: its run reads REVOKED (terminated) all the same.
      const chain = await t.$chain(t.util.sleep.s({ ms: 400 }), t.cv.inc.s());
      await sleep(100);
      const running = await members("leases");
      assert.equal(running.length, 1);
      await t.$result(running[0]!.split("|")[1]).revoke({ terminate: true });
      const error = await chain.get({ timeout: "5s", propagate: false });
      assert.equal(error.name, "TaskRevokedError");
      assert.equal(await t.$result(running[0]!.split("|")[1]).state(), "REVOKED");
    });

    test("a group's results come back in order; $groupResult reopens it", async () => {
      const g = await t.$group([t.cv.inc.s({ n: 10 }), t.cv.inc.s({ n: 20 }), t.math.add.s({ a: 1, b: 2 })]);
      assert.deepEqual(await g.get({ timeout: "10s" }), [{ n: 11 }, { n: 21 }, 3]);
      assert.equal(await g.ready(), true);
      assert.equal(await g.completedCount(), 3);
      assert.equal(await g.successful(), true);
      assert.equal(await g.failed(), false);
      const again = await t.$groupResult(g.id);
      assert.deepEqual(await again.get({ timeout: "1s" }), [{ n: 11 }, { n: 21 }, 3]);
      assert.equal(again.results.length, 3);
    });

    test("a chord's callback runs once with every header's result, in header order", async () => {
      const key = h.key("chord");
      const header = Array.from({ length: 20 }, (_, i) => t.cv.inc.s({ n: i, ms: (i * 7) % 20 }));
      const r = await t.$chord(header, t.cv.sum.s({ key }, { resultAs: "values" }));
      assert.deepEqual(await r.get({ timeout: "10s" }), { n: 210 });
      assert.deepEqual(Object.values(await h.runs("chord")), [1]);
    });

    test("a chord of 1,500 headers hands the callback every result (read in slices of 1,000)", async () => {
      const header = Array.from({ length: 1500 }, (_, i) => t.math.add.s({ a: i, b: 0 }));
      const r = await t.$chord(header, t.cv.sum.s({}, { resultAs: "values" }));
      // What matters is the list the callback was sent (cv.sum itself expects objects and fails on numbers).
      const callback = await h.redis.hget(ks().task(r.id), "a");
      assert.equal(callback, null, "not sent before the headers ran");
      await r.get({ timeout: "30s", propagate: false });
      const args = JSON.parse((await h.redis.hget(ks().task(r.id), "a"))!);
      assert.deepEqual(
        args.values,
        Array.from({ length: 1500 }, (_, i) => i),
      );
    });

    test("a header that retries is counted once", async () => {
      const key = h.key("retry-once");
      const r = await t.$chord(
        [t.cv.flaky.s({ n: 5, key }), t.cv.inc.s({ n: 1 })],
        t.cv.sum.s({}, { resultAs: "values" }),
      );
      assert.deepEqual(await r.get({ timeout: "10s" }), { n: 7 });
      assert.deepEqual(Object.values(await h.runs("retry-once")), [2]);
    });

    test("a failed header fails the callback with a ChordError naming it", async () => {
      const key = h.key("chord-fail");
      const r = await t.$chord(
        [t.cv.inc.s({ n: 1 }), t.cv.boom.s({ key })],
        t.cv.sum.s({ key }, { resultAs: "values" }),
      );
      const error = await r.get({ timeout: "10s", propagate: false });
      assert.ok(error instanceof ChordError, String(error));
      assert.equal(error.failedTaskName, "cv.boom");
      assert.equal(error.error.name, "BoomError");
      assert.match(error.message, /header task cv\.boom \(.+\) failed: BoomError: boom/);
      await sleep(200);
      // The callback never ran: only the header's run is recorded.
      assert.equal(Object.keys(await h.runs("chord-fail")).length, 1);
    });

    test("nesting: a chain ending in a chord, a group of chains, a chord inside a chain", async () => {
      const r1 = await t.$chain(
        t.cv.inc.s({ n: 0 }),
        t.$chord.s([t.cv.inc.s(), t.cv.inc.s()], t.cv.sum.s({}, { resultAs: "values" })),
        t.cv.inc.s(),
      );
      assert.deepEqual(await r1.get({ timeout: "10s" }), { n: 5 });
      const g = await t.$group([
        t.$chain.s(t.cv.inc.s({ n: 1 }), t.cv.inc.s()),
        t.$chain.s(t.cv.inc.s({ n: 10 }), t.cv.inc.s(), t.cv.inc.s()),
      ]);
      assert.deepEqual(await g.get({ timeout: "10s" }), [{ n: 3 }, { n: 13 }]);
      // chain(a, group(b, c), d) is chain(a, chord([b, c], d)), as in Celery
      const r2 = await t.$chain(
        t.cv.inc.s({ n: 1 }),
        t.$group.s([t.cv.inc.s(), t.cv.inc.s()]),
        t.cv.sum.s({}, { resultAs: "values" }),
      );
      assert.deepEqual(await r2.get({ timeout: "10s" }), { n: 6 });
    });

    test("build-time errors send nothing: unknown task, bad args, a result that cannot fit", async () => {
      const before = await indexed();
      await assert.rejects(
        t.$chain({ kind: "task", task: "cv.nope", args: {}, options: {} }),
        (e: UnknownTaskError) => e.code === "UNKNOWN_TASK" && /cv\.nope/.test(e.message),
      );
      await assert.rejects(
        t.$chain(t.math.add.s({ a: 1, b: 2 }), t.math.add.s({ a: "x" }, { resultAs: "b" })),
        TaskArgumentsError,
      );
      // The first step receives nothing: its own args must be complete.
      await assert.rejects(t.$chain(t.cv.inc.s(), t.cv.inc.s()), (e: TaskArgumentsError) =>
        /args\.n: is required/.test(e.message),
      );
      assert.throws(() => t.cv.inc.s({ n: "two" }), TaskArgumentsError);
      await assert.rejects(
        t.$chain(t.cv.inc.s({ n: 1 }), t.cv.label.s()),
        (e: CanvasError) =>
          e.code === "CANVAS_STEP_MISMATCH" && /cv\.inc/.test(e.message) && /cv\.label/.test(e.message),
      );
      await assert.rejects(
        t.$chain(t.cv.inc.s({ n: 1 }), t.cv.inc.s(), t.math.add.s()),
        (e: CanvasError) => e.code === "CANVAS_STEP_MISMATCH",
      );
      await assert.rejects(
        t.$chain(t.cv.sum.s({}, { resultAs: "values" })),
        (e: CanvasError) => e.code === "CANVAS_NO_INPUT",
      );
      assert.equal(await indexed(), before);
    });
  });
}
