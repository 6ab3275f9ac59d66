// Break 2 of issue 11: a worker or client whose clock is off must not change when tasks run. Lease
// deadlines, lease recovery, promotion of delayed tasks and expiry come from Redis's clock inside
// the scripts; this process's Date.now() is shifted by ±40 s (SkewedClock) while the worker runs.
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { claim } from "../runtime/broker/settle.ts";
import { startClaimed } from "../runtime/broker/start.ts";
import { takeRateToken } from "../runtime/broker/rate-limit.ts";
import { redisTimeMs } from "../runtime/time/redis-clock.ts";
import { eventually, RuntimeHarness } from "./support/runtime.ts";
import { SkewedClock } from "./support/skew.ts";

const SKEW_MS = 40_000;

describe("a worker whose clock is 40 s off", () => {
  let h: RuntimeHarness;
  let clock: SkewedClock;
  before(() => (clock = new SkewedClock()));
  after(() => clock.restore());
  beforeEach(() => (h = new RuntimeHarness("skew")));
  afterEach(async () => {
    clock.set(0);
    await h.close();
  });

  /** Leases one task the way another worker (with a correct clock) does, without running it. */
  async function leasedElsewhere(id: string, leaseMs: number) {
    const claimed = await claim(h.conn, { queues: ["default"], want: 1, leaseMs });
    assert.deepEqual(
      claimed.claimed.map((c) => c.id),
      [id],
    );
    await startClaimed(h.conn, claimed.claimed, {
      workerId: "worker-with-right-clock",
      maxDeliveries: 5,
      maxPayloadBytes: 1 << 20,
    });
    return claimed.claimed[0];
  }

  it("40 s fast: does not take over a lease another worker holds (no task runs twice at once)", async () => {
    const key = h.key("fast");
    const held = await h.client.util.record.delay({ key });
    await leasedElsewhere(held.id, 30_000);
    clock.set(SKEW_MS);
    await h.startWorker();
    // Each claim also recovers expired leases: once the sentinel ran, the held lease was judged.
    const sentinel = await h.client.util.record.delay({ key });
    assert.equal(await sentinel.get({ timeout: 5 }), sentinel.id);
    assert.deepEqual(
      await h.runs("fast"),
      { [sentinel.id]: 1 },
      "the task leased elsewhere was not run by the fast worker",
    );
    assert.equal(await h.redis.hget(h.ks.task(held.id), "w"), "worker-with-right-clock");
  });

  it("40 s slow: its lease is not seen as expired by a worker with the right clock", async () => {
    const key = h.key("slow");
    clock.set(-SKEW_MS);
    await h.startWorker({ leaseMs: 30_000 });
    const running = await h.client.util.record.delay({ key, ms: 1500 });
    await eventually(async () => (await h.redis.hget(h.ks.task(running.id), "s")) === "STARTED");
    clock.set(0);
    const other = await claim(h.conn, { queues: ["default"], want: 10, leaseMs: 30_000 });
    assert.deepEqual(other.claimed, [], "the slow worker's lease still holds");
    assert.equal(await running.get({ timeout: 5 }), running.id);
    assert.deepEqual(await h.runs("slow"), { [running.id]: 1 });
  });

  it("a countdown counts from Redis's clock: a slow client and a fast worker do not start it early", async () => {
    const key = h.key("countdown");
    const countdownMs = 1500;
    const sentAt = await redisTimeMs(h.redis);
    clock.set(-SKEW_MS);
    const r = await h.client.util.record.applyAsync({ key }, { countdown: countdownMs / 1000 });
    clock.set(SKEW_MS);
    await h.startWorker();
    assert.equal(await r.get({ timeout: 10 }), r.id);
    const [startedReading] = await h.redis.lrange(`${key}:times`, 0, 0);
    const startedAt = clock.real(Number(startedReading), SKEW_MS);
    assert.ok(
      startedAt >= sentAt + countdownMs - 5,
      `started ${startedAt - sentAt} ms after sending, countdown ${countdownMs} ms`,
    );
  });

  it("expiry is judged by Redis's clock: a fast worker does not revoke a task that has not expired", async () => {
    const key = h.key("expiry");
    const r = await h.client.util.record.applyAsync({ key }, { expires: 30 });
    clock.set(SKEW_MS);
    await h.startWorker();
    assert.equal(await r.get({ timeout: 5 }), r.id);
    assert.equal(await r.state(), "SUCCESS");
  });

  it("a retry's countdown counts from Redis's clock, not the fast worker's", async () => {
    clock.set(SKEW_MS);
    await h.startWorker();
    const r = await h.client.util.manual.delay({ key: h.key("retry"), mode: "until-2" });
    assert.deepEqual(await r.get({ timeout: 5 }), { retries: 2 });
    const doneAt = await redisTimeMs(h.redis);
    const eta = Number(await h.redis.hget(h.ks.task(r.id), "eta"));
    assert.ok(
      eta <= doneAt,
      `the last retry was due at ${eta - doneAt} ms from its finish by Redis's clock (must be in the past)`,
    );
  });

  it("rate limits are timed by Redis's clock: a fast worker's start does not block a correct one for 40 s", async () => {
    const limit = { limit: 5, intervalMs: 1000 };
    clock.set(SKEW_MS);
    assert.equal(await takeRateToken(h.conn, "util.limited", limit), 0, "the fast worker starts one");
    clock.set(0);
    const waitMs = await takeRateToken(h.conn, "util.limited", limit);
    assert.ok(waitMs <= 200, `the next start waits ${waitMs} ms (one interval/limit step is 200 ms)`);
  });
});
