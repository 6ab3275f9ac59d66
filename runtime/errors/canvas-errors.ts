import type { StoredError } from "../task/types.ts";
import { CelerityError } from "./celerity-error.ts";

/** A canvas that cannot be built (unknown task, a nesting not supported, a step that cannot fit); nothing was sent. */
export class CanvasError extends CelerityError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** A signature names a task the app does not have. */
export class UnknownTaskError extends CanvasError {
  readonly taskName: string;
  constructor(taskName: string, known: readonly string[]) {
    const near = known.filter(
      (k) => k.split(".").pop() === taskName.split(".").pop() || k.startsWith(taskName.split(".")[0] + "."),
    );
    super(
      "UNKNOWN_TASK",
      `no task named "${taskName.slice(0, 200)}" in this app${
        near.length > 0
          ? ` (did you mean ${near
              .slice(0, 3)
              .map((n) => `"${n}"`)
              .join(", ")}?)`
          : ""
      }`,
    );
    this.taskName = taskName;
  }
}

/**
 * A chord's callback that cannot run because a header task failed for good (Celery's ChordError):
 * names the failed task; `cause` is that task's own error.
 */
export class ChordError extends CelerityError {
  readonly chordId: string;
  readonly failedTaskId: string;
  readonly failedTaskName: string;
  readonly error: StoredError;
  constructor(chordId: string, failed: { id: string; task: string; error: StoredError }) {
    super(
      "CHORD_FAILED",
      `chord ${chordId}: header task ${failed.task} (${failed.id}) failed: ${failed.error.name}: ${failed.error.message}`,
    );
    this.chordId = chordId;
    this.failedTaskId = failed.id;
    this.failedTaskName = failed.task;
    this.error = failed.error;
  }
}
