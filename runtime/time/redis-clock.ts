import type { Redis } from "ioredis";

/** Redis's clock in epoch ms (`TIME`): the clock every process of an app agrees on. */
export async function redisTimeMs(redis: Redis): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** How far this process's clock is from Redis's, measured once. */
export interface ClockOffset {
  /** Add to `Date.now()` to get Redis's time (positive: this clock is behind). */
  offsetMs: number;
  /** Round trip of the measurement: the offset is exact to within half of it. */
  roundTripMs: number;
}

/**
 * Measures this process's clock against Redis's `TIME`, taking the reading at the midpoint of the
 * round trip. Processes that must sleep until a Redis-time deadline (beat) sleep by
 * `deadline - (Date.now() + offsetMs)`.
 */
export async function measureClockOffset(redis: Redis): Promise<ClockOffset> {
  const sent = Date.now();
  const t0 = performance.now();
  const redisNow = await redisTimeMs(redis);
  const roundTripMs = performance.now() - t0;
  return { offsetMs: Math.round(redisNow - (sent + roundTripMs / 2)), roundTripMs };
}
