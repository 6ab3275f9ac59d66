import { CelerityError } from "./celerity-error.ts";

/** `ctx.retry()` was called without an error after the task used up its retries (as in Celery). */
export class MaxRetriesExceededError extends CelerityError {
  constructor(taskName: string, taskId: string, maxRetries: number) {
    super("MAX_RETRIES_EXCEEDED", `can't retry ${taskName}[${taskId}]: max retries (${maxRetries}) exceeded`);
  }
}
