// The canvas outbox of a sharded queue: a canvas step whose keys lie in another slot is recorded in
// the finishing slot's outbox with the outcome, then carried over. A process that dies in between
// (a worker after recording, a client halfway through a send) loses nothing: a claim on that shard
// finds the entry past its grace and the worker applies it. Garbage in an outbox is dead-lettered.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { keyspace } from "../runtime/keys/keyspace.ts";
import { routeTask } from "../runtime/keys/shard-route.ts";
import { claim, finish } from "../runtime/broker/settle.ts";
import { startClaimed, type StartedRecord } from "../runtime/broker/start.ts";
import { scripts } from "../runtime/broker/scripts.ts";
import { planCanvas } from "../runtime/canvas/build.ts";
import { DEFAULT_ARGS_LIMITS } from "../runtime/client/limits.ts";
import { listDeadLetters } from "../runtime/admin/data/dead-letters.ts";
import type { SendEntry } from "../runtime/canvas/outbox-entry.ts";
import type { AppSpec } from "../runtime/spec/types.ts";
import { buildApp } from "./fixtures/runtime-app.ts";
import { RuntimeHarness } from "./support/runtime.ts";
import { idsOnShards } from "./support/shard-ids.ts";

const app: AppSpec = { ...buildApp("cvo"), shards: { default: 3 } };

/** A task id of this test that routes to shard `index` of the default queue. */
const idOnShard = (prefix: string, index: number, tag: string): string =>
  idsOnShards(app, "default", `${tag}-${prefix}`, index + 1)[index];

describe("the canvas outbox of a sharded queue", () => {
  let h: RuntimeHarness;
  let t: any;
  const ks = () => keyspace(app.app, h.prefix);
  const conn = () => ({ redis: h.redis, ks: ks() });
  const outboxSizes = async () =>
    Promise.all(
      ["default#3s0", "default#3s1", "default#3s2", "default"].map((q) => h.redis.zcard(ks().forQueue(q).canvasOutbox)),
    );
  before(() => {
    h = new RuntimeHarness("cvo", app);
    t = h.client;
  });
  after(() => h.close());

  it("a worker that dies after recording a step's result but before carrying the chain on loses nothing", async () => {
    const first = idOnShard(h.prefix, 0, "a");
    const second = idOnShard(h.prefix, 1, "b");
    const chain = await t.$chain(t.cv.inc.s({ n: 1 }, { taskId: first }), t.cv.inc.s(undefined, { taskId: second }));
    const firstPart = routeTask(app, "default", first).queue;
    // What a worker does up to its crash: lease, start, record the outcome; never the relay.
    const leased = await claim(conn(), { queues: [firstPart], want: 1, leaseMs: 30_000 });
    assert.equal(leased.claimed.length, 1);
    const [rec] = await startClaimed(conn(), leased.claimed, {
      workerId: "doomed-worker",
      maxDeliveries: 5,
      maxPayloadBytes: 1 << 20,
    });
    const settled = await finish(conn(), [
      { kind: "ok", claimed: (rec as StartedRecord).claimed, resultJson: JSON.stringify({ n: 2 }) },
    ]);
    assert.equal(settled.deferred.length, 1, "the next step lives on another shard: deferred");
    assert.equal(await h.redis.exists(ks().task(chain.id)), 0, "the next step is not sent yet");
    assert.deepEqual(await outboxSizes(), [1, 0, 0, 0], "it waits in the first step's shard's outbox");
    await new Promise((r) => setTimeout(r, 150));
    await h.startWorker({ concurrency: 2, canvasOutboxGraceMs: 100 });
    assert.deepEqual(await chain.get({ timeout: "10s" }), { n: 3 });
    assert.equal(await t.$result(routeTask(app, "default", first).id).state(), "SUCCESS");
    assert.deepEqual(await outboxSizes(), [0, 0, 0, 0]);
  });

  it("a client that dies halfway through sending a canvas over several shards: a worker finishes the send", async () => {
    const headers = [0, 1, 2].map((i) => t.cv.inc.s({ n: i * 10 }, { taskId: idOnShard(h.prefix, i, "h") }));
    const plan = planCanvas(app, t.$chord.s(headers, t.cv.sum.s({}, { resultAs: "values" })), {
      limits: DEFAULT_ARGS_LIMITS,
    });
    // The send's first write (its whole plan into the app slot's outbox), and nothing after it.
    const entry: SendEntry = { o: "send", i: `send-${h.prefix}`, p: plan };
    await scripts.canvasOutbox.run(h.redis, [ks().canvasOutbox], ["put", JSON.stringify(entry)]);
    assert.equal(await h.redis.exists(ks().task(plan.roots[0].i)), 0);
    const result = t.$result(plan.result.id);
    assert.deepEqual(await result.get({ timeout: "10s" }), { n: 33 }, "the chord ran, each header once");
    assert.deepEqual(await outboxSizes(), [0, 0, 0, 0]);
  });

  it("garbage in an outbox goes to the dead letters with a reason; the worker keeps going", async () => {
    const outbox = ks().forQueue("default#3s2").canvasOutbox;
    await h.redis.zadd(outbox, 0, "not json at all", 0, JSON.stringify({ o: "ok", i: "x" }));
    // A task on that shard: the claim that leases it finds the stale entries.
    const r = await t.util.record.applyAsync({ key: h.key("after-garbage") }, { taskId: idOnShard(h.prefix, 2, "g") });
    assert.equal(await r.get({ timeout: "10s" }), r.id);
    const letters = async () =>
      (await listDeadLetters({ redis: h.redis, ks: ks(), app }, { page: 1, pageSize: 50 })).items.filter(
        (d) => d.kind === "raw" && /canvas outbox entry/.test(d.reason),
      );
    for (let i = 0; i < 100 && (await letters()).length < 2; i++) await new Promise((res) => setTimeout(res, 50));
    const reasons = (await letters()).map((d) => d.reason);
    assert.equal(reasons.length, 2, JSON.stringify(reasons));
    assert.ok(reasons.some((why) => /not valid JSON/.test(why)));
    assert.ok(reasons.some((why) => /no task name/.test(why)));
    assert.equal(await h.redis.zcard(outbox), 0);
  });
});
