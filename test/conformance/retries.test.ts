// Retries with backoff, revocation and rate limits: the same on every backend.
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import { RemoteTaskError, TaskRevokedError } from "../../runtime/mod.ts";
import { conformance, eventually, World } from "./support/world.ts";

conformance("retries, revocation, rate limits", (backend) => {
  let w: World;
  beforeEach(() => (w = new World(backend)));
  afterEach(() => w.close());

  it("retries with exponential backoff, then succeeds", async () => {
    await w.startWorker();
    const r = await w.client.util.flaky.delay({ key: w.key("flaky"), failTimes: 2 });
    assert.deepEqual(await r.get({ timeout: "10s" }), { attempts: 3 });
    const runs = w.runs("flaky");
    assert.deepEqual(
      runs.map((x) => x.retries),
      [0, 1, 2],
    );
    // backoff 100ms * 2^retries, no jitter: >= 100 ms, then >= 200 ms.
    assert.ok(runs[1]!.at - runs[0]!.at >= 90, `first backoff ${runs[1]!.at - runs[0]!.at}`);
    assert.ok(runs[2]!.at - runs[1]!.at >= 190, `second backoff ${runs[2]!.at - runs[1]!.at}`);
  });

  it("shows RETRY between attempts and fails with the original error after max_retries", async () => {
    await w.startWorker();
    const r = await w.client.util.flaky.delay({ key: w.key("hopeless"), failTimes: 99 });
    await eventually(async () => (await r.state()) === "RETRY");
    await assert.rejects(
      r.get({ timeout: "10s" }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "NetworkError",
    );
    assert.equal(w.runs("hopeless").length, 4, "first run and three retries");
    assert.notEqual(await w.redis.zscore(w.ks.dead, r.id), null);
  });

  it("a revoked pending task never runs", async () => {
    const r = await w.client.util.record.delay({ key: w.key("rv") });
    await r.revoke();
    await w.startWorker();
    const after = await w.client.util.record.delay({ key: w.key("other") });
    await after.get({ timeout: "5s" });
    await assert.rejects(r.get({ timeout: "1s" }), TaskRevokedError);
    assert.equal(w.runs("rv").length, 0);
  });

  it("revoke with terminate aborts a running task", async () => {
    await w.startWorker();
    const r = await w.client.util.record.delay({ key: w.key("term"), ms: 5000 });
    await eventually(async () => (await r.state()) === "STARTED");
    await r.revoke({ terminate: true });
    await assert.rejects(r.get({ timeout: "5s" }), TaskRevokedError);
    assert.equal(await r.state(), "REVOKED");
  });

  it("spaces starts of a rate-limited task across workers (5/s)", async () => {
    await w.startWorker({ concurrency: 4 });
    await w.startWorker({ concurrency: 4 });
    const handles = await w.client.util.limited.delayMany(Array.from({ length: 6 }, () => ({ key: w.key("rl") })));
    await Promise.all(handles.map((h: any) => h.get({ timeout: "10s" })));
    const times = w
      .runs("rl")
      .map((x) => x.at)
      .sort((a, b) => a - b);
    assert.ok(
      times.at(-1)! - times[0]! >= 900,
      `6 starts at 5/s span at least a second, got ${times.at(-1)! - times[0]!} ms`,
    );
  });
});
