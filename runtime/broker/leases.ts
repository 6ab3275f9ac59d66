import type { Keyspace } from "../keys/keyspace.ts";
import type { BrokerConn } from "./conn.ts";
import type { Claimed } from "./claim.ts";
import { scripts } from "./scripts.ts";

/** Runs per renewal call: bounds one script's run time with thousands in flight. */
const BATCH = 500;

/**
 * KEYS of one renewal call (see renew.lua): per run its record and its queue's lease set. The
 * runs must share a shard (one call touches one slot).
 */
export function renewKeys(ks: Keyspace, runs: readonly Pick<Claimed, "id" | "queue">[]): string[] {
  const keys: string[] = [];
  for (const c of runs) keys.push(ks.task(c.id), ks.leases(c.queue));
  return keys;
}

/**
 * Pushes the lease deadline of every running task forward, by Redis's clock. Only the current
 * delivery of a task renews (its token matches), and only a lease that still exists: a worker that
 * stalled past its lease never re-creates or extends a lease that is now another delivery's.
 * Returns the ids whose lease this worker no longer holds.
 */
export async function renewLeases(
  { redis, ks }: BrokerConn,
  running: Iterable<Claimed>,
  options: { leaseMs: number },
): Promise<string[]> {
  const lost: string[] = [];
  // One script call per shard (a call may touch one slot), in batches.
  const byTag = new Map<string, Claimed[]>();
  for (const c of running) {
    const tag = ks.forQueue(c.queue).tag;
    const group = byTag.get(tag);
    if (group) group.push(c);
    else byTag.set(tag, [c]);
  }
  for (const all of byTag.values())
    for (let from = 0; from < all.length; from += BATCH) {
      const batch = all.slice(from, from + BATCH);
      const args: (string | number)[] = [options.leaseMs];
      for (const c of batch) args.push(c.member, c.token ?? "");
      const reply = (await scripts.renew.run(redis, renewKeys(ks, batch), args)) as unknown[];
      for (const id of reply) lost.push(String(id));
    }
  return lost;
}
