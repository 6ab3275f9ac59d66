// Beat firing entries: on a hand-moved clock (intervals, cron across a DST night, catch-up after
// downtime, one_off, clocked, expires, enabled) and in real time (on-time firing, run-time changes).
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { readSnapshot } from "../runtime/results/record.ts";
import { Worker } from "../runtime/worker/worker.ts";
import { beatApp, manifestEntry } from "./fixtures/beat-app.ts";
import { BeatHarness, dueOf, eventually, exited, FakeClock, quietLogger, sleep } from "./fixtures/beat-harness.ts";
import { PERIODIC_DEFAULTS } from "./support/periodic.ts";

const T0 = Date.parse("2026-06-01T10:00:00Z");
const iso = (t: number) => new Date(t).toISOString();

describe("beat on a controlled clock", () => {
  let h: BeatHarness;
  let clock: FakeClock;
  beforeEach(() => {
    clock = new FakeClock(T0);
    h = new BeatHarness("fire", { clock });
  });
  afterEach(() => h.close());

  const start = () => h.startBeat({ now: clock.now, pollMs: 20 });
  /** Moves the clock and waits until beat has fired everything due by then. */
  const advanceTo = async (t: number) => {
    clock.t = t;
    await eventually(async () => (await h.redis.zcount(h.ks.beat("due"), "-inf", clock.t)) === 0);
  };

  it("fires an interval entry at each due time, the due time in the task id", async () => {
    await h.store.add({ name: "ping", task: "core.ping", schedule: { kind: "every", everyMs: 60_000 } });
    // Due 1 ms before ping: once advanceTo saw it fired, beat has looked at T0 + 59_999.
    await h.store.add({ name: "sentinel", task: "core.ping", schedule: { kind: "at", at: iso(T0 + 59_999) } });
    const beat = await start();
    assert.equal(beat.isLeader, true);
    await advanceTo(T0 + 59_999);
    assert.equal((await h.runIdsOf("sentinel")).length, 1);
    assert.deepEqual(await h.runIdsOf("ping"), []);
    await advanceTo(T0 + 60_000);
    await advanceTo(T0 + 125_000);
    assert.deepEqual(await h.runIdsOf("ping"), [`periodic:ping:${T0 + 60_000}`, `periodic:ping:${T0 + 120_000}`]);
    const record = (await h.record(`periodic:ping:${T0 + 60_000}`))!;
    assert.deepEqual(
      [record.task, record.queue, record.priority, record.createdAt],
      ["core.ping", "default", 5, T0 + 60_000],
    );
    const entry = (await h.store.get("ping"))!;
    assert.deepEqual(
      [entry.totalRunCount, entry.lastRunAt, entry.nextRunAt],
      [2, iso(T0 + 125_000), iso(T0 + 180_000)],
    );
  });

  it("fires cron entries in their time zone through the DST fall-back night", async () => {
    clock.t = Date.parse("2026-10-24T22:10:00Z"); // 00:10 CEST
    await h.store.add({
      name: "hourly",
      task: "core.ping",
      schedule: { kind: "cron", cron: "0 * * * *", timezone: "Europe/Berlin" },
    });
    await h.store.add({
      name: "half-two",
      task: "reports.nightly",
      args: { day: 25 },
      schedule: { kind: "cron", cron: "30 2 * * *", timezone: "Europe/Berlin" },
    });
    await start();
    for (let t = clock.t; t <= Date.parse("2026-10-25T04:10:00Z"); t += 20 * 60_000) await advanceTo(t);
    const hourly = (await h.runIdsOf("hourly")).map((id) => iso(dueOf(id)));
    // Local 01:00, 02:00 CEST, 02:00 CET, 03:00, 04:00, 05:00: the repeated hour runs twice.
    assert.deepEqual(hourly, [
      "2026-10-24T23:00:00.000Z",
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T02:00:00.000Z",
      "2026-10-25T03:00:00.000Z",
      "2026-10-25T04:00:00.000Z",
    ]);
    assert.deepEqual(
      (await h.runIdsOf("half-two")).map((id) => iso(dueOf(id))),
      ["2026-10-25T00:30:00.000Z"],
    );
    assert.equal((await h.store.get("half-two"))!.nextRunAt, "2026-10-26T01:30:00.000Z");
  });

  it("after downtime fires a missed run once, then continues from now", async () => {
    await h.store.add({ name: "ping", task: "core.ping", schedule: { kind: "every", everyMs: 60_000 } });
    await h.store.add({
      name: "hourly",
      task: "core.ping",
      schedule: { kind: "cron", cron: "0 * * * *", timezone: "UTC" },
    });
    clock.advance(5 * 3_600_000 + 30_000); // beat was down for five hours
    await start();
    await advanceTo(clock.t);
    assert.deepEqual(await h.runIdsOf("ping"), [`periodic:ping:${T0 + 60_000}`]);
    assert.deepEqual(await h.runIdsOf("hourly"), [`periodic:hourly:${Date.parse("2026-06-01T11:00:00Z")}`]);
    assert.equal((await h.store.get("ping"))!.nextRunAt, iso(T0 + 5 * 3_600_000 + 60_000));
    assert.equal((await h.store.get("hourly"))!.nextRunAt, "2026-06-01T16:00:00.000Z");
  });

  it("disables a one_off entry after its run", async () => {
    await h.store.add({ name: "once", task: "core.ping", schedule: { kind: "every", everyMs: 60_000 }, oneOff: true });
    await start();
    await advanceTo(T0 + 60_000);
    await advanceTo(T0 + 600_000);
    assert.deepEqual(await h.runIdsOf("once"), [`periodic:once:${T0 + 60_000}`]);
    const entry = (await h.store.get("once"))!;
    assert.deepEqual([entry.enabled, entry.nextRunAt, entry.totalRunCount], [false, null, 1]);
  });

  it("fires a clocked entry once at its time", async () => {
    await h.store.add({ name: "launch", task: "emails.announce", schedule: { kind: "at", at: iso(T0 + 30_000) } });
    await start();
    await advanceTo(T0 + 29_000);
    assert.deepEqual(await h.runIdsOf("launch"), []);
    await advanceTo(T0 + 31_000);
    await advanceTo(T0 + 3_600_000);
    assert.deepEqual(await h.runIdsOf("launch"), [`periodic:launch:${T0 + 30_000}`]);
    assert.deepEqual([(await h.store.get("launch"))!.enabled, (await h.store.get("launch"))!.nextRunAt], [false, null]);
  });

  it("applies per-run expiry, queue and priority overrides, and task defaults otherwise", async () => {
    await h.store.add({
      name: "custom",
      task: "core.ping",
      schedule: { kind: "every", everyMs: 1_000 },
      expiresMs: 5_000,
      queue: "special",
      priority: 9,
    });
    await h.store.add({ name: "defaults", task: "emails.announce", schedule: { kind: "every", everyMs: 1_000 } });
    await start();
    await advanceTo(T0 + 1_500);
    const custom = (await h.record(`periodic:custom:${T0 + 1_000}`))!;
    assert.deepEqual([custom.queue, custom.priority, custom.expiresAt], ["special", 9, T0 + 1_500 + 5_000]);
    assert.deepEqual(await h.redis.lrange(h.ks.ready("special", 9), 0, -1), [custom.id]);
    const defaults = (await h.record(`periodic:defaults:${T0 + 1_000}`))!;
    assert.deepEqual([defaults.queue, defaults.priority, defaults.expiresAt], ["emails", 3, T0 + 1_500 + 60_000]);
  });

  it("does not fire a disabled entry; enabling schedules it from now", async () => {
    await h.store.add({
      name: "ping",
      task: "core.ping",
      schedule: { kind: "every", everyMs: 60_000 },
      enabled: false,
    });
    await h.store.add({ name: "sentinel", task: "core.ping", schedule: { kind: "at", at: iso(T0 + 300_000) } });
    await start();
    await advanceTo(T0 + 300_000);
    assert.equal((await h.runIdsOf("sentinel")).length, 1, "beat has looked at T0 + 300 s");
    assert.deepEqual(await h.runIdsOf("ping"), []);
    await h.store.setEnabled("ping", true);
    await advanceTo(T0 + 360_000);
    assert.deepEqual(await h.runIdsOf("ping"), [`periodic:ping:${T0 + 360_000}`]);
  });

  it("moves on without a run when an entry's task is not in this beat's app", async () => {
    await h.store.add({
      name: "nightly",
      task: "reports.nightly",
      args: { day: 1 },
      schedule: { kind: "every", everyMs: 1_000 },
    });
    const older = beatApp("bt");
    const { "reports.nightly": _gone, ...tasks } = older.tasks;
    await h.startBeat({ now: clock.now, pollMs: 20, app: { ...older, tasks } });
    await advanceTo(T0 + 1_000);
    assert.deepEqual(await h.runIdsOf("nightly"), []);
    const entry = (await h.store.get("nightly"))!;
    assert.deepEqual([entry.totalRunCount, entry.nextRunAt], [0, iso(T0 + 2_000)]);
  });

  it("syncs the manifest at start: a deleted manifest entry goes, run-time entries stay", async () => {
    const manifest = (names: string[]) =>
      beatApp(
        "bt",
        names.map((name) => ({
          name,
          task: "core.ping",
          schedule: { kind: "every" as const, everyMs: 60_000 },
          args: {},
          ...PERIODIC_DEFAULTS,
        })),
      );
    const first = await h.startBeat({ now: clock.now, pollMs: 20, app: manifest(["keep", "drop"]) });
    await h.store.add({ name: "mine", task: "core.ping", schedule: { kind: "every", everyMs: 60_000 } });
    await advanceTo(T0 + 60_000);
    await first.stop();
    await h.startBeat({ now: clock.now, pollMs: 20, app: manifest(["keep"]) });
    const entries = await h.store.list();
    assert.deepEqual(
      entries.map((e) => [e.name, e.source, e.totalRunCount]),
      [
        ["keep", "manifest", 1],
        ["mine", "runtime", 1],
      ],
    );
    await advanceTo(T0 + 120_000);
    assert.deepEqual(
      (await h.taskIds()).filter((id) => id.includes(":drop:")),
      [`periodic:drop:${T0 + 60_000}`],
    );
    assert.equal((await h.runIdsOf("keep")).length, 2);
  });
});

describe("beat in real time", () => {
  let h: BeatHarness;
  beforeEach(() => (h = new BeatHarness("realtime")));
  afterEach(() => h.close());

  it("fires a 300 ms interval on time (within 100 ms of each due time)", async (t) => {
    await h.startBeat();
    await h.store.add({ name: "fast", task: "core.ping", schedule: { kind: "every", everyMs: 300 } });
    await sleep(2_150);
    const ids = await h.runIdsOf("fast");
    assert.ok(ids.length >= 6, `only ${ids.length} runs`);
    const lateness: number[] = [];
    for (const id of ids) lateness.push((await h.record(id))!.createdAt - dueOf(id));
    for (let i = 1; i < ids.length; i++) assert.equal(dueOf(ids[i]) - dueOf(ids[i - 1]), 300, "no skipped slot");
    t.diagnostic(`lateness ms: ${lateness.join(", ")} (max ${Math.max(...lateness)})`);
    assert.ok(
      lateness.every((ms) => ms >= 0 && ms < 100),
      `late: ${lateness}`,
    );
  });

  it("picks up entries added, disabled and re-enabled at run time within a second", async (t) => {
    await h.startBeat();
    await sleep(300); // idle beat, asleep on an empty schedule
    const addedAt = Date.now();
    await h.store.add({ name: "late", task: "core.ping", schedule: { kind: "every", everyMs: 200 } });
    const first = await eventually(async () => (await h.runIdsOf("late"))[0], 1_000);
    const delay = (await h.record(first))!.createdAt - addedAt;
    const late = (await h.record(first))!.createdAt - dueOf(first);
    t.diagnostic(`first run ${delay} ms after add (interval 200 ms), ${late} ms after its due time`);
    assert.ok(delay < 1_000);
    assert.ok(late < 100, "the add woke the sleeping beat");
    await sleep(300);
    await h.store.setEnabled("late", false);
    const disabledAt = Date.now();
    const countAtDisable = (await h.runIdsOf("late")).length;
    await sleep(1_000);
    const after = await h.runIdsOf("late");
    assert.equal(after.length, countAtDisable, "no run after disable");
    await h.store.setEnabled("late", true);
    const reenabledAt = Date.now();
    await eventually(async () => (await h.runIdsOf("late")).length > countAtDisable, 1_000);
    t.diagnostic(`disabled at +${disabledAt - addedAt} ms; resumed ${Date.now() - reenabledAt} ms after enable`);
  });

  it("expires: a run not started within its expiry is revoked by the worker", async () => {
    await h.startBeat();
    await h.store.add({
      name: "stale",
      task: "core.ping",
      schedule: { kind: "every", everyMs: 200 },
      expiresMs: 50,
      oneOff: true,
    });
    await h.store.add({ name: "fresh", task: "core.ping", schedule: { kind: "every", everyMs: 200 }, oneOff: true });
    const [stale] = await eventually(async () => {
      const ids = await h.runIdsOf("stale");
      return ids.length ? ids : null;
    });
    const [fresh] = await eventually(async () => {
      const ids = await h.runIdsOf("fresh");
      return ids.length ? ids : null;
    });
    await sleep(150); // nobody consumes the queue until the stale run's expiry has passed
    const worker = new Worker(
      {
        app: h.app,
        dispatch: { "core.ping": () => "pong", "reports.nightly": () => null, "emails.announce": () => null },
      },
      { prefix: h.prefix, logger: quietLogger },
    );
    await worker.start();
    try {
      const staleState = await eventually(async () => {
        const s = await readSnapshot(h, stale);
        return s.state === "PENDING" ? null : s;
      });
      const freshState = await eventually(async () => {
        const s = await readSnapshot(h, fresh);
        return s.state === "SUCCESS" ? s : null;
      });
      assert.deepEqual([staleState.state, staleState.reason], ["REVOKED", "expired"]);
      assert.equal(freshState.result, "pong");
    } finally {
      await worker.stop({ graceMs: 0 });
    }
  });
});

describe("beat refuses an invalid manifest", () => {
  let h: BeatHarness;
  beforeEach(() => (h = new BeatHarness("badmanifest")));
  afterEach(() => h.close());

  it("start() rejects naming the entry and field; the process exits 2 with the message", async () => {
    const bad = [
      manifestEntry("tz", {
        task: "core.ping",
        schedule: { kind: "cron", cron: "0 3 * * *", timezone: "Europe/Berlln" },
      }),
    ];
    await assert.rejects(h.startBeat({ app: beatApp("bt", bad) }), {
      name: "PeriodicEntryError",
      field: "schedule.timezone",
    });
    const child = h.spawnBeat(bad);
    assert.equal((await exited(child)).code, 2);
    assert.match(h.logOf(child), /manifest periodic entry \\"tz\\": schedule.timezone: unknown time zone/);
    assert.deepEqual(await h.store.list(), []);
  });
});
