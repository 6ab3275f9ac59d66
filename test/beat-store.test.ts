// The periodic-entry API against Redis: validation (nothing stored on error), CRUD, manifest
// ownership, run-now, manifest sync, and the `celerity periodic` CLI on top of it.
import assert from "node:assert/strict";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import { periodicCommand } from "../cli/commands/periodic.ts";
import {
  PeriodicEntryError,
  PeriodicEntryNotFoundError,
  PeriodicStore,
  type PeriodicInput,
} from "../runtime/beat/mod.ts";
import { beatApp, manifestEntry } from "./fixtures/beat-app.ts";
import { BeatHarness, FakeClock } from "./fixtures/beat-harness.ts";

const T0 = Date.parse("2026-06-01T10:00:00Z");
const nightly: PeriodicInput = {
  name: "nightly",
  task: "reports.nightly",
  schedule: { kind: "cron", cron: "0 3 * * *", timezone: "Europe/Berlin" },
  args: { day: 1 },
};

describe("PeriodicStore", () => {
  let h: BeatHarness;
  let clock: FakeClock;
  beforeEach(() => {
    clock = new FakeClock(T0);
    h = new BeatHarness("store", { clock });
  });
  afterEach(() => h.close());

  describe("rejects bad input naming the field, and stores nothing", () => {
    const cases: [string, Partial<PeriodicInput>, string, RegExp][] = [
      [
        "invalid cron",
        { schedule: { kind: "cron", cron: "61 * * * *", timezone: "UTC" } },
        "schedule.cron",
        /minute: 61/,
      ],
      [
        "cron with 4 fields",
        { schedule: { kind: "cron", cron: "* * * *", timezone: "UTC" } },
        "schedule.cron",
        /expected 5 fields .* got 4/,
      ],
      [
        "cron that never matches",
        { schedule: { kind: "cron", cron: "0 0 30 2 *", timezone: "UTC" } },
        "schedule.cron",
        /never matches/,
      ],
      [
        "unknown time zone",
        { schedule: { kind: "cron", cron: "0 3 * * *", timezone: "Europe/Berlln" } },
        "schedule.timezone",
        /unknown time zone "Europe\/Berlln"/,
      ],
      [
        "unknown task",
        { task: "reports.nighty" },
        "task",
        /unknown task "reports.nighty" \(did you mean "reports.nightly"\?\)/,
      ],
      ["args of the wrong type", { args: { day: "monday" } }, "args.day", /must be integer/],
      ["args missing a required field", { args: {} }, "args.day", /is required/],
      ["args with an unknown field", { args: { day: 2, colour: "red" } }, "args.colour", /is not allowed/],
      ["args out of range", { args: { day: 40 } }, "args.day", /<= 31/],
      ["zero interval", { schedule: { kind: "every", everyMs: 0 } }, "schedule.everyMs", /from 100/],
      ["fractional interval", { schedule: { kind: "every", everyMs: 1.5 } }, "schedule.everyMs", /whole number/],
      ["unknown schedule kind", { schedule: { kind: "weekly" } as never }, "schedule.kind", /"every", "cron" or "at"/],
      [
        "clocked time in the past",
        { schedule: { kind: "at", at: "2020-01-01T00:00:00Z" } },
        "schedule.at",
        /in the past/,
      ],
      [
        "clocked time without a zone",
        { schedule: { kind: "at", at: "2027-01-01T09:00:00" } },
        "schedule.at",
        /with a zone/,
      ],
      ["bad name", { name: "nightly report" }, "name", /letters, digits/],
      ["bad queue", { queue: "a queue" }, "queue", /queue name/],
      ["priority out of range", { priority: 12 }, "priority", /0\.\.9/],
      ["negative expiry", { expiresMs: -5 }, "expiresMs", /positive/],
      ["bad start time", { startTime: "soon" }, "startTime", /ISO 8601/],
    ];
    for (const [what, change, field, message] of cases) {
      it(what, async () => {
        await assert.rejects(h.store.add({ ...nightly, ...change }), (e: unknown) => {
          assert.ok(e instanceof PeriodicEntryError, String(e));
          assert.equal(e.code, "PERIODIC_ENTRY_INVALID");
          assert.equal(e.field, field);
          assert.match(e.message, message);
          return true;
        });
        assert.deepEqual(await h.store.list(), []);
        assert.equal(await h.redis.exists(h.ks.beat("entries"), h.ks.beat("due")), 0);
      });
    }

    it("a duplicate name", async () => {
      await h.store.add(nightly);
      await assert.rejects(h.store.add({ ...nightly, args: { day: 9 } }), {
        name: "PeriodicEntryError",
        code: "PERIODIC_ENTRY_DUPLICATE",
        field: "name",
      });
      assert.deepEqual((await h.store.get("nightly"))!.args, { day: 1 });
    });
  });

  it("adds an entry and reports it with its next run", async () => {
    const entry = await h.store.add({
      ...nightly,
      description: "the nightly report",
      queue: "reports",
      priority: 7,
      expiresMs: 3_600_000,
    });
    assert.deepEqual(entry, {
      name: "nightly",
      task: "reports.nightly",
      schedule: { kind: "cron", cron: "0 3 * * *", timezone: "Europe/Berlin" },
      args: { day: 1 },
      queue: "reports",
      priority: 7,
      expiresMs: 3_600_000,
      enabled: true,
      oneOff: false,
      startTime: null,
      description: "the nightly report",
      source: "runtime",
      lastRunAt: null,
      totalRunCount: 0,
      nextRunAt: "2026-06-02T01:00:00.000Z",
    });
    assert.deepEqual(await h.store.get("nightly"), entry);
    await h.store.add({ name: "a-ping", task: "core.ping", schedule: { kind: "every", everyMs: 30_000 } });
    assert.deepEqual(
      (await h.store.list()).map((e) => e.name),
      ["a-ping", "nightly"],
    );
    assert.equal(await h.store.get("missing"), null);
  });

  it("defaults one_off to true for clocked entries and normalizes their time", async () => {
    const entry = await h.store.add({
      name: "launch",
      task: "core.ping",
      schedule: { kind: "at", at: "2026-06-01T14:00:00+02:00" },
    });
    assert.equal(entry.oneOff, true);
    assert.deepEqual(entry.schedule, { kind: "at", at: "2026-06-01T12:00:00.000Z" });
    assert.equal(entry.nextRunAt, "2026-06-01T12:00:00.000Z");
  });

  it("updates a run-time entry, rescheduling only when the timing changed", async () => {
    await h.store.add({ name: "ping", task: "core.ping", schedule: { kind: "every", everyMs: 60_000 } });
    clock.advance(10_000);
    let entry = await h.store.update("ping", { description: "ping it" });
    assert.equal(entry.description, "ping it");
    assert.equal(entry.nextRunAt, new Date(T0 + 60_000).toISOString());
    entry = await h.store.update("ping", { schedule: { kind: "every", everyMs: 5_000 } });
    assert.equal(entry.nextRunAt, new Date(T0 + 15_000).toISOString());
    await assert.rejects(h.store.update("ping", { task: "reports.nightly" }), {
      name: "PeriodicEntryError",
      field: "args.day",
    });
    assert.equal((await h.store.get("ping"))!.task, "core.ping");
    await assert.rejects(h.store.update("nope", { description: "x" }), PeriodicEntryNotFoundError);
  });

  it("disables and enables; enabling counts from now", async () => {
    await h.store.add({ name: "ping", task: "core.ping", schedule: { kind: "every", everyMs: 60_000 } });
    await h.store.setEnabled("ping", false);
    let entry = (await h.store.get("ping"))!;
    assert.equal(entry.enabled, false);
    assert.equal(entry.nextRunAt, null);
    assert.equal(await h.redis.zscore(h.ks.beat("due"), "ping"), null);
    clock.advance(600_000);
    await h.store.setEnabled("ping", true);
    entry = (await h.store.get("ping"))!;
    assert.equal(entry.enabled, true);
    assert.equal(entry.nextRunAt, new Date(T0 + 660_000).toISOString());
    clock.advance(1_000);
    await h.store.setEnabled("ping", true); // already enabled: next run untouched
    assert.equal((await h.store.get("ping"))!.nextRunAt, new Date(T0 + 660_000).toISOString());
    await assert.rejects(h.store.setEnabled("nope", true), PeriodicEntryNotFoundError);
  });

  it("adds a disabled entry without a next run", async () => {
    const entry = await h.store.add({ ...nightly, enabled: false });
    assert.equal(entry.enabled, false);
    assert.equal(entry.nextRunAt, null);
  });

  it("removes run-time entries with their run state", async () => {
    await h.store.add(nightly);
    await h.store.runNow("nightly");
    await h.store.remove("nightly");
    assert.equal(await h.store.get("nightly"), null);
    assert.equal(await h.redis.hexists(h.ks.beat("runs"), "nightly"), 0);
    await assert.rejects(h.store.remove("nightly"), { code: "PERIODIC_ENTRY_NOT_FOUND" });
  });

  it("run-now sends one run that counts, enabled or not, leaving the schedule alone", async () => {
    const added = await h.store.add({ ...nightly, enabled: false, expiresMs: 5_000 });
    const { taskId } = await h.store.runNow("nightly");
    assert.match(taskId, new RegExp(`^periodic:nightly:manual:${T0}-[0-9a-f]{8}$`));
    const record = await h.record(taskId);
    assert.deepEqual(record, {
      id: taskId,
      task: "reports.nightly",
      args: { day: 1, format: "pdf" },
      queue: "default",
      priority: 5,
      createdAt: T0,
      expiresAt: T0 + 5_000,
    });
    assert.equal(await h.redis.lindex(h.ks.ready("default", 5), 0), taskId);
    const entry = (await h.store.get("nightly"))!;
    assert.equal(entry.totalRunCount, 1);
    assert.equal(entry.lastRunAt, new Date(T0).toISOString());
    assert.equal(entry.nextRunAt, added.nextRunAt);
    await assert.rejects(h.store.runNow("nope"), PeriodicEntryNotFoundError);
  });
});

describe("manifest entries", () => {
  const v1 = [
    manifestEntry("heartbeat", { task: "core.ping", schedule: { kind: "every", everyMs: 30_000 } }),
    manifestEntry("nightly", {
      task: "reports.nightly",
      schedule: { kind: "cron", cron: "0 3 * * *", timezone: "Europe/Berlin" },
      args: { day: 1 },
    }),
    manifestEntry("launch", { task: "emails.announce", schedule: { kind: "at", at: "2026-06-01T12:00:00.000Z" } }),
  ];
  let h: BeatHarness;
  let clock: FakeClock;
  const storeFor = (periodic: typeof v1) =>
    new PeriodicStore(beatApp("bt", periodic), { prefix: h.prefix, now: clock.now });
  beforeEach(() => {
    clock = new FakeClock(T0);
    h = new BeatHarness("manifest", { periodic: v1, clock });
  });
  afterEach(() => h.close());

  it("sync adds them, then is a no-op while the manifest is unchanged", async () => {
    assert.deepEqual(await h.store.syncManifest(), {
      added: ["heartbeat", "nightly", "launch"],
      updated: [],
      removed: [],
    });
    const entries = await h.store.list();
    assert.deepEqual(
      entries.map((e) => [e.name, e.source, e.nextRunAt]),
      [
        ["heartbeat", "manifest", new Date(T0 + 30_000).toISOString()],
        ["launch", "manifest", "2026-06-01T12:00:00.000Z"],
        ["nightly", "manifest", "2026-06-02T01:00:00.000Z"],
      ],
    );
    clock.advance(5_000);
    assert.deepEqual(await h.store.syncManifest(), { added: [], updated: [], removed: [] });
    assert.equal((await h.store.get("heartbeat"))!.nextRunAt, new Date(T0 + 30_000).toISOString());
  });

  it("sync updates changed entries and removes deleted ones, keeping run-time entries and run state", async () => {
    await h.store.syncManifest();
    await h.store.add({ name: "mine", task: "core.ping", schedule: { kind: "every", everyMs: 1_000 } });
    await h.store.runNow("heartbeat");
    await h.store.runNow("heartbeat");
    const v2 = [
      manifestEntry("heartbeat", { task: "core.ping", schedule: { kind: "every", everyMs: 10_000 } }),
      manifestEntry("weekly", {
        task: "reports.nightly",
        schedule: { kind: "cron", cron: "0 4 * * 1", timezone: "UTC" },
        args: { day: 7 },
      }),
    ];
    const store2 = storeFor(v2);
    try {
      clock.advance(1_000);
      assert.deepEqual(await store2.syncManifest(), {
        added: ["weekly"],
        updated: ["heartbeat"],
        removed: ["launch", "nightly"],
      });
      const entries = await store2.list();
      assert.deepEqual(
        entries.map((e) => e.name),
        ["heartbeat", "mine", "weekly"],
      );
      const heartbeat = entries[0];
      assert.deepEqual(heartbeat.schedule, { kind: "every", everyMs: 10_000 });
      assert.equal(heartbeat.totalRunCount, 2);
      assert.equal(heartbeat.nextRunAt, new Date(T0 + 11_000).toISOString());
      assert.equal(entries[1].source, "runtime");
    } finally {
      await store2.close();
    }
  });

  it("refuses to edit or remove them from the API, except enabled", async () => {
    await h.store.syncManifest();
    await assert.rejects(
      h.store.update("nightly", { schedule: { kind: "cron", cron: "0 4 * * *", timezone: "UTC" } }),
      {
        code: "PERIODIC_ENTRY_MANIFEST_OWNED",
        field: "schedule",
      },
    );
    await assert.rejects(h.store.remove("nightly"), { code: "PERIODIC_ENTRY_MANIFEST_OWNED", field: "name" });
    // A form posting every field unchanged plus a new `enabled` is fine.
    const current = (await h.store.get("nightly"))!;
    const entry = await h.store.update("nightly", {
      task: current.task,
      schedule: current.schedule,
      args: current.args,
      description: null,
      enabled: false,
    });
    assert.equal(entry.enabled, false);
  });

  it("a run-time disable survives a sync unless the manifest's own enabled changed", async () => {
    await h.store.syncManifest();
    await h.store.setEnabled("heartbeat", false);
    await h.store.syncManifest();
    assert.equal((await h.store.get("heartbeat"))!.enabled, false);
    // tasks.yaml changes something else: still disabled.
    const edited = [
      manifestEntry("heartbeat", {
        task: "core.ping",
        schedule: { kind: "every", everyMs: 30_000 },
        description: "alive",
      }),
    ];
    const s2 = storeFor(edited);
    await s2.syncManifest();
    assert.equal((await s2.get("heartbeat"))!.enabled, false);
    await s2.close();
    // tasks.yaml says enabled: false, then true again: the manifest's change wins.
    const off = storeFor([{ ...edited[0], enabled: false }]);
    await off.syncManifest();
    await off.close();
    await h.store.setEnabled("heartbeat", true);
    const on = storeFor(edited);
    await on.syncManifest();
    const entry = (await on.get("heartbeat"))!;
    await on.close();
    assert.equal(entry.enabled, true);
    assert.ok(entry.nextRunAt);
  });

  it("rejects an invalid manifest entry at sync, naming the entry and field", async () => {
    const bad = storeFor([
      manifestEntry("nightly", {
        task: "reports.nightly",
        schedule: { kind: "cron", cron: "0 3 * * *", timezone: "UTC" },
        args: { day: "x" },
      }),
    ]);
    await assert.rejects(
      bad.syncManifest(),
      (e: unknown) =>
        e instanceof PeriodicEntryError &&
        e.field === "args.day" &&
        /manifest periodic entry "nightly"/.test(e.message),
    );
    await bad.close();
  });
});

describe("celerity periodic (CLI)", () => {
  const h = new BeatHarness("cli");
  after(() => h.close());
  const run = async (...argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await periodicCommand(
      [...argv, "--registry", "test/fixtures/beat-registry.ts", "--prefix", h.prefix],
      {
        io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
      },
    );
    return { code, stdout, stderr };
  };

  it("adds, lists, disables, runs now and removes", async () => {
    let r = await run(
      "add",
      "--name",
      "nightly",
      "--task",
      "reports.nightly",
      "--cron",
      "0 3 * * *",
      "--timezone",
      "Europe/Berlin",
      "--args",
      '{"day":3}',
      "--expires",
      "1h",
      "--description",
      "report",
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^added nightly: reports.nightly at 03:00 every day \(Europe\/Berlin\) \(next run 20/);
    r = await run("add", "--name", "ping", "--task", "core.ping", "--every", "30s", "--one-off");
    assert.equal(r.code, 0, r.stderr);
    r = await run("list");
    assert.match(r.stdout, /^NAME +TASK +SCHEDULE +ENABLED +NEXT RUN +LAST RUN +RUNS +SOURCE\n/);
    assert.match(r.stdout, /nightly +reports.nightly +at 03:00 every day \(Europe\/Berlin\) +yes/);
    assert.match(r.stdout, /ping +core.ping +every 30 seconds +yes/);
    r = await run("disable", "ping");
    assert.deepEqual([r.code, r.stdout], [0, "disabled ping\n"]);
    r = await run("update", "nightly", "--args", '{"day":4}', "--priority", "8");
    assert.equal(r.code, 0, r.stderr);
    r = await run("run-now", "nightly");
    assert.match(r.stdout, /^sent periodic:nightly:manual:\d+-[0-9a-f]{8}\n$/);
    r = await run("list", "--json");
    const entries = JSON.parse(r.stdout);
    assert.deepEqual(
      entries.map((e: { name: string; enabled: boolean; totalRunCount: number }) => [
        e.name,
        e.enabled,
        e.totalRunCount,
      ]),
      [
        ["nightly", true, 1],
        ["ping", false, 0],
      ],
    );
    assert.deepEqual(
      [entries[0].args, entries[0].priority, entries[0].expiresMs, entries[1].oneOff],
      [{ day: 4 }, 8, 3_600_000, true],
    );
    r = await run("remove", "ping");
    assert.equal(r.code, 0);
    r = await run("enable", "ping");
    assert.deepEqual([r.code, r.stderr], [1, 'celerity periodic enable: no periodic entry named "ping"\n']);
  });

  it("reports bad input with the field and exit code 1, usage errors with 2", async () => {
    let r = await run("add", "--name", "bad", "--task", "core.ping", "--cron", "0 25 * * *");
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^celerity periodic add: schedule.cron: invalid cron expression "0 25 \* \* \*": .*hour/);
    r = await run("add", "--name", "bad", "--task", "core.ping", "--every", "soon");
    assert.equal(r.code, 1);
    assert.match(r.stderr, /schedule.everyMs: --every "soon" is not a duration/);
    r = await run("add", "--name", "bad", "--task", "core.ping", "--every", "1s", "--args", "{x}");
    assert.match(r.stderr, /args: --args is not valid JSON/);
    r = await run("add", "--name", "bad", "--task", "core.ping");
    assert.deepEqual([r.code, r.stderr], [2, "celerity periodic add: add needs a schedule: --every, --cron or --at\n"]);
    r = await run("explode");
    assert.equal(r.code, 2);
    r = await run("list", "--colour");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown flag --colour/);
  });
});
