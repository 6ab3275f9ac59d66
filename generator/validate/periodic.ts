import { cronFor } from "../../runtime/beat/cron-pattern.ts";
import type { PathSegment } from "../manifest/locate.ts";
import type { RawManifest } from "../manifest/raw.ts";
import { isRecord, suggest } from "../../runtime/core/mod.ts";
import { describeDataError } from "./ajv-wording.ts";
import type { IssueCollector } from "./collector.ts";
import { pointerToPath } from "./schema.ts";
import type { TaskSchemas } from "./task-schemas.ts";

const SCHEDULE_KINDS = ["every", "cron", "at"] as const;

/** An ISO 8601 date-time with an explicit zone (`Z` or `+01:00`), so the instant is unambiguous. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const TIMESTAMP_EXPECTED = "an ISO 8601 time with a zone, such as 2027-01-01T09:00:00Z";
const CRON_EXPECTED =
  'a cron expression of 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, such as "0 3 * * *"';

let timeZones: Set<string> | undefined;

/** The IANA zones this Node knows, plus "UTC" (which `supportedValuesOf` lists only as an alias). */
export function knownTimeZones(): Set<string> {
  timeZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return timeZones;
}

/**
 * Checks periodic entries: the task exists, exactly one schedule, a valid cron expression and
 * time zone, valid timestamps, and args that pass the task's args schema.
 */
export function checkPeriodic(
  manifest: Partial<RawManifest>,
  context: { issues: IssueCollector; schemas: TaskSchemas },
): void {
  const { issues } = context;
  if (!isRecord(manifest.periodic)) return;
  const tasks = isRecord(manifest.tasks) ? Object.keys(manifest.tasks) : [];
  for (const [name, entry] of Object.entries(manifest.periodic)) {
    if (!isRecord(entry)) continue;
    const base: PathSegment[] = ["periodic", name];
    const task = entry.task;
    if (typeof task === "string" && !issues.isBroken([...base, "task"])) {
      if (!tasks.includes(task)) {
        issues.report(
          { path: [...base, "task"] },
          {
            message: `periodic entry "${name}" refers to unknown task "${task}"`,
            expected: "the name of a task under tasks",
            suggestion: suggest(task, tasks),
          },
        );
      } else {
        checkArgs({ name, task, entry }, context);
      }
    }
    checkSchedule(name, entry, issues);
    for (const field of ["at", "start_time"] as const) {
      const value = entry[field];
      if (typeof value === "string" && !issues.isBroken([...base, field]) && !isTimestamp(value)) {
        issues.report(
          { path: [...base, field] },
          { message: `invalid timestamp ${JSON.stringify(value)}`, expected: TIMESTAMP_EXPECTED },
        );
      }
    }
  }
}

/**
 * A zone from `Intl.supportedValuesOf` (canonical names) or any alias this Node's Intl accepts
 * (`Etc/UTC`, `US/Eastern`), which is what beat's scheduler will be able to use.
 */
function isTimeZone(name: string): boolean {
  if (knownTimeZones().has(name)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

function checkSchedule(name: string, entry: Record<string, unknown>, issues: IssueCollector): void {
  const base: PathSegment[] = ["periodic", name];
  const given = SCHEDULE_KINDS.filter((kind) => entry[kind] !== undefined);
  if (given.length !== 1) {
    issues.report(given.length === 0 ? { path: base, target: "key" } : { path: [...base, given[1]!], target: "key" }, {
      message:
        given.length === 0
          ? `periodic entry "${name}" has no schedule`
          : `periodic entry "${name}" has more than one schedule (${given.join(", ")})`,
      expected: "exactly one of every, cron or at",
    });
  }
  if (entry.timezone !== undefined && entry.cron === undefined && !issues.isBroken([...base, "timezone"])) {
    issues.report(
      { path: [...base, "timezone"], target: "key" },
      {
        message: "timezone applies only to cron schedules",
        expected: "timezone together with cron",
      },
    );
  } else if (typeof entry.timezone === "string" && !isTimeZone(entry.timezone)) {
    issues.report(
      { path: [...base, "timezone"] },
      {
        message: `unknown time zone "${entry.timezone}"`,
        expected: "an IANA time zone such as UTC, Europe/Berlin or America/New_York",
        suggestion: suggest(entry.timezone, knownTimeZones()),
      },
    );
  }
  if (typeof entry.cron === "string" && !issues.isBroken([...base, "cron"])) {
    const zone = typeof entry.timezone === "string" && !issues.isBroken([...base, "timezone"]) ? entry.timezone : "UTC";
    const problem = cronProblem(entry.cron, zone);
    if (problem)
      issues.report(
        { path: [...base, "cron"] },
        { message: `invalid cron expression ${JSON.stringify(entry.cron)}: ${problem}`, expected: CRON_EXPECTED },
      );
  }
}

/**
 * Why beat would refuse `expression`, or null when it takes it: the same parser and matching rules
 * beat schedules with (runtime/beat/cron-pattern.ts: 5 or 6 fields or a nickname, Vixie day
 * matching), so a manifest that passes codegen never fails at beat's start. croner alone would also
 * take a 7th field and an ISO date, which beat refuses.
 */
function cronProblem(expression: string, timezone: string): string | null {
  try {
    return cronFor(expression, timezone).nextAfter(Date.now()) === null ? "it never fires" : null;
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).replace(/^CronPattern: /, "");
    return text.charAt(0).toLowerCase() + text.slice(1);
  }
}

function checkArgs(
  entry: { name: string; task: string; entry: Record<string, unknown> },
  context: { issues: IssueCollector; schemas: TaskSchemas },
): void {
  const { issues, schemas } = context;
  const base: PathSegment[] = ["periodic", entry.name];
  const key = schemas.keys.get(entry.task)?.args;
  if (!key || issues.isBroken([...base, "args"])) return;
  const validate = schemas.ajv.getSchema(key);
  if (!validate) return;
  // useDefaults fills defaults in place; validate a copy so the manifest keeps what the user wrote.
  const args = structuredClone(entry.entry.args ?? {});
  if (validate(args)) return;
  for (const error of validate.errors ?? []) {
    const inner = pointerToPath(error.instancePath);
    if (error.keyword === "additionalProperties") inner.push(String(error.params.additionalProperty));
    const where: PathSegment[] = entry.entry.args === undefined ? base : [...base, "args", ...inner];
    // A missing property has no node of its own: point at the key of the mapping that lacks it.
    const atKey =
      entry.entry.args === undefined || error.keyword === "required" || error.keyword === "additionalProperties";
    issues.report(
      { path: where, target: atKey ? "key" : "value" },
      {
        message: `args of periodic entry "${entry.name}" do not match task "${entry.task}": ${describeDataError(error)}`,
      },
    );
  }
}
