import type { ValidationIssue } from "../spec/types.ts";
import { CelerityError } from "./celerity-error.ts";

/** One schema violation in a task's arguments, with a readable path such as `args.userId`. */
export interface ArgumentViolation {
  path: string;
  message: string;
}

/** Thrown at the call site (before anything is enqueued) when arguments fail the task's schema. */
export class TaskArgumentsError extends CelerityError {
  readonly taskName: string;
  readonly violations: readonly ArgumentViolation[];
  constructor(taskName: string, violations: readonly ArgumentViolation[]) {
    const list = violations.map((v) => `  - ${v.path}: ${v.message}`).join("\n");
    super("TASK_ARGUMENTS_INVALID", `invalid arguments for task "${taskName}":\n${list}`);
    this.taskName = taskName;
    this.violations = violations;
  }
}

/** Turns ajv issues into violations with dotted paths rooted at `args`. */
export function describeViolations(issues: readonly ValidationIssue[] | null | undefined): ArgumentViolation[] {
  return (issues ?? []).map((issue) => {
    const segments = issue.instancePath
      .split("/")
      .slice(1)
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    let path = "args" + segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join("");
    let message = issue.message ?? issue.keyword;
    if (issue.keyword === "required") {
      path += `.${String(issue.params.missingProperty)}`;
      message = "is required";
    }
    if (issue.keyword === "additionalProperties") {
      path += `.${String(issue.params.additionalProperty)}`;
      message = "is not allowed (no such property in the schema)";
    }
    if (issue.keyword === "enum") message += `: ${JSON.stringify(issue.params.allowedValues)}`;
    return { path, message };
  });
}
