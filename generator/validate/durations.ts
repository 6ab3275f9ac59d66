import type { PathSegment } from "../manifest/locate.ts";
import type { RawManifest } from "../manifest/raw.ts";
import { isRecord, parseDuration } from "../../runtime/core/mod.ts";
import type { IssueCollector } from "./collector.ts";
import { showValue } from "./describe.ts";

const POSITIVE_TASK_FIELDS = ["time_limit", "expires"] as const;
const POSITIVE_PERIODIC_FIELDS = ["every", "expires"] as const;

/**
 * The schema admits any non-negative duration; these fields make no sense at zero (a task that
 * expires or times out immediately, a schedule that fires continuously).
 */
export function checkPositiveDurations(manifest: Partial<RawManifest>, issues: IssueCollector): void {
  const check = (path: PathSegment[], value: unknown): void => {
    if (value === undefined || issues.isBroken(path)) return;
    if (parseDuration(value) === 0) {
      issues.report(
        { path },
        {
          message: `${String(path.at(-1))} ${showValue(value)} must be longer than zero`,
          expected: "a duration greater than 0, such as 30s",
        },
      );
    }
  };
  if (isRecord(manifest.defaults)) {
    check(["defaults", "time_limit"], manifest.defaults.time_limit);
    check(["defaults", "result_expires"], manifest.defaults.result_expires);
  }
  for (const [name, task] of Object.entries(isRecord(manifest.tasks) ? manifest.tasks : {})) {
    if (!isRecord(task)) continue;
    for (const field of POSITIVE_TASK_FIELDS) check(["tasks", name, field], task[field]);
  }
  for (const [name, entry] of Object.entries(isRecord(manifest.periodic) ? manifest.periodic : {})) {
    if (!isRecord(entry)) continue;
    for (const field of POSITIVE_PERIODIC_FIELDS) check(["periodic", name, field], entry[field]);
  }
}
