import type { ScheduleSpec } from "../spec/types.ts";

const UNITS: readonly [number, string][] = [
  [86_400_000, "day"],
  [3_600_000, "hour"],
  [60_000, "minute"],
  [1_000, "second"],
  [1, "millisecond"],
];

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAY_ABBR = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const NICKNAMES: Record<string, string> = {
  "@yearly": "at 00:00 on 1 January",
  "@annually": "at 00:00 on 1 January",
  "@monthly": "at 00:00 on day 1 of every month",
  "@weekly": "at 00:00 every Sunday",
  "@daily": "at 00:00 every day",
  "@midnight": "at 00:00 every day",
  "@hourly": "every hour, on the hour",
};

/**
 * A schedule in words, for lists and logs: "every 30 seconds", "at 03:00 every day (Europe/Berlin)",
 * "once at 2027-01-01 09:00 UTC". Cron patterns outside the common shapes are shown as written.
 */
export function describeSchedule(schedule: ScheduleSpec): string {
  switch (schedule.kind) {
    case "every":
      return `every ${describeInterval(schedule.everyMs)}`;
    case "cron":
      return `${describeCron(schedule.cron.trim())} (${schedule.timezone})`;
    case "at":
      return `once at ${formatUtc(schedule.at)}`;
  }
}

function describeInterval(ms: number): string {
  for (const [size, unit] of UNITS) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return n === 1 ? unit : `${n} ${unit}s`;
    }
  }
  return `${ms} milliseconds`;
}

function formatUtc(iso: string): string {
  const text = new Date(iso).toISOString().replace("T", " ").replace(".000Z", "");
  return `${text.endsWith(":00") ? text.slice(0, -3) : text} UTC`;
}

const NUMBER = /^\d+$/;

function describeCron(pattern: string): string {
  if (pattern.startsWith("@")) return NICKNAMES[pattern.toLowerCase()] ?? `cron "${pattern}"`;
  const fields = pattern.split(/\s+/);
  if (fields.length === 6) {
    if (fields[0] !== "0") return `cron "${pattern}"`;
    fields.shift();
  }
  const [minute, hour, dom, month, dow] = fields;
  const fallback = `cron "${pattern}"`;
  if (month !== "*") return fallback;
  if (hour === "*" && dom === "*" && dow === "*") {
    if (minute === "*") return "every minute";
    if (minute === "0") return "every hour, on the hour";
    if (NUMBER.test(minute)) return `at minute ${Number(minute)} of every hour`;
    const step = /^\*\/(\d+)$/.exec(minute);
    if (step) return `every ${step[1]} minutes`;
    return fallback;
  }
  if (!NUMBER.test(minute) || !NUMBER.test(hour)) return fallback;
  const time = `${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`;
  if (dom === "*" && dow === "*") return `at ${time} every day`;
  if (dom === "*") {
    const days = describeDays(dow);
    return days ? `at ${time} every ${days}` : fallback;
  }
  if (dow === "*" && NUMBER.test(dom)) return `at ${time} on day ${Number(dom)} of every month`;
  return fallback;
}

/** "1-5" -> "Monday to Friday", "1,3" -> "Monday and Wednesday"; null for anything fancier. */
function describeDays(field: string): string | null {
  const day = (token: string): string | null => {
    const index = NUMBER.test(token) ? Number(token) % 7 : DAY_ABBR.indexOf(token.toUpperCase());
    return index >= 0 && index < 7 && (!NUMBER.test(token) || Number(token) <= 7) ? DAYS[index] : null;
  };
  const range = /^([A-Za-z0-9]+)-([A-Za-z0-9]+)$/.exec(field);
  if (range) {
    const [from, to] = [day(range[1]), day(range[2])];
    return from && to ? `${from} to ${to}` : null;
  }
  const names = field.split(",").map(day);
  if (names.some((n) => n === null)) return null;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
