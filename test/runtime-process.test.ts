import assert from "node:assert/strict";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import { RuntimeHarness, eventually, exited, sleep } from "./support/runtime.ts";

describe("worker processes", () => {
  let h: RuntimeHarness;
  beforeEach(() => (h = new RuntimeHarness("proc")));
  afterEach(() => h.close());
  const k = (suffix: string) => `${h.prefix}:{rt}:${suffix}`;
  const workerCount = async () => h.redis.zcard(k("workers"));

  it("a worker killed with SIGKILL mid-task loses nothing: another worker re-runs it after the lease", async () => {
    const victim = h.spawnWorker(["--lease", "1s", "--concurrency", "4"]);
    await eventually(async () => (await workerCount()) === 1, 15_000);
    const results = await h.client.util.sleep.delayMany(
      Array.from({ length: 4 }, () => ({ ms: 3000, key: h.key("crash") })),
    );
    await eventually(async () => Object.keys(await h.runs("crash")).length === 4, 5000);
    victim.kill("SIGKILL");
    assert.equal((await exited(victim)).signal, "SIGKILL");
    const killedAt = Date.now();
    h.spawnWorker(["--lease", "1s", "--concurrency", "4"]);
    const values = await Promise.all(results.map((r: any) => r.get({ timeout: 20 })));
    assert.deepEqual(
      values.map((v: any) => v.deliveries),
      [2, 2, 2, 2],
      "each task was delivered a second time",
    );
    assert.deepEqual(Object.values(await h.runs("crash")), [2, 2, 2, 2]);
    assert.ok(Date.now() - killedAt >= 1000, "not re-run before the lease ran out");
  });

  it("SIGTERM is a warm shutdown: running tasks finish, the process exits 0", async () => {
    const child = h.spawnWorker(["--grace", "10s"]);
    await eventually(async () => (await workerCount()) === 1, 15_000);
    const r = await h.client.util.sleep.delay({ ms: 800, key: h.key("warm") });
    await eventually(async () => (await r.state()) === "STARTED");
    const more = await h.client.util.record.applyAsync({ key: h.key("warm") }, { countdown: "2s" });
    child.kill("SIGTERM");
    const { code } = await exited(child);
    assert.equal(code, 0);
    assert.equal(await r.state(), "SUCCESS");
    assert.equal(await more.state(), "PENDING", "not fetched during shutdown");
    assert.equal(await workerCount(), 0, "unregistered itself");
    assert.match((child as any).log, /warm shutdown/);
  });

  it("a second SIGTERM exits at once; the lease brings the task back", async () => {
    const child = h.spawnWorker(["--lease", "1s", "--grace", "30s"]);
    await eventually(async () => (await workerCount()) === 1, 15_000);
    const r = await h.client.util.sleep.delay({ ms: 2500, key: h.key("cold") });
    await eventually(async () => (await r.state()) === "STARTED");
    child.kill("SIGTERM");
    await sleep(200);
    child.kill("SIGTERM");
    const { code } = await exited(child);
    assert.equal(code, 1);
    assert.equal(await r.state(), "STARTED");
    h.spawnWorker(["--lease", "1s"]);
    assert.deepEqual(await r.get({ timeout: 15 }), { slept: 2500, deliveries: 2 });
  });

  it("bad flags fail with a clear message and exit code 2", async () => {
    const child = h.spawnWorker(["--concurency", "4"]);
    const { code } = await exited(child);
    assert.equal(code, 2);
    assert.match((child as any).log, /unknown flag --concurency/);
  });
});

after(() => import("./fixtures/runtime-app.ts").then((m) => m.closeRecorder()));
