// Breaks 3 and 6 of issue 11 with real processes. A worker frozen (SIGSTOP, like a long GC pause)
// past its lease comes back and finishes: its outcome must be refused, the redelivered run's result
// must stand and the record must name the live worker. An acks_late=false run whose worker is
// SIGKILLed must read as lost (FAILURE, WorkerLostError) once its lease has expired, never run again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderMetrics } from "../../runtime/admin/metrics.ts";
import { listDeadLetters } from "../../runtime/admin/data/dead-letters.ts";
import { runLog, waitFor } from "../fixtures/chaos/observe.ts";
import { chaosWorld } from "../fixtures/chaos/world.ts";

const LEASE_MS = 2_000;

test(
  "a worker frozen past its lease: its late finish is refused, the redelivered run's result stands",
  { timeout: 60_000 },
  async (t) => {
    const { prefix, ks, key, redis, client, fleet } = chaosWorld(t, "chaos-frozen");
    const args = ["--prefix", prefix, "--lease", `${LEASE_MS}ms`];
    const frozen = fleet.spawn("frozen", "test/fixtures/chaos/worker-process.ts", [...args, "--id", "frozen-worker"]);
    await waitFor("the first worker started", async () => frozen.log().includes("worker started"), 30_000, 50);
    const r = await client.chaos.who.delay({ key, ms: 4_000 });
    // Frozen inside the handler (its 4 s sleep under way), so on waking it finishes ~2 s before the live run.
    await waitFor(
      "the handler running on the first worker",
      async () => (await runLog(redis, key)).has(r.id),
      10_000,
      20,
    );

    frozen.process.kill("SIGSTOP");
    const frozenAt = Date.now();
    const live = fleet.spawn("live", "test/fixtures/chaos/worker-process.ts", [...args, "--id", "live-worker"]);
    try {
      await waitFor(
        "the task redelivered to the live worker",
        async () => (await redis.hget(ks.task(r.id), "w")) === "live-worker",
        30_000,
        20,
      );
    } finally {
      frozen.process.kill("SIGCONT");
    }
    const frozenMs = Date.now() - frozenAt;
    // The frozen run's sleep ends ~2 s into the live run's 4 s: it finishes first.
    const ended = async () =>
      frozen.log().includes("outcome refused") ||
      ["SUCCESS", "FAILURE", "REVOKED"].includes((await redis.hget(ks.task(r.id), "s")) ?? "");
    await waitFor("the frozen worker's run to end", ended, 10_000, 20).catch((e) => {
      throw new Error(`${(e as Error).message}\n${fleet.logs()}`);
    });
    const afterRefusal = await redis.hmget(ks.task(r.id), "s", "w", "res", "st");
    assert.equal(
      afterRefusal[0],
      "STARTED",
      `the live run is still running, not ended by the stale finish (record ${afterRefusal.join(" ")}, frozen ${Date.now() - frozenAt} ms ago)\n${fleet.logs()}`,
    );
    assert.ok(frozen.log().includes("outcome refused"), "the frozen worker logs the refusal");
    const result = await r.get({ timeout: 10 });
    assert.deepEqual(result, { pid: live.pid, deliveries: 2 }, "the live delivery's result stands");
    assert.equal(await redis.hget(ks.task(r.id), "w"), "live-worker", "the record names the live worker");
    assert.deepEqual((await runLog(redis, key)).get(r.id), [frozen.pid, live.pid]);
    const metrics = await renderMetrics({ redis, ks }, client.$app);
    const fenced = Number(/^celerity_fenced_total\{queue="default"\} (\d+)$/m.exec(metrics)?.[1]);
    assert.ok(fenced >= 1, `celerity_fenced_total counts the refusal (${fenced})`);
    t.diagnostic(
      `frozen ${frozenMs} ms, until its ${LEASE_MS} ms lease ran out and the task was redelivered: late finish refused (fenced ${fenced}), live result from pid ${live.pid} (delivery 2) stands`,
    );
    assert.ok(frozen.alive() && live.alive());
  },
);

test(
  "acks_late=false and SIGKILL mid-run: the task reads as lost after its lease, in the dead letters",
  { timeout: 60_000 },
  async (t) => {
    const { prefix, ks, key, redis, client, fleet } = chaosWorld(t, "chaos-lost");
    const args = ["--prefix", prefix, "--lease", `${LEASE_MS}ms`];
    const doomed = fleet.spawn("doomed", "test/fixtures/chaos/worker-process.ts", args);
    await waitFor("the worker started", async () => doomed.log().includes("worker started"), 30_000, 50);
    const r = await client.chaos.once.delay({ key, ms: 60_000 });
    // Acknowledged: marked at-most-once (an older design dropped the lease instead).
    const acked = async () =>
      (await redis.hget(ks.task(r.id), "am")) === "1" || (await redis.zcard(ks.leases("default"))) === 0;
    await waitFor(
      "the handler running and its run acknowledged",
      async () => (await runLog(redis, key)).has(r.id) && (await acked()),
      10_000,
      20,
    );
    await fleet.kill(doomed, "SIGKILL");
    const killedAt = Date.now();
    fleet.spawn("survivor", "test/fixtures/chaos/worker-process.ts", args);
    await waitFor(
      "the task reads as lost",
      async () => (await redis.hget(ks.task(r.id), "s")) === "FAILURE",
      30_000,
      20,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${fleet.logs()}`);
    });
    const lostAfterMs = Date.now() - killedAt;
    const [err, why] = await redis.hmget(ks.task(r.id), "err", "why");
    assert.equal(JSON.parse(err!).name, "WorkerLostError");
    assert.equal(why, "worker lost");
    const dead = await listDeadLetters({ redis, ks }, { page: 1, pageSize: 50 });
    assert.ok(JSON.stringify(dead).includes(r.id), "visible in the admin's dead letters");
    assert.deepEqual((await runLog(redis, key)).get(r.id), [doomed.pid], "ran once, never again");
    assert.equal(await redis.zcard(ks.leases("default")), 0);
    t.diagnostic(
      `acks_late=false run SIGKILLed: FAILURE WorkerLostError ${lostAfterMs} ms after the kill (lease ${LEASE_MS} ms, survivor started meanwhile)`,
    );
  },
);
