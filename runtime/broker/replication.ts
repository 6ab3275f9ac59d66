import { isCluster, type RedisClient } from "../config/connect.ts";
import { ReplicationError } from "../errors/replication-error.ts";
import { keySlot } from "../keys/slot.ts";

/** How many replicas must hold an enqueue before the call resolves, and how long to wait for them. */
export interface Durability {
  replicas: number;
  timeoutMs: number;
}

/**
 * Redis's `WAIT` for the writes just made to the slots of `keys`: on a Cluster, sent on the very
 * connection (the master of each slot) those writes went through, since WAIT counts this
 * connection's writes only. Throws {@link ReplicationError} when too few replicas acknowledged.
 */
export async function waitForReplicas(
  redis: RedisClient,
  keys: readonly string[],
  durability: Durability,
): Promise<void> {
  const nodes = new Set<RedisClient>();
  if (isCluster(redis)) {
    const masters = redis.nodes("master");
    for (const slot of new Set(keys.map(keySlot))) {
      const owner = redis.slots[slot]?.[0];
      const node = masters.find((n) => `${n.options.host}:${n.options.port}` === owner);
      if (node) nodes.add(node);
    }
  } else {
    nodes.add(redis);
  }
  const acks = await Promise.all(
    [...nodes].map((node) => node.call("WAIT", durability.replicas, durability.timeoutMs) as Promise<number>),
  );
  const least = Math.min(...acks);
  if (least < durability.replicas) throw new ReplicationError(least, durability.replicas, durability.timeoutMs);
}
