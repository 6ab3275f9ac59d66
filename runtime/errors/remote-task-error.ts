import type { StoredError } from "../task/types.ts";

/**
 * The error a task failed with, rebuilt on the caller's side: `name`, `message` and `stack` are the
 * original ones from the worker, so `err.name === "NetworkError"` works as it did in the handler.
 */
export class RemoteTaskError extends Error {
  readonly code = "TASK_FAILED";
  readonly taskId: string;
  /** Class names of the original error's prototype chain, most derived first. */
  readonly chain: readonly string[];
  constructor(taskId: string, stored: StoredError) {
    super(stored.message);
    this.name = stored.name;
    this.taskId = taskId;
    this.chain = stored.chain ?? [stored.name];
    if (stored.stack) this.stack = stored.stack;
  }
}
