import type { Keyspace } from "../../keys/keyspace.ts";
import { shardSpaces, type AppConn } from "../data/shards.ts";
import { isRawRef } from "../data/ids.ts";
import { adminScripts } from "./scripts.ts";

/** Members per script call: small enough that one call never blocks Redis noticeably. */
const BATCH = 200;

/**
 * KEYS of one purge call (see admin-purge.lua): the shard's dead set and payload store, then the
 * record of each task id (ids of that shard).
 */
export function purgeKeys(shard: Keyspace, taskIds: readonly string[]): string[] {
  return [shard.dead, shard.deadRaw, ...taskIds.map((id) => shard.task(id))];
}

/** Deletes the given dead letters (task records of dead tasks included); returns how many were removed. */
export async function purgeDeadLetters(conn: AppConn, members: readonly string[]): Promise<number> {
  const { redis, ks } = conn;
  // A script touches one shard: task ids go to the shard they name, raw garbage to every shard
  // (removing a member a shard does not hold is a no-op there).
  const byShard = new Map<string, { shard: Keyspace; tasks: string[]; raws: string[] }>();
  const group = (shard: Keyspace) => {
    let g = byShard.get(shard.tag);
    if (!g) byShard.set(shard.tag, (g = { shard, tasks: [], raws: [] }));
    return g;
  };
  for (const m of members) {
    if (isRawRef(m)) for (const shard of shardSpaces(conn)) group(shard).raws.push(m);
    else group(ks.forId(m)).tasks.push(m);
  }
  let removed = 0;
  for (const { shard, tasks, raws } of byShard.values()) {
    for (let start = 0; start < Math.max(tasks.length, raws.length); start += BATCH) {
      const t = tasks.slice(start, start + BATCH);
      removed += Number(
        await adminScripts.purge.run(redis, purgeKeys(shard, t), [t.length, ...t, ...raws.slice(start, start + BATCH)]),
      );
    }
  }
  return removed;
}

/**
 * Empties the dead-letter sets (every shard's) in bounded batches, up to `max` letters per call (so
 * one click cannot keep the server busy for long; the page says when some remain).
 */
export async function purgeAllDeadLetters(
  conn: AppConn,
  options: { max?: number } = {},
): Promise<{ removed: number; remaining: number }> {
  const { redis } = conn;
  const max = options.max ?? 100_000;
  let removed = 0;
  let remaining = 0;
  for (const shard of shardSpaces(conn)) {
    while (removed < max) {
      const members = await redis.zrange(shard.dead, "0", String(BATCH - 1));
      if (members.length === 0) break;
      const n = await purgeDeadLetters({ redis, ks: shard }, members);
      removed += n;
      // Nothing removed means another admin is purging the same members; let them finish.
      if (n === 0) break;
    }
    remaining += await redis.zcard(shard.dead);
  }
  return { removed, remaining };
}
