/**
 * The settings that make the peers keep what celerity keeps, in one place so the adapters, the
 * worker children and the README agree. celerity stores every task's record and result for its
 * `result_expires` (1 day in bench/app/tasks.yaml).
 */

/** BullMQ: keep completed (and failed) jobs with their return values for a day, like celerity. */
export const BULLMQ_KEEP = { age: 86_400 } as const;

/**
 * Bee-Queue worker: keep job records after success (removeOnSuccess false, its default); results
 * go out as `succeeded` events (sendEvents) because Bee-Queue does not persist return values. The
 * worker does not listen to events itself (getEvents false), as its README suggests.
 */
export const BEE_WORKER_SETTINGS = {
  isWorker: true,
  getEvents: false,
  sendEvents: true,
  storeJobs: false,
  removeOnSuccess: false,
  removeOnFailure: false,
  activateDelayedJobs: false,
} as const;

/** Bee-Queue producer: its README's settings for a queue that only adds jobs. */
export const BEE_PRODUCER_SETTINGS = {
  isWorker: false,
  getEvents: false,
  storeJobs: false,
  sendEvents: false,
} as const;

/** Bee-Queue stall check period (its default stallInterval). */
export const BEE_STALL_CHECK_MS = 5_000;
