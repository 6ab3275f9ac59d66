import type { PeriodicSpec } from "../spec/types.ts";

/** A periodic entry as `list()`/`get()` return it: its definition plus its run state. */
export interface PeriodicEntry extends PeriodicSpec {
  /** "manifest": declared in tasks.yaml (read-only except `enabled`); "runtime": created via API, CLI or admin. */
  source: "manifest" | "runtime";
  lastRunAt: string | null;
  totalRunCount: number;
  /** When it fires next; null when disabled or when it will not fire again. */
  nextRunAt: string | null;
}

/** What `PeriodicStore.add` accepts; absent fields take the defaults shown on {@link PeriodicEntry}. */
export type PeriodicInput = Pick<PeriodicSpec, "name" | "task" | "schedule"> &
  Partial<Omit<PeriodicSpec, "name" | "task" | "schedule">>;

/** The definition stored in the entries hash (run state and `enabled` live elsewhere, see keys.ts). */
export interface StoredDefinition extends Omit<PeriodicSpec, "enabled"> {
  source: "manifest" | "runtime";
  /** For manifest entries: `enabled` as tasks.yaml last said, so a sync only overrides a run-time toggle when the manifest itself changed it. */
  manifestEnabled?: boolean;
}
