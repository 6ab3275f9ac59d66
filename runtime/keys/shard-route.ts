import { ConfigurationError } from "../errors/configuration-error.ts";
import type { AppSpec } from "../spec/types.ts";
import { queueShards, shardOfId, shardQueue, withShardSuffix, type ShardRef } from "./shard-tags.ts";
import { keySlot } from "./slot.ts";
import { MAX_TASK_ID_LENGTH } from "./task-id.ts";

/** How many shards `queue` has in this app (1: unsharded). */
export function shardCount(app: Pick<AppSpec, "shards" | "defaultShards">, queue: string): number {
  return app.shards?.[queue] ?? app.defaultShards ?? 1;
}

/**
 * Every part of the given queues a worker consumes: each shard of a sharded queue, in order, and
 * the queue's part on the app's own slot. Nothing new is queued there once a queue is sharded (canvas
 * steps spread over the shards too), but tasks queued before the queue was sharded still run, and
 * its outbox is where a canvas send that spans slots is written first.
 */
export function expandQueues(app: Pick<AppSpec, "shards" | "defaultShards">, queues: readonly string[]): string[] {
  return queues.flatMap((q) => {
    const count = shardCount(app, q);
    return count > 1 ? [q, ...queueShards(q, count)] : [q];
  });
}

/**
 * Where a task goes: its queue's shard and its id carrying that shard. The shard follows from the
 * id by CRC16 (random for generated UUIDs, stable for a given id, so enqueueing the same id twice
 * stays idempotent). An id that already names a shard of this queue's count keeps it.
 */
export function routeTask(
  app: Pick<AppSpec, "shards" | "defaultShards">,
  queue: string,
  id: string,
): { queue: string; id: string; shard: ShardRef | null } {
  const count = shardCount(app, queue);
  if (count <= 1) return { queue, id, shard: null };
  const own = shardOfId(id);
  const shard = own && own.count === count ? own : { count, index: keySlot(id) % count };
  const routed = withShardSuffix(id, shard);
  // The broker takes ids of at most 200 characters; the suffix must not push a given id past that.
  if (routed.length > MAX_TASK_ID_LENGTH)
    throw new ConfigurationError(
      `taskId "${id.slice(0, 50)}..." is too long for sharded queue "${queue}": at most ${MAX_TASK_ID_LENGTH - (routed.length - id.length)} characters leave room for its shard suffix`,
    );
  return { queue: shardQueue(queue, shard), id: routed, shard };
}
