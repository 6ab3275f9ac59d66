import type { Keyspace } from "../keys/keyspace.ts";
import { parseShardQueue } from "../keys/shard-tags.ts";
import type { BrokerConn } from "./conn.ts";
import { scripts } from "./scripts.ts";

/** One task ready to be written: arguments already validated and serialized. */
export interface EnqueueItem {
  id: string;
  name: string;
  argsJson: string;
  /** Epoch ms before which the task must not start (an absolute eta the caller gave); 0 for none. */
  eta: number;
  /** Ms, counted from Redis's clock when the task is written, before which it must not start; null for none. */
  countdownMs: number | null;
  /** Epoch ms after which it must not start (an absolute time the caller gave); 0 for never. */
  expiresAt: number;
  /** Ms, counted from Redis's clock when the task is written, after which it must not start; null for none. */
  expiresInMs: number | null;
  resultExpiresMs: number;
}

export interface EnqueueOptions {
  queue: string;
  priority: number;
  /** How many ids the admin's recent-task index keeps. */
  recentCap?: number;
}

/** Ids per script call: large enough to amortize the round trip, small enough not to stall Redis. */
const BATCH = 500;

/** Items one script call can carry: the task name and timing travel once per call. */
function sameCall(a: EnqueueItem, b: EnqueueItem): boolean {
  return (
    a.name === b.name &&
    a.eta === b.eta &&
    a.countdownMs === b.countdownMs &&
    a.expiresAt === b.expiresAt &&
    a.expiresInMs === b.expiresInMs &&
    a.resultExpiresMs === b.resultExpiresMs
  );
}

/**
 * KEYS of one enqueue call (see enqueue.lua): the queue's ready list of `priority`, delayed set,
 * signal and recent index, then one record per id. `queue` may name one shard of a queue
 * (`emails#8s3`); the ids must be routed to that shard (their records then share its slot).
 */
export function enqueueKeys(ks: Keyspace, queue: string, priority: number, ids: readonly string[]): string[] {
  const keys = [ks.ready(queue, priority), ks.delayed(queue), ks.signal(queue), ks.forQueue(queue).recent];
  for (const id of ids) keys.push(ks.task(id));
  return keys;
}

/**
 * Writes tasks of one queue and priority in as few script calls as possible (one per run of items
 * sharing name and timing, as all of one `delayMany` do, up to {@link BATCH}). Returns, per item,
 * whether it was new (false: the id existed, nothing was written).
 */
export async function enqueueBatch(
  { redis, ks }: BrokerConn,
  items: readonly EnqueueItem[],
  options: EnqueueOptions,
): Promise<boolean[]> {
  const calls: Promise<unknown>[] = [];
  for (let start = 0; start < items.length;) {
    const first = items[start];
    const args: (string | number)[] = [
      // The record names the queue; its id names the shard.
      parseShardQueue(options.queue).queue,
      options.priority,
      options.recentCap ?? 10_000,
      first.name,
      first.eta,
      first.countdownMs ?? "",
      first.expiresAt,
      first.expiresInMs ?? "",
      first.resultExpiresMs,
    ];
    let end = start;
    while (end < items.length && end - start < BATCH && sameCall(first, items[end])) {
      const item = items[end++];
      args.push(item.id, item.argsJson);
    }
    const ids = items.slice(start, end).map((item) => item.id);
    calls.push(scripts.enqueue.run(redis, enqueueKeys(ks, options.queue, options.priority, ids), args));
    start = end;
  }
  // Sent back to back on one connection, so Redis applies the calls in order.
  const created: boolean[] = [];
  // Each call answers one character per item: '1' written, '0' the id existed.
  for (const result of await Promise.all(calls)) for (const flag of String(result)) created.push(flag === "1");
  return created;
}
