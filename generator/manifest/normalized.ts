import type { PeriodicSpec, ScheduleSpec } from "../../runtime/spec/types.ts";
import type { RateLimit } from "../util/rate-limit.ts";

/** A retry policy with every Celery default filled in (the runtime's `RetryPolicySpec`). */
export interface NormalizedRetryPolicy {
  autoretryFor: string[];
  dontAutoretryFor: string[];
  maxRetries: number | null;
  backoffMs: number | null;
  backoffMaxMs: number;
  jitter: boolean;
  retryDelayMs: number;
}

/** One task, with defaults applied and durations in milliseconds. */
export interface NormalizedTask {
  name: string;
  description: string | null;
  handler: {
    /** Absolute path of the handler module. */
    file: string;
    /** As written in the manifest, relative to it. */
    module: string;
    exportName: string;
  };
  /** The args JSON Schema; `true` when the manifest declares none. */
  args: unknown;
  /** The result JSON Schema, or null when the manifest declares none. */
  result: unknown;
  queue: string;
  priority: number;
  timeLimitMs: number | null;
  expiresMs: number | null;
  rateLimit: RateLimit | null;
  acksLate: boolean;
  /** `ignore_result: true`: the state is kept, the result is not stored. */
  ignoreResult: boolean;
  resultExpiresMs: number;
  retry: NormalizedRetryPolicy | null;
}

/** When a periodic entry fires: exactly the runtime's `ScheduleSpec` (registry.ts `satisfies` it). */
export type NormalizedSchedule = ScheduleSpec;

/** One periodic entry: exactly the runtime's `PeriodicSpec`. */
export type NormalizedPeriodic = PeriodicSpec;

/** The validated manifest with every default resolved; tasks and periodic entries sorted by name. */
export interface NormalizedManifest {
  version: 1;
  app: string;
  /** First 16 hex digits of the manifest text's sha256. */
  hash: string;
  /** The manifest file's name (`tasks.yaml`), as named in generated headers. */
  sourceName: string;
  /** Absolute path of the manifest file. */
  sourcePath: string;
  /** Every queue a task or periodic entry uses, sorted. */
  queues: string[];
  retryPolicies: Record<string, NormalizedRetryPolicy>;
  tasks: NormalizedTask[];
  periodic: NormalizedPeriodic[];
}
