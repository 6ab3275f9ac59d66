import { DEFAULT_ARGS_LIMITS } from "../client/limits.ts";
import { TaskArgumentsTooLargeError } from "../client/limits.ts";
import { prepareCall } from "../client/prepare.ts";
import { TaskArgumentsError } from "../errors/task-arguments-error.ts";
import type { AppSpec, ScheduleSpec } from "../spec/types.ts";
import { suggest } from "../core/mod.ts";
import { QUEUE_NAME_PATTERN } from "../keys/queue-name.ts";
import { cronFor, isKnownTimeZone } from "./cron-pattern.ts";
import { PeriodicEntryError } from "./errors.ts";
import { nextRunAfter } from "./schedule.ts";
import type { PeriodicInput, StoredDefinition } from "./types.ts";

/** Entry names end up in task ids (`periodic:<name>:<ms>`), so they keep to the id alphabet minus `:`. */
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;
/** Below this an interval is more likely a unit mistake (ms for s) than a wish. */
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 366 * 86_400_000;
const MAX_DESCRIPTION = 2_000;
/** ISO 8601 with a date, a time and an explicit offset: a clocked time must not depend on the server's zone. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

export interface ValidateOptions {
  source: "manifest" | "runtime";
  now: number;
  /** Refuse a clocked time already past (true when the user sets a new schedule; manifest entries outlive their dates). */
  rejectPastAt: boolean;
}

/** A checked entry, ready to store. */
export interface ValidEntry {
  definition: StoredDefinition;
  enabled: boolean;
}

/**
 * Checks every field of an entry against the app (task exists, args pass its schema, cron parses in
 * a known zone, ...) and normalizes it. Throws a {@link PeriodicEntryError} naming the first bad field.
 */
export function validateEntry(app: AppSpec, input: PeriodicInput, options: ValidateOptions): ValidEntry {
  if (input === null || typeof input !== "object") throw new PeriodicEntryError("name", "an entry object is required");
  if (typeof input.name !== "string" || !NAME.test(input.name)) {
    throw new PeriodicEntryError(
      "name",
      `must be 1-100 letters, digits, "_", "." or "-", got ${JSON.stringify(input.name)}`,
    );
  }
  // hasOwn: "constructor" or "__proto__" must not find Object.prototype's members.
  const spec =
    typeof input.task === "string" && Object.hasOwn(app.tasks, input.task) ? app.tasks[input.task] : undefined;
  if (!spec) {
    const hint = typeof input.task === "string" ? suggest(input.task, Object.keys(app.tasks)) : undefined;
    throw new PeriodicEntryError(
      "task",
      `unknown task ${JSON.stringify(input.task)}${hint ? ` (did you mean "${hint}"?)` : ""}`,
    );
  }
  const schedule = validateSchedule(input.schedule, options);
  const queue = optional(
    input.queue,
    "queue",
    (v) => typeof v === "string" && QUEUE_NAME_PATTERN.test(v),
    "a queue name ([A-Za-z0-9_.-], at most 100)",
  );
  const priority = optional(
    input.priority,
    "priority",
    (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 9,
    "an integer 0..9",
  );
  const expiresMs = optional(
    input.expiresMs,
    "expiresMs",
    (v) => Number.isSafeInteger(v) && (v as number) > 0,
    "a positive whole number of milliseconds",
  );
  const description = optional(
    input.description,
    "description",
    (v) => typeof v === "string" && v.length <= MAX_DESCRIPTION,
    `text of at most ${MAX_DESCRIPTION} characters`,
  );
  const startTime = optional(
    input.startTime,
    "startTime",
    (v) => typeof v === "string" && ISO_WITH_ZONE.test(v) && !Number.isNaN(Date.parse(v)),
    "an ISO 8601 time with a zone, e.g. 2027-01-01T09:00:00Z",
  );
  const enabled = flag(input.enabled, "enabled", true);
  const oneOff = flag(input.oneOff, "oneOff", schedule.kind === "at");
  const args = input.args === undefined ? {} : input.args;
  checkArgs(app, input.task, args, { queue, priority });
  return {
    definition: {
      name: input.name,
      task: input.task,
      schedule,
      args,
      queue: queue as string | null,
      priority: priority as number | null,
      expiresMs: expiresMs as number | null,
      oneOff,
      startTime: startTime === null ? null : new Date(startTime as string).toISOString(),
      description: description as string | null,
      source: options.source,
    },
    enabled,
  };
}

function validateSchedule(value: unknown, options: ValidateOptions): ScheduleSpec {
  const s = value as Partial<Record<string, unknown>> | null;
  if (s === null || typeof s !== "object")
    throw new PeriodicEntryError("schedule", 'is required: { kind: "every" | "cron" | "at", ... }');
  if (s.kind === "every") {
    const ms = s.everyMs;
    if (!Number.isSafeInteger(ms) || (ms as number) < MIN_INTERVAL_MS || (ms as number) > MAX_INTERVAL_MS) {
      throw new PeriodicEntryError(
        "schedule.everyMs",
        `must be a whole number of milliseconds from ${MIN_INTERVAL_MS} to ${MAX_INTERVAL_MS} (366 days), got ${JSON.stringify(ms)}`,
      );
    }
    return { kind: "every", everyMs: ms as number };
  }
  if (s.kind === "cron") {
    const timezone = s.timezone === undefined || s.timezone === null || s.timezone === "" ? "UTC" : s.timezone;
    if (typeof timezone !== "string" || !isKnownTimeZone(timezone)) {
      throw new PeriodicEntryError(
        "schedule.timezone",
        `unknown time zone ${JSON.stringify(timezone)} (expected an IANA name such as Europe/Berlin or UTC)`,
      );
    }
    if (typeof s.cron !== "string" || s.cron.trim() === "")
      throw new PeriodicEntryError("schedule.cron", 'is required, e.g. "*/5 * * * *"');
    const schedule: ScheduleSpec = { kind: "cron", cron: s.cron.trim().replace(/\s+/g, " "), timezone };
    try {
      cronFor(schedule.cron, timezone);
    } catch (error) {
      throw new PeriodicEntryError("schedule.cron", `invalid cron expression "${s.cron}": ${cronMessage(error)}`);
    }
    if (nextRunAfter(schedule, options.now) === null)
      throw new PeriodicEntryError("schedule.cron", `"${s.cron}" never matches a future time`);
    return schedule;
  }
  if (s.kind === "at") {
    const at = s.at;
    if (typeof at !== "string" || !ISO_WITH_ZONE.test(at) || Number.isNaN(Date.parse(at))) {
      throw new PeriodicEntryError(
        "schedule.at",
        `must be an ISO 8601 time with a zone, e.g. 2027-01-01T09:00:00Z, got ${JSON.stringify(at)}`,
      );
    }
    if (options.rejectPastAt && Date.parse(at) <= options.now)
      throw new PeriodicEntryError("schedule.at", `${at} is in the past`);
    return { kind: "at", at: new Date(at).toISOString() };
  }
  throw new PeriodicEntryError("schedule.kind", `must be "every", "cron" or "at", got ${JSON.stringify(s.kind)}`);
}

function cronMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^CronPattern:\s*/, "");
}

function optional(value: unknown, field: string, ok: (v: unknown) => boolean, expected: string): unknown {
  if (value === undefined || value === null) return null;
  if (!ok(value)) throw new PeriodicEntryError(field, `must be ${expected} or null, got ${JSON.stringify(value)}`);
  return value;
}

function flag(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean")
    throw new PeriodicEntryError(field, `must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function checkArgs(app: AppSpec, task: string, args: unknown, overrides: { queue: unknown; priority: unknown }): void {
  try {
    const apply = {
      queue: (overrides.queue as string | null) ?? undefined,
      priority: (overrides.priority as number | null) ?? undefined,
    };
    prepareCall(app.tasks[task], args, { apply, limits: DEFAULT_ARGS_LIMITS });
  } catch (error) {
    if (error instanceof TaskArgumentsError) {
      const first = error.violations[0];
      const all = error.violations.map((v) => `${v.path} ${v.message}`).join("; ");
      throw new PeriodicEntryError(first?.path ?? "args", `invalid arguments for task "${task}": ${all}`);
    }
    if (error instanceof TaskArgumentsTooLargeError) throw new PeriodicEntryError("args", error.message);
    throw error;
  }
}
