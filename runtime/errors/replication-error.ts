import { CelerityError } from "./celerity-error.ts";

/**
 * The enqueue was written, but fewer replicas than asked acknowledged it within the timeout
 * (`durability` client option): a master crash now could still lose it. Enqueueing the same ids
 * again is safe (idempotent), so a caller that must not lose it retries.
 */
export class ReplicationError extends CelerityError {
  readonly acknowledged: number;
  readonly wanted: number;
  constructor(acknowledged: number, wanted: number, timeoutMs: number) {
    super(
      "REPLICATION_TIMEOUT",
      `enqueue written but acknowledged by ${acknowledged} of ${wanted} replicas within ${timeoutMs} ms; it may be lost if its master fails now`,
    );
    this.acknowledged = acknowledged;
    this.wanted = wanted;
  }
}
