import type { RedisClient } from "../config/connect.ts";
import type { Keyspace } from "../keys/keyspace.ts";

/** The beat's Redis keys under one app's keyspace. */
export interface BeatKeys {
  /** HASH name -> definition JSON. */
  entries: string;
  /** ZSET name -> next run (epoch ms); only enabled entries that will fire again are in it. */
  due: string;
  /** SET of disabled entry names. */
  disabled: string;
  /** HASH name -> total run count. */
  runCount: string;
  /** HASH name -> last run (epoch ms). */
  lastRun: string;
  /** STRING: the leader's token, with a TTL. */
  leader: string;
  /** Pub/sub channel: an entry's next run changed, so a sleeping beat should look again. */
  changed: string;
}

/** A connection and the beat keys it works on: what the store's read and write helpers take. */
export interface BeatDb {
  redis: RedisClient;
  keys: BeatKeys;
}

/** Derives the beat keys; all share the app's hash tag, so every beat script is Cluster-safe. */
export function beatKeys(ks: Keyspace): BeatKeys {
  return {
    entries: ks.beat("entries"),
    due: ks.beat("due"),
    disabled: ks.beat("disabled"),
    runCount: ks.beat("runs"),
    lastRun: ks.beat("last"),
    leader: ks.beat("leader"),
    changed: ks.beat("changed"),
  };
}
