// Leases, redelivery after a worker dies, poison tasks and dead letters: the same on every backend.
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import { RemoteTaskError, TimeLimitExceeded } from "../../runtime/mod.ts";
import { claim } from "../../runtime/broker/settle.ts";
import { startClaimed } from "../../runtime/broker/start.ts";
import { conformance, World } from "./support/world.ts";

conformance("leases and dead letters", (backend) => {
  let w: World;
  beforeEach(() => (w = new World(backend)));
  afterEach(() => w.close());

  it("redelivers a task whose worker died (its lease ran out)", async () => {
    const r = await w.client.util.record.delay({ key: w.key("lost") });
    // A "worker" leases and starts the task, then vanishes without finishing or renewing.
    const conn = { redis: w.redis, ks: w.ks };
    const { claimed } = await claim(conn, { queues: ["default"], want: 1, leaseMs: 200 });
    assert.equal(claimed.length, 1);
    await startClaimed(conn, claimed, { workerId: "ghost", maxDeliveries: 5, maxPayloadBytes: 1 << 20 });
    assert.equal(await r.state(), "STARTED");
    await w.startWorker();
    await r.get({ timeout: "5s" });
    assert.deepEqual(w.runs("lost").map((x) => x.deliveries), [2]);
  });

  it("renews leases while a handler runs, so a long task is not redelivered", async () => {
    await w.startWorker({ leaseMs: 300 });
    await w.startWorker({ leaseMs: 300 });
    const r = await w.client.util.record.delay({ key: w.key("long"), ms: 1000 });
    await r.get({ timeout: "5s" });
    assert.equal(w.runs("long").length, 1);
  });

  it("dead-letters a poison task after too many deliveries", async () => {
    const r = await w.client.util.record.delay({ key: w.key("poison") });
    await w.redis.hset(w.ks.task(r.id), "d", "5");
    await w.startWorker({ maxDeliveries: 5 });
    await assert.rejects(r.get({ timeout: "5s" }), (e: unknown) => e instanceof RemoteTaskError && e.name === "PoisonTaskError");
    assert.notEqual(await w.redis.zscore(w.ks.dead, r.id), null);
    assert.equal(w.runs("poison").length, 0);
  });

  it("buries garbage found in a ready queue with a reason and keeps working", async () => {
    await w.redis.lpush(w.ks.ready("default", 5), "not a valid id!");
    await w.startWorker();
    const ok = await w.client.math.add.delay({ a: 1, b: 1 });
    assert.equal(await ok.get({ timeout: "5s" }), 2);
    const raw = Object.values(await w.redis.hgetall(w.ks.deadRaw)).map((v) => JSON.parse(v as string));
    assert.deepEqual(raw.map((x) => x.reason), ["not a task id (garbage in the ready queue)"]);
    assert.equal(raw[0].raw, "not a valid id!");
  });

  it("fails a task past its hard time limit", async () => {
    await w.startWorker({ timeLimitGraceMs: 100 });
    const r = await w.client.util.slow.delay({ key: w.key("slow"), ms: 5000 });
    await assert.rejects(r.get({ timeout: "5s" }), (e: unknown) => e instanceof RemoteTaskError && e.name === TimeLimitExceeded.name);
  });
});
