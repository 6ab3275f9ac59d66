import type { Redis } from "ioredis";
import type { Keyspace } from "../keys/keyspace.ts";

/**
 * A command connection and the app's key names: what every broker call needs. Client, worker,
 * admin and beat contexts carry both, so they pass themselves.
 */
export interface BrokerConn {
  readonly redis: Redis;
  readonly ks: Keyspace;
}
