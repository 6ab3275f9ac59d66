import { Cron } from "croner";
import { offsetMs, transitionBetween, wallClock } from "./zone-offset.ts";

const CACHE_LIMIT = 1_000;
const cache = new Map<string, CronSchedule>();
const HOUR = 3_600_000;
/** Longest stretch searched for a transition around a slot; every zone's DST shift is far shorter. */
const NEAR = 6 * HOUR;

const NICKNAMES: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

/** A cron pattern in an IANA time zone, evaluated on the local wall clock. */
export interface CronSchedule {
  /** The first run strictly after `afterMs` (epoch ms), or null when the pattern never matches again. */
  nextAfter(afterMs: number): number | null;
}

/**
 * Compiles a 5- or 6-field pattern (or an `@daily`-style nickname) in a time zone. Throws croner's
 * error for a bad pattern. Cached, because beat asks for the same pattern on every firing.
 *
 * Matching follows Vixie cron: when the day-of-month or the day-of-week field starts with `*` both
 * must match (so `0 0 *\/2 * 1` is odd-numbered days that are Mondays), otherwise either may.
 *
 * Daylight saving time, per issue 11's rule:
 * - An hour field that starts with `*` follows elapsed time: every instant whose local time matches
 *   fires, so an hourly job runs 23 or 25 times on a change day (a time in the spring gap does not
 *   exist; a time in the autumn overlap occurs twice).
 * - Any other hour field names explicit wall-clock slots (`30 2,14 * * *`, `0,30 2 * * *`,
 *   `15 2-3 * * *`), and each runs exactly once a day: a slot inside the spring gap runs at the first
 *   valid instant after it (the end of the gap), a slot inside the autumn overlap at its first
 *   occurrence. Slots that land on the same instant that way run once.
 */
export function cronFor(pattern: string, timezone: string): CronSchedule {
  const key = `${timezone}\u0000${pattern}`;
  let schedule = cache.get(key);
  if (!schedule) {
    schedule = compile(pattern, timezone);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, schedule);
  }
  return schedule;
}

function compile(pattern: string, timezone: string): CronSchedule {
  const trimmed = pattern.trim();
  const expanded = trimmed.startsWith("@") ? NICKNAMES[trimmed.toLowerCase()] : trimmed;
  if (expanded === undefined)
    throw new Error(`unknown nickname "${trimmed}" (expected one of ${Object.keys(NICKNAMES).join(", ")})`);
  const fields = expanded.split(/\s+/);
  // croner also accepts an ISO date as a "pattern"; that is what `at` schedules are for.
  if (fields.length !== 5 && fields.length !== 6) {
    throw new Error(
      `expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with seconds first), got ${fields.length}`,
    );
  }
  const [hour, dom, dow] = fields.length === 6 ? [fields[2], fields[3], fields[5]] : [fields[1], fields[2], fields[4]];
  const unrestricted = (field: string) => field.startsWith("*") || field.startsWith("?");
  // The pattern is matched against wall-clock readings written as UTC; the zone is applied here.
  const wall = new Cron(expanded, {
    paused: true,
    utcOffset: 0,
    mode: "5-or-6-parts",
    domAndDow: unrestricted(dom) || unrestricted(dow),
  });
  const slotAfter = (wallMs: number): number | null => wall.nextRun(new Date(wallMs))?.getTime() ?? null;
  const elapsed = unrestricted(hour);
  return {
    nextAfter: (afterMs) =>
      elapsed ? nextElapsed(slotAfter, timezone, afterMs) : nextExplicit(slotAfter, timezone, afterMs),
  };
}

type SlotAfter = (wallMs: number) => number | null;

/** Instants whose local reading is `slot`: none in a gap, two in an overlap (ascending). */
function instantsOf(timezone: string, slot: number): { instants: number[]; earlier: number; later: number } {
  const earlier = offsetMs(timezone, slot - offsetMs(timezone, slot) - NEAR);
  const later = offsetMs(timezone, slot - offsetMs(timezone, slot) + NEAR);
  const instants = [...new Set([slot - earlier, slot - later])]
    .filter((t) => wallClock(timezone, t) === slot)
    .sort((a, b) => a - b);
  return { instants, earlier, later };
}

/** The instant an explicit slot runs at: its only or first occurrence, or the end of the gap it falls in. */
function explicitInstant(timezone: string, slot: number): number {
  const { instants, earlier, later } = instantsOf(timezone, slot);
  if (instants.length > 0) return instants[0];
  // In a gap the clock jumps forward (later > earlier): the slot lies between the two readings.
  return transitionBetween(timezone, slot - later, slot - earlier);
}

/**
 * Slots before the local time of `afterMs` all run at or before it (the slot-to-instant map never
 * goes backwards), so the search starts there and moves on slot by slot; in the second pass through
 * an autumn overlap it jumps to the overlap's end, whose slots ran in the first pass.
 */
function nextExplicit(slotAfter: SlotAfter, timezone: string, afterMs: number): number | null {
  let slot = slotAfter(wallClock(timezone, afterMs) - 1000);
  for (let guard = 0; slot !== null && guard < 10_000; guard++) {
    const at = explicitInstant(timezone, slot);
    if (at > afterMs) return at;
    const overlapEnd =
      wallClock(timezone, afterMs - NEAR) > wallClock(timezone, afterMs) - NEAR
        ? endOfOverlap(timezone, afterMs)
        : null;
    slot = slotAfter(overlapEnd !== null && overlapEnd > slot ? overlapEnd - 1000 : slot);
  }
  return null;
}

/** The local time at which the overlap that `afterMs` is in (its second pass) stops repeating. */
function endOfOverlap(timezone: string, afterMs: number): number {
  const change = transitionBetween(timezone, afterMs - NEAR, afterMs);
  return change + offsetMs(timezone, change - 1);
}

/** Every matching instant fires; a slot can therefore run twice (overlap) or not at all (gap). */
function nextElapsed(slotAfter: SlotAfter, timezone: string, afterMs: number): number | null {
  const shift = Math.abs(offsetMs(timezone, afterMs - NEAR) - offsetMs(timezone, afterMs + NEAR));
  let slot = slotAfter(wallClock(timezone, afterMs) - shift - 1000);
  let best: number | null = null;
  for (let guard = 0; slot !== null && guard < 10_000; guard++) {
    const { instants, earlier, later } = instantsOf(timezone, slot);
    if (best !== null && slot - Math.max(earlier, later) > best) break;
    for (const t of instants) if (t > afterMs && (best === null || t < best)) best = t;
    slot = slotAfter(slot);
  }
  return best;
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
