import { intOr } from "./json.ts";
import { queueParts, type AppConn } from "./shards.ts";

/** One minute of a queue's outcome counters. */
export interface MinuteCounts {
  /** Epoch minute (ms / 60000). */
  minute: number;
  ok: number;
  fail: number;
  retry: number;
}

/** Depths and throughput of one queue. */
export interface QueueStats {
  name: string;
  ready: number;
  delayed: number;
  inFlight: number;
  /** Dead letters of this queue (see `deadCountsByQueue` for how far it looks). */
  dead: number;
  /** Completed, failed and retried runs in the last 60 seconds (sliding window over minute counters). */
  completedPerMinute: number;
  failedPerMinute: number;
  retriedPerMinute: number;
  /** The last {@link HISTORY_MINUTES} minutes, oldest first, the current (partial) minute last. */
  history: MinuteCounts[];
}

export const HISTORY_MINUTES = 15;

/**
 * Reads depths and per-minute counters of the given queues: one pipeline per shard (a pipeline on a
 * Cluster stays in one slot), summed per queue.
 */
export async function readQueueStats(
  conn: AppConn,
  queues: readonly string[],
  options: { dead: ReadonlyMap<string, number>; now?: number },
): Promise<QueueStats[]> {
  const { redis, ks } = conn;
  const { dead, now = Date.now() } = options;
  const current = Math.floor(now / 60_000);
  const minutes = Array.from({ length: HISTORY_MINUTES }, (_, i) => current - HISTORY_MINUTES + 1 + i);
  const fields = minutes.flatMap((m) => [`${m}:ok`, `${m}:fail`, `${m}:retry`]);
  const readPart = async (q: string) => {
    const pipeline = redis.pipeline();
    for (let p = 0; p <= 9; p++) pipeline.llen(ks.ready(q, p));
    pipeline.zcard(ks.delayed(q));
    pipeline.zcard(ks.leases(q));
    pipeline.hmget(ks.stats(q), ...fields);
    const rows = (await pipeline.exec()) ?? [];
    return rows.map(([err, v]) => {
      if (err) throw err;
      return v;
    });
  };
  // How much of the previous minute still lies inside the trailing 60 s window.
  const previousWeight = 1 - (now % 60_000) / 60_000;
  return Promise.all(
    queues.map(async (name) => {
      const parts = await Promise.all(queueParts(conn, name).map(readPart));
      let ready = 0;
      let delayed = 0;
      let inFlight = 0;
      const counts = fields.map(() => 0);
      for (const values of parts) {
        for (let p = 0; p <= 9; p++) ready += Number(values[p]);
        delayed += Number(values[10]);
        inFlight += Number(values[11]);
        (values[12] as (string | null)[]).forEach((c, i) => (counts[i] += intOr(c, 0)));
      }
      const history = minutes.map((minute, i) => ({
        minute,
        ok: counts[i * 3],
        fail: counts[i * 3 + 1],
        retry: counts[i * 3 + 2],
      }));
      const last = history[history.length - 1];
      const prev = history[history.length - 2];
      const window = (k: "ok" | "fail" | "retry") => Math.round(last[k] + prev[k] * previousWeight);
      return {
        name,
        ready,
        delayed,
        inFlight,
        dead: dead.get(name) ?? 0,
        completedPerMinute: window("ok"),
        failedPerMinute: window("fail"),
        retriedPerMinute: window("retry"),
        history,
      };
    }),
  );
}
