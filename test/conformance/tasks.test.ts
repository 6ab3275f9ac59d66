// Enqueue, claim, run, finish and results with a waiting get(): the same on every backend.
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import { RemoteTaskError, TaskArgumentsError, TimeoutError } from "../../runtime/mod.ts";
import { conformance, World } from "./support/world.ts";

conformance("tasks and results", (backend) => {
  let w: World;
  beforeEach(() => (w = new World(backend)));
  afterEach(() => w.close());

  it("runs an enqueued task once and get() waits for its result", async () => {
    const r = await w.client.math.add.delay({ a: 20, b: 22 });
    assert.equal(await r.state(), "PENDING");
    // get() starts waiting before any worker exists: the result arrives by notification.
    const result = r.get({ timeout: "5s" });
    await w.startWorker();
    assert.equal(await result, 42);
    assert.equal(await r.state(), "SUCCESS");
    assert.equal(await r.ready(), true);
  });

  it("many waiters on many results all wake", async () => {
    await w.startWorker({ concurrency: 8 });
    const handles = await w.client.math.add.delayMany(Array.from({ length: 50 }, (_, i) => ({ a: i, b: 1 })));
    const results = await Promise.all(handles.map((h: any) => h.get({ timeout: "10s" })));
    assert.deepEqual(
      results,
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it("enqueueing an existing id is a no-op that returns the same result", async () => {
    const a = await w.client.util.record.applyAsync({ key: w.key("idem") }, { taskId: "same-id" });
    const b = await w.client.util.record.applyAsync({ key: w.key("idem") }, { taskId: "same-id" });
    assert.equal(a.id, b.id);
    await w.startWorker();
    await b.get({ timeout: "5s" });
    assert.equal(w.runs("idem").length, 1);
  });

  it("a failing task rejects get() with the remote error and is dead-lettered", async () => {
    await w.startWorker();
    const r = await w.client.util.fail.delay({ key: w.key("fail") });
    await assert.rejects(
      r.get({ timeout: "5s" }),
      (e: unknown) => e instanceof RemoteTaskError && /broken on purpose/.test(e.message),
    );
    assert.equal(await r.state(), "FAILURE");
    assert.notEqual(await w.redis.zscore(w.ks.dead, r.id), null);
  });

  it("rejects invalid arguments before enqueueing, and get() times out on a task nobody runs", async () => {
    await assert.rejects(w.client.math.add.delay({ a: 1, b: "2" }), TaskArgumentsError);
    const r = await w.client.math.add.delay({ a: 1, b: 2 });
    await assert.rejects(r.get({ timeout: "100ms" }), TimeoutError);
  });

  it("forget() removes a result", async () => {
    await w.startWorker();
    const r = await w.client.math.add.delay({ a: 1, b: 2 });
    assert.equal(await r.get({ timeout: "5s" }), 3);
    await r.forget();
    assert.equal(await r.state(), "PENDING");
  });

  it("a finished record expires after its result ttl", async () => {
    const app = w.app;
    const short = { ...app, tasks: { ...app.tasks, "math.add": { ...app.tasks["math.add"]!, resultExpiresMs: 200 } } };
    await w.close();
    w = new World(backend, short);
    await w.startWorker();
    const r = await w.client.math.add.delay({ a: 2, b: 2 });
    assert.equal(await r.get({ timeout: "5s" }), 4);
    const ttl = await w.redis.pttl(w.ks.task(r.id));
    assert.ok(ttl > 0 && ttl <= 200, `ttl ${ttl}`);
    await new Promise((res) => setTimeout(res, 300));
    assert.equal(await w.redis.exists(w.ks.task(r.id)), 0);
    assert.equal(await r.state(), "PENDING");
  });
});
