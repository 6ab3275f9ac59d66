// Breaks 3 and 6 of issue 11. Each delivery of a task carries a token; finish, retry, progress and
// lease renewal from a delivery that was superseded (its lease expired, the task was delivered
// again) are refused and counted, and the live delivery's outcome stands. An acks_late=false run
// whose worker died reads as lost (FAILURE, WorkerLostError) once its lease expires.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { renderMetrics } from "../runtime/admin/metrics.ts";
import { createLogger } from "../runtime/log/logger.ts";
import { listDeadLetters } from "../runtime/admin/data/dead-letters.ts";
import { renewLeases } from "../runtime/broker/leases.ts";
import { claim, finish } from "../runtime/broker/settle.ts";
import { startClaimed, type StartedRecord } from "../runtime/broker/start.ts";
import { storeProgress } from "../runtime/broker/progress.ts";
import { eventually, RuntimeHarness } from "./support/runtime.ts";

describe("fenced deliveries", () => {
  let h: RuntimeHarness;
  beforeEach(() => (h = new RuntimeHarness("fence")));
  afterEach(() => h.close());

  /** One delivery, as a worker makes it: lease, then start. */
  async function deliver(workerId: string, leaseMs = 30_000): Promise<StartedRecord> {
    const claimed = await claim(h.conn, { queues: ["default"], want: 1, leaseMs });
    assert.equal(claimed.claimed.length, 1, `${workerId} leased the task`);
    const [rec] = await startClaimed(h.conn, claimed.claimed, { workerId, maxDeliveries: 5, maxPayloadBytes: 1 << 20 });
    assert.equal(rec.kind, "run");
    return rec as StartedRecord;
  }
  /** What a worker frozen past its lease sees when it wakes: the lease ran out meanwhile. */
  const expireLease = (rec: StartedRecord) => h.redis.zadd(h.ks.leases("default"), 0, rec.claimed.member);

  it("a stale delivery's finish, retry, progress and renewal are refused; the live one's result stands and names the live worker", async () => {
    const r = await h.client.util.record.delay({ key: h.key("f") });
    const stale = await deliver("frozen-worker");
    await expireLease(stale);
    const live = await deliver("live-worker");
    assert.equal(live.deliveries, 2);
    const leases = h.ks.leases("default");
    const liveDeadline = await h.redis.zscore(leases, live.claimed.member);

    assert.deepEqual(
      await renewLeases(h.conn, [stale.claimed], { leaseMs: 600_000 }),
      [r.id],
      "the stale renewal reports the lease lost",
    );
    assert.equal(await h.redis.zscore(leases, live.claimed.member), liveDeadline, "and does not extend the live lease");
    const progress = await storeProgress(
      h.conn,
      { id: r.id, queue: "default", token: stale.claimed.token! },
      JSON.stringify({ fraction: 0.5, info: "stale" }),
    );
    assert.equal(progress, "refused", "stale progress refused");
    assert.deepEqual(
      (await finish(h.conn, [{ kind: "ok", claimed: stale.claimed, resultJson: JSON.stringify("stale result") }]))
        .refused,
      [r.id],
      "stale finish refused",
    );
    assert.deepEqual(
      (await finish(h.conn, [{ kind: "retry", claimed: stale.claimed, errorJson: "{}", due: { inMs: 0 }, retries: 1 }]))
        .refused,
      [r.id],
      "stale retry refused",
    );
    assert.equal(await h.redis.zcard(h.ks.delayed("default")), 0, "the stale retry queued nothing");
    const mid = await h.redis.hmget(h.ks.task(r.id), "s", "w", "pg");
    assert.deepEqual(mid, ["STARTED", "live-worker", null], "the live run is untouched");
    assert.ok(await h.redis.zscore(leases, live.claimed.member), "the live lease is still there");

    assert.deepEqual(
      (await finish(h.conn, [{ kind: "ok", claimed: live.claimed, resultJson: JSON.stringify("live result") }]))
        .refused,
      [],
    );
    assert.equal(await r.get({ timeout: 2 }), "live result");
    assert.equal(await h.redis.hget(h.ks.task(r.id), "w"), "live-worker");
    assert.deepEqual(
      (await finish(h.conn, [{ kind: "ok", claimed: stale.claimed, resultJson: JSON.stringify("late") }])).refused,
      [r.id],
      "refused after the live finish too",
    );
    assert.equal(await r.get({ timeout: 2 }), "live result");
    assert.match(
      await renderMetrics(h.conn, h.app),
      /^celerity_fenced_total\{queue="default"\} 4$/m,
      "every refusal is counted",
    );
  });

  it("a worker whose lease was taken over logs the refusal and the live worker's result stands", async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", format: "json", write: (line) => lines.push(line) });
    const r = await h.client.util.record.delay({ key: h.key("w"), ms: 600 });
    const stale = await h.startWorker({ id: "stale-worker", logger });
    await eventually(async () => (await h.redis.hget(h.ks.task(r.id), "s")) === "STARTED");
    const [member] = await h.redis.zrange(h.ks.leases("default"), "0", "0");
    await h.redis.zadd(h.ks.leases("default"), 0, member);
    const live = await deliver("live-worker");
    await eventually(async () => stale.inFlight === 0);
    await eventually(async () => lines.some((l) => l.includes("outcome refused")));
    assert.equal(
      await h.redis.hget(h.ks.task(r.id), "s"),
      "STARTED",
      "the stale worker's success did not end the live run",
    );
    await finish(h.conn, [{ kind: "ok", claimed: live.claimed, resultJson: JSON.stringify("live") }]);
    assert.equal(await r.get({ timeout: 2 }), "live");
    assert.equal(await h.redis.hget(h.ks.task(r.id), "w"), "live-worker");
  });

  it("acks_late=false: a run whose worker died reads as lost after its lease, in the dead letters, and never runs again", async () => {
    const r = await h.client.util.early.delay({ key: h.key("lost") });
    const crashed = await deliver("crashed-worker", 200);
    // The worker acks before running (at most once), then dies mid-run.
    await finish(h.conn, [{ kind: "ack", claimed: crashed.claimed }]);
    assert.equal(await h.redis.hget(h.ks.task(r.id), "s"), "STARTED");
    await h.startWorker();
    await eventually(async () => (await h.redis.hget(h.ks.task(r.id), "s")) === "FAILURE", 5000);
    const [err, why] = await h.redis.hmget(h.ks.task(r.id), "err", "why");
    assert.equal(JSON.parse(err!).name, "WorkerLostError");
    assert.equal(why, "worker lost");
    await assert.rejects(r.get({ timeout: 1 }), (e: Error) =>
      /WorkerLostError|worker lost/.test(`${e.name} ${e.message}`),
    );
    const dead = await listDeadLetters(h.conn, { page: 1, pageSize: 10 });
    assert.ok(JSON.stringify(dead).includes(r.id), "listed in the admin's dead letters");
    assert.deepEqual(await h.runs("lost"), {}, "not run again");
    assert.equal(await h.redis.zcard(h.ks.leases("default")), 0);
  });
});
