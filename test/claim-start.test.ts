// Issue 14: an idle worker's wake-up takes two round trips, as Bee-Queue's does. The signal an
// enqueue pushes names the task, and the woken worker's claim starts that task itself (the records a
// script touches must be declared, so only ids known before the call can be started in it).
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { keyspace } from "../runtime/mod.ts";
import { startableHint } from "../runtime/broker/claim.ts";
import { scripts } from "../runtime/broker/scripts.ts";
import { claim, finish } from "../runtime/broker/settle.ts";
import { startClaimed, type StartedRecord } from "../runtime/broker/start.ts";
import { revokeTask } from "../runtime/broker/revoke.ts";
import { shardQueue, withShardSuffix } from "../runtime/keys/shard-tags.ts";
import { ScriptRuns } from "./support/script-runs.ts";
import { eventually, RuntimeHarness } from "./support/runtime.ts";

const START_OPTIONS = { workerId: "w-1", maxDeliveries: 5, maxPayloadBytes: 1 << 20 };

describe("claims that start what they lease", () => {
  let h: RuntimeHarness;
  beforeEach(() => (h = new RuntimeHarness("claimstart")));
  afterEach(() => h.close());

  it("an enqueue on an idle queue signals the task's id", async () => {
    const r = await h.client.util.record.delay({ key: h.key("sig") });
    assert.deepEqual(await h.redis.lrange(h.ks.signal("default"), 0, -1), [r.id]);
    // Already signalled: a second enqueue adds nothing (one wake-up at a time, as before).
    await h.client.util.record.delay({ key: h.key("sig2") });
    assert.equal(await h.redis.llen(h.ks.signal("default")), 1);
  });

  it("starts the named ids it leases, in the same call, and leaves the others to the start call", async () => {
    const sent = [];
    for (let i = 0; i < 3; i++) sent.push(await h.client.util.record.delay({ key: h.key(`t${i}`) }));
    const [first, second, third] = sent.map((r) => r.id as string);
    const result = await claim(h.conn, {
      queues: ["default"],
      want: 3,
      leaseMs: 30_000,
      start: { ids: [second, "never-queued"], options: START_OPTIONS },
    });
    assert.deepEqual(
      result.claimed.map((c) => c.id),
      [first, second, third],
    );
    assert.equal(result.started.length, 1, "only the named id that was leased is started");
    const started = result.started[0] as StartedRecord;
    assert.equal(started.kind, "run");
    assert.equal(started.claimed.id, second);
    assert.equal(started.name, "util.record");
    assert.equal(JSON.parse(started.argsJson).key, h.key("t1"));
    assert.ok(started.claimed.token, "with its delivery token");
    assert.deepEqual(await h.redis.hmget(h.ks.task(second), "s", "w", "d"), ["STARTED", "w-1", "1"]);
    assert.equal(await h.redis.hget(h.ks.task(first), "s"), "PENDING", "the others are leased, not started");
    assert.equal(await h.redis.exists(h.ks.task("never-queued")), 0, "a named id it did not lease is untouched");

    const rest = (await startClaimed(
      h.conn,
      result.claimed.filter((c) => c.id !== second),
      START_OPTIONS,
    )) as StartedRecord[];
    const outcomes = [started, ...rest].map((rec) => ({
      kind: "ok" as const,
      claimed: rec.claimed,
      resultJson: JSON.stringify(rec.claimed.id),
    }));
    assert.deepEqual((await finish(h.conn, outcomes)).refused, [], "each token is its delivery's");
    for (const r of sent) assert.equal(await r.get({ timeout: 2 }), r.id);
    assert.equal(await h.redis.zcard(h.ks.leases("default")), 0);
  });

  it("refuses a named id revoked before it was claimed, as the start call does", async () => {
    const r = await h.client.util.record.delay({ key: h.key("rv") });
    assert.equal(await revokeTask(h.conn, r.id), "REVOKED");
    const result = await claim(h.conn, {
      queues: ["default"],
      want: 1,
      leaseMs: 30_000,
      start: { ids: [r.id], options: START_OPTIONS },
    });
    assert.equal(result.claimed.length, 1);
    assert.deepEqual(
      result.started.map((s) => [s.kind, s.kind === "skip" ? s.reason : ""]),
      [["skip", "already REVOKED"]],
    );
    assert.equal(await h.redis.zcard(h.ks.leases("default")), 0, "its lease is gone");
    assert.equal(await r.state(), "REVOKED");
  });

  it("a worker woken by the signal runs the task without a start call", async () => {
    const claims = new ScriptRuns(scripts.claim);
    const starts = new ScriptRuns(scripts.start);
    try {
      await h.startWorker({ concurrency: 16 });
      // Both claim loops' first claims found nothing: the task arrives by its signal.
      await eventually(async () => claims.count >= 2);
      const r = await h.client.util.record.delay({ key: h.key("wake") });
      assert.equal(await r.get({ timeout: 5 }), r.id);
      assert.equal(starts.count, 0, "no start script call");
      assert.equal(await h.redis.hget(h.ks.task(r.id), "s"), "SUCCESS");
    } finally {
      claims.stop();
      starts.stop();
    }
  });

  it("a signal naming garbage or another shard's id changes nothing", async () => {
    await h.startWorker({ concurrency: 4 });
    await eventually(async () => (await h.redis.llen(h.ks.signal("default"))) === 0);
    for (const junk of ["has spaces", "x".repeat(300), withShardSuffix("other", { count: 3, index: 1 })])
      await h.redis.lpush(h.ks.signal("default"), junk);
    const after = await h.client.util.record.delay({ key: h.key("after") });
    assert.equal(await after.get({ timeout: 5 }), after.id);
  });

  it("a signal naming a task this worker still runs, whose lease ran out, does not start it again", async () => {
    await h.startWorker({ concurrency: 4 });
    // Held at a gate, so it is still running whatever the host's speed.
    const gate = h.key("rerun-gate");
    const running = await h.client.util.record.delay({ key: h.key("rerun"), gate });
    await eventually(async () => (await running.state()) === "STARTED");
    // As if this worker had frozen past the lease: the next claim takes the task back to run it.
    const leases = h.ks.leases("default");
    const [member] = await h.redis.zrangebyscore(leases, "-inf", "+inf");
    await h.redis.zadd(leases, 0, member);
    await h.redis.lpush(h.ks.signal("default"), running.id);
    // The claim leased it again; this worker keeps the run it has (its finish covers the new lease).
    await eventually(async () => Number(await h.redis.zscore(leases, member)) > 0);
    await h.redis.rpush(gate, "open");
    assert.equal(await running.get({ timeout: 5 }), running.id);
    assert.equal(await h.redis.hget(h.ks.task(running.id), "d"), "1", "not delivered a second time");
    assert.deepEqual(await h.runs("rerun"), { [running.id]: 1 }, "its handler ran once");
  });
});

describe("startableHint", () => {
  const ks = keyspace("app", "p");
  const shard = { count: 3, index: 1 };
  const part = shardQueue("emails", shard);

  it("accepts a plausible id whose record is on the queues' shard", () => {
    assert.equal(startableHint(ks, ["default"], "4f0c3a52-7d1e-4c1b-9a11-0f6c1d2e3b4a"), true);
    assert.equal(startableHint(ks, [part], withShardSuffix("abc", shard)), true);
  });

  it("refuses ids of another shard (a Cluster would refuse the call) and what no ready list holds", () => {
    assert.equal(startableHint(ks, [part], "abc"), false);
    assert.equal(startableHint(ks, [part], withShardSuffix("abc", { count: 3, index: 2 })), false);
    assert.equal(startableHint(ks, ["default"], withShardSuffix("abc", shard)), false);
    for (const junk of ["", "has spaces", "x".repeat(201), "a{b}"])
      assert.equal(startableHint(ks, ["default"], junk), false, JSON.stringify(junk));
  });
});
