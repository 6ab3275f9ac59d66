// Cron conformance (issue 11): DST rules for lists, ranges and steps, checked against a brute-force
// reference over every minute of every change day of 2026 and 2027 in several zones, and Vixie
// cron's day-of-month/day-of-week rule. Pure next-run computations with injected times.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nextRunAfter } from "../runtime/beat/schedule.ts";

const MIN = 60_000;
const DAY = 86_400_000;

/** Local reading of an instant: date "YYYY-MM-DD" and minute of the day. */
function local(zone: string, t: number): { date: string; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

function offset(zone: string, t: number): number {
  const l = local(zone, t);
  const [y, m, d] = l.date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) + l.minute * MIN - Math.floor(t / MIN) * MIN;
}

/** Local dates on which the zone's offset changes, in `year` (found hour by hour). */
function changeDays(zone: string, year: number): string[] {
  const days: string[] = [];
  let prev = offset(zone, Date.UTC(year, 0, 1));
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 3_600_000) {
    const o = offset(zone, t);
    if (o !== prev) days.push(local(zone, t).date);
    prev = o;
  }
  return days;
}

interface Minute {
  t: number;
  /** Local minute of the day. */
  minute: number;
}

/** Every minute (UTC instant) of one local day, in order, with its local reading. */
function minutesOf(zone: string, date: string): Minute[] {
  const [y, m, d] = date.split("-").map(Number);
  const out: Minute[] = [];
  for (let t = Date.UTC(y, m - 1, d) - 15 * 3_600_000; t < Date.UTC(y, m - 1, d) + 39 * 3_600_000; t += MIN) {
    const l = local(zone, t);
    if (l.date === date) out.push({ t, minute: l.minute });
  }
  return out;
}

/** What beat would fire during the day, by asking for the next run again and again. */
function firedDuring(cron: string, zone: string, minutes: Minute[]): number[] {
  const fired: number[] = [];
  const end = minutes[minutes.length - 1].t;
  const next = (after: number) => nextRunAfter({ kind: "cron", cron, timezone: zone }, after);
  for (let t = next(minutes[0].t - 1); t !== null && t <= end; t = next(t)) fired.push(t);
  return fired;
}

/** The rule for explicit slots: each runs at the first instant whose local time is at or past it. */
function explicitReference(minutes: Minute[], slots: number[]): number[] {
  const at = slots.map((slot) => minutes.find((m) => m.minute >= slot)!.t);
  return [...new Set(at)].sort((a, b) => a - b);
}

/** Elapsed time: every instant whose local minute of the day matches. */
const matching = (minutes: Minute[], match: (minute: number) => boolean) =>
  minutes.filter((m) => match(m.minute)).map((m) => m.t);

const iso = (list: number[]) => list.map((t) => new Date(t).toISOString().slice(0, 16));
const hm = (h: number, m: number) => h * 60 + m;
const ZONES = ["Europe/Berlin", "America/New_York", "Pacific/Chatham", "Australia/Lord_Howe"];
const EXPLICIT: [string, number[]][] = [
  ["30 2,14 * * *", [hm(2, 30), hm(14, 30)]],
  ["0,30 2 * * *", [hm(2, 0), hm(2, 30)]],
  ["15 2-3 * * *", [hm(2, 15), hm(3, 15)]],
  ["*/20 1-3 * * *", [0, 20, 40].flatMap((m) => [1, 2, 3].map((h) => hm(h, m))).sort((a, b) => a - b)],
  ["30 1 * * *", [hm(1, 30)]],
  ["45 2 * * *", [hm(2, 45)]],
  ["0 3 * * *", [hm(3, 0)]],
];

describe("cron: DST on the change days of 2026 and 2027", () => {
  for (const zone of ZONES) {
    const days = [...changeDays(zone, 2026), ...changeDays(zone, 2027)];
    it(`${zone}: finds four change days (${days.join(", ")})`, () => assert.equal(days.length, 4));

    it(`${zone}: every explicit wall-clock slot runs exactly once: in a gap at its end, in an overlap at its first occurrence`, () => {
      for (const date of days) {
        const minutes = minutesOf(zone, date);
        for (const [cron, slots] of EXPLICIT) {
          assert.deepEqual(
            iso(firedDuring(cron, zone, minutes)),
            iso(explicitReference(minutes, slots)),
            `${cron} on ${date} in ${zone}`,
          );
        }
      }
    });

    it(`${zone}: asked from any moment of a change day (a beat started mid-overlap), the next run is the rule's next slot`, () => {
      for (const date of days) {
        const minutes = minutesOf(zone, date);
        for (const [cron, slots] of EXPLICIT) {
          const expected = explicitReference(minutes, slots);
          for (let i = 0; i < minutes.length; i += 7) {
            const t = minutes[i].t + 29_000;
            const want = expected.find((e) => e > t);
            if (want === undefined) continue;
            assert.equal(
              nextRunAfter({ kind: "cron", cron, timezone: zone }, t),
              want,
              `${cron} after ${new Date(t).toISOString()} in ${zone}`,
            );
          }
        }
      }
    });

    it(`${zone}: an hour field of * follows elapsed time (23 or 25 hourly runs, both passes of a repeated hour)`, () => {
      for (const date of days) {
        const minutes = minutesOf(zone, date);
        const hourly = matching(minutes, (m) => m % 60 === 0);
        assert.deepEqual(iso(firedDuring("0 * * * *", zone, minutes)), iso(hourly), `0 * * * * on ${date}`);
        assert.ok([23, 24, 25].includes(hourly.length), `${hourly.length} hourly runs`);
        assert.deepEqual(
          iso(firedDuring("*/30 * * * *", zone, minutes)),
          iso(matching(minutes, (m) => m % 30 === 0)),
          `*/30 * * * * on ${date}`,
        );
        assert.deepEqual(
          iso(firedDuring("15 */2 * * *", zone, minutes)),
          iso(matching(minutes, (m) => m % 120 === 15)),
          `15 */2 * * * on ${date}`,
        );
      }
    });
  }

  it("Europe/Berlin, as the issue reports it: 30 2,14 and 0,30 2 on the spring day, 30 2,14 on the autumn day", () => {
    const runs = (cron: string, from: string) =>
      iso(firedDuring(cron, "Europe/Berlin", minutesOf("Europe/Berlin", from)));
    assert.deepEqual(
      runs("30 2,14 * * *", "2026-03-29"),
      ["2026-03-29T01:00", "2026-03-29T12:30"],
      "02:30 runs at 03:00 CEST",
    );
    assert.deepEqual(runs("0,30 2 * * *", "2026-03-29"), ["2026-03-29T01:00"], "both slots run, once, at 03:00 CEST");
    assert.deepEqual(
      runs("30 2,14 * * *", "2026-10-25"),
      ["2026-10-25T00:30", "2026-10-25T13:30"],
      "02:30 only at +02",
    );
    assert.equal(firedDuring("0 * * * *", "Europe/Berlin", minutesOf("Europe/Berlin", "2026-03-29")).length, 23);
    assert.equal(firedDuring("0 * * * *", "Europe/Berlin", minutesOf("Europe/Berlin", "2026-10-25")).length, 25);
  });

  it("Pacific/Chatham 15 2-3 on its spring day runs 02:15 and, for the skipped 03:15, 03:45", () => {
    const runs = firedDuring("15 2-3 * * *", "Pacific/Chatham", minutesOf("Pacific/Chatham", "2026-09-27"));
    assert.deepEqual(
      runs.map((t) =>
        new Intl.DateTimeFormat("en-GB", { timeZone: "Pacific/Chatham", hour: "2-digit", minute: "2-digit" }).format(t),
      ),
      ["02:15", "03:45"],
    );
  });

  it("over a whole year two explicit slots run exactly 730 times, always moving forward", () => {
    for (const zone of ZONES) {
      let t = Date.UTC(2026, 0, 1);
      let count = 0;
      while (t < Date.UTC(2027, 0, 1)) {
        const n = nextRunAfter({ kind: "cron", cron: "30 2,14 * * *", timezone: zone }, t)!;
        assert.ok(n > t);
        t = n;
        if (n < Date.UTC(2027, 0, 1)) count++;
      }
      assert.equal(count, 730, `${zone}: two slots a day for 365 days`);
    }
  });
});

describe("cron: day-of-month with day-of-week, as Vixie cron", () => {
  const days = (cron: string) => {
    const out: string[] = [];
    for (
      let t = nextRunAfter({ kind: "cron", cron, timezone: "UTC" }, Date.UTC(2026, 0, 1) - 1);
      t !== null && t < Date.UTC(2026, 3, 1);
      t = nextRunAfter({ kind: "cron", cron, timezone: "UTC" }, t)
    )
      out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  };
  const reference = (match: (d: Date) => boolean) => {
    const out: string[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2026, 3, 1); t += DAY)
      if (match(new Date(t))) out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  };

  it("a field that starts with * is unrestricted, so both must match: 0 0 */2 * 1 is odd days that are Mondays", () => {
    assert.deepEqual(
      days("0 0 */2 * 1"),
      reference((d) => d.getUTCDate() % 2 === 1 && d.getUTCDay() === 1),
    );
    assert.deepEqual(
      days("0 0 1 * */2"),
      reference((d) => d.getUTCDate() === 1 && d.getUTCDay() % 2 === 0),
    );
  });

  it("when neither starts with *, either matches: 0 0 1,15 * 1 is the 1st, the 15th and every Monday", () => {
    assert.deepEqual(
      days("0 0 1,15 * 1"),
      reference((d) => d.getUTCDate() === 1 || d.getUTCDate() === 15 || d.getUTCDay() === 1),
    );
    assert.deepEqual(
      days("0 0 1-7 * 5"),
      reference((d) => d.getUTCDate() <= 7 || d.getUTCDay() === 5),
    );
  });

  it("plain * in one field leaves the other alone", () => {
    assert.deepEqual(
      days("0 0 * * 1"),
      reference((d) => d.getUTCDay() === 1),
    );
    assert.deepEqual(
      days("0 0 13 * *"),
      reference((d) => d.getUTCDate() === 13),
    );
  });
});
