// Break 2 of issue 11, beat: due-ness and the sleep come from Redis's clock. A beat in this process
// runs with Date.now() shifted ±30 s (SkewedClock); the firing script is also called directly with
// a caller's clock that claims a slot is due when Redis says it is not.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { fireDue } from "../runtime/beat/fire-due.ts";
import { beatKeys } from "../runtime/beat/keys.ts";
import { redisTimeMs } from "../runtime/time/redis-clock.ts";
import { BeatHarness, dueOf, eventually, quietLogger } from "./fixtures/beat-harness.ts";
import { SkewedClock } from "./support/skew.ts";

const SKEW_MS = 30_000;

describe("beat by Redis's clock", () => {
  let h: BeatHarness;
  let clock: SkewedClock;
  beforeEach(() => {
    h = new BeatHarness("clock");
    clock = new SkewedClock();
  });
  afterEach(async () => {
    clock.restore();
    await h.close();
  });

  it("the firing script refuses a slot Redis's clock says is not due, whatever the caller's clock says", async () => {
    await h.store.add({ name: "later", task: "core.ping", schedule: { kind: "every", everyMs: 60_000 } });
    const dueMs = Number(await h.redis.zscore(h.ks.beat("due"), "later"));
    const ctx = { redis: h.redis, ks: h.ks, keys: beatKeys(h.ks), app: h.app, log: quietLogger, now: dueMs + 5 };
    const fired = await fireDue(ctx, [{ name: "later", dueMs }]);
    assert.deepEqual(fired, { sent: 0, early: 1 });
    assert.deepEqual(await h.runIdsOf("later"), []);
    assert.equal(Number(await h.redis.zscore(h.ks.beat("due"), "later")), dueMs, "the slot stays where it was");
  });

  for (const skew of [SKEW_MS, -SKEW_MS]) {
    const label = skew > 0 ? "fast" : "slow";
    it(`a beat ${SKEW_MS / 1000} s ${label} fires an every-1 s entry at its slots, not ${SKEW_MS / 1000} s off`, async () => {
      await h.store.add({ name: "tick", task: "core.ping", schedule: { kind: "every", everyMs: 1_000 } });
      clock.set(skew);
      await h.startBeat({ pollMs: 20 });
      const seen = new Map<string, number>();
      await eventually(async () => {
        const now = await redisTimeMs(h.redis);
        for (const id of await h.runIdsOf("tick")) if (!seen.has(id)) seen.set(id, now);
        return seen.size >= 2;
      }, 5_000);
      for (const [id, observedAt] of seen)
        assert.ok(observedAt >= dueOf(id), `${id} was sent ${dueOf(id) - observedAt} ms before its slot`);
    });
  }
});
