/**
 * The manifest as parsed from YAML, typed by what manifest.schema.json guarantees. Semantic checks
 * still guard each access, because they also run on manifests the schema rejected (to report all
 * errors in one run).
 */

/** A duration as written: seconds, or `250ms`, `30s`, `5m`, `2h`, `1d`. */
export type RawDuration = number | string;

/** A policy under `retry_policies` (or overrides of one), as written. */
export interface RawRetryPolicy {
  autoretry_for?: string[];
  dont_autoretry_for?: string[];
  max_retries?: number | null;
  backoff?: boolean | RawDuration;
  backoff_max?: RawDuration;
  jitter?: boolean;
  retry_delay?: RawDuration;
}

/** A task's or the defaults' `retry:`: a policy name, false, or overrides on a named policy. */
export type RawRetryRef = string | false | (RawRetryPolicy & { policy?: string });

/** The `defaults:` section, as written. */
export interface RawDefaults {
  queue?: string;
  result_expires?: RawDuration;
  retry?: RawRetryRef;
  priority?: number;
  time_limit?: RawDuration;
  acks_late?: boolean;
}

/** One entry under `tasks:`, as written. */
export interface RawTask {
  handler: string;
  description?: string;
  args?: unknown;
  result?: unknown;
  queue?: string;
  priority?: number;
  time_limit?: RawDuration;
  expires?: RawDuration;
  rate_limit?: string | number;
  acks_late?: boolean;
  ignore_result?: boolean;
  retry?: RawRetryRef;
}

/** One entry under `periodic:`, as written. */
export interface RawPeriodic {
  task: string;
  every?: RawDuration;
  cron?: string;
  timezone?: string;
  at?: string;
  args?: unknown;
  queue?: string;
  priority?: number;
  expires?: RawDuration;
  enabled?: boolean;
  one_off?: boolean;
  start_time?: string;
  description?: string;
}

/** The whole manifest, as written. */
export interface RawManifest {
  version: 1;
  app: string;
  defaults?: RawDefaults;
  retry_policies?: Record<string, RawRetryPolicy>;
  tasks: Record<string, RawTask>;
  periodic?: Record<string, RawPeriodic>;
}
