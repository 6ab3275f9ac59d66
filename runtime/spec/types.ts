/**
 * The data contract between `generated/` and the runtime. The generator emits an {@link AppSpec}
 * (in `generated/registry.ts`); the client, worker and beat read nothing else about the manifest.
 * All durations are normalized to milliseconds.
 */

/** One violation reported by a precompiled (ajv standalone) validator. */
export interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A precompiled ajv validator: returns true or sets `errors`. Applies schema defaults in place. */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ValidationIssue[] | null;
}

/** Celery's BaseTaskWithRetry settings, resolved from `retry_policies` plus per-task overrides. */
export interface RetryPolicySpec {
  /** Error names; an error matches when its `name` or any class name in its prototype chain is listed. */
  autoretryFor: readonly string[];
  /** Wins over `autoretryFor`. */
  dontAutoretryFor: readonly string[];
  /** Retries after the first run; `null` retries forever. */
  maxRetries: number | null;
  /** Exponential backoff factor; `null` means a fixed `retryDelayMs`. */
  backoffMs: number | null;
  backoffMaxMs: number;
  /** Full jitter: the countdown is drawn uniformly from [0, countdown]. */
  jitter: boolean;
  /** Countdown when backoff is off (Celery's default_retry_delay, 3 minutes). */
  retryDelayMs: number;
}

/** A global rate limit: at most `limit` task starts per `intervalMs`, across all workers. */
export interface RateLimitSpec {
  limit: number;
  intervalMs: number;
}

/** Everything the runtime needs to know about one task of the manifest. */
export interface TaskSpec {
  name: string;
  queue: string;
  /** 0 (lowest) .. 9 (highest). */
  priority: number;
  timeLimitMs: number | null;
  /** Relative expiry applied at enqueue unless the caller passes `expires`. */
  expiresMs: number | null;
  rateLimit: RateLimitSpec | null;
  acksLate: boolean;
  resultExpiresMs: number;
  retry: RetryPolicySpec | null;
  validateArgs: ValidateFunction;
  validateResult: ValidateFunction | null;
  /** The manifest's JSON Schemas, for the canvas's build-time check that a step's result fits the next step's args. */
  argsSchema?: unknown;
  resultSchema?: unknown;
  /** Manifest `ignore_result: true`: the state is kept, the result is not stored. */
  ignoreResult?: boolean;
}

export type ScheduleSpec =
  { kind: "every"; everyMs: number } | { kind: "cron"; cron: string; timezone: string } | { kind: "at"; at: string };

/** A periodic entry declared in the manifest's `periodic:` section. */
export interface PeriodicSpec {
  name: string;
  task: string;
  schedule: ScheduleSpec;
  args: unknown;
  /** Overrides the task's queue; null uses the task's own. */
  queue: string | null;
  /** Overrides the task's priority (0..9); null uses the task's own. */
  priority: number | null;
  /** Each run's message expires this long after it was sent; null uses the task's own expiry. */
  expiresMs: number | null;
  enabled: boolean;
  /** Disabled after its first run. */
  oneOff: boolean;
  /** ISO 8601 timestamp before which the entry does not fire. */
  startTime: string | null;
  description: string | null;
}

/** The whole application as the runtime sees it. */
export interface AppSpec {
  app: string;
  /** sha256 of the manifest text, shortened; also in every generated file's header. */
  manifestHash: string;
  /** Every queue any task uses, sorted. */
  queues: readonly string[];
  tasks: Readonly<Record<string, TaskSpec>>;
  periodic: readonly PeriodicSpec[];
  /**
   * Shards per queue (manifest `queues: { <name>: { shards: N } }`); a queue not named here has
   * `defaultShards` (manifest `defaults.shards`), and without either one shard: today's layout.
   */
  shards?: Readonly<Record<string, number>>;
  defaultShards?: number;
}
