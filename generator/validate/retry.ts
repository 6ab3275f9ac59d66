import type { PathSegment } from "../manifest/locate.ts";
import type { RawManifest } from "../manifest/raw.ts";
import { isRecord, suggest } from "../../runtime/core/mod.ts";
import type { IssueCollector } from "./collector.ts";
import { listNames } from "./describe.ts";

/** Every `retry:` (in defaults and in each task) must name a policy defined under `retry_policies`. */
export function checkRetryReferences(manifest: Partial<RawManifest>, issues: IssueCollector): void {
  const policies = isRecord(manifest.retry_policies) ? Object.keys(manifest.retry_policies).sort() : [];
  const refs: Array<{ path: PathSegment[]; value: unknown }> = [];
  if (isRecord(manifest.defaults)) refs.push({ path: ["defaults", "retry"], value: manifest.defaults.retry });
  if (isRecord(manifest.tasks)) {
    for (const [name, task] of Object.entries(manifest.tasks)) {
      if (isRecord(task)) refs.push({ path: ["tasks", name, "retry"], value: task.retry });
    }
  }
  for (const { path, value } of refs) {
    if (issues.isBroken(path)) continue;
    const [name, namePath] =
      typeof value === "string"
        ? [value, path]
        : isRecord(value) && typeof value.policy === "string"
          ? [value.policy, [...path, "policy"]]
          : [];
    if (name === undefined || namePath === undefined || policies.includes(name)) continue;
    issues.report(
      { path: namePath },
      {
        message: `unknown retry policy "${name}"`,
        expected: policies.length
          ? `one of the names under retry_policies (${listNames(policies)})`
          : "a policy defined under retry_policies (none are defined)",
        suggestion: suggest(name, policies),
      },
    );
  }
}
