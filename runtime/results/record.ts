import type { BrokerConn } from "../broker/conn.ts";
import { parseStoredJson, parseStoredObject } from "../core/mod.ts";
import type { StoredError, TaskState } from "../task/types.ts";
import { TASK_FIELDS as F } from "../keys/task-record.ts";

/** A failure earlier in a canvas that means this task will never run (set by the finish script). */
export interface UpstreamFailure {
  id: string;
  task: string;
  /** The chord the failure crossed: the error is a ChordError. */
  chord: string | null;
  error: StoredError;
}

/** What a caller can learn about a task from its record. Unknown ids read PENDING, as in Celery. */
export interface TaskSnapshot {
  state: TaskState;
  result: unknown;
  error: StoredError | null;
  reason: string | null;
  progress: unknown;
  /** Set when an earlier step of its canvas failed: it will never start. */
  upstream: UpstreamFailure | null;
  /** The task whose result started this one (a previous chain step, a chord's last header, a link). */
  parentId: string | null;
  /** Its canvas record (JSON), '' when none. */
  canvasJson: string;
}

export const FINAL_STATES: ReadonlySet<TaskState> = new Set(["SUCCESS", "FAILURE", "REVOKED"]);

/** Whether the caller can stop waiting: a final state, or a failure upstream that means it never runs. */
export const isSettled = (s: TaskSnapshot): boolean =>
  FINAL_STATES.has(s.state) || (s.upstream !== null && s.state === "PENDING");

function upstreamOf(raw: string | null): UpstreamFailure | null {
  const v = parseStoredObject(raw) as Record<string, unknown> | null;
  if (!v || typeof v.id !== "string") return null;
  const err =
    typeof v.error === "object" && v.error !== null
      ? (v.error as StoredError)
      : { name: "Error", message: "an earlier step failed" };
  return { id: v.id, task: String(v.task ?? ""), chord: typeof v.chord === "string" ? v.chord : null, error: err };
}

/** Reads one task's state, result, error and progress in one round trip. */
export async function readSnapshot({ redis, ks }: BrokerConn, id: string): Promise<TaskSnapshot> {
  const [state, res, err, why, pg, pf, pa, cv] = await redis.hmget(
    ks.task(id),
    F.state,
    F.result,
    F.error,
    F.reason,
    F.progress,
    F.upstreamFailure,
    F.parent,
    F.canvas,
  );
  return {
    state: (state as TaskState | null) ?? "PENDING",
    result: parseStoredJson(res),
    error: parseStoredObject(err) as StoredError | null,
    reason: why,
    progress: parseStoredJson(pg),
    upstream: upstreamOf(pf),
    parentId: pa,
    canvasJson: cv ?? "",
  };
}
