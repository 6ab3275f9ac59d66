import type { BrokerConn } from "../../broker/conn.ts";
import type { Keyspace } from "../../keys/keyspace.ts";
import type { AppSpec } from "../../spec/types.ts";
import { shardOfId, shardQueue } from "../../keys/shard-tags.ts";
import { isQueueName, isRawRef } from "../data/ids.ts";
import { conflict, notFound } from "../http/errors.ts";
import { adminScripts } from "./scripts.ts";
import { RECORD_DEFAULTS, TASK_FIELDS as F } from "../../keys/task-record.ts";

const RECENT_CAP = 10_000;

/**
 * KEYS of one requeue call (see admin-requeue.lua): the dead set of the id's shard, its record, the
 * ready list and signal of the queue's part on that shard, and the shard's recent index. `queue`
 * is the queue the record names (unsharded); the id says which shard.
 */
export function requeueKeys(ks: Keyspace, id: string, queue: string, priority: number): string[] {
  const part = shardQueue(queue, shardOfId(id));
  const shard = ks.forId(id);
  return [shard.dead, ks.task(id), ks.ready(part, priority), ks.signal(part), shard.recent];
}

/**
 * Puts a dead-lettered task back on its ready list under the same id. Only tasks the manifest
 * defines, with args that pass its schema, are requeued: anything else would only die again (and
 * the admin must never make a worker run something the manifest does not declare).
 */
export async function requeueDeadTask({ redis, ks }: BrokerConn, options: { app: AppSpec; id: string }): Promise<void> {
  const { app, id } = options;
  if (isRawRef(id))
    throw conflict("raw dead letters have no task record and cannot be requeued; inspect and purge them");
  // Two tries: a record moving between our read and the script (another admin's requeue) is rare.
  for (let attempt = 0; attempt < 2; attempt++) {
    const [name, argsJson, queue, priority] = await redis.hmget(ks.task(id), F.name, F.args, F.queue, F.priority);
    if (name === null) {
      if ((await redis.zscore(ks.forId(id).dead, id)) === null) throw notFound(`dead letter ${JSON.stringify(id)}`);
      throw conflict("the task record no longer exists; nothing to requeue (purge the dead letter)");
    }
    const spec = Object.hasOwn(app.tasks, name) ? app.tasks[name] : undefined;
    if (!spec)
      throw conflict(`task ${JSON.stringify(name)} is not in the manifest; only manifest tasks can be requeued`);
    let args: unknown;
    try {
      args = JSON.parse(argsJson ?? "");
    } catch {
      throw conflict("the stored args are not valid JSON; requeueing would fail again");
    }
    if (!spec.validateArgs(structuredClone(args)))
      throw conflict(`the stored args do not match the schema of ${name}; requeueing would fail again`);
    // No p field: the default priority (enqueue leaves default fields out).
    const p = Number(priority ?? RECORD_DEFAULTS.priority);
    if (queue === null || !isQueueName(queue) || !Number.isInteger(p) || p < 0 || p > 9)
      throw conflict("the task record has no valid queue or priority");
    // The record names the queue, the id its shard: every key is that shard's.
    const outcome = String(
      await adminScripts.requeue.run(redis, requeueKeys(ks, id, queue, p), [
        id,
        queue,
        priority ?? String(RECORD_DEFAULTS.priority),
        RECENT_CAP,
      ]),
    );
    if (outcome === "requeued") return;
    if (outcome === "not_dead") throw notFound(`dead letter ${JSON.stringify(id)}`);
    if (outcome === "no_record")
      throw conflict("the task record no longer exists; nothing to requeue (purge the dead letter)");
  }
  throw conflict("the task changed while requeueing; try again");
}
