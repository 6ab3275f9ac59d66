import { Cron } from "croner";

const CACHE_LIMIT = 1_000;
const cache = new Map<string, Cron>();

/**
 * A paused croner job for a 5- or 6-field pattern (or an `@daily`-style nickname) in an IANA time
 * zone. Throws croner's error for a bad pattern or zone. Cached, because beat asks for the same
 * pattern on every firing and building one parses the pattern again.
 */
export function cronFor(pattern: string, timezone: string): Cron {
  const key = `${timezone}\u0000${pattern}`;
  let job = cache.get(key);
  if (!job) {
    const trimmed = pattern.trim();
    const fields = trimmed.split(/\s+/).length;
    // croner also accepts an ISO date as a "pattern"; that is what `at` schedules are for.
    if (!trimmed.startsWith("@") && fields !== 5 && fields !== 6) {
      throw new Error(`expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with seconds first), got ${fields}`);
    }
    job = new Cron(trimmed, { paused: true, timezone, mode: "5-or-6-parts" });
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, job);
  }
  return job;
}

const knownZones = new Set<string>();

/** True when `timezone` is an IANA zone name this runtime knows (Intl's own database). */
export function isKnownTimeZone(timezone: string): boolean {
  // Building a DateTimeFormat costs ~0.1 ms; remember the zones that passed.
  if (knownZones.has(timezone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    return false;
  }
  if (knownZones.size < CACHE_LIMIT) knownZones.add(timezone);
  return true;
}
