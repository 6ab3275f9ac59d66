import { Cluster, Redis } from "ioredis";
import { createLogger } from "../log/logger.ts";
import { isClusterUrl, parseClusterUrl } from "./cluster-url.ts";
import { connectMemory, isMemoryConnection, isMemoryUrl } from "../memory/registry.ts";
import { parseRedisUrl, resolveRedisUrl } from "./redis-url.ts";

/** One warning per connection per this long while Redis is unreachable, instead of one per retry. */
const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * A connection to one Redis server or to a Redis Cluster. Both speak the same commands; a Cluster
 * routes each by its key's slot, so every multi-key command and script must stay in one slot.
 */
export type RedisClient = Redis | Cluster;

/**
 * Where to connect: a URL (`memory://` for the in-memory broker, `redis+cluster://` for a Cluster),
 * or an ioredis instance (Redis or Cluster) to duplicate (its options are reused).
 */
export type RedisTarget = string | RedisClient | undefined;

export interface ConnectOptions {
  /** Used in CLIENT SETNAME (with the pid appended) so `CLIENT LIST` shows who is who. */
  name?: string;
  /** For connections that block (BLPOP) or subscribe: never fail commands while reconnecting. */
  blocking?: boolean;
}

/** True when `redis` is a Cluster client (keyless commands go to an arbitrary node). */
export function isCluster(redis: RedisClient): redis is Cluster {
  return redis instanceof Cluster;
}

const backoff = (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000);

/**
 * Opens a connection that reconnects by itself with capped backoff. Commands issued while Redis is
 * away are queued and sent on reconnect (ioredis' offline queue), so callers simply wait. A
 * `redis+cluster://` URL (or a Cluster instance) gives a Cluster client that follows MOVED/ASK and
 * refreshes its slot map after a failover.
 */
export function connectRedis(target: RedisTarget, options: ConnectOptions = {}): RedisClient {
  if (isMemoryConnection(target)) return connectMemory(target, { name: options.name }).asRedis();
  if (!(target instanceof Redis) && !(target instanceof Cluster) && isMemoryUrl(resolveRedisUrl(target)))
    return connectMemory(resolveRedisUrl(target), { name: options.name }).asRedis();
  const connectionName = options.name ? `${options.name}-${process.pid}` : undefined;
  let redis: RedisClient;
  if (target instanceof Cluster || (typeof target !== "object" && isClusterUrl(resolveRedisUrl(target)))) {
    redis = connectCluster(target as string | Cluster | undefined, connectionName);
  } else {
    const base = target instanceof Redis ? { ...target.options } : parseRedisUrl(resolveRedisUrl(target));
    redis = new Redis({
      ...base,
      lazyConnect: false,
      connectionName,
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
      retryStrategy: backoff,
      reconnectOnError: (err) => err.message.startsWith("READONLY"),
    });
  }
  // Callers see failures as rejected commands; this listener only keeps ioredis from printing
  // "Unhandled error event" for every reconnect attempt.
  let lastLogged = 0;
  redis.on("error", (error: Error) => {
    if (Date.now() - lastLogged < ERROR_LOG_INTERVAL_MS) return;
    lastLogged = Date.now();
    createLogger().warn("redis connection error; reconnecting", {
      connection: options.name ?? "celerity",
      error: error.message,
    });
  });
  return redis;
}

function connectCluster(target: string | Cluster | undefined, connectionName: string | undefined): Cluster {
  if (target instanceof Cluster) {
    return target.duplicate(undefined, {
      ...target.options,
      redisOptions: { ...target.options.redisOptions, connectionName },
    });
  }
  const { nodes, redisOptions } = parseClusterUrl(resolveRedisUrl(target));
  return new Cluster(nodes, {
    // Node connections do not reconnect by themselves (ioredis' default): a lost node is found
    // again through the slot map, which is what a failover needs.
    redisOptions: { ...redisOptions, connectionName, enableReadyCheck: true },
    clusterRetryStrategy: backoff,
    enableOfflineQueue: true,
    // A failover takes cluster-node-timeout plus an election: keep retrying CLUSTERDOWN and closed
    // connections for well over that (each try waits retryDelayOn*), instead of failing the call.
    maxRedirections: 200,
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    retryDelayOnTryAgain: 100,
    slotsRefreshTimeout: 2000,
    scaleReads: "master",
  });
}
