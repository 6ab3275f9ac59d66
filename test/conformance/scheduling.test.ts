// Priorities, countdown/eta and expiry: the same on every backend.
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import { TaskRevokedError } from "../../runtime/mod.ts";
import { conformance, World } from "./support/world.ts";

conformance("scheduling", (backend) => {
  let w: World;
  beforeEach(() => (w = new World(backend)));
  afterEach(() => w.close());

  it("runs higher priorities first, FIFO within a priority", async () => {
    const key = w.key("order");
    const low = await w.client.util.lazy.delay({ key });
    const mid1 = await w.client.util.record.delay({ key });
    const mid2 = await w.client.util.record.delay({ key });
    const high = await w.client.util.urgent.delay({ key });
    const custom = await w.client.util.record.applyAsync({ key }, { priority: 7 });
    await w.startWorker({ concurrency: 1 });
    await low.get({ timeout: "5s" });
    assert.deepEqual(
      w.runs("order").map((r) => r.id),
      [high.id, custom.id, mid1.id, mid2.id, low.id],
    );
  });

  it("holds a countdown task until it is due, then runs it", async () => {
    await w.startWorker();
    const sent = Date.now();
    const r = await w.client.util.record.applyAsync({ key: w.key("cd") }, { countdown: "300ms" });
    await new Promise((res) => setTimeout(res, 150));
    assert.equal(w.runs("cd").length, 0, "not run before it is due");
    assert.equal(await r.state(), "PENDING");
    await r.get({ timeout: "5s" });
    assert.ok(w.runs("cd")[0]!.at - sent >= 290, "ran after its countdown");
  });

  it("runs an eta task at its time", async () => {
    await w.startWorker();
    const eta = new Date(Date.now() + 250);
    const r = await w.client.util.record.applyAsync({ key: w.key("eta") }, { eta });
    await r.get({ timeout: "5s" });
    assert.ok(w.runs("eta")[0]!.at >= eta.getTime() - 10);
  });

  it("revokes a task not started before it expires", async () => {
    const r = await w.client.util.expiring.delay({ key: w.key("exp") });
    const kept = await w.client.util.record.applyAsync({ key: w.key("kept") }, { expires: "10s" });
    await new Promise((res) => setTimeout(res, 250));
    await w.startWorker();
    await assert.rejects(
      r.get({ timeout: "5s" }),
      (e: unknown) => e instanceof TaskRevokedError && /expired/.test(e.message),
    );
    assert.equal(await r.state(), "REVOKED");
    await kept.get({ timeout: "5s" });
    assert.equal(w.runs("exp").length, 0);
    assert.equal(w.runs("kept").length, 1);
  });
});
