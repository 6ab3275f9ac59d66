// Scenario 2: the broker's Redis (a private redis-server with an fsync-always append-only file) is
// restarted in the middle of a run. Client, worker processes and beat must reconnect by themselves,
// and every task whose enqueue resolved, before, during or after the outage, must finish.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Redis } from "ioredis";
import { createTaskTree, keyspace } from "../../runtime/mod.ts";
import { chaosApp } from "../fixtures/chaos/app.ts";
import { queueDepth, runLog, sleep, stateCounts, waitFor } from "../fixtures/chaos/observe.ts";
import { Fleet } from "../fixtures/chaos/processes.ts";
import { PrivateRedis } from "../fixtures/chaos/redis-server.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../support/redis.ts";
import { PERIODIC_DEFAULTS } from "../support/periodic.ts";

const WORKERS = 2;
const CONCURRENCY = 8;
const FIRST_BATCH = 1_500;
const DOWN_MS = 1_000;

test(
  "Redis restarted mid-run: clients, workers and beat reconnect; every acknowledged task finishes",
  { timeout: 120_000 },
  async (t) => {
    const server = await PrivateRedis.start();
    const prefix = uniquePrefix("chaos-restart");
    const key = `${prefix}:rec`;
    const periodic = [
      {
        name: "tick",
        task: "chaos.work",
        schedule: { kind: "every" as const, everyMs: 1000 },
        args: { key },
        ...PERIODIC_DEFAULTS,
      },
    ];
    const app = chaosApp("chaos", periodic);
    const ks = keyspace(app.app, prefix);
    const broker = new Redis(server.url, { maxRetriesPerRequest: null });
    // The test's own connection also lives through the outage; ioredis reports each refused reconnect.
    broker.on("error", () => {});
    const recorder = new Redis(REDIS_URL);
    const client = createTaskTree<any>(app, { redis: server.url, prefix });
    const fleet = new Fleet();
    let enqueuing = false;
    let enqueuer: Promise<void> = Promise.resolve();
    t.after(async () => {
      enqueuing = false;
      await enqueuer.catch(() => {});
      await fleet.killAll();
      await client.$disconnect();
      broker.disconnect();
      await server.destroy();
      await deletePrefix(prefix);
      recorder.disconnect();
    });

    // Children find the broker through REDIS_URL only, as a deployment would configure them.
    const env = { REDIS_URL: server.url, RECORD_URL: REDIS_URL, CHAOS_PERIODIC: JSON.stringify(periodic) };
    const workers = Array.from({ length: WORKERS }, (_, i) =>
      fleet.spawn(
        `worker-${i + 1}`,
        "test/fixtures/chaos/worker-process.ts",
        ["--prefix", prefix, "--concurrency", String(CONCURRENCY), "--lease", "3s"],
        env,
      ),
    );
    const beat = fleet.spawn(
      "beat",
      "test/fixtures/chaos/beat-process.ts",
      ["--prefix", prefix, "--lock-ttl", "3s"],
      env,
    );

    const acknowledged: string[] = [];
    let rejectedBatches = 0;
    const first = await client.chaos.work.delayMany(Array.from({ length: FIRST_BATCH }, () => ({ key, ms: 10 })));
    acknowledged.push(...first.map((r: { id: string }) => r.id));

    // A steady trickle of enqueues that keeps going through the outage: each resolved call counts.
    enqueuing = true;
    enqueuer = (async () => {
      while (enqueuing) {
        try {
          const batch = await client.chaos.work.delayMany(Array.from({ length: 10 }, () => ({ key, ms: 10 })));
          acknowledged.push(...batch.map((r: { id: string }) => r.id));
        } catch {
          rejectedBatches++;
        }
        await sleep(50);
      }
    })();

    const periodicIds = async () =>
      (await broker.zrange(ks.recent, "0", "-1")).filter((id) => id.startsWith("periodic:tick:"));
    await waitFor(
      "workers busy and beat firing",
      async () => {
        const started = Object.values(await recorder.hgetall(`${key}:pids`)).reduce((a, b) => a + Number(b), 0);
        return started >= 300 && (await periodicIds()).length >= 2;
      },
      60_000,
      50,
    ).catch((error) => {
      throw new Error(`${(error as Error).message}\n${fleet.logs()}`);
    });
    const beforeRestart = await stateCounts(broker, ks, acknowledged);
    const { stoppedAt, startedAt } = await server.restart(DOWN_MS);
    await sleep(2_000);
    enqueuing = false;
    await enqueuer;
    const during = acknowledged.length - FIRST_BATCH;

    // After the restart, through the same client: enqueue and wait for a result (the subscriber reconnected).
    const afterRestart = await client.chaos.work.delayMany(Array.from({ length: 200 }, () => ({ key, ms: 5 })));
    acknowledged.push(...afterRestart.map((r: { id: string }) => r.id));
    assert.equal(await afterRestart[199].get({ timeout: 30 }), afterRestart[199].id);

    await waitFor(
      "every acknowledged task to succeed",
      async () => (await stateCounts(broker, ks, acknowledged)).SUCCESS === acknowledged.length,
      60_000,
      250,
    ).catch(async (error) => {
      throw new Error(
        `${(error as Error).message}: ${JSON.stringify(await stateCounts(broker, ks, acknowledged))}\n${fleet.logs()}\n--- redis ---\n${server.log.slice(-2000)}`,
      );
    });
    // Beat keeps firing on the restarted server.
    await waitFor(
      "beat to fire after the restart",
      async () => (await periodicIds()).filter((id) => Number(id.split(":")[2]) > startedAt).length >= 2,
      15_000,
      100,
    );

    const log = await runLog(recorder, key);
    const ids = new Set(acknowledged);
    assert.equal(ids.size, acknowledged.length);
    assert.equal(acknowledged.filter((id) => !log.has(id)).length, 0, "every acknowledged task ran");
    let runs = 0;
    for (const id of acknowledged) runs += log.get(id)!.length;
    const duplicates = runs - acknowledged.length;
    assert.ok(
      duplicates <= WORKERS * CONCURRENCY,
      `${duplicates} duplicate runs; at most ${WORKERS * CONCURRENCY} tasks were in flight`,
    );
    assert.equal(rejectedBatches, 0, "no enqueue failed: calls made during the outage waited for Redis");
    assert.ok(during > 0, "enqueues went on around the outage");
    assert.equal(await broker.zcard(ks.dead), 0, "no dead letters");

    // Periodic runs: one per slot, every run executed, and nothing missing except the outage.
    const ticks = (await periodicIds()).map((id) => Number(id.split(":")[2])).sort((a, b) => a - b);
    for (let i = 1; i < ticks.length; i++) {
      const gap = ticks[i] - ticks[i - 1];
      assert.ok(gap % 1000 === 0 && gap >= 1000, `periodic slots stay in phase (gap ${gap} ms)`);
      assert.ok(gap <= DOWN_MS + 4000, `no gap longer than the outage plus a lock TTL (gap ${gap} ms)`);
    }
    await waitFor(
      "periodic runs to finish",
      async () =>
        (
          await stateCounts(
            broker,
            ks,
            ticks.map((d) => `periodic:tick:${d}`),
          )
        ).SUCCESS === ticks.length,
      15_000,
    );

    // Workers and beat came through the outage in the same processes, and workers heartbeat again.
    for (const child of [...workers, beat]) assert.ok(child.alive(), `${child.name} is still running`);
    const heartbeats = (await broker.zrange(ks.workers, "0", "-1", "WITHSCORES"))
      .filter((_, i) => i % 2 === 1)
      .map(Number);
    assert.equal(
      heartbeats.filter((at) => at > startedAt).length,
      WORKERS,
      "both workers heartbeat on the restarted server",
    );
    assert.deepEqual(await queueDepth(broker, ks, "default"), { ready: 0, delayed: 0, leased: 0 });

    t.diagnostic(
      `Redis restarted (SIGTERM, ${((startedAt - stoppedAt) / 1000).toFixed(1)} s down, AOF fsync always) with ${beforeRestart.SUCCESS ?? 0}/${FIRST_BATCH + during} done: ` +
        `${acknowledged.length} acknowledged tasks (${FIRST_BATCH} before, ${during} enqueued around the outage, 200 after) all SUCCESS, ` +
        `${runs} runs, ${duplicates} duplicates (bound ${WORKERS * CONCURRENCY}), 0 enqueue failures; ${ticks.length} periodic runs, one per slot, ` +
        `largest slot gap ${Math.max(...ticks.slice(1).map((d, i) => d - ticks[i]))} ms; ${WORKERS} workers and beat reconnected without restarting`,
    );
  },
);
