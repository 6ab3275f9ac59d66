const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's UTC offset at an instant, in ms (Berlin in summer: +7_200_000), to the second.
 * Intl's own time-zone database, so it agrees with `isKnownTimeZone`.
 */
export function offsetMs(timezone: string, instantMs: number): number {
  if (timezone === "UTC" || timezone === "Etc/UTC") return 0;
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    if (formatters.size < 1_000) formatters.set(timezone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const year = parts.era === "BC" || parts.era === "B" ? 1 - Number(parts.year) : Number(parts.year);
  const wall = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/** The local wall-clock time of an instant, as epoch ms of the same reading in UTC. */
export function wallClock(timezone: string, instantMs: number): number {
  return instantMs + offsetMs(timezone, instantMs);
}

/**
 * The instant in (from, to] at which the zone's offset stops being what it is at `from`, found by
 * bisection to the millisecond; `to` when it does not change in between.
 */
export function transitionBetween(timezone: string, from: number, to: number): number {
  const before = offsetMs(timezone, from);
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(timezone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
