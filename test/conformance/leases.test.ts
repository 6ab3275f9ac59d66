// Leases, redelivery after a worker dies, poison tasks and dead letters: the same on every backend.
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import { RemoteTaskError, TimeLimitExceeded } from "../../runtime/mod.ts";
import { claim, finish } from "../../runtime/broker/settle.ts";
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
    assert.deepEqual(
      w.runs("lost").map((x) => x.deliveries),
      [2],
    );
  });

  it("fences deliveries: after a redelivery only the current delivery's outcome counts", async () => {
    const r = await w.client.util.record.delay({ key: w.key("fence") });
    const conn = { redis: w.redis, ks: w.ks };
    const start = async () => {
      const { claimed } = await claim(conn, { queues: ["default"], want: 1, leaseMs: 150 });
      assert.equal(claimed.length, 1);
      const [rec] = await startClaimed(conn, claimed, { workerId: "w", maxDeliveries: 5, maxPayloadBytes: 1 << 20 });
      assert.equal(rec!.kind, "run");
      return rec!.claimed;
    };
    const first = await start();
    await new Promise((res) => setTimeout(res, 250));
    const second = await start();
    assert.notEqual(first.token, second.token, "each delivery has its own token");
    assert.deepEqual(
      (await finish(conn, [{ kind: "ok", claimed: first, resultJson: '"stale"' }])).refused,
      [r.id],
      "the superseded delivery is refused",
    );
    assert.equal(await r.state(), "STARTED");
    assert.deepEqual((await finish(conn, [{ kind: "ok", claimed: second, resultJson: '"live"' }])).refused, []);
    assert.equal(await r.get({ timeout: "1s" }), "live");
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
    await assert.rejects(
      r.get({ timeout: "5s" }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "PoisonTaskError",
    );
    assert.notEqual(await w.redis.zscore(w.ks.dead, r.id), null);
    assert.equal(w.runs("poison").length, 0);
  });

  it("buries garbage found in a ready queue with a reason and keeps working", async () => {
    await w.redis.lpush(w.ks.ready("default", 5), "not a valid id!");
    await w.startWorker();
    const ok = await w.client.math.add.delay({ a: 1, b: 1 });
    assert.equal(await ok.get({ timeout: "5s" }), 2);
    const raw = Object.values(await w.redis.hgetall(w.ks.deadRaw)).map((v) => JSON.parse(v as string));
    assert.deepEqual(
      raw.map((x) => x.reason),
      ["not a task id (garbage in the ready queue)"],
    );
    assert.equal(raw[0].raw, "not a valid id!");
  });

  it("fails a task past its hard time limit", async () => {
    await w.startWorker({ timeLimitGraceMs: 100 });
    const r = await w.client.util.slow.delay({ key: w.key("slow"), ms: 5000 });
    await assert.rejects(
      r.get({ timeout: "5s" }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === TimeLimitExceeded.name,
    );
  });
});
