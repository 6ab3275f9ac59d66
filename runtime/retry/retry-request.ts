import type { RetryRequestOptions } from "../task/types.ts";

/**
 * Thrown by `ctx.retry()` to end the run (Celery's `raise self.retry()`). The worker turns it into a
 * scheduled retry; a handler that catches it by accident should rethrow it.
 */
export class RetryRequest extends Error {
  readonly code = "RETRY_REQUESTED";
  readonly options: RetryRequestOptions;
  constructor(options: RetryRequestOptions) {
    super("retry requested");
    this.name = "RetryRequest";
    this.options = options;
  }
}
