import { PeriodicEntryError, type PeriodicEntry, type PeriodicInput } from "../../beat/mod.ts";
import type { ScheduleSpec } from "../../spec/types.ts";
import { durationFromText } from "../../core/mod.ts";
import type { Body } from "../http/request.ts";

/** The periodic form's fields as the user typed them (strings), so a refused form comes back as it was. */
export interface PeriodicFormValues {
  name: string;
  task: string;
  kind: "every" | "cron" | "at";
  every: string;
  cron: string;
  timezone: string;
  at: string;
  args: string;
  queue: string;
  priority: string;
  expires: string;
  startTime: string;
  description: string;
  enabled: boolean;
  oneOff: boolean;
}

/** Empty values for the "new entry" form. */
export function blankForm(): PeriodicFormValues {
  return {
    name: "",
    task: "",
    kind: "every",
    every: "",
    cron: "",
    timezone: "UTC",
    at: "",
    args: "{}",
    queue: "",
    priority: "",
    expires: "",
    startTime: "",
    description: "",
    enabled: true,
    oneOff: false,
  };
}

/** Shows a duration in the largest unit that divides it, the way people write them ("30s", "5m"). */
export function formatDuration(ms: number): string {
  for (const [size, unit] of [
    [86_400_000, "d"],
    [3_600_000, "h"],
    [60_000, "m"],
    [1000, "s"],
  ] as const)
    if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** Values of an existing entry, to fill the edit form. */
export function formFromEntry(e: PeriodicEntry): PeriodicFormValues {
  const s = e.schedule;
  return {
    name: e.name,
    task: e.task,
    kind: s.kind,
    every: s.kind === "every" ? formatDuration(s.everyMs) : "",
    cron: s.kind === "cron" ? s.cron : "",
    timezone: s.kind === "cron" ? s.timezone : "UTC",
    at: s.kind === "at" ? s.at : "",
    args: JSON.stringify(e.args ?? {}, null, 2),
    queue: e.queue ?? "",
    priority: e.priority === null ? "" : String(e.priority),
    expires: e.expiresMs === null ? "" : formatDuration(e.expiresMs),
    startTime: e.startTime ?? "",
    description: e.description ?? "",
    enabled: e.enabled,
    oneOff: e.oneOff,
  };
}

const text = (body: Body, name: string): string => (typeof body[name] === "string" ? (body[name] as string) : "");
const checked = (body: Body, name: string): boolean =>
  body[name] === "on" || body[name] === "1" || body[name] === "true" || body[name] === true;

/** Reads the submitted form; checkboxes absent from the body are unchecked, as browsers send them. */
export function formFromBody(body: Body): PeriodicFormValues {
  const kind = text(body, "kind");
  return {
    name: text(body, "name").trim(),
    task: text(body, "task"),
    kind: kind === "cron" || kind === "at" ? kind : "every",
    every: text(body, "every").trim(),
    cron: text(body, "cron").trim(),
    timezone: text(body, "timezone").trim(),
    at: text(body, "at").trim(),
    args: text(body, "args"),
    queue: text(body, "queue").trim(),
    priority: text(body, "priority").trim(),
    expires: text(body, "expires").trim(),
    startTime: text(body, "startTime").trim(),
    description: text(body, "description").trim(),
    enabled: checked(body, "enabled"),
    oneOff: checked(body, "oneOff"),
  };
}

function duration(value: string, field: string): number {
  try {
    return durationFromText(value, field);
  } catch {
    throw new PeriodicEntryError(field, `"${value}" is not a duration (e.g. 30s, 5m, 2h, 1d, or a number of seconds)`);
  }
}

/**
 * Turns form strings into a {@link PeriodicInput}. Only what the form itself must decide is checked
 * here (JSON syntax, duration and number syntax); everything else is the store's validation, whose
 * errors name the same fields.
 */
export function inputFromForm(v: PeriodicFormValues): PeriodicInput {
  let schedule: ScheduleSpec;
  if (v.kind === "every") {
    if (v.every === "") throw new PeriodicEntryError("schedule.everyMs", "is required, e.g. 30s or 5m");
    schedule = { kind: "every", everyMs: duration(v.every, "schedule.everyMs") };
  } else if (v.kind === "cron") {
    schedule = { kind: "cron", cron: v.cron, timezone: v.timezone || "UTC" };
  } else {
    schedule = { kind: "at", at: v.at };
  }
  let args: unknown = {};
  if (v.args.trim() !== "") {
    try {
      args = JSON.parse(v.args);
    } catch (error) {
      throw new PeriodicEntryError("args", `is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (v.priority !== "" && !/^\d$/.test(v.priority))
    throw new PeriodicEntryError("priority", "must be a whole number from 0 to 9");
  return {
    name: v.name,
    task: v.task,
    schedule,
    args,
    queue: v.queue === "" ? null : v.queue,
    priority: v.priority === "" ? null : Number(v.priority),
    expiresMs: v.expires === "" ? null : duration(v.expires, "expiresMs"),
    enabled: v.enabled,
    oneOff: v.oneOff,
    startTime: v.startTime === "" ? null : v.startTime,
    description: v.description === "" ? null : v.description,
  };
}

/** The form field a store error belongs to ("args.day" -> "args", "schedule.cron" -> "cron"). */
export function formFieldOf(errorField: string): string {
  if (errorField === "args" || errorField.startsWith("args.") || errorField.startsWith("args[")) return "args";
  const map: Record<string, string> = {
    "schedule.everyMs": "every",
    "schedule.cron": "cron",
    "schedule.timezone": "timezone",
    "schedule.at": "at",
    "schedule.kind": "kind",
    schedule: "kind",
    expiresMs: "expires",
  };
  return map[errorField] ?? errorField;
}

/** A store error's message without its "field: " prefix (the form shows it next to the field). */
export function fieldMessage(error: PeriodicEntryError): string {
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
