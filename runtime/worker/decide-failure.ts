import type { Due, Outcome } from "../broker/finish.ts";
import type { Claimed } from "../broker/claim.ts";
import { MaxRetriesExceededError } from "../errors/max-retries-exceeded-error.ts";
import { autoretryCountdownMs, canRetry, CELERY_DEFAULT_POLICY, shouldAutoretry } from "../retry/policy.ts";
import { RetryRequest } from "../retry/retry-request.ts";
import type { RetryPolicySpec } from "../spec/types.ts";
import { durationToMs } from "../core/mod.ts";
import { timeToMs } from "../time/instant.ts";
import { serializeError } from "./serialize-error.ts";

export interface FailureInput {
  claimed: Claimed;
  taskName: string;
  retries: number;
  policy: RetryPolicySpec | null;
  error: unknown;
  now: number;
  random?: () => number;
}

/**
 * Celery's rules for a run that threw: `ctx.retry()` and listed errors are retried while retries
 * remain; when they are used up the task fails with the ORIGINAL error, and
 * MaxRetriesExceededError only when `ctx.retry()` carried no error. Anything else fails at once.
 */
export function decideFailure(input: FailureInput): Outcome {
  const policy = input.policy ?? CELERY_DEFAULT_POLICY;
  const { claimed, retries, error, now } = input;
  const fail = (e: unknown): Outcome => ({ kind: "fail", claimed, errorJson: JSON.stringify(serializeError(e)) });
  // A countdown counts from Redis's clock when the retry is recorded; only a user's eta is absolute.
  // A non-finite countdown would store a NaN due time, which no claim ever reaches.
  const retry = (e: unknown, due: Due): Outcome => ({
    kind: "retry",
    claimed,
    errorJson: JSON.stringify(serializeError(e)),
    due: "inMs" in due ? { inMs: Number.isFinite(due.inMs) ? Math.max(0, due.inMs) : 0 } : due,
    retries: retries + 1,
  });

  if (error instanceof RetryRequest) {
    const o = error.options;
    // As Celery's `self.retry(max_retries=None)`: null means "the task's own limit", not "forever"
    // (a task retries forever when its policy says `max_retries: null`).
    const maxRetries = o.maxRetries ?? policy.maxRetries;
    if (!canRetry(maxRetries, retries)) {
      return fail(o.error ?? new MaxRetriesExceededError(input.taskName, claimed.id, maxRetries ?? 0));
    }
    // Celery: countdown, when given, wins over eta; with neither, default_retry_delay.
    let countdown = policy.retryDelayMs;
    let eta: number | null = null;
    if (o.countdown !== undefined) countdown = durationToMs(o.countdown, "countdown");
    else if (o.eta !== undefined) countdown = (eta = timeToMs(o.eta, "eta")) - now;
    const due: Due = eta !== null ? { atMs: eta } : { inMs: countdown };
    return retry(o.error ?? Object.assign(new Error(`Retry in ${countdown}ms`), { name: "Retry" }), due);
  }
  if (shouldAutoretry(policy, error)) {
    if (!canRetry(policy.maxRetries, retries)) return fail(error);
    return retry(error, { inMs: autoretryCountdownMs(policy, retries, input.random) });
  }
  return fail(error);
}
