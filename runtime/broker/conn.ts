import type { RedisClient } from "../config/connect.ts";
import type { Keyspace } from "../keys/keyspace.ts";

/**
 * A command connection and the app's key names: what every broker call needs. Client, worker,
 * admin and beat contexts carry both, so they pass themselves.
 */
export interface BrokerConn {
  readonly redis: RedisClient;
  readonly ks: Keyspace;
}
