import { CelerityError } from "./celerity-error.ts";

/** `AsyncResult.get()` on a task that was revoked, or expired before it started. */
export class TaskRevokedError extends CelerityError {
  readonly taskId: string;
  readonly reason: string;
  constructor(taskId: string, reason: string) {
    super("TASK_REVOKED", `task ${taskId} was revoked (${reason})`);
    this.taskId = taskId;
    this.reason = reason;
  }
}
