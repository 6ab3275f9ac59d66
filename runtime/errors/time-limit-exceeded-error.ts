import { CelerityError } from "./celerity-error.ts";

/** The handler ran past `time_limit` plus the grace period; its slot was freed and the task failed. */
export class TimeLimitExceeded extends CelerityError {
  constructor(taskName: string, limitMs: number) {
    super("TIME_LIMIT_EXCEEDED", `task ${taskName} exceeded its time limit of ${limitMs} ms`);
  }
}
