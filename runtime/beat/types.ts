import type { ScheduleSpec } from "../spec/types.ts";

/** A periodic entry as `list()`/`get()` return it: its definition plus its run state. */
export interface PeriodicEntry {
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
  /** ISO time before which the entry does not fire. */
  startTime: string | null;
  description: string | null;
  /** "manifest": declared in tasks.yaml (read-only except `enabled`); "runtime": created via API, CLI or admin. */
  source: "manifest" | "runtime";
  lastRunAt: string | null;
  totalRunCount: number;
  /** When it fires next; null when disabled or when it will not fire again. */
  nextRunAt: string | null;
}

/** What `PeriodicStore.add` accepts; absent fields take the defaults shown on {@link PeriodicEntry}. */
export type PeriodicInput = {
  name: string;
  task: string;
  schedule: ScheduleSpec;
  args?: unknown;
  queue?: string | null;
  priority?: number | null;
  expiresMs?: number | null;
  enabled?: boolean;
  oneOff?: boolean;
  startTime?: string | null;
  description?: string | null;
};

/** The definition stored in the entries hash (run state and `enabled` live elsewhere, see keys.ts). */
export interface StoredDefinition {
  name: string;
  task: string;
  schedule: ScheduleSpec;
  args: unknown;
  queue: string | null;
  priority: number | null;
  expiresMs: number | null;
  oneOff: boolean;
  startTime: string | null;
  description: string | null;
  source: "manifest" | "runtime";
  /** For manifest entries: `enabled` as tasks.yaml last said, so a sync only overrides a run-time toggle when the manifest itself changed it. */
  manifestEnabled?: boolean;
}
