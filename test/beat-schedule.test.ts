// Schedule arithmetic, computed rather than waited for: intervals, cron in time zones across DST
// changes, clocked times, catch-up after downtime, start times, and schedules in words.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeSchedule, firstRunAt, nextRunAfter } from "../runtime/beat/mod.ts";
import { nextRunAfterFiring } from "../runtime/beat/schedule.ts";
import type { ScheduleSpec } from "../runtime/spec/types.ts";

const ms = (iso: string) => Date.parse(iso);
const localDay = (t: number, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(t);

/** Every run in [from, to), stepping the way beat does: fire at the due time, ask for the next. */
function runsBetween(schedule: ScheduleSpec, from: string, to: string): number[] {
  const runs: number[] = [];
  let next = nextRunAfter(schedule, ms(from) - 1);
  while (next !== null && next < ms(to)) {
    runs.push(next);
    next = nextRunAfterFiring(schedule, { dueMs: next, nowMs: next });
  }
  return runs;
}

const berlin = (cron: string): ScheduleSpec => ({ kind: "cron", cron, timezone: "Europe/Berlin" });

describe("nextRunAfter", () => {
  it("adds the interval for `every`", () => {
    assert.equal(nextRunAfter({ kind: "every", everyMs: 30_000 }, 1_000), 31_000);
  });

  it("returns a clocked time once, then null", () => {
    const at: ScheduleSpec = { kind: "at", at: "2027-01-01T09:00:00.000Z" };
    assert.equal(nextRunAfter(at, ms("2026-12-31T00:00:00Z")), ms("2027-01-01T09:00:00Z"));
    assert.equal(nextRunAfter(at, ms("2027-01-01T09:00:00Z")), null);
  });

  it("evaluates cron in its time zone, strictly after the given time", () => {
    const daily = berlin("0 3 * * *");
    assert.equal(nextRunAfter(daily, ms("2026-01-10T01:59:00Z")), ms("2026-01-10T02:00:00Z")); // 03:00 CET
    assert.equal(nextRunAfter(daily, ms("2026-01-10T02:00:00Z")), ms("2026-01-11T02:00:00Z"));
    assert.equal(nextRunAfter(daily, ms("2026-07-10T00:00:00Z")), ms("2026-07-10T01:00:00Z")); // 03:00 CEST
    assert.equal(
      nextRunAfter({ kind: "cron", cron: "*/15 * * * * *", timezone: "UTC" }, ms("2026-01-01T00:00:07Z")),
      ms("2026-01-01T00:00:15Z"),
    );
  });

  it("returns null for a cron that never matches", () => {
    assert.equal(nextRunAfter({ kind: "cron", cron: "0 0 30 2 *", timezone: "UTC" }, 0), null);
  });
});

describe("DST (Europe/Berlin)", () => {
  it("runs a 02:30 daily job once on the spring-forward day (02:30 does not exist: it runs at 03:00)", () => {
    const runs = runsBetween(berlin("30 2 * * *"), "2026-03-27T12:00:00Z", "2026-03-31T12:00:00Z");
    const perDay = runs.map((t) => localDay(t, "Europe/Berlin"));
    assert.deepEqual(perDay, ["2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]);
    assert.equal(runs[1], ms("2026-03-29T01:00:00Z")); // 03:00 CEST, first valid time after the gap
    assert.equal(runs[2], ms("2026-03-30T00:30:00Z")); // 02:30 CEST
  });

  it("runs a 02:30 daily job once on the fall-back day (02:30 happens twice: the first one)", () => {
    const runs = runsBetween(berlin("30 2 * * *"), "2026-10-24T12:00:00Z", "2026-10-27T12:00:00Z");
    assert.deepEqual(
      runs.map((t) => localDay(t, "Europe/Berlin")),
      ["2026-10-25", "2026-10-26", "2026-10-27"],
    );
    assert.equal(runs[0], ms("2026-10-25T00:30:00Z")); // 02:30 CEST, before the clocks go back
  });

  it("runs an hourly job 25 times on the fall-back day and 23 times on the spring-forward day", () => {
    const fall = runsBetween(berlin("0 * * * *"), "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z");
    assert.equal(fall.length, 25);
    assert.ok(fall.every((t) => localDay(t, "Europe/Berlin") === "2026-10-25"));
    assert.equal(new Set(fall).size, 25);
    const spring = runsBetween(berlin("0 * * * *"), "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z");
    assert.equal(spring.length, 23);
    assert.ok(spring.every((t) => localDay(t, "Europe/Berlin") === "2026-03-29"));
  });

  it("keeps hourly runs exactly one real hour apart through both changes", () => {
    for (const [from, to] of [
      ["2026-03-28T20:00:00Z", "2026-03-29T06:00:00Z"],
      ["2026-10-24T20:00:00Z", "2026-10-25T06:00:00Z"],
    ]) {
      const runs = runsBetween(berlin("0 * * * *"), from, to);
      for (let i = 1; i < runs.length; i++) assert.equal(runs[i] - runs[i - 1], 3_600_000);
    }
  });

  it("does the same in America/New_York (different change dates)", () => {
    const ny: ScheduleSpec = { kind: "cron", cron: "30 2 * * *", timezone: "America/New_York" };
    const runs = runsBetween(ny, "2026-03-07T12:00:00Z", "2026-03-10T12:00:00Z");
    assert.deepEqual(
      runs.map((t) => localDay(t, "America/New_York")),
      ["2026-03-08", "2026-03-09", "2026-03-10"],
    );
  });
});

describe("catching up after downtime", () => {
  it("interval: one late run, then the next slot after now on the original grid", () => {
    const every: ScheduleSpec = { kind: "every", everyMs: 60_000 };
    // Due at 0, beat was away until 10.5 minutes: the late run fires once, the next is at 11:00.
    assert.equal(nextRunAfterFiring(every, { dueMs: 0, nowMs: 630_000 }), 660_000);
    assert.equal(nextRunAfterFiring(every, { dueMs: 0, nowMs: 5 }), 60_000);
    assert.equal(nextRunAfterFiring(every, { dueMs: 0, nowMs: 60_000 }), 120_000);
  });

  it("cron: one late run, then the first slot after now", () => {
    const hourly: ScheduleSpec = { kind: "cron", cron: "0 * * * *", timezone: "UTC" };
    assert.equal(
      nextRunAfterFiring(hourly, { dueMs: ms("2026-05-01T01:00:00Z"), nowMs: ms("2026-05-01T06:20:00Z") }),
      ms("2026-05-01T07:00:00Z"),
    );
  });
});

describe("firstRunAt", () => {
  const now = ms("2026-05-01T12:00:00Z");
  it("counts an interval from now, or starts it at a future start time", () => {
    assert.equal(firstRunAt({ schedule: { kind: "every", everyMs: 1000 }, startTime: null }, now), now + 1000);
    assert.equal(
      firstRunAt({ schedule: { kind: "every", everyMs: 1000 }, startTime: "2026-05-02T00:00:00.000Z" }, now),
      ms("2026-05-02T00:00:00Z"),
    );
    assert.equal(
      firstRunAt({ schedule: { kind: "every", everyMs: 1000 }, startTime: "2026-04-01T00:00:00.000Z" }, now),
      now + 1000,
    );
  });

  it("takes the first cron slot at or after the start time", () => {
    const cron: ScheduleSpec = { kind: "cron", cron: "0 0 * * *", timezone: "UTC" };
    assert.equal(
      firstRunAt({ schedule: cron, startTime: "2026-05-03T00:00:00.000Z" }, now),
      ms("2026-05-03T00:00:00Z"),
    );
    assert.equal(firstRunAt({ schedule: cron, startTime: null }, now), ms("2026-05-02T00:00:00Z"));
  });

  it("drops a clocked time that has passed", () => {
    assert.equal(firstRunAt({ schedule: { kind: "at", at: "2026-04-01T00:00:00.000Z" }, startTime: null }, now), null);
  });
});

describe("describeSchedule", () => {
  const cases: [ScheduleSpec, string][] = [
    [{ kind: "every", everyMs: 30_000 }, "every 30 seconds"],
    [{ kind: "every", everyMs: 1_000 }, "every second"],
    [{ kind: "every", everyMs: 300 }, "every 300 milliseconds"],
    [{ kind: "every", everyMs: 90_000 }, "every 90 seconds"],
    [{ kind: "every", everyMs: 7_200_000 }, "every 2 hours"],
    [{ kind: "every", everyMs: 86_400_000 }, "every day"],
    [berlin("0 3 * * *"), "at 03:00 every day (Europe/Berlin)"],
    [berlin("30 2 * * 1-5"), "at 02:30 every Monday to Friday (Europe/Berlin)"],
    [berlin("0 9 * * MON,WED"), "at 09:00 every Monday and Wednesday (Europe/Berlin)"],
    [berlin("0 6 1 * *"), "at 06:00 on day 1 of every month (Europe/Berlin)"],
    [{ kind: "cron", cron: "*/5 * * * *", timezone: "UTC" }, "every 5 minutes (UTC)"],
    [{ kind: "cron", cron: "15 * * * *", timezone: "UTC" }, "at minute 15 of every hour (UTC)"],
    [{ kind: "cron", cron: "0 0 3 * * *", timezone: "UTC" }, "at 03:00 every day (UTC)"],
    [{ kind: "cron", cron: "@daily", timezone: "UTC" }, "at 00:00 every day (UTC)"],
    [{ kind: "cron", cron: "0 3 1-7 * 1", timezone: "UTC" }, 'cron "0 3 1-7 * 1" (UTC)'],
    [{ kind: "at", at: "2027-01-01T09:00:00.000Z" }, "once at 2027-01-01 09:00 UTC"],
    [{ kind: "at", at: "2027-01-01T09:00:30.000Z" }, "once at 2027-01-01 09:00:30 UTC"],
  ];
  for (const [schedule, words] of cases) {
    it(`${JSON.stringify(schedule)} -> ${words}`, () => assert.equal(describeSchedule(schedule), words));
  }
});
