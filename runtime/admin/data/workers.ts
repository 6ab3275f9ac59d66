import type { BrokerConn } from "../../broker/conn.ts";
import { redisTimeMs } from "../../time/redis-clock.ts";
import { WORKER_TTL_MS } from "../../worker/heartbeat.ts";
import { intOr, msOrNull, parseStoredJson } from "./json.ts";

/** A live worker as its last heartbeat described it. */
export interface WorkerInfo {
  id: string;
  host: string;
  pid: number;
  queues: string[];
  concurrency: number;
  inFlight: number;
  startedAt: number | null;
  lastHeartbeatAt: number | null;
  /** What it runs now (at most 50, as of its last heartbeat). */
  active: { id: string; name: string }[];
}

/** Workers that sent a heartbeat within the liveness window, newest heartbeat first. */
export async function listWorkers({ redis, ks }: BrokerConn, at?: number): Promise<WorkerInfo[]> {
  // Heartbeats are stamped with Redis's clock; liveness is judged by it too.
  const now = at ?? (await redisTimeMs(redis));
  const ids = await redis.zrevrangebyscore(ks.workers, "+inf", now - WORKER_TTL_MS, "LIMIT", 0, 1000);
  if (ids.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const id of ids)
    pipeline.hmget(ks.worker(id), "host", "pid", "queues", "concurrency", "inflight", "started", "seen", "active");
  const rows = (await pipeline.exec()) ?? [];
  const out: WorkerInfo[] = [];
  ids.forEach((id, i) => {
    const [err, values] = rows[i] ?? [null, null];
    if (err || !values) return;
    const [host, pid, queues, concurrency, inflight, started, seen, active] = values as (string | null)[];
    // The record expires with the heartbeat; an id without one died between the two reads.
    if (host === null && seen === null) return;
    out.push({
      id,
      host: host ?? "",
      pid: intOr(pid, 0),
      queues: (queues ?? "").split(",").filter(Boolean),
      concurrency: intOr(concurrency, 0),
      inFlight: intOr(inflight, 0),
      startedAt: msOrNull(started),
      lastHeartbeatAt: msOrNull(seen),
      active: activeOf(active),
    });
  });
  return out;
}

function activeOf(raw: string | null): { id: string; name: string }[] {
  const v = parseStoredJson(raw);
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (a): a is { id: string; name: string } =>
        !!a && typeof a === "object" && typeof a.id === "string" && typeof a.name === "string",
    )
    .slice(0, 50)
    .map((a) => ({ id: a.id, name: a.name }));
}
