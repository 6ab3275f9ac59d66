import type { BrokerConn } from "../../broker/conn.ts";

const CHUNK = 1000;

/** One entry of the recent-task index with the record fields asked for (null when the record expired). */
export interface RecentRow {
  id: string;
  /** Score in the index: when the task was enqueued (or requeued), epoch ms. */
  indexedAt: number;
  values: (string | null)[];
}

/**
 * Walks the recent-task index newest first, reading the given record fields in pipelined chunks.
 * The index is capped (10,000 by default), so a full walk is bounded; `visit` returns false to stop early.
 */
export async function scanRecent({ redis, ks }: BrokerConn, options: { fields: readonly string[]; visit: (row: RecentRow) => boolean | void }): Promise<void> {
  const { fields, visit } = options;
  for (let start = 0; ; start += CHUNK) {
    const page = await redis.zrevrange(ks.recent, start, start + CHUNK - 1, "WITHSCORES");
    if (page.length === 0) return;
    const pipeline = redis.pipeline();
    for (let i = 0; i < page.length; i += 2) pipeline.hmget(ks.task(page[i]), ...fields);
    const rows = (await pipeline.exec()) ?? [];
    for (let i = 0; i < page.length; i += 2) {
      const [err, values] = rows[i / 2] ?? [null, null];
      if (err) throw err;
      if (visit({ id: page[i], indexedAt: Number(page[i + 1]), values: values as (string | null)[] }) === false) return;
    }
    if (page.length < CHUNK * 2) return;
  }
}
