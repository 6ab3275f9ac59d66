import type { BrokerConn } from "./conn.ts";
import type { RateLimitSpec } from "../spec/types.ts";
import { scripts } from "./scripts.ts";

/** Takes one start from a task's global rate limit; returns 0 if allowed, else ms to wait. */
export async function takeRateToken(
  { redis, ks }: BrokerConn,
  taskName: string,
  limit: RateLimitSpec,
): Promise<number> {
  return Number(await scripts.rateLimit.run(redis, [ks.rate(taskName)], [limit.limit, limit.intervalMs]));
}
