import type { BrokerConn } from "../../broker/conn.ts";
import { intOr } from "./json.ts";

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

/** Reads depths and per-minute counters of the given queues in one pipeline. */
export async function readQueueStats({ redis, ks }: BrokerConn, queues: readonly string[], options: { dead: ReadonlyMap<string, number>; now?: number }): Promise<QueueStats[]> {
  const { dead, now = Date.now() } = options;
  const current = Math.floor(now / 60_000);
  const minutes = Array.from({ length: HISTORY_MINUTES }, (_, i) => current - HISTORY_MINUTES + 1 + i);
  const fields = minutes.flatMap((m) => [`${m}:ok`, `${m}:fail`, `${m}:retry`]);
  const pipeline = redis.pipeline();
  for (const q of queues) {
    for (let p = 0; p <= 9; p++) pipeline.llen(ks.ready(q, p));
    pipeline.zcard(ks.delayed(q));
    pipeline.zcard(ks.leases(q));
    pipeline.hmget(ks.stats(q), ...fields);
  }
  const rows = (await pipeline.exec()) ?? [];
  const value = (i: number): unknown => {
    const [err, v] = rows[i] ?? [null, null];
    if (err) throw err;
    return v;
  };
  const perQueue = 13;
  // How much of the previous minute still lies inside the trailing 60 s window.
  const previousWeight = 1 - (now % 60_000) / 60_000;
  return queues.map((name, qi) => {
    const b = qi * perQueue;
    let ready = 0;
    for (let p = 0; p <= 9; p++) ready += Number(value(b + p));
    const counters = value(b + 12) as (string | null)[];
    const history = minutes.map((minute, i) => ({
      minute,
      ok: intOr(counters[i * 3], 0),
      fail: intOr(counters[i * 3 + 1], 0),
      retry: intOr(counters[i * 3 + 2], 0),
    }));
    const last = history[history.length - 1];
    const prev = history[history.length - 2];
    const window = (k: "ok" | "fail" | "retry") => Math.round(last[k] + prev[k] * previousWeight);
    return {
      name,
      ready,
      delayed: Number(value(b + 10)),
      inFlight: Number(value(b + 11)),
      dead: dead.get(name) ?? 0,
      completedPerMinute: window("ok"),
      failedPerMinute: window("fail"),
      retriedPerMinute: window("retry"),
      history,
    };
  });
}
