import assert from "node:assert/strict";
import { after, afterEach, describe, it } from "node:test";
import { MaxRetriesExceededError, RemoteTaskError, type RetryPolicySpec } from "../runtime/mod.ts";
import { autoretryCountdownMs, shouldAutoretry } from "../runtime/retry/mod.ts";
import { buildApp, NetworkError, FlakyError, retryPolicy } from "./fixtures/runtime-app.ts";
import { RuntimeHarness, eventually, exited } from "./support/runtime.ts";

const policy = (over: Partial<RetryPolicySpec>): RetryPolicySpec => ({ ...retryPolicy, ...over });

describe("retry policy rules (pure)", () => {
  it("countdown = min(backoff_max, factor * 2^retries) without jitter", () => {
    const p = policy({ backoffMs: 1000, backoffMaxMs: 10_000, jitter: false });
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((r) => autoretryCountdownMs(p, r)),
      [1000, 2000, 4000, 8000, 10_000, 10_000],
    );
  });

  it("full jitter draws every countdown uniformly from [0, countdown]", () => {
    const p = policy({ backoffMs: 100, backoffMaxMs: 1000, jitter: true });
    for (const retries of [0, 2, 5]) {
      const cap = Math.min(1000, 100 * 2 ** retries);
      const draws = Array.from({ length: 500 }, () => autoretryCountdownMs(p, retries));
      assert.ok(
        draws.every((d) => Number.isInteger(d) && d >= 0 && d <= cap),
        `within [0, ${cap}]`,
      );
      assert.ok(new Set(draws).size > 50, "not all equal");
      assert.equal(
        autoretryCountdownMs(p, retries, () => 0.999999),
        cap,
        "the cap itself can be drawn",
      );
      assert.equal(
        autoretryCountdownMs(p, retries, () => 0),
        0,
      );
    }
  });

  it("backoff false uses the fixed retry delay (Celery's default_retry_delay)", () => {
    assert.equal(autoretryCountdownMs(policy({ backoffMs: null, retryDelayMs: 180_000 }), 4), 180_000);
  });

  it("matches error names through the prototype chain; dont_autoretry_for wins", () => {
    assert.equal(
      shouldAutoretry(policy({ autoretryFor: ["NetworkError"], dontAutoretryFor: [] }), new FlakyError("x")),
      true,
    );
    assert.equal(
      shouldAutoretry(
        policy({ autoretryFor: ["NetworkError"], dontAutoretryFor: ["FlakyError"] }),
        new FlakyError("x"),
      ),
      false,
    );
    assert.equal(shouldAutoretry(policy({ autoretryFor: ["Error"], dontAutoretryFor: [] }), new TypeError("x")), true);
    assert.equal(
      shouldAutoretry(policy({ autoretryFor: ["NetworkError"], dontAutoretryFor: [] }), new TypeError("x")),
      false,
    );
    const named = Object.assign(new Error("x"), { name: "NetworkError" });
    assert.equal(
      shouldAutoretry(policy({ autoretryFor: ["NetworkError"], dontAutoretryFor: [] }), named),
      true,
      "by err.name too",
    );
  });
});

describe("retry policies from the manifest", () => {
  it("a per-task override changes only what it names on top of the named policy", async () => {
    const { app } = await import("../generated/registry.ts");
    const standard = app.tasks["emails.announce"].retry;
    const overridden = app.tasks["emails.send_welcome"].retry;
    assert.deepEqual(standard, {
      autoretryFor: ["NetworkError", "TimeoutError"],
      dontAutoretryFor: ["ValidationError"],
      maxRetries: 5,
      backoffMs: 1000,
      backoffMaxMs: 600_000,
      jitter: true,
      retryDelayMs: 180_000,
    });
    assert.deepEqual(
      overridden,
      { ...standard, maxRetries: 8 },
      "tasks.yaml: retry: { policy: standard, max_retries: 8 }",
    );
  });
});

describe("retries on a real worker", () => {
  let h: RuntimeHarness;
  afterEach(() => h.close());
  const start = async (label: string, retry: Partial<RetryPolicySpec> = {}, task = "util.flaky") => {
    const app = buildApp();
    (app.tasks[task] as { retry: RetryPolicySpec }).retry = policy(retry);
    h = new RuntimeHarness(label, app);
    await h.startWorker();
  };
  const times = async (key: string) => (await h.redis.lrange(h.key(key) + ":times", 0, -1)).map(Number);
  // A retry must never run before its delay. How late it may run is loose: a busy CI host has put
  // 100 ms between a due time and the run. A worker that missed the due time would wait for its
  // next idle claim, up to 5 s, far past this.
  const LATE_MS = 400;
  const onTime = (gap: number | undefined, want: number) => gap !== undefined && gap >= want && gap < want + LATE_MS;

  it("runs max_retries + 1 times, with delays 50, 100, 200 ms, then fails with the ORIGINAL error", async () => {
    await start("exact", { maxRetries: 3, backoffMs: 50, backoffMaxMs: 1000, jitter: false });
    const r = await h.client.util.flaky.delay({ key: h.key("exact"), error: "NetworkError", failTimes: 99 });
    await assert.rejects(r.get({ timeout: 10 }), (e: unknown) => {
      assert.ok(e instanceof RemoteTaskError);
      assert.equal(e.name, "NetworkError");
      assert.equal(e.message, "connection reset");
      assert.match(e.stack ?? "", /NetworkError: connection reset\n\s+at errorClass/);
      return true;
    });
    assert.deepEqual(Object.values(await h.runs("exact")), [4]);
    assert.equal(await h.redis.hget(`${h.prefix}:{rt}:t:${r.id}`, "r"), "3", "retries shows the count");
    const t = await times("exact");
    const gaps = t.slice(1).map((x, i) => x - t[i]);
    [50, 100, 200].forEach((want, i) => assert.ok(onTime(gaps[i], want), `gap ${i}: ${gaps[i]} ms, expected ~${want}`));
  });

  it("every retry of a long chain starts on time, whichever claim loop learns of it", async () => {
    await start("chain", { maxRetries: 25, backoffMs: null, retryDelayMs: 30, jitter: false });
    const r = await h.client.util.flaky.delay({ key: h.key("chain"), failTimes: 25 });
    assert.deepEqual(await r.get({ timeout: 20 }), { attempts: 26 });
    const t = await times("chain");
    const gaps = t.slice(1).map((x, i) => x - t[i]);
    assert.equal(gaps.length, 25);
    assert.ok(
      gaps.every((g) => onTime(g, 30)),
      `gaps: ${gaps.join(", ")} ms`,
    );
  });

  it("caps the delay at backoff_max", async () => {
    await start("cap", { maxRetries: 4, backoffMs: 50, backoffMaxMs: 120, jitter: false });
    const r = await h.client.util.flaky.delay({ key: h.key("cap"), failTimes: 4 });
    assert.deepEqual(await r.get({ timeout: 10 }), { attempts: 5 });
    const t = await times("cap");
    const gaps = t.slice(1).map((x, i) => x - t[i]);
    [50, 100, 120, 120].forEach((want, i) =>
      assert.ok(onTime(gaps[i], want), `gap ${i}: ${gaps[i]} ms, expected ~${want}`),
    );
  });

  it("shows RETRY with the error between attempts, then SUCCESS with the same id", async () => {
    await start("state", { maxRetries: 3, backoffMs: 400, jitter: false });
    const r = await h.client.util.flaky.delay({ key: h.key("state"), failTimes: 1 });
    await eventually(async () => (await r.state()) === "RETRY");
    const info = (await r.info()) as { name: string; message: string };
    assert.equal(info.name, "NetworkError");
    assert.deepEqual(await r.get({ timeout: 5 }), { attempts: 2 });
    assert.deepEqual(Object.keys(await h.runs("state")), [r.id]);
  });

  it("dont_autoretry_for wins over autoretry_for; unlisted errors fail at once", async () => {
    await start("precedence");
    const flaky = await h.client.util.flaky.delay({ key: h.key("p1"), error: "FlakyError", failTimes: 9 });
    await assert.rejects(
      flaky.get({ timeout: 5 }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "FlakyError",
    );
    const typeError = await h.client.util.flaky.delay({ key: h.key("p2"), error: "TypeError", failTimes: 9 });
    await assert.rejects(
      typeError.get({ timeout: 5 }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "TypeError",
    );
    assert.deepEqual(Object.values(await h.runs("p1")), [1]);
    assert.deepEqual(Object.values(await h.runs("p2")), [1]);
  });

  it("UnrecoverableError fails at once even when the policy lists its base class", async () => {
    await start("unrecoverable", { autoretryFor: ["Error"], dontAutoretryFor: [] });
    const r = await h.client.util.flaky.delay({ key: h.key("u"), error: "UnrecoverableError", failTimes: 9 });
    await assert.rejects(
      r.get({ timeout: 5 }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "UnrecoverableError",
    );
    assert.deepEqual(Object.values(await h.runs("u")), [1]);
  });

  it("max_retries null retries until it succeeds", async () => {
    await start("forever", { maxRetries: null, backoffMs: 5, backoffMaxMs: 5, jitter: false });
    const r = await h.client.util.flaky.delay({ key: h.key("forever"), failTimes: 12 });
    assert.deepEqual(await r.get({ timeout: 10 }), { attempts: 13 });
  });

  it("ctx.retry({ error }) past max retries fails with that error; without an error, MaxRetriesExceededError", async () => {
    await start("manual", { maxRetries: 2 }, "util.manual");
    const withError = await h.client.util.manual.delay({ key: h.key("m1"), mode: "with-error" });
    await assert.rejects(
      withError.get({ timeout: 5 }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "NetworkError" && e.message === "attempt 2",
    );
    const bare = await h.client.util.manual.delay({ key: h.key("m2"), mode: "bare" });
    await assert.rejects(
      bare.get({ timeout: 5 }),
      (e: unknown) =>
        e instanceof RemoteTaskError &&
        e.name === MaxRetriesExceededError.name &&
        /max retries \(2\) exceeded/.test(e.message),
    );
    assert.deepEqual(Object.values(await h.runs("m1")), [3]);
    assert.deepEqual(Object.values(await h.runs("m2")), [3]);
    const override = await h.client.util.manual.delay({ key: h.key("m3"), mode: "bare", maxRetries: 5 });
    await assert.rejects(override.get({ timeout: 5 }), /max retries \(5\) exceeded/);
    assert.deepEqual(Object.values(await h.runs("m3")), [6]);
    const ok = await h.client.util.manual.delay({ key: h.key("m4"), mode: "until-2" });
    assert.deepEqual(await ok.get({ timeout: 5 }), { retries: 2 });
  });

  it("a retry waiting out its backoff survives a SIGKILL of the worker", async () => {
    const app = buildApp();
    (app.tasks["util.flaky"] as { retry: RetryPolicySpec }).retry = policy({ backoffMs: 1500, jitter: false });
    h = new RuntimeHarness("killretry", app);
    const r = await h.client.util.flaky.delay({ key: h.key("kr"), failTimes: 1 });
    const first = h.spawnWorker(["--lease", "1s"]);
    await eventually(async () => (await r.state()) === "RETRY", 15_000);
    first.kill("SIGKILL");
    await exited(first);
    h.spawnWorker(["--lease", "1s"]);
    assert.deepEqual(await r.get({ timeout: 20 }), { attempts: 2 });
    assert.deepEqual(Object.values(await h.runs("kr")), [2]);
  });
});

after(() => import("./fixtures/runtime-app.ts").then((m) => m.closeRecorder()));
void NetworkError;
