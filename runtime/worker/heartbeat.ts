import { hostname } from "node:os";
import type { BrokerConn } from "../broker/conn.ts";
import { quarantineOnWrongType, repairingWrongTypes } from "../broker/quarantine.ts";
import { redisTimeMs } from "../time/redis-clock.ts";

export interface HeartbeatInfo {
  id: string;
  queues: readonly string[];
  /** The queues' shard-qualified parts (each shard has its own counters); default `queues`. */
  queueParts?: readonly string[];
  concurrency: number;
  startedAt: number;
  inFlight(): number;
  /** Running tasks, shown by the admin. */
  active?(): { id: string; name: string; queue: string; startedAt: number }[];
}

/** A worker record older than this is considered dead and pruned from the live set. */
export const WORKER_TTL_MS = 15_000;
const STATS_KEEP_MINUTES = 24 * 60;

/** Publishes the worker's liveness and load for the admin UI; prunes dead workers and old counters. */
export async function beat(
  { redis, ks }: BrokerConn,
  info: HeartbeatInfo,
  options: { pruneStats: boolean },
): Promise<void> {
  // Redis's clock: a worker whose clock runs fast must not prune live workers as dead.
  const now = await redisTimeMs(redis);
  const key = ks.worker(info.id);
  const pipeline = redis.pipeline();
  pipeline.hset(key, {
    id: info.id,
    host: hostname(),
    pid: process.pid,
    queues: info.queues.join(","),
    concurrency: info.concurrency,
    inflight: info.inFlight(),
    active: JSON.stringify(info.active ? info.active() : []),
    started: info.startedAt,
    seen: now,
  });
  pipeline.pexpire(key, WORKER_TTL_MS);
  pipeline.zadd(ks.workers, now, info.id);
  pipeline.zremrangebyscore(ks.workers, "-inf", now - WORKER_TTL_MS);
  await quarantineOnWrongType(redis, await pipeline.exec(), { keys: [key, ks.workers], context: "worker heartbeat" });
  if (options.pruneStats) {
    const oldest = Math.floor(now / 60_000) - STATS_KEEP_MINUTES;
    for (const queue of info.queueParts ?? info.queues) {
      const fields = await repairingWrongTypes(redis, [ks.stats(queue)], {
        context: "worker stats pruning",
        attempt: () => redis.hkeys(ks.stats(queue)),
      });
      const stale = fields.filter((f) => Number(f.split(":")[0]) < oldest);
      if (stale.length > 0) await redis.hdel(ks.stats(queue), ...stale);
    }
  }
}

/** Removes the worker's record at a clean shutdown. */
export async function unregister({ redis, ks }: BrokerConn, id: string): Promise<void> {
  await redis.pipeline().del(ks.worker(id)).zrem(ks.workers, id).exec();
}
