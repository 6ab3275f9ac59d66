// Retry decisions that must agree with Celery 5.2 (issue 11, "Celery and cron conformance"). Pure:
// decideFailure is the function the worker calls, given an injected `now`.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Claimed } from "../runtime/broker/claim.ts";
import { autoretryCountdownMs, CELERY_DEFAULT_POLICY, RetryRequest } from "../runtime/retry/mod.ts";
import type { RetryPolicySpec } from "../runtime/spec/types.ts";
import { decideFailure } from "../runtime/worker/decide-failure.ts";

const claimed: Claimed = { id: "t-1", queue: "default", priority: 5, member: "5|t-1" };
const NOW = Date.parse("2026-12-01T12:00:00Z");
const policy = (over: Partial<RetryPolicySpec>): RetryPolicySpec => ({
  ...CELERY_DEFAULT_POLICY,
  autoretryFor: ["NetworkError"],
  ...over,
});
const networkError = () => Object.assign(new Error("down"), { name: "NetworkError" });

function outcome(p: RetryPolicySpec, error: unknown, retries = 0) {
  return decideFailure({ claimed, taskName: "t", retries, policy: p, error, now: NOW, random: () => 0.5 });
}

describe("retries agree with Celery", () => {
  it("backoff 0 is 'no backoff' (retry_delay), and never a non-finite due time, even after 1024 retries", () => {
    const p = policy({ backoffMs: 0, retryDelayMs: 180_000, maxRetries: null, jitter: false });
    for (const retries of [0, 5, 1023, 1024, 5000]) {
      assert.equal(autoretryCountdownMs(p, retries), 180_000, `retries=${retries}`);
      const o = outcome(p, networkError(), retries);
      assert.equal(o.kind, "retry");
      assert.deepEqual((o as { due: unknown }).due, { inMs: 180_000 });
    }
    const jittered = policy({ backoffMs: 1000, backoffMaxMs: 600_000, maxRetries: null, jitter: true });
    for (const retries of [1023, 1024, 5000])
      assert.ok(Number.isFinite((outcome(jittered, networkError(), retries) as { due: { inMs: number } }).due.inMs));
  });

  it("ctx.retry({ countdown, eta }) with both: countdown wins", () => {
    const o = outcome(policy({}), new RetryRequest({ countdown: 10, eta: new Date(NOW + 3_600_000) }));
    // A countdown counts from Redis's clock when the retry is recorded; an eta is absolute.
    assert.deepEqual((o as { due: unknown }).due, { inMs: 10_000 });
    const etaOnly = outcome(policy({}), new RetryRequest({ eta: new Date(NOW + 3_600_000) }));
    assert.deepEqual((etaOnly as { due: unknown }).due, { atMs: NOW + 3_600_000 });
  });

  it("ctx.retry({ maxRetries: null }) uses the task's max_retries, as Celery's max_retries=None", () => {
    const p = policy({ maxRetries: 2 });
    assert.equal(outcome(p, new RetryRequest({ maxRetries: null }), 1).kind, "retry");
    const spent = outcome(p, new RetryRequest({ maxRetries: null }), 2);
    assert.equal(spent.kind, "fail");
    assert.match((spent as { errorJson: string }).errorJson, /MaxRetriesExceededError/);
    assert.equal(
      outcome(p, new RetryRequest({ maxRetries: 5 }), 2).kind,
      "retry",
      "an explicit number still overrides",
    );
    assert.equal(
      outcome(policy({ maxRetries: null }), new RetryRequest({ maxRetries: null }), 10_000).kind,
      "retry",
      "a policy of null still retries forever",
    );
  });
});
