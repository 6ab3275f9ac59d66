import type { BrokerConn } from "./conn.ts";
import { scripts } from "./scripts.ts";

/** One task ready to be written: arguments already validated and serialized. */
export interface EnqueueItem {
  id: string;
  name: string;
  argsJson: string;
  /** Epoch ms before which the task must not start; 0 for now. */
  eta: number;
  /** Epoch ms after which it must not start; 0 for never. */
  expiresAt: number;
  resultExpiresMs: number;
}

export interface EnqueueOptions {
  queue: string;
  priority: number;
  /** How many ids the admin's recent-task index keeps. */
  recentCap?: number;
  now?: number;
}

/** Ids per script call: large enough to amortize the round trip, small enough not to stall Redis. */
const BATCH = 500;

/**
 * Writes tasks of one queue and priority in as few script calls as possible. Returns, per item,
 * whether it was new (false: the id existed, nothing was written).
 */
export async function enqueueBatch({ redis, ks }: BrokerConn, items: readonly EnqueueItem[], options: EnqueueOptions): Promise<boolean[]> {
  const created: boolean[] = [];
  const calls: Promise<unknown>[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const chunk = items.slice(start, start + BATCH);
    const keys = [ks.ready(options.queue, options.priority), ks.delayed(options.queue), ks.signal(options.queue), ks.recent];
    const args: (string | number)[] = [options.now ?? Date.now(), options.queue, options.priority, options.recentCap ?? 10_000];
    for (const item of chunk) {
      keys.push(ks.task(item.id));
      args.push(item.id, item.name, item.argsJson, item.eta, item.expiresAt, item.resultExpiresMs);
    }
    calls.push(scripts.enqueue.run(redis, keys, args));
  }
  // Sent back to back on one connection, so Redis applies the chunks in order.
  for (const result of await Promise.all(calls)) for (const flag of result as number[]) created.push(flag === 1);
  return created;
}
