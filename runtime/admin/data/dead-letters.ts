import type { BrokerConn } from "../../broker/conn.ts";
import { isQuarantineRef, isRawRef } from "./ids.ts";
import { parseStoredJson } from "./json.ts";

/**
 * One dead letter: a task that failed for good, raw garbage found in a queue, or a key of the wrong
 * type that was moved aside (quarantine: `raw` is the key's old name, `movedTo` where it is now).
 */
export interface DeadLetter {
  member: string;
  kind: "task" | "raw" | "quarantine";
  /** When it was dead-lettered, epoch ms. */
  at: number;
  reason: string;
  queue: string | null;
  /** Task name (task kind), when the record still exists. */
  name: string | null;
  /** For raw kind: the payload as stored (truncated to 4 KiB by the broker) and its full size. */
  raw: string | null;
  size: number | null;
  /** Quarantine kind: the key now holding what was found. */
  movedTo: string | null;
}

export interface DeadPage {
  items: DeadLetter[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

interface RawInfo {
  raw?: unknown;
  size?: unknown;
  reason?: unknown;
  queue?: unknown;
  quarantined?: unknown;
}

async function describe({ redis, ks }: BrokerConn, members: { member: string; at: number }[]): Promise<DeadLetter[]> {
  if (members.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const { member } of members) {
    if (isRawRef(member)) pipeline.hget(ks.deadRaw, member);
    else pipeline.hmget(ks.task(member), "n", "q", "why", "err");
  }
  const rows = (await pipeline.exec()) ?? [];
  return members.map(({ member, at }, i) => {
    const [err, value] = rows[i] ?? [null, null];
    if (err) throw err;
    if (isRawRef(member)) {
      const info = (parseStoredJson(value as string | null) ?? {}) as RawInfo;
      return {
        member,
        kind: isQuarantineRef(member) ? "quarantine" : "raw",
        at,
        reason: typeof info.reason === "string" ? info.reason : "unreadable message",
        queue: typeof info.queue === "string" ? info.queue : null,
        name: null,
        raw: typeof info.raw === "string" ? info.raw : null,
        size: typeof info.size === "number" ? info.size : null,
        movedTo: typeof info.quarantined === "string" ? info.quarantined : null,
      };
    }
    const [n, q, why, errJson] = value as (string | null)[];
    const error = parseStoredJson(errJson) as { name?: string; message?: string } | null;
    const fromError = error && typeof error === "object" && error.message ? `${error.name ?? "Error"}: ${error.message}` : null;
    return {
      member,
      kind: "task",
      at,
      reason: why || fromError || (n === null ? "task record no longer exists" : "failed"),
      queue: q,
      name: n,
      raw: null,
      size: null,
      movedTo: null,
    };
  });
}

/** Dead letters, newest first, one page. */
export async function listDeadLetters(conn: BrokerConn, options: { page: number; pageSize: number }): Promise<DeadPage> {
  const { redis, ks } = conn;
  const from = (options.page - 1) * options.pageSize;
  const [total, flat] = await Promise.all([redis.zcard(ks.dead), redis.zrevrange(ks.dead, from, from + options.pageSize - 1, "WITHSCORES")]);
  const members: { member: string; at: number }[] = [];
  for (let i = 0; i < flat.length; i += 2) members.push({ member: flat[i], at: Number(flat[i + 1]) });
  return { items: await describe(conn, members), total, page: options.page, pageSize: options.pageSize, pages: Math.max(1, Math.ceil(total / options.pageSize)) };
}

/** One dead letter, or null when it is not (or no longer) dead. */
export async function getDeadLetter(conn: BrokerConn, member: string): Promise<DeadLetter | null> {
  const score = await conn.redis.zscore(conn.ks.dead, member);
  if (score === null) return null;
  const [letter] = await describe(conn, [{ member, at: Number(score) }]);
  return letter;
}

/** How far back per-queue dead counts look; the dead set is unbounded, the dashboard must not be. */
export const DEAD_COUNT_WINDOW = 10_000;

/**
 * Dead letters per queue among the newest {@link DEAD_COUNT_WINDOW}, plus the overall total.
 * Raw garbage counts under the queue it was found in.
 */
export async function deadCountsByQueue({ redis, ks }: BrokerConn): Promise<{ byQueue: Map<string, number>; total: number }> {
  const [total, members] = await Promise.all([redis.zcard(ks.dead), redis.zrevrange(ks.dead, 0, DEAD_COUNT_WINDOW - 1)]);
  const byQueue = new Map<string, number>();
  for (let start = 0; start < members.length; start += 1000) {
    const chunk = members.slice(start, start + 1000);
    const pipeline = redis.pipeline();
    for (const m of chunk) {
      if (isRawRef(m)) pipeline.hget(ks.deadRaw, m);
      else pipeline.hget(ks.task(m), "q");
    }
    const rows = (await pipeline.exec()) ?? [];
    chunk.forEach((m, i) => {
      const value = (rows[i]?.[1] ?? null) as string | null;
      let queue: string | null = value;
      if (isRawRef(m)) {
        const info = parseStoredJson(value) as RawInfo | null;
        queue = info && typeof info.queue === "string" ? info.queue : null;
      }
      if (queue !== null) byQueue.set(queue, (byQueue.get(queue) ?? 0) + 1);
    });
  }
  return { byQueue, total };
}
