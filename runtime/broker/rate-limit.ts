import type { Keyspace } from "../keys/keyspace.ts";
import type { BrokerConn } from "./conn.ts";
import type { RateLimitSpec } from "../spec/types.ts";
import { scripts } from "./scripts.ts";

/** KEYS of one rate-limit call (see rate-limit.lua): the limiter state of the task name, in the app's slot. */
export function rateLimitKeys(ks: Keyspace, taskName: string): string[] {
  return [ks.rate(taskName)];
}

/** Takes one start from a task's global rate limit; returns 0 if allowed, else ms to wait. */
export async function takeRateToken(
  { redis, ks }: BrokerConn,
  taskName: string,
  limit: RateLimitSpec,
): Promise<number> {
  return Number(await scripts.rateLimit.run(redis, rateLimitKeys(ks, taskName), [limit.limit, limit.intervalMs]));
}
