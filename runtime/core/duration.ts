import { ConfigurationError } from "../errors/configuration-error.ts";

/** Durations as the manifest, the API and the command line write them: `250ms`, `30s`, `5m`, `2h`, `1d`, or a number of seconds. */

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Matches the string form; kept in sync with `definitions.duration.pattern` in manifest.schema.json.
 * No whitespace is admitted anywhere (the schema admits none either); text from forms is trimmed
 * where it is read, so a manifest and an API call never disagree on what is a duration.
 */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** Human wording of what a duration may look like, used in error messages. */
export const DURATION_EXPECTED = "a duration such as 250ms, 30s, 5m, 2h, 1d, or a number of seconds";

const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * Converts a duration to whole milliseconds, or returns null when it is not one. Numbers are
 * seconds (as in Celery); sub-millisecond remainders are rounded.
 *
 * @example parseDuration("1.5s") // 1500
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
  }
  if (typeof value !== "string") return null;
  const match = DURATION_PATTERN.exec(value);
  const unit = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
  if (!match || unit === undefined) return null;
  return Math.round(Number(match[1]) * unit);
}

/**
 * {@link parseDuration} that throws a {@link ConfigurationError} naming `what` instead of returning null.
 *
 * @example durationToMs("1.5s") // 1500
 */
export function durationToMs(value: number | string, what = "duration"): number {
  const ms = parseDuration(value);
  if (ms !== null) return ms;
  throw new ConfigurationError(
    typeof value === "number"
      ? `${what} must be a non-negative number of seconds, got ${value}`
      : `${what} ${JSON.stringify(value)} is not a duration (expected ${DURATION_EXPECTED})`,
  );
}

/**
 * A duration typed as text (a command-line flag, a form field), where a plain number such as `30`
 * means seconds as it does in the manifest. Throws a {@link ConfigurationError} naming `what`.
 */
export function durationFromText(text: string, what: string): number {
  return durationToMs(PLAIN_SECONDS.test(text) ? Number(text) : text, what);
}
