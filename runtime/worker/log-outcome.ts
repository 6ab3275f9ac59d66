import type { Outcome } from "../broker/finish.ts";
import { parseStoredObject } from "../core/mod.ts";
import type { Logger } from "../log/logger.ts";

const MAX_MESSAGE = 500;

/**
 * Logs a failure or a retry at info, the default level, so an operator sees why a task did not
 * succeed without turning on debug: task id and name, the error's name and message, and for a retry
 * which retry it is and when it runs. Successes stay quiet (they are the common case).
 */
export function logOutcome(log: Logger, taskName: string, outcome: Outcome, now = Date.now()): void {
  if (outcome.kind !== "fail" && outcome.kind !== "retry") return;
  const stored = parseStoredObject(outcome.errorJson);
  const fields = {
    id: outcome.claimed.id,
    task: taskName,
    error: typeof stored?.name === "string" ? stored.name : "Error",
    message: typeof stored?.message === "string" ? stored.message.slice(0, MAX_MESSAGE) : "",
  };
  if (outcome.kind === "fail") log.info("task failed", fields);
  else {
    const inMs = "inMs" in outcome.due ? outcome.due.inMs : outcome.due.atMs - now;
    log.info("task will retry", { ...fields, retry: outcome.retries, inMs: Math.max(0, Math.round(inMs)) });
  }
}
