import assert from "node:assert/strict";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import { RemoteTaskError } from "../runtime/mod.ts";
import { CommandCounter } from "./support/command-counter.ts";
import { RuntimeHarness, eventually, sleep } from "./support/runtime.ts";

describe("worker", () => {
  let h: RuntimeHarness;
  beforeEach(() => (h = new RuntimeHarness("worker")));
  afterEach(() => h.close());
  const k = (suffix: string) => `${h.prefix}:{rt}:${suffix}`;

  it("renews leases while a handler runs, so a long task is not redelivered", async () => {
    await h.startWorker({ leaseMs: 300 });
    await h.startWorker({ leaseMs: 300 });
    const r = await h.client.util.sleep.delay({ ms: 1500, key: h.key("long") });
    assert.deepEqual(await r.get({ timeout: 5 }), { slept: 1500, deliveries: 1 });
    assert.deepEqual(Object.values(await h.runs("long")), [1]);
  });

  it("dead-letters garbage, unknown tasks and schema violations with a reason, and keeps working", async () => {
    await h.redis.lpush(k("q:default:5"), "not a valid id!", "x".repeat(10_000), "no-record-id");
    const rec = (id: string, fields: Record<string, string>) =>
      h.redis.hset(k(`t:${id}`), {
        q: "default",
        p: "5",
        s: "PENDING",
        r: "0",
        d: "0",
        c: "1",
        e: "0",
        rx: "60000",
        ...fields,
      });
    await rec("bad-json", { n: "math.add", a: "{not json" });
    await rec("unknown-task", { n: "no.such", a: "{}" });
    await rec("bad-args", { n: "math.add", a: JSON.stringify({ a: "x" }) });
    await rec("big", { n: "math.add", a: JSON.stringify({ a: 1, b: 2, pad: "y".repeat(2 << 20) }) });
    await h.redis.lpush(k("q:default:5"), "bad-json", "unknown-task", "bad-args", "big");
    await h.startWorker();
    const ok = await h.client.math.add.delay({ a: 1, b: 1 });
    assert.equal(await ok.get({ timeout: 5 }), 2, "the worker keeps working");

    const dead = await eventually(async () => {
      const members = await h.redis.zrange(k("dead"), "0", "-1");
      return members.length === 7 ? members : null;
    });
    const reasons: Record<string, string> = {};
    for (const id of ["bad-json", "unknown-task", "bad-args", "big"]) {
      assert.ok(dead.includes(id), `${id} is dead-lettered`);
      reasons[id] = (await h.redis.hget(k(`t:${id}`), "why")) ?? "";
      assert.equal(await h.redis.hget(k(`t:${id}`), "s"), "FAILURE");
    }
    assert.match(reasons["bad-json"], /^MessageDecodeError: args are not valid JSON/);
    assert.match(reasons["unknown-task"], /^UnknownTaskError: no task named "no.such"/);
    assert.match(reasons["bad-args"], /^TaskArgumentsError: .*args\.a must be number/);
    assert.match(reasons["big"], /exceeds the limit of 1048576 bytes/);
    const raw = Object.values(await h.redis.hgetall(k("dead-raw"))).map((v) => JSON.parse(v));
    assert.deepEqual(raw.map((r) => r.reason).sort(), [
      "no task record for this id",
      "not a task id (garbage in the ready queue)",
      "not a task id (garbage in the ready queue)",
    ]);
    assert.ok(
      raw.every((r) => r.raw.length <= 4096),
      "huge garbage is stored truncated",
    );
    assert.deepEqual(
      raw.map((r) => r.size).sort((a, b) => a - b),
      [12, 15, 10_000],
    );
  });

  it("dead-letters a poison task after too many deliveries", async () => {
    const r = await h.client.util.record.delay({ key: h.key("poison") });
    // Simulate five crashed deliveries: each one was leased and its lease ran out.
    await h.redis.hset(k(`t:${r.id}`), "d", "5");
    await h.startWorker({ maxDeliveries: 5 });
    await assert.rejects(
      r.get({ timeout: 5 }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "PoisonTaskError",
    );
    assert.ok((await h.redis.zscore(k("dead"), r.id)) !== null);
    assert.deepEqual(await h.runs("poison"), {});
  });

  it("soft time limit aborts ctx.signal; the task fails with the abort reason", async () => {
    await h.startWorker({ timeLimitGraceMs: 1000 });
    const started = Date.now();
    const r = await h.client.util.slowpoke.delay({});
    await assert.rejects(
      r.get({ timeout: 5 }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "TimeLimitExceeded",
    );
    assert.ok(Date.now() - started < 900, "ended at the soft limit, well before the grace period");
  });

  it("hard time limit fails a handler that ignores the signal and frees its slot", async () => {
    await h.startWorker({ timeLimitGraceMs: 200, concurrency: 1 });
    const started = Date.now();
    const r = await h.client.util.slowpoke.delay({ ignoreSignal: true });
    const next = await h.client.math.add.delay({ a: 1, b: 2 });
    await assert.rejects(
      r.get({ timeout: 5 }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "TimeLimitExceeded" && /200 ms/.test(e.message),
    );
    assert.equal(await next.get({ timeout: 5 }), 3, "the only slot was freed for the next task");
    assert.ok(Date.now() - started < 1500, "freed at limit + grace, not when the handler ended (5 s)");
  });

  it("holds a rate limit globally across workers", async () => {
    await h.startWorker();
    await h.startWorker();
    const results = await h.client.util.limited.delayMany(Array.from({ length: 10 }, () => ({ key: h.key("rate") })));
    await Promise.all(results.map((r: any) => r.get({ timeout: 10 })));
    const times = (await h.redis.lrange(h.key("rate") + ":times", 0, -1)).map(Number).sort((a, b) => a - b);
    assert.equal(times.length, 10);
    // 5 per second, evenly spaced as Celery does: starts at least ~200 ms apart, whichever worker ran them.
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    assert.ok(
      gaps.every((g) => g >= 190),
      `gaps between starts: ${gaps.join(", ")} ms`,
    );
    for (const t of times)
      assert.ok(times.filter((u) => u >= t && u < t + 1000).length <= 5, "never more than 5 starts in any second");
  });

  it("acks_late=false acknowledges before running (at-most-once): acked while the handler runs, its lease only watches for a lost worker", async () => {
    await h.startWorker();
    // The handlers record their start, then wait at the gate: while they wait they surely run.
    const gate = h.key("early-gate");
    const early = await h.client.util.early.delay({ key: h.key("early"), gate });
    const late = await h.client.util.record.delay({ key: h.key("late"), gate });
    await eventually(
      async () => Object.keys(await h.runs("early")).length === 1 && Object.keys(await h.runs("late")).length === 1,
    );
    // Acked (never redelivered) while it still runs; the lease stays so a dead worker's run reads as lost.
    await eventually(async () => (await h.redis.hget(k(`t:${early.id}`), "am")) === "1");
    assert.equal(await h.redis.hget(k(`t:${early.id}`), "s"), "STARTED");
    assert.deepEqual(
      await h.redis.hmget(k(`t:${late.id}`), "s", "am"),
      ["STARTED", null],
      "an acks_late task is not acked before it ends",
    );
    assert.equal(await h.redis.zcard(k("q:default:leases")), 2);
    await h.redis.rpush(gate, "go", "go");
    assert.equal(await early.get({ timeout: 5 }), "done");
    assert.equal(await late.get({ timeout: 5 }), late.id);
    assert.equal(await h.redis.zcard(k("q:default:leases")), 0);
  });

  it("warm stop finishes running tasks; unfinished ones after the grace period go back to the queue", async () => {
    const w = await h.startWorker({ concurrency: 2 });
    const quick = await h.client.util.sleep.delay({ ms: 200 });
    const slow = await h.client.util.sleep.delay({ ms: 3000 });
    await eventually(async () => w.inFlight === 2);
    await w.stop({ graceMs: 500 });
    assert.equal(await quick.state(), "SUCCESS");
    assert.equal(await slow.state(), "PENDING", "returned unstarted to its queue");
    assert.equal((await h.redis.llen(k("q:default:5"))) + (await h.redis.zcard(k("q:default:delayed"))), 1);
    assert.equal(await h.redis.zcard(k("q:default:leases")), 0);
    await h.startWorker();
    assert.deepEqual(
      await slow.get({ timeout: 6 }),
      { slept: 3000, deliveries: 1 },
      "delivery count not raised by a clean return",
    );
  });

  it("revoke with terminate aborts a running task and records REVOKED", async () => {
    await h.startWorker();
    const r = await h.client.util.slowpoke.delay({});
    await eventually(async () => (await r.state()) === "STARTED");
    await r.revoke({ terminate: true });
    await assert.rejects(r.get({ timeout: 3 }), /revoked \(terminated\)/);
  });

  it("never leases more than its concurrency, so a later high-priority task overtakes waiting ones", async () => {
    const w = await h.startWorker({ concurrency: 8 });
    let maxLeased = 0;
    let maxRunning = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        maxLeased = Math.max(maxLeased, await h.redis.zcard(k("q:default:leases")));
        maxRunning = Math.max(maxRunning, w.inFlight);
        await sleep(2);
      }
    })();
    const low = await h.client.util.record.delayMany(
      Array.from({ length: 40 }, () => ({ key: h.key("prio"), ms: 30 })),
      { priority: 1 },
    );
    await eventually(async () => (await h.redis.llen(h.key("prio") + ":order")) >= 8);
    const high = await h.client.util.record.delayMany(
      Array.from({ length: 8 }, () => ({ key: h.key("prio"), ms: 30 })),
      { priority: 9 },
    );
    const startedBefore = await h.redis.llen(h.key("prio") + ":order");
    await Promise.all([...low, ...high].map((r) => r.get({ timeout: 10 })));
    sampling = false;
    await sampler;

    assert.ok(maxRunning <= 8 && maxLeased <= 8, `at most 8 leased (saw ${maxLeased}) and running (saw ${maxRunning})`);
    assert.equal(maxRunning, 8, "all slots are used");
    assert.deepEqual(Object.values(await h.runs("prio")), Array(48).fill(1), "every task ran once");
    const order = await h.redis.lrange(h.key("prio") + ":order", 0, -1);
    const highIds = new Set(high.map((r: { id: string }) => r.id));
    const lastHigh = Math.max(...order.map((id, i) => (highIds.has(id) ? i : -1)));
    const lowsOvertaking = order.slice(startedBefore, lastHigh).filter((id) => !highIds.has(id)).length;
    // Only low tasks already leased when the high ones arrived may start first: fewer than the slots.
    assert.ok(lowsOvertaking < 8, `${lowsOvertaking} low-priority tasks started between the high ones`);
  });

  it("an idle worker blocks on Redis instead of polling, and wakes at once for new work", async () => {
    // Counted on this worker's own connections, so other test files running meanwhile do not count.
    const counter = new CommandCounter((name) => name.startsWith("celerity-worker"));
    try {
      const w = await h.startWorker({ concurrency: 16 });
      await eventually(async () => counter.count("blpop") >= 1);
      const [scriptsBefore, blpopBefore] = [counter.count("evalsha"), counter.count("blpop")];
      await sleep(1_500);
      const scripts = counter.count("evalsha") - scriptsBefore;
      const blpops = counter.count("blpop") - blpopBefore;
      // Both claim loops are parked: one in BLPOP (5 s timeout), the other waiting for it.
      assert.ok(scripts <= 2 && blpops <= 1, `idle for 1.5 s: ${scripts} scripts, ${blpops} BLPOPs`);
      assert.equal(w.inFlight, 0);
      const sent = Date.now();
      const r = await h.client.util.record.delay({ key: h.key("wake") });
      await r.get({ timeout: 4 });
      // Well inside the 5 s a parked loop would otherwise sleep.
      assert.ok(Date.now() - sent < 2_000, "a parked worker takes new work at once");
    } finally {
      counter.stop();
    }
  });

  it("consumes only the queues it is given", async () => {
    await h.startWorker({ queues: ["default"] });
    const other = await h.client.other.task.delay({});
    // Sent after the other task: once it ran, the worker has claimed past the moment the other arrived.
    const sentinel = await h.client.math.add.delay({ a: 1, b: 1 });
    assert.equal(await sentinel.get({ timeout: 5 }), 2);
    assert.equal(await other.state(), "PENDING");
    await h.startWorker({ queues: ["other"] });
    assert.equal(await other.get({ timeout: 5 }), "other");
  });

  it("reports progress while running", async () => {
    await h.startWorker();
    const r = await h.client.util.progress.delay({ ms: 400 });
    const info = await eventually(() => r.info());
    assert.deepEqual(info, { fraction: 0.5, info: { step: "halfway" } });
    assert.equal(await r.state(), "STARTED");
    assert.equal(await r.get({ timeout: 5 }), "complete");
    assert.equal(await r.info(), "complete");
  });
});

after(() => import("./fixtures/runtime-app.ts").then((m) => m.closeRecorder()));
