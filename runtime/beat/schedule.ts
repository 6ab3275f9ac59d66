import type { ScheduleSpec } from "../spec/types.ts";
import { cronFor } from "./cron-pattern.ts";

/**
 * The first run strictly after `afterMs` (epoch ms), or null when the schedule never fires again.
 * Pure; cron schedules are evaluated on the local wall clock of their time zone, with the DST rules
 * of {@link cronFor} (every explicit slot once a day; an hour field starting with `*` follows
 * elapsed time, so an hourly job runs 23 or 25 times).
 *
 * @example nextRunAfter({ kind: "every", everyMs: 30_000 }, 0) // 30000
 */
export function nextRunAfter(schedule: ScheduleSpec, afterMs: number): number | null {
  switch (schedule.kind) {
    case "every":
      return afterMs + schedule.everyMs;
    case "cron":
      return cronFor(schedule.cron, schedule.timezone).nextAfter(afterMs);
    case "at": {
      const at = Date.parse(schedule.at);
      return at > afterMs ? at : null;
    }
  }
}

/** The parts of an entry that decide when it first fires. */
export interface ScheduleTiming {
  schedule: ScheduleSpec;
  startTime: string | null;
}

/** How {@link firstRunAt} treats a clocked (`at`) time that has already passed. */
export interface FirstRunOptions {
  /**
   * "fire": it is due now and fires once, at once, as django-celery-beat does with a clocked
   * schedule created in the past (its due time stays the clocked time, so the run id is
   * deterministic). "drop" (the default): it never fires.
   */
  pastAt?: "fire" | "drop";
}

/**
 * When an entry that was just added, changed or enabled fires first. Time spent disabled or before
 * creation is not "missed": an interval starts counting now (or at `startTime`, where it fires
 * first), a cron takes its next slot at or after `startTime`, a clocked time already past is
 * dropped unless `pastAt: "fire"`.
 */
export function firstRunAt(timing: ScheduleTiming, nowMs: number, options: FirstRunOptions = {}): number | null {
  if (timing.schedule.kind === "at" && options.pastAt === "fire") {
    const at = Date.parse(timing.schedule.at);
    if (at <= nowMs) return at;
  }
  const start = timing.startTime === null ? null : Date.parse(timing.startTime);
  if (start === null || start <= nowMs) return nextRunAfter(timing.schedule, nowMs);
  if (timing.schedule.kind === "every") return start;
  return nextRunAfter(timing.schedule, start - 1);
}

/**
 * The run after the one due at `dueMs`, fired at `nowMs`. After downtime the late run has fired
 * once; the next one is the first slot after now, so missed slots are skipped rather than replayed
 * (an interval keeps its phase: due + k * every).
 */
export function nextRunAfterFiring(schedule: ScheduleSpec, fired: { dueMs: number; nowMs: number }): number | null {
  const { dueMs, nowMs } = fired;
  if (schedule.kind === "every") {
    const next = dueMs + schedule.everyMs;
    if (next > nowMs) return next;
    return dueMs + (Math.floor((nowMs - dueMs) / schedule.everyMs) + 1) * schedule.everyMs;
  }
  return nextRunAfter(schedule, Math.max(dueMs, nowMs));
}
