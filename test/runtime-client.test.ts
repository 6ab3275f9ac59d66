import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  RemoteTaskError,
  TaskArgumentsError,
  TaskRevokedError,
  TimeoutError,
  TaskArgumentsTooLargeError,
  ConfigurationError,
} from "../runtime/mod.ts";
import { enqueueBatch } from "../runtime/broker/enqueue.ts";
import { claim } from "../runtime/broker/settle.ts";
import { RuntimeHarness, sleep } from "./support/runtime.ts";

describe("client: calling tasks", () => {
  let h: RuntimeHarness;
  before(() => (h = new RuntimeHarness("client")));
  after(() => h.close());

  it("rejects wrong arguments at the call site, listing every violation, and enqueues nothing", async () => {
    await assert.rejects(h.client.math.add.delay({ a: "1", c: 3 }), (error: unknown) => {
      assert.ok(error instanceof TaskArgumentsError);
      assert.equal(error.code, "TASK_ARGUMENTS_INVALID");
      assert.deepEqual(error.violations.map((v) => v.path).sort(), ["args.a", "args.b", "args.c"]);
      assert.match(error.message, /args\.b: is required/);
      assert.match(error.message, /args\.c: is not allowed/);
      return true;
    });
    assert.equal(await h.redis.zcard(`${h.prefix}:{rt}:recent`), 0);
    assert.equal(await h.redis.llen(`${h.prefix}:{rt}:q:default:5`), 0);
  });

  it("delayMany is all-or-nothing: one bad item refuses the whole list and nothing is enqueued", async () => {
    const list = [
      { a: 1, b: 2 },
      { a: 3, b: 4 },
      { a: 5, b: "6" },
      { a: 7, b: 8 },
    ];
    await assert.rejects(
      h.client.math.add.delayMany(list),
      (e: unknown) => e instanceof TaskArgumentsError && /args\.b: must be number/.test(e.message),
    );
    assert.equal(await h.redis.zcard(`${h.prefix}:{rt}:recent`), 0);
    assert.equal(await h.redis.llen(`${h.prefix}:{rt}:q:default:5`), 0);
    const sent = await h.client.math.add.delayMany(list.slice(0, 2), { priority: 7 });
    assert.equal(new Set(sent.map((r: { id: string }) => r.id)).size, 2, "each item gets its own id");
    assert.equal(await h.redis.llen(`${h.prefix}:{rt}:q:default:7`), 2);
    await h.redis.del(
      `${h.prefix}:{rt}:q:default:7`,
      `${h.prefix}:{rt}:recent`,
      ...sent.map((r: { id: string }) => `${h.prefix}:{rt}:t:${r.id}`),
    );
  });

  it("rejects bad options before enqueueing (priority, queue, task id)", async () => {
    await assert.rejects(h.client.math.add.applyAsync({ a: 1, b: 2 }, { priority: 10 }), ConfigurationError);
    await assert.rejects(h.client.math.add.applyAsync({ a: 1, b: 2 }, { queue: "bad queue" }), ConfigurationError);
    await assert.rejects(h.client.math.add.applyAsync({ a: 1, b: 2 }, { taskId: "has space" }), ConfigurationError);
    await assert.rejects(h.client.math.add.applyAsync({ a: 1, b: 2 }, { countdown: "soon" }), /not a duration/);
  });

  it("rejects oversized and deeply nested arguments with a clear error", async () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100; i++) deep = (deep.x = {}) as Record<string, unknown>;
    await assert.rejects(
      h.client.util.record.delay({ key: "k", extra: root }),
      (e: unknown) => e instanceof TaskArgumentsTooLargeError && /nested deeper than 32/.test(e.message),
    );
    await assert.rejects(
      h.client.util.record.delay({ key: "x".repeat(2 << 20) }),
      (e: unknown) =>
        e instanceof TaskArgumentsTooLargeError && /bytes serialized, the limit is 1048576/.test(e.message),
    );
  });

  it("stores defaults from the schema without touching the caller's object", async () => {
    const args = { key: h.key("defaults") };
    const result = await h.client.util.record.delay(args);
    assert.deepEqual(args, { key: h.key("defaults") });
    assert.equal(
      await h.redis.hget(`${h.prefix}:{rt}:t:${result.id}`, "a"),
      JSON.stringify({ key: h.key("defaults"), ms: 0 }),
    );
  });

  it("reads PENDING for unknown and not-yet-run tasks; revoke before start prevents the run", async () => {
    assert.equal(await h.client.$result("no-such-id").state(), "PENDING");
    const r = await h.client.util.record.delay({ key: h.key("revoked") });
    assert.equal(await r.state(), "PENDING");
    await r.revoke();
    assert.equal(await r.state(), "REVOKED");
    await h.startWorker();
    await assert.rejects(
      r.get({ timeout: 2 }),
      (e: unknown) => e instanceof TaskRevokedError && e.reason === "revoked",
    );
    // A task sent after it has run: the worker took the revoked one (FIFO) and dropped it.
    const sentinel = await h.client.util.record.delay({ key: h.key("revoked") });
    await sentinel.get({ timeout: 5 });
    assert.deepEqual(await h.runs("revoked"), { [sentinel.id]: 1 });
  });

  it("runs a task and returns its typed result; forget() deletes it", async () => {
    const r = await h.client.math.add.delay({ a: 2, b: 40 });
    assert.equal(await r.get({ timeout: 5 }), 42);
    assert.equal(await r.state(), "SUCCESS");
    assert.equal(await r.ready(), true);
    await r.forget();
    assert.equal(await r.state(), "PENDING");
  });

  it("rejects get() with the task's own error: name, message and stack preserved", async () => {
    const r = await h.client.util.fail.delay({ name: "TypeError" });
    await assert.rejects(r.get({ timeout: 5 }), (e: unknown) => {
      assert.ok(e instanceof RemoteTaskError);
      assert.equal(e.name, "TypeError");
      assert.equal(e.message, "bad type");
      assert.match(e.stack ?? "", /at .*runtime-app\.ts/);
      assert.deepEqual(e.chain, ["TypeError", "Error"]);
      return true;
    });
    assert.equal(await r.state(), "FAILURE");
  });

  it("get() times out with a TimeoutError while the task keeps going", async () => {
    const r = await h.client.util.sleep.delay({ ms: 400 });
    await assert.rejects(
      r.get({ timeout: "100ms" }),
      (e: unknown) => e instanceof TimeoutError && e.code === "RESULT_TIMEOUT",
    );
    assert.deepEqual(await r.get({ timeout: 5 }), { slept: 400, deliveries: 1 });
  });

  it("enqueueing an existing task id does not create a second run", async () => {
    const first = await h.client.util.record.applyAsync(
      { key: h.key("dup") },
      { taskId: "fixed-id-1", countdown: "100ms" },
    );
    const second = await h.client.util.record.applyAsync({ key: h.key("dup") }, { taskId: "fixed-id-1" });
    assert.equal(first.id, second.id);
    await first.get({ timeout: 5 });
    await h.client.util.record.applyAsync({ key: h.key("dup") }, { taskId: "fixed-id-1" });
    // Sent after the repeat: once it ran, a second run of fixed-id-1 would have been taken first.
    const sentinel = await h.client.util.record.delay({ key: h.key("dup") });
    await sentinel.get({ timeout: 5 });
    assert.deepEqual(await h.runs("dup"), { "fixed-id-1": 1, [sentinel.id]: 1 });
  });

  it("1,000 concurrent get() calls share one subscriber connection", async () => {
    const results = await h.client.math.add.delayMany(Array.from({ length: 1000 }, (_, i) => ({ a: i, b: 1 })));
    const values = await Promise.all(results.map((r: any) => r.get({ timeout: 20 })));
    assert.deepEqual(
      values,
      Array.from({ length: 1000 }, (_, i) => i + 1),
    );
    const clients = (await h.redis.client("LIST")) as string;
    const ours = clients.split("\n").filter((line) => line.includes(` name=celerity-results-${process.pid} `));
    assert.equal(ours.length, 1, "one results connection for all waiters");
  });
});

/** Well below the 5 s an idle worker blocks when it misses a wake-up. */
const LATE_MS = 1_000;

describe("client: timing, priority and expiry", () => {
  let h: RuntimeHarness;
  before(() => (h = new RuntimeHarness("timing")));
  after(() => h.close());

  // Timing bounds here are deliberately loose: "on time" is told apart from the failure it guards
  // against (an idle worker missing the due time and sleeping out its 5 s block, or polling), not
  // measured to the millisecond on a shared machine running other test files at the same time.
  it("countdown and eta tasks wait in Redis, never start early and are not left to the idle block", async (t) => {
    await h.startWorker();
    const key = h.key("eta");
    const due1 = Date.now() + 400;
    const a = await h.client.util.record.applyAsync({ key }, { countdown: "400ms" });
    const due2 = Date.now() + 700;
    const b = await h.client.util.record.applyAsync({ key }, { eta: new Date(due2) });
    assert.equal(await h.redis.zcard(`${h.prefix}:{rt}:q:default:delayed`), 2, "both wait in the delayed set");
    await Promise.all([a.get({ timeout: 5 }), b.get({ timeout: 5 })]);
    const times = (await h.redis.lrange(key + ":times", 0, -1)).map(Number);
    const order = await h.redis.lrange(key + ":order", 0, -1);
    assert.deepEqual(order, [a.id, b.id]);
    const lateA = times[0] - due1;
    const lateB = times[1] - due2;
    t.diagnostic(`started ${lateA} and ${lateB} ms after their due times`);
    assert.ok(lateA >= 0 && lateA < LATE_MS, `first started ${lateA} ms after due`);
    assert.ok(lateB >= 0 && lateB < LATE_MS, `second started ${lateB} ms after due`);
  });

  it("a stream of countdown tasks, some running while others come due, each starts on time", async (t) => {
    await h.startWorker({ concurrency: 16 });
    const key = h.key("stream");
    const sent: { id: string; due: number }[] = [];
    // Deterministic spread of countdowns (0-390 ms) and run times (0-60 ms), sent in small bursts.
    for (let i = 0; i < 120; i++) {
      const countdownMs = (i * 37) % 400;
      const r = await h.client.util.record.applyAsync({ key, ms: (i * 13) % 61 }, { countdown: `${countdownMs}ms` });
      sent.push({ id: r.id, due: Number(await h.redis.hget(`${h.prefix}:{rt}:t:${r.id}`, "eta")) || Date.now() });
      if (i % 10 === 9) await sleep(40);
    }
    await Promise.all(sent.map((s) => h.client.$result(s.id).get({ timeout: 10 })));
    const order = await h.redis.lrange(key + ":order", 0, -1);
    const times = (await h.redis.lrange(key + ":times", 0, -1)).map(Number);
    const startedAt = new Map(order.map((id, i) => [id, times[i]]));
    const late = sent.map((s) => startedAt.get(s.id)! - s.due);
    assert.equal(startedAt.size, 120, "every task ran once");
    t.diagnostic(
      `started late by at most ${Math.max(...late)} ms (median ${[...late].sort((a, b) => a - b)[late.length >> 1]} ms)`,
    );
    assert.ok(
      late.every((ms) => ms >= -1 && ms < LATE_MS),
      `started late by up to ${Math.max(...late)} ms (${late.filter((ms) => ms >= LATE_MS).length} over ${LATE_MS} ms)`,
    );
  });

  it("an expired task is never run and reads REVOKED with reason expired", async () => {
    const key = h.key("expired");
    const r = await h.client.util.record.applyAsync({ key }, { countdown: "150ms", expires: "50ms" });
    await assert.rejects(
      r.get({ timeout: 5 }),
      (e: unknown) => e instanceof TaskRevokedError && e.reason === "expired",
    );
    assert.equal(await r.state(), "REVOKED");
    assert.deepEqual(await r.info(), { reason: "expired" });
    assert.deepEqual(await h.runs("expired"), {});
  });

  it("results expire after result_expires", async () => {
    const r = await h.client.math.add.delay({ a: 1, b: 1 });
    await r.get({ timeout: 5 });
    const ttl = await h.redis.pttl(`${h.prefix}:{rt}:t:${r.id}`);
    assert.ok(ttl > 86_000_000 && ttl <= 86_400_000, `ttl ${ttl}`);
  });
});

describe("client: priorities", () => {
  let h: RuntimeHarness;
  before(() => (h = new RuntimeHarness("prio")));
  after(() => h.close());

  it("runs higher priority first and FIFO within a priority", async () => {
    const key = h.key("prio");
    const sent: { id: string; p: number }[] = [];
    for (const p of [1, 5, 9, 5, 1, 9, 0]) {
      const r = await h.client.util.record.applyAsync({ key }, { priority: p });
      sent.push({ id: r.id, p });
    }
    await h.startWorker({ concurrency: 1 });
    await h.client.$result(sent[6].id).get({ timeout: 5 });
    const order = await h.redis.lrange(key + ":order", 0, -1);
    const expected = [...sent]
      .map((s, i) => ({ ...s, i }))
      .sort((x, y) => y.p - x.p || x.i - y.i)
      .map((s) => s.id);
    assert.deepEqual(order, expected);
  });
});

describe("broker: one claim across priorities", () => {
  let h: RuntimeHarness;
  before(() => (h = new RuntimeHarness("prio-claim")));
  after(() => h.close());

  it("leases the highest priorities first, FIFO within each, then reports the next deadline", async () => {
    const conn = h.conn;
    const sent: { id: string; p: number }[] = [];
    for (const p of [1, 5, 9, 5, 1, 9, 0]) {
      const r = await h.client.util.record.applyAsync({ key: h.key("prio") }, { priority: p });
      sent.push({ id: r.id, p });
    }
    const expected = sent
      .map((s, i) => ({ ...s, i }))
      .sort((x, y) => y.p - x.p || x.i - y.i)
      .map((s) => `${s.p}|${s.id}`);
    const request = { queues: ["default"], want: 5, leaseMs: 60_000 };
    const first = await claim(conn, request);
    assert.deepEqual(
      first.claimed.map((c) => c.member),
      expected.slice(0, 5),
    );
    assert.equal(first.short, false);
    const second = await claim(conn, request);
    assert.deepEqual(
      second.claimed.map((c) => c.member),
      expected.slice(5),
    );
    // Short: the ready lists are empty, and the earliest deadline is a lease's, a minute away.
    assert.equal(second.short, true);
    assert.ok(second.nextDueInMs! > 50_000 && second.nextDueInMs! <= 60_000, String(second.nextDueInMs));
    const empty = await claim(conn, request);
    assert.deepEqual(empty.claimed, []);
    assert.ok(empty.nextDueInMs! > 50_000 && empty.nextDueInMs! <= 60_000, String(empty.nextDueInMs));
  });
});

describe("broker: batch enqueue", () => {
  let h: RuntimeHarness;
  before(() => (h = new RuntimeHarness("batch")));
  after(() => h.close());

  it("splits items of different names and timing into calls, keeping order, fields and idempotence", async () => {
    const now = Date.now();
    const item = (id: string, name: string, eta = 0) => ({
      id,
      name,
      argsJson: JSON.stringify({ id }),
      eta,
      countdownMs: null,
      expiresAt: 0,
      expiresInMs: null,
      resultExpiresMs: 60_000,
    });
    const items = [
      item("b-1", "math.add"),
      item("b-2", "math.add"),
      item("b-3", "util.record"),
      item("b-4", "util.record", now + 60_000),
      item("b-5", "math.add"),
      item("b-1", "math.add"),
    ];
    const created = await enqueueBatch(h.conn, items, { queue: "default", priority: 5 });
    assert.deepEqual(created, [true, true, true, true, true, false], "the repeated id is not written again");
    assert.deepEqual(
      await h.redis.lrange(h.ks.ready("default", 5), 0, -1),
      ["b-5", "b-3", "b-2", "b-1"],
      "ready in send order (RPOP takes the oldest)",
    );
    assert.deepEqual(await h.redis.zrange(h.ks.delayed("default"), "0", "-1", "WITHSCORES"), [
      "5|b-4",
      String(now + 60_000),
    ]);
    for (const it of items.slice(0, 5)) {
      const [n, a, eta, s] = await h.redis.hmget(h.ks.task(it.id), "n", "a", "eta", "s");
      assert.deepEqual([n, a, Number(eta), s], [it.name, it.argsJson, it.eta, "PENDING"], it.id);
    }
  });
});
