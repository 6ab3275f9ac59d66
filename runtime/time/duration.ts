import { ConfigurationError } from "../errors/configuration-error.ts";
import type { Duration } from "../task/types.ts";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * Converts a duration to milliseconds: a number is seconds (Celery's convention), a string carries
 * its unit ("250ms", "30s", "5m", "2h", "1d").
 *
 * @example durationToMs("1.5s") // 1500
 */
export function durationToMs(value: Duration, what = "duration"): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw new ConfigurationError(`${what} must be a non-negative number of seconds, got ${value}`);
    return Math.round(value * 1000);
  }
  const match = DURATION.exec(value.trim());
  if (!match) throw new ConfigurationError(`${what} "${value}" is not a duration (expected e.g. 250ms, 30s, 5m, 2h, 1d)`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

/** Converts a Date or ISO string to epoch milliseconds, with a clear error for garbage. */
export function timeToMs(value: Date | string, what = "time"): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new ConfigurationError(`${what} "${String(value)}" is not a valid date`);
  return ms;
}
