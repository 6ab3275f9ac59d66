/** Durations as the manifest writes them: `250ms`, `30s`, `5m`, `2h`, `1d`, or a number of seconds. */

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Matches the string form; kept in sync with `definitions.duration.pattern` in manifest.schema.json. */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** Human wording of what a duration may look like, used in error messages. */
export const DURATION_EXPECTED = "a duration such as 250ms, 30s, 5m, 2h, 1d, or a number of seconds";

/**
 * Converts a manifest duration to whole milliseconds, or returns null when it is not one.
 * Numbers are seconds (as in Celery); sub-millisecond remainders are rounded.
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
  }
  if (typeof value !== "string") return null;
  const match = DURATION_PATTERN.exec(value);
  if (!match) return null;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]!);
}
