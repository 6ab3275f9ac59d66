/** Rate limits as Celery writes them: `100/s`, `10/m`, `1000/h`, or a number of tasks per second. */

/** The runtime's shape of a parsed rate limit. */
export interface RateLimit {
  limit: number;
  intervalMs: number;
}

const INTERVAL_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

/** Kept in sync with `definitions.rateLimit.pattern` in manifest.schema.json. */
export const RATE_LIMIT_PATTERN = /^([1-9]\d*)\/(s|m|h)$/;

/** Human wording of what a rate limit may look like, used in error messages. */
export const RATE_LIMIT_EXPECTED = "a rate such as 100/s, 10/m or 1000/h, or a whole number of tasks per second";

/** Parses a rate limit, or returns null when the value is not one. */
export function parseRateLimit(value: unknown): RateLimit | null {
  if (typeof value === "number") {
    return Number.isInteger(value) && value > 0 ? { limit: value, intervalMs: 1000 } : null;
  }
  if (typeof value !== "string") return null;
  const match = RATE_LIMIT_PATTERN.exec(value);
  if (!match) return null;
  return { limit: Number(match[1]), intervalMs: INTERVAL_MS[match[2]!]! };
}
