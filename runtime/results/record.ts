import type { BrokerConn } from "../broker/conn.ts";
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

function parseJson(text: string | null): unknown {
  if (text === null || text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Reads one task's state, result, error and progress in one round trip. */
export async function readSnapshot({ redis, ks }: BrokerConn, id: string): Promise<TaskSnapshot> {
  const [state, res, err, why, pg] = await redis.hmget(ks.task(id), "s", "res", "err", "why", "pg");
  const error = parseJson(err);
  return {
    state: (state as TaskState | null) ?? "PENDING",
    result: parseJson(res),
    error: error && typeof error === "object" ? (error as StoredError) : null,
    reason: why,
    progress: parseJson(pg),
  };
}
