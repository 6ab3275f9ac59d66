import type { BrokerConn } from "../../broker/conn.ts";
import { isRawRef } from "../data/ids.ts";
import { adminScripts } from "./scripts.ts";

/** Members per script call: small enough that one call never blocks Redis noticeably. */
const BATCH = 200;

/** Deletes the given dead letters (task records of dead tasks included); returns how many were removed. */
export async function purgeDeadLetters({ redis, ks }: BrokerConn, members: readonly string[]): Promise<number> {
  let removed = 0;
  for (let start = 0; start < members.length; start += BATCH) {
    const chunk = members.slice(start, start + BATCH);
    const tasks = chunk.filter((m) => !isRawRef(m));
    const raws = chunk.filter((m) => isRawRef(m));
    const keys = [ks.dead, ks.deadRaw, ...tasks.map((id) => ks.task(id))];
    removed += Number(await adminScripts.purge.run(redis, keys, [tasks.length, ...tasks, ...raws]));
  }
  return removed;
}

/**
 * Empties the dead-letter set in bounded batches, up to `max` letters per call (so one click cannot
 * keep the server busy for long; the page says when some remain).
 */
export async function purgeAllDeadLetters(conn: BrokerConn, options: { max?: number } = {}): Promise<{ removed: number; remaining: number }> {
  const { redis, ks } = conn;
  const max = options.max ?? 100_000;
  let removed = 0;
  while (removed < max) {
    const members = await redis.zrange(ks.dead, "0", String(BATCH - 1));
    if (members.length === 0) break;
    const n = await purgeDeadLetters(conn, members);
    removed += n;
    // Nothing removed means another admin is purging the same members; let them finish.
    if (n === 0) break;
  }
  return { removed, remaining: await redis.zcard(ks.dead) };
}
