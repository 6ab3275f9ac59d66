import type { RetryPolicySpec } from "../spec/types.ts";
import { UnrecoverableError } from "../errors/unrecoverable-error.ts";
import { errorMatches } from "./error-names.ts";

/** Celery's defaults for a task with no retry policy: `ctx.retry()` still works with these. */
export const CELERY_DEFAULT_POLICY: RetryPolicySpec = {
  autoretryFor: [],
  dontAutoretryFor: [],
  maxRetries: 3,
  backoffMs: null,
  backoffMaxMs: 600_000,
  jitter: true,
  retryDelayMs: 180_000,
};

/** Whether a thrown error is retried automatically: listed, not excluded, not unrecoverable. */
export function shouldAutoretry(policy: RetryPolicySpec, error: unknown): boolean {
  if (error instanceof UnrecoverableError) return false;
  if (errorMatches(error, policy.dontAutoretryFor)) return false;
  return errorMatches(error, policy.autoretryFor);
}

/**
 * The countdown before retry number `retries + 1`, where `retries` counts retries already done
 * (0 after the first run): min(backoff_max, factor * 2^retries), then full jitter if enabled.
 * Without backoff (false, or 0 as in Celery) it is the fixed retry delay, as Celery's
 * default_retry_delay. Always a finite number.
 */
export function autoretryCountdownMs(
  policy: RetryPolicySpec,
  retries: number,
  random: () => number = Math.random,
): number {
  // Celery's `if retry_backoff:` treats 0 as "no backoff"; here it would be 0 * 2^1024 = NaN.
  if (policy.backoffMs === null || !(policy.backoffMs > 0)) return policy.retryDelayMs;
  // 2^retries overflows to Infinity past 1023 retries, which the cap turns back into backoff_max.
  const countdown = Math.min(policy.backoffMaxMs, policy.backoffMs * 2 ** retries);
  return policy.jitter ? Math.floor(random() * (countdown + 1)) : countdown;
}

/** True when another retry is allowed after `retries` retries. */
export function canRetry(maxRetries: number | null, retries: number): boolean {
  return maxRetries === null || retries < maxRetries;
}
