import type { BrokerConn } from "../../broker/conn.ts";
import type { Keyspace } from "../../keys/keyspace.ts";
import { expandQueues } from "../../keys/shard-route.ts";
import type { AppSpec } from "../../spec/types.ts";

/** A connection that may know its app: with it, admin reads cover every shard of sharded queues. */
export type AppConn = BrokerConn & { readonly app?: AppSpec };

/**
 * The keyspaces of every hash tag the app's data lives under: the app's own, then one per shard of
 * each sharded queue (queues of equal shard count share them). Recent-task indexes and dead letters
 * are per shard, so the admin reads each and merges.
 */
export function shardSpaces(conn: AppConn): Keyspace[] {
  const out = new Map<string, Keyspace>([[conn.ks.tag, conn.ks]]);
  if (conn.app) {
    for (const q of expandQueues(conn.app, conn.app.queues)) {
      const ks = conn.ks.forQueue(q);
      if (!out.has(ks.tag)) out.set(ks.tag, ks);
    }
  }
  return [...out.values()];
}

/** Shard-qualified names of one queue (just the queue when unsharded or the app is unknown). */
export function queueParts(conn: AppConn, queue: string): string[] {
  return conn.app ? expandQueues(conn.app, [queue]) : [queue];
}
