import type { RawManifest } from "../manifest/raw.ts";
import { isRecord } from "../../runtime/core/mod.ts";
import type { IssueCollector } from "./collector.ts";

/**
 * The client mirrors dotted names as nested objects, so `a.b` cannot be both a task (a leaf
 * handle) and the namespace of `a.b.c`. Reports the nested name, naming the task it collides with.
 */
export function checkTaskNameClashes(manifest: Partial<RawManifest>, issues: IssueCollector): void {
  if (!isRecord(manifest.tasks)) return;
  const names = Object.keys(manifest.tasks);
  const leaves = new Set(names);
  for (const name of names) {
    const segments = name.split(".");
    for (let i = 1; i < segments.length; i++) {
      const prefix = segments.slice(0, i).join(".");
      if (!leaves.has(prefix)) continue;
      issues.report(
        { path: ["tasks", name], target: "key" },
        {
          message: `task "${name}" is nested under task "${prefix}"`,
          expected: `a name that is not also a prefix of another task (the client would need "${prefix}" to be both a task and a namespace)`,
        },
      );
      break;
    }
  }
}
