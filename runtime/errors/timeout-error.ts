import { CelerityError } from "./celerity-error.ts";

/** `AsyncResult.get({ timeout })` gave up before the task finished. The task itself goes on. */
export class TimeoutError extends CelerityError {
  readonly taskId: string;
  constructor(taskId: string, timeoutMs: number) {
    super("RESULT_TIMEOUT", `task ${taskId} did not finish within ${timeoutMs} ms`);
    this.taskId = taskId;
  }
}
