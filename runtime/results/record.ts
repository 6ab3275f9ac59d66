import type { BrokerConn } from "../broker/conn.ts";
import { parseStoredJson, parseStoredObject } from "../core/mod.ts";
import type { StoredError, TaskState } from "../task/types.ts";

/** What a caller can learn about a task from its record. Unknown ids read PENDING, as in Celery. */
export interface TaskSnapshot {
  state: TaskState;
  result: unknown;
  error: StoredError | null;
  reason: string | null;
  progress: unknown;
}

export const FINAL_STATES: ReadonlySet<TaskState> = new Set(["SUCCESS", "FAILURE", "REVOKED"]);

/** Reads one task's state, result, error and progress in one round trip. */
export async function readSnapshot({ redis, ks }: BrokerConn, id: string): Promise<TaskSnapshot> {
  const [state, res, err, why, pg] = await redis.hmget(ks.task(id), "s", "res", "err", "why", "pg");
  return {
    state: (state as TaskState | null) ?? "PENDING",
    result: parseStoredJson(res),
    error: parseStoredObject(err) as StoredError | null,
    reason: why,
    progress: parseStoredJson(pg),
  };
}
