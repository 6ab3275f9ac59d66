import { Redis } from "ioredis";
import { createLogger } from "../log/logger.ts";
import { connectMemory, isMemoryConnection, isMemoryUrl } from "../memory/registry.ts";
import { parseRedisUrl, resolveRedisUrl } from "./redis-url.ts";

/** One warning per connection per this long while Redis is unreachable, instead of one per retry. */
const ERROR_LOG_INTERVAL_MS = 10_000;

/** Where to connect: a URL (`memory://` for the in-memory broker), or an ioredis instance to duplicate (its options are reused). */
export type RedisTarget = string | Redis | undefined;

export interface ConnectOptions {
  /** Used in CLIENT SETNAME (with the pid appended) so `CLIENT LIST` shows who is who. */
  name?: string;
  /** For connections that block (BLPOP) or subscribe: never fail commands while reconnecting. */
  blocking?: boolean;
}

/**
 * Opens a connection that reconnects by itself with capped backoff. Commands issued while Redis is
 * away are queued and sent on reconnect (ioredis' offline queue), so callers simply wait.
 */
export function connectRedis(target: RedisTarget, options: ConnectOptions = {}): Redis {
  if (isMemoryConnection(target)) return connectMemory(target, { name: options.name }).asRedis();
  if (!(target instanceof Redis) && isMemoryUrl(resolveRedisUrl(target))) return connectMemory(resolveRedisUrl(target), { name: options.name }).asRedis();
  const base = target instanceof Redis ? { ...target.options } : parseRedisUrl(resolveRedisUrl(target));
  const redis = new Redis({
    ...base,
    lazyConnect: false,
    connectionName: options.name ? `${options.name}-${process.pid}` : undefined,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
    reconnectOnError: (err) => err.message.startsWith("READONLY"),
  });
  // Callers see failures as rejected commands; this listener only keeps ioredis from printing
  // "Unhandled error event" for every reconnect attempt.
  let lastLogged = 0;
  redis.on("error", (error: Error) => {
    if (Date.now() - lastLogged < ERROR_LOG_INTERVAL_MS) return;
    lastLogged = Date.now();
    createLogger().warn("redis connection error; reconnecting", { connection: options.name ?? "celerity", error: error.message });
  });
  return redis;
}
