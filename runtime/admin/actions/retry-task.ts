import type { BrokerConn } from "../../broker/conn.ts";
import { CelerityError } from "../../errors/celerity-error.ts";
import { isQueueName } from "../data/ids.ts";
import { badRequest, conflict, notFound } from "../http/errors.ts";
import type { TaskHandles } from "./task-handles.ts";
import { RECORD_DEFAULTS, TASK_FIELDS as F } from "../../keys/task-record.ts";

const RETRYABLE = new Set(["FAILURE", "REVOKED"]);

/**
 * Celery Flower's "retry": sends a failed or revoked task again as a new task (new id) with the same
 * args, queue and priority, through the typed client so the args are validated like any call.
 */
export async function retryTask(
  { redis, ks }: BrokerConn,
  options: { handles: TaskHandles; id: string },
): Promise<{ taskId: string }> {
  const [name, argsJson, state, queue, priority] = await redis.hmget(
    ks.task(options.id),
    F.name,
    F.args,
    F.state,
    F.queue,
    F.priority,
  );
  if (name === null || state === null) throw notFound(`task ${JSON.stringify(options.id)}`);
  if (!RETRYABLE.has(state)) throw conflict(`only failed or revoked tasks can be retried; this one is ${state}`);
  const handle = options.handles.get(name);
  if (!handle) throw conflict(`task ${JSON.stringify(name)} is not in the manifest; only manifest tasks can be sent`);
  let args: unknown;
  try {
    args = JSON.parse(argsJson ?? "");
  } catch {
    throw conflict("the stored args are not valid JSON");
  }
  const p = Number(priority ?? RECORD_DEFAULTS.priority);
  try {
    const result = await handle.applyAsync(args, {
      queue: queue !== null && isQueueName(queue) ? queue : undefined,
      priority: Number.isInteger(p) && p >= 0 && p <= 9 ? p : undefined,
    });
    return { taskId: result.id };
  } catch (error) {
    if (error instanceof CelerityError) throw badRequest(error.message);
    throw error;
  }
}
