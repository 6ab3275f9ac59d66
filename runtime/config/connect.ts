import { Redis } from "ioredis";
import { parseRedisUrl, resolveRedisUrl } from "./redis-url.ts";

/** Where to connect: a URL, or an ioredis instance to duplicate (its options are reused). */
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
  const base = target instanceof Redis ? { ...target.options } : parseRedisUrl(resolveRedisUrl(target));
  return new Redis({
    ...base,
    lazyConnect: false,
    connectionName: options.name ? `${options.name}-${process.pid}` : undefined,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
    reconnectOnError: (err) => err.message.startsWith("READONLY"),
  });
}
