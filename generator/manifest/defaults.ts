/** What a manifest gets when it says nothing: Celery's defaults where Celery has one. */
export const DEFAULTS = {
  queue: "default",
  priority: 5,
  resultExpiresMs: 86_400_000,
  acksLate: true,
  retry: {
    maxRetries: 3,
    /** Celery's `default_retry_delay`, used when backoff is off. */
    retryDelayMs: 180_000,
    /** `backoff: true` means a 1 s factor, as in Celery's `retry_backoff=True`. */
    backoffTrueMs: 1000,
    backoffMaxMs: 600_000,
    jitter: true,
  },
} as const;
