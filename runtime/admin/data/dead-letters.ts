import type { BrokerConn } from "../../broker/conn.ts";
import type { Keyspace } from "../../keys/keyspace.ts";
import { parseShardQueue } from "../../keys/shard-tags.ts";
import { isQuarantineRef, isRawRef } from "./ids.ts";
import { parseStoredJson } from "./json.ts";
import { shardSpaces, type AppConn } from "./shards.ts";
import { TASK_FIELDS as F } from "../../keys/task-record.ts";

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

/** A dead-letter member and the shard whose dead set holds it. */
interface Located {
  member: string;
  at: number;
  ks: Keyspace;
}

async function describe({ redis }: BrokerConn, members: Located[]): Promise<DeadLetter[]> {
  if (members.length === 0) return [];
  // One pipeline per shard: a pipeline on a Cluster stays in one slot.
  const byShard = new Map<string, Located[]>();
  for (const m of members) {
    const group = byShard.get(m.ks.tag);
    if (group) group.push(m);
    else byShard.set(m.ks.tag, [m]);
  }
  const values = new Map<Located, unknown>();
  await Promise.all(
    [...byShard.values()].map(async (group) => {
      const pipeline = redis.pipeline();
      for (const { member, ks } of group) {
        if (isRawRef(member)) pipeline.hget(ks.deadRaw, member);
        else pipeline.hmget(ks.task(member), F.name, F.queue, F.reason, F.error);
      }
      const rows = (await pipeline.exec()) ?? [];
      group.forEach((m, i) => {
        const [err, value] = rows[i] ?? [null, null];
        if (err) throw err;
        values.set(m, value);
      });
    }),
  );
  return members.map((located) => {
    const { member, at } = located;
    const value = values.get(located);
    if (isRawRef(member)) {
      const info = (parseStoredJson(value as string | null) ?? {}) as RawInfo;
      return {
        member,
        kind: isQuarantineRef(member) ? "quarantine" : "raw",
        at,
        reason: typeof info.reason === "string" ? info.reason : "unreadable message",
        queue: typeof info.queue === "string" ? parseShardQueue(info.queue).queue : null,
        name: null,
        raw: typeof info.raw === "string" ? info.raw : null,
        size: typeof info.size === "number" ? info.size : null,
        movedTo: typeof info.quarantined === "string" ? info.quarantined : null,
      };
    }
    const [n, q, why, errJson] = value as (string | null)[];
    const error = parseStoredJson(errJson) as { name?: string; message?: string } | null;
    const fromError =
      error && typeof error === "object" && error.message ? `${error.name ?? "Error"}: ${error.message}` : null;
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

/** Dead letters, newest first, one page (merged over the shards' dead sets). */
export async function listDeadLetters(conn: AppConn, options: { page: number; pageSize: number }): Promise<DeadPage> {
  const { redis } = conn;
  const from = (options.page - 1) * options.pageSize;
  const spaces = shardSpaces(conn);
  // Each shard's newest `from + pageSize` hold the page's members; with one shard, just the page.
  const offset = spaces.length === 1 ? from : 0;
  const parts = await Promise.all(
    spaces.map(async (ks) => {
      const [count, flat] = await Promise.all([
        redis.zcard(ks.dead),
        redis.zrevrange(ks.dead, offset, from + options.pageSize - 1, "WITHSCORES"),
      ]);
      const members: Located[] = [];
      for (let i = 0; i < flat.length; i += 2) members.push({ member: flat[i], at: Number(flat[i + 1]), ks });
      return { count, members };
    }),
  );
  const total = parts.reduce((a, p) => a + p.count, 0);
  const merged = parts.flatMap((p) => p.members).sort((a, b) => b.at - a.at);
  const page = spaces.length === 1 ? merged : merged.slice(from, from + options.pageSize);
  return {
    items: await describe(conn, page),
    total,
    page: options.page,
    pageSize: options.pageSize,
    pages: Math.max(1, Math.ceil(total / options.pageSize)),
  };
}

/** Where a dead-letter member lives: a task id names its shard; raw garbage is looked for in each. */
export async function locateDeadLetter(conn: AppConn, member: string): Promise<Located | null> {
  const candidates = isRawRef(member) ? shardSpaces(conn) : [conn.ks.forId(member)];
  for (const ks of candidates) {
    const score = await conn.redis.zscore(ks.dead, member);
    if (score !== null) return { member, at: Number(score), ks };
  }
  return null;
}

/** One dead letter, or null when it is not (or no longer) dead. */
export async function getDeadLetter(conn: AppConn, member: string): Promise<DeadLetter | null> {
  const located = await locateDeadLetter(conn, member);
  if (!located) return null;
  const [letter] = await describe(conn, [located]);
  return letter;
}

/** How far back per-queue dead counts look (per shard); the dead set is unbounded, the dashboard must not be. */
export const DEAD_COUNT_WINDOW = 10_000;

/**
 * Dead letters per queue among the newest {@link DEAD_COUNT_WINDOW} of each shard, plus the overall
 * total. Raw garbage counts under the queue it was found in.
 */
export async function deadCountsByQueue(conn: AppConn): Promise<{ byQueue: Map<string, number>; total: number }> {
  const { redis } = conn;
  const byQueue = new Map<string, number>();
  let total = 0;
  for (const ks of shardSpaces(conn)) {
    const [count, members] = await Promise.all([
      redis.zcard(ks.dead),
      redis.zrevrange(ks.dead, 0, DEAD_COUNT_WINDOW - 1),
    ]);
    total += count;
    for (let start = 0; start < members.length; start += 1000) {
      const chunk = members.slice(start, start + 1000);
      const pipeline = redis.pipeline();
      for (const m of chunk) {
        if (isRawRef(m)) pipeline.hget(ks.deadRaw, m);
        else pipeline.hget(ks.task(m), F.queue);
      }
      const rows = (await pipeline.exec()) ?? [];
      chunk.forEach((m, i) => {
        const value = (rows[i]?.[1] ?? null) as string | null;
        let queue: string | null = value;
        if (isRawRef(m)) {
          const info = parseStoredJson(value) as RawInfo | null;
          queue = info && typeof info.queue === "string" ? parseShardQueue(info.queue).queue : null;
        }
        if (queue !== null) byQueue.set(queue, (byQueue.get(queue) ?? 0) + 1);
      });
    }
  }
  return { byQueue, total };
}
