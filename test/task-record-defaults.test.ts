// Enqueue leaves fields at their default out of the task record (priority 5, the one-day result
// ttl), to keep each kept record a listpack allocation step smaller. What reads those fields must
// still see the defaults: a revoke keeps the record for the task's own day, not the caller's
// fallback, and the admin's requeue finds a priority-5 record where it left it.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { enqueueBatch } from "../runtime/broker/enqueue.ts";
import { revokeTask } from "../runtime/broker/revoke.ts";
import { requeueDeadTask } from "../runtime/admin/actions/requeue-dead.ts";
import { RuntimeHarness } from "./support/runtime.ts";

const DAY = 86_400_000;

describe("task record: default fields left out", () => {
  let h: RuntimeHarness;
  before(() => (h = new RuntimeHarness("record-defaults")));
  after(() => h.close());

  const send = async (id: string, priority: number, resultExpiresMs: number) => {
    const item = {
      id,
      name: "math.add",
      argsJson: JSON.stringify({ a: 1, b: 2 }),
      eta: 0,
      countdownMs: null,
      expiresAt: 0,
      expiresInMs: null,
      resultExpiresMs,
    };
    assert.deepEqual(await enqueueBatch(h.conn, [item], { queue: "default", priority }), [true]);
  };

  it("stores p and rx only when they differ from 5 and one day", async () => {
    await send("defaults-plain", 5, DAY);
    await send("defaults-set", 3, 60_000);
    const plain = await h.redis.hgetall(h.ks.task("defaults-plain"));
    assert.equal(plain.s, "PENDING");
    assert.equal(plain.p, undefined);
    assert.equal(plain.rx, undefined);
    const set = await h.redis.hgetall(h.ks.task("defaults-set"));
    assert.equal(set.p, "3");
    assert.equal(set.rx, "60000");
    await send("defaults-zero", 0, DAY);
    assert.equal(await h.redis.hget(h.ks.task("defaults-zero"), "p"), "0");
  });

  it("a revoked record without rx is kept for the default day, whatever fallback the caller passes", async () => {
    await send("defaults-revoke", 5, DAY);
    assert.equal(await revokeTask(h.conn, "defaults-revoke", { ttlMs: 5_000 }), "REVOKED");
    const ttl = await h.redis.pttl(h.ks.task("defaults-revoke"));
    assert.ok(ttl > DAY - 60_000 && ttl <= DAY, `pttl ${ttl}`);
    // An id never enqueued has no record to read: the caller's ttl is what it gets.
    assert.equal(await revokeTask(h.conn, "defaults-unknown", { ttlMs: 5_000 }), "REVOKED");
    assert.ok((await h.redis.pttl(h.ks.task("defaults-unknown"))) <= 5_000);
  });

  it("the admin requeues a dead priority-5 record (no p field) onto the priority-5 list", async () => {
    await send("defaults-dead", 5, DAY);
    // Make it a dead letter as a failed run would: off the ready list, FAILURE, in the dead set.
    await h.redis.lrem(h.ks.ready("default", 5), 0, "defaults-dead");
    await h.redis.hset(h.ks.task("defaults-dead"), "s", "FAILURE", "why", "test");
    await h.redis.zadd(h.ks.forQueue("default").dead, Date.now(), "defaults-dead");
    await requeueDeadTask(h.conn, { app: h.app, id: "defaults-dead" });
    // LPUSH: the newest end of the list (the earlier tests' tasks are still queued behind it).
    assert.equal(await h.redis.lindex(h.ks.ready("default", 5), 0), "defaults-dead");
    assert.equal(await h.redis.hget(h.ks.task("defaults-dead"), "s"), "PENDING");
  });
});
