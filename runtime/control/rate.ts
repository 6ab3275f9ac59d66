import { ConfigurationError } from "../errors/configuration-error.ts";
import type { RateLimitSpec } from "../spec/types.ts";

const INTERVAL_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `10/s`, `100/m`, `1000/h` (or a whole number per second), as in the manifest. */
export function parseRate(text: string): RateLimitSpec {
  if (/^[1-9]\d*$/.test(text)) return { limit: Number(text), intervalMs: 1000 };
  const m = /^([1-9]\d*)\/(s|m|h)$/.exec(text);
  if (!m) throw new ConfigurationError(`rate limit "${text.slice(0, 50)}" is not a rate such as 100/s, 10/m or 1000/h`);
  return { limit: Number(m[1]), intervalMs: INTERVAL_MS[m[2]] };
}

/** The rate as people write it. */
export function formatRate(r: RateLimitSpec): string {
  const unit = r.intervalMs === 1000 ? "s" : r.intervalMs === 60_000 ? "m" : r.intervalMs === 3_600_000 ? "h" : null;
  return unit ? `${r.limit}/${unit}` : `${r.limit}/${r.intervalMs}ms`;
}
