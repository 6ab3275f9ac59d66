import type { Keyspace } from "../../keys/keyspace.ts";
import { shardSpaces, type AppConn } from "./shards.ts";

const CHUNK = 1000;

/** One entry of the recent-task index with the record fields asked for (null when the record expired). */
export interface RecentRow {
  id: string;
  /** Score in the index: when the task was enqueued (or requeued), epoch ms. */
  indexedAt: number;
  values: (string | null)[];
}

/** A cursor over one shard's recent index, a chunk of rows read ahead. */
interface ShardCursor {
  ks: Keyspace;
  next: number;
  rows: RecentRow[];
  done: boolean;
}

/**
 * Walks the recent-task index newest first, reading the given record fields in pipelined chunks.
 * Each shard has its own index (capped, 10,000 by default), so a full walk is bounded; with shards,
 * their indexes are merged newest first. `visit` returns false to stop early.
 */
export async function scanRecent(
  conn: AppConn,
  options: { fields: readonly string[]; visit: (row: RecentRow) => boolean | void },
): Promise<void> {
  const { fields, visit } = options;
  const cursors: ShardCursor[] = shardSpaces(conn).map((ks) => ({ ks, next: 0, rows: [], done: false }));
  const refill = async (c: ShardCursor) => {
    const page = await conn.redis.zrevrange(c.ks.recent, c.next, c.next + CHUNK - 1, "WITHSCORES");
    c.next += CHUNK;
    if (page.length < CHUNK * 2) c.done = true;
    if (page.length === 0) return;
    // Same slot as the index: records of a shard's tasks live under its tag.
    const pipeline = conn.redis.pipeline();
    for (let i = 0; i < page.length; i += 2) pipeline.hmget(c.ks.task(page[i]), ...fields);
    const rows = (await pipeline.exec()) ?? [];
    for (let i = 0; i < page.length; i += 2) {
      const [err, values] = rows[i / 2] ?? [null, null];
      if (err) throw err;
      c.rows.push({ id: page[i], indexedAt: Number(page[i + 1]), values: values as (string | null)[] });
    }
  };
  for (;;) {
    await Promise.all(cursors.filter((c) => c.rows.length === 0 && !c.done).map(refill));
    let newest: ShardCursor | null = null;
    for (const c of cursors)
      if (c.rows.length > 0 && (!newest || c.rows[0].indexedAt > newest.rows[0].indexedAt)) newest = c;
    if (!newest) return;
    if (visit(newest.rows.shift()!) === false) return;
  }
}
