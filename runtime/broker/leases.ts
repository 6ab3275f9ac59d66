import type { BrokerConn } from "./conn.ts";
import type { Claimed } from "./claim.ts";
import { quarantineOnWrongType } from "./quarantine.ts";

/**
 * Pushes the lease deadline of every running task forward in one pipeline. `XX` never re-creates a
 * lease that a finish (or a recovery after a long Redis outage) already removed.
 */
export async function renewLeases({ redis, ks }: BrokerConn, running: Iterable<Claimed>, options: { leaseMs: number }): Promise<void> {
  const deadline = Date.now() + options.leaseMs;
  const byQueue = new Map<string, (string | number)[]>();
  for (const c of running) {
    let args = byQueue.get(c.queue);
    if (!args) byQueue.set(c.queue, (args = []));
    args.push(deadline, c.member);
  }
  if (byQueue.size === 0) return;
  const pipeline = redis.pipeline();
  for (const [queue, args] of byQueue) pipeline.zadd(ks.leases(queue), "XX", ...args);
  await quarantineOnWrongType(redis, await pipeline.exec(), { keys: [...byQueue.keys()].map((q) => ks.leases(q)), context: "lease renewal" });
}
