// The testing toolkit as a user writes tests with it: generated/testing.ts's createTestApp() runs the
// app's real handlers on an in-process worker and beat; advance() moves a fake clock.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, it } from "node:test";
import { DrainTimeoutError, HandlerLoadError, RealClockError } from "../runtime/testing/mod.ts";
import { RemoteTaskError, TaskArgumentsError, TaskRevokedError, TimeLimitExceeded } from "../runtime/mod.ts";
import { calls } from "./fixtures/manifests/testing-app/handlers/billing.ts";
import { createTestApp } from "./fixtures/manifests/testing-app/generated/testing.ts";
import { REDIS_URL } from "./support/redis.ts";

describe("createTestApp() on the memory broker with a fake clock", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeEach(async () => {
    calls.length = 0;
    t = await createTestApp({ startAt: Date.parse("2027-03-01T09:00:00Z") });
  });
  afterEach(() => t.close());

  it("a charge failing twice under a 10-minute backoff, an hourly report and a day's countdown: a day in well under a second", async (ctx) => {
    const wall = performance.now();
    const charge = await t.tasks.payments.charge.delay({ orderId: 7, failTimes: 2 });
    const reminder = await t.tasks.emails.reminder.applyAsync({ orderId: 7 }, { countdown: "1d" });

    const first = await t.drain();
    assert.deepEqual(
      calls.map((c) => [c.task, c.retries]),
      [["payments.charge", 0]],
    );
    assert.equal(await charge.state(), "RETRY");
    // drain() says what still waits for its time: the retry in 10 minutes, the reminder in a day.
    assert.deepEqual(
      first.scheduled.map((s) => [s.task, s.dueAt]),
      [
        ["payments.charge", "2027-03-01T09:10:00.000Z"],
        ["emails.reminder", "2027-03-02T09:00:00.000Z"],
      ],
    );
    assert.deepEqual(first.periodic, [{ name: "hourly-report", nextRunAt: "2027-03-01T10:00:00.000Z" }]);

    await t.advance("10m");
    assert.equal(await charge.state(), "RETRY", "second attempt failed too; backoff doubles to 20 minutes");
    await t.advance("19m");
    assert.equal(calls.filter((c) => c.task === "payments.charge").length, 2, "not before its 20 minutes");
    await t.advance("1m");
    assert.deepEqual(await charge.get(), { orderId: 7, attempts: 3 });

    const day = await t.advance("1d");
    assert.equal(await reminder.get(), "reminded order 7");
    assert.equal(
      calls.filter((c) => c.task === "reports.hourly").length,
      24,
      "the hourly entry fired once per hour of the day",
    );
    assert.deepEqual(day.scheduled, []);
    assert.equal(new Date(t.now()).toISOString(), "2027-03-02T09:30:00.000Z");
    const elapsed = performance.now() - wall;
    ctx.diagnostic(
      `a simulated day (24 periodic runs, 3 charge attempts, a day's countdown) took ${elapsed.toFixed(0)} ms of wall time`,
    );
    // Nothing waited for the simulated time (a 10-minute backoff alone would be 600 s); the bound
    // is loose so a loaded CI machine cannot fail it (measured here: about 300 ms).
    assert.ok(elapsed < 3000, `a simulated day took ${elapsed.toFixed(0)} ms of wall time`);
  });

  it("arguments and results are validated as in production", async () => {
    await assert.rejects(t.tasks.payments.charge.delay({ orderId: 0 } as never), TaskArgumentsError);
    await assert.rejects(t.tasks.payments.charge.delay({ orderId: 1, extra: true } as never), TaskArgumentsError);
    const r = await t.tasks.payments.charge.delay({ orderId: 3 });
    await t.drain();
    assert.deepEqual(await r.get(), { orderId: 3, attempts: 1 }, "the default failTimes 0 was applied by the schema");
  });

  it("a task gives up with the original error after max_retries, each retry at its backoff", async () => {
    const r = await t.tasks.payments.charge.delay({ orderId: 9, failTimes: 99 });
    await t.advance("10h");
    await assert.rejects(r.get(), (e: unknown) => e instanceof RemoteTaskError && e.name === "GatewayError");
    assert.deepEqual(
      calls.filter((c) => c.task === "payments.charge").map((c) => c.retries),
      [0, 1, 2, 3, 4, 5],
      "first run and five retries",
    );
  });

  it("time limits end a hanging task when the clock passes them", async () => {
    const r = await t.tasks.gateway.hang.delay({});
    await t.advance("30s");
    assert.equal(await r.state(), "STARTED");
    await t.advance("1m");
    assert.equal(await r.state(), "FAILURE");
    await assert.rejects(r.get(), (e: unknown) => e instanceof RemoteTaskError && e.name === TimeLimitExceeded.name);
  });

  it("a task not started before it expires is revoked", async () => {
    const r = await t.tasks.offers.flash.applyAsync({ orderId: 1 }, { countdown: "2h" });
    await t.advance("2h");
    await assert.rejects(r.get(), TaskRevokedError);
    assert.deepEqual(
      calls.filter((c) => c.task === "offers.flash"),
      [],
    );
  });

  it("get() waits for a result that advance() makes happen", async () => {
    const r = await t.tasks.emails.reminder.applyAsync({ orderId: 5 }, { countdown: "5m" });
    const result = r.get({ timeout: "5s" });
    await t.advance("5m");
    assert.equal(await result, "reminded order 5");
  });
});

describe("createTestApp() misuse", () => {
  it("advance() on a test app without the fake clock (on Redis) is a clear error", async () => {
    const t = await createTestApp({ redis: REDIS_URL });
    try {
      await assert.rejects(
        t.advance("1m"),
        (e: unknown) =>
          e instanceof RealClockError &&
          e.code === "TEST_CLOCK_REAL" &&
          /advance\(\) needs the fake clock/.test(e.message),
      );
    } finally {
      await t.close();
    }
  });

  it("generated createTestApp() fails with HandlerLoadError when the app's handler module throws while loading", () => {
    const script = `import { createTestApp } from "./test/fixtures/manifests/testing-app/generated/testing.ts";
try { await createTestApp(); console.log("started"); } catch (e) { console.log(e.name + " " + e.code + ": " + e.message); }`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: new URL("..", import.meta.url).pathname,
      env: { ...process.env, BILLING_HANDLERS_BROKEN: "1" },
      encoding: "utf8",
      timeout: 30_000,
    });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(
      child.stdout.trim(),
      'HandlerLoadError HANDLERS_NOT_LOADED: could not load the handlers of app "billing" (dispatch.ts imports them): payment SDK not configured: STRIPE_KEY is missing',
    );
  });

  it("a handler module that cannot be loaded fails createTestApp() naming the app and the cause", async () => {
    const { createTestHarness } = await import("../runtime/testing/mod.ts");
    const { app } = await import("./fixtures/manifests/testing-app/generated/registry.ts");
    await assert.rejects(
      createTestHarness(
        {
          app,
          loadDispatch: async () =>
            (await import("./fixtures/manifests/testing-app/handlers/missing.ts" as string)).dispatch,
        },
        {},
      ),
      (e: unknown) =>
        e instanceof HandlerLoadError &&
        e.code === "HANDLERS_NOT_LOADED" &&
        /could not load the handlers of app "billing"/.test(e.message) &&
        /missing\.ts/.test(e.message),
    );
  });
});

describe("drain() with a handler that waits on the fake clock", () => {
  it("fails after drainTimeout saying that the handler needs advance()", async () => {
    const t = await createTestApp({ drainTimeout: "300ms" });
    try {
      await t.tasks.gateway.hang.delay({});
      await assert.rejects(
        t.drain(),
        (e: unknown) =>
          e instanceof DrainTimeoutError &&
          e.code === "DRAIN_TIMEOUT" &&
          /1 task\(s\) still running/.test(e.message) &&
          /needs advance\(\)/.test(e.message),
      );
      await t.advance("2m");
      const report = await t.drain();
      assert.deepEqual(report.scheduled, []);
    } finally {
      await t.close();
    }
  });
});

describe("createTestApp({ redis }) on a real Redis", () => {
  it("runs the same handlers under a fresh prefix and removes its keys on close", async () => {
    calls.length = 0;
    const t = await createTestApp({ redis: REDIS_URL });
    const r = await t.tasks.payments.charge.delay({ orderId: 11 });
    const report = await t.drain();
    assert.deepEqual(await r.get(), { orderId: 11, attempts: 1 });
    assert.deepEqual(
      report.periodic.map((p) => p.name),
      ["hourly-report"],
    );
    const { Redis } = await import("ioredis");
    const redis = new Redis(REDIS_URL);
    const key = `*${r.id}*`;
    assert.notDeepEqual(
      (await redis.scan("0", "MATCH", key, "COUNT", 100000))[1],
      [],
      "the record is in Redis while the app runs",
    );
    await t.close();
    let cursor = "0";
    const left: string[] = [];
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", "celerity-test-*:{billing}:*", "COUNT", 1000);
      cursor = next;
      left.push(...keys);
    } while (cursor !== "0");
    redis.disconnect();
    assert.deepEqual(left, []);
  });
});
