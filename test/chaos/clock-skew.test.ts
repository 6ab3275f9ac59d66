// Break 2 of issue 11 with real processes: a worker whose clock is 40 s fast or slow (libfaketime)
// shares a queue with a worker whose clock is right. 120 tasks in flight at once: none may run
// twice (a skewed worker judging the other's leases expired, or its own leases looking expired to
// the other, ran 56-75 of them twice at the same time before), and a countdown must not start early
// (a fast worker promoted it at once).
import assert from "node:assert/strict";
import { test } from "node:test";
import { redisTimeMs } from "../../runtime/time/redis-clock.ts";
import { skewedClockEnv } from "../fixtures/chaos/faketime.ts";
import { runLog, stateCounts, waitFor } from "../fixtures/chaos/observe.ts";
import { chaosWorld } from "../fixtures/chaos/world.ts";

const SKEW_SEC = 40;
const TASKS = 120;
const RUN_MS = 3_000;
// Stands for the 60 s countdown, scaled to keep CI short; the skew is still 8 times larger.
const COUNTDOWN_MS = 5_000;

for (const direction of [1, -1] as const) {
  const label = direction > 0 ? "fast" : "slow";
  test(
    `a worker ${SKEW_SEC} s ${label} next to a correct one: ${TASKS} in-flight tasks each run once; a countdown starts on time`,
    { timeout: 90_000 },
    async (t) => {
      const { prefix, ks, key, redis, client, fleet } = chaosWorld(t, `chaos-skew-${label}`);
      const args = ["--prefix", prefix, "--concurrency", "64", "--lease", "30s"];
      const right = fleet.spawn("right-clock", "test/fixtures/chaos/worker-process.ts", [
        ...args,
        "--id",
        "right-clock",
      ]);
      const skewed = fleet.spawn(
        `${label}-clock`,
        "test/fixtures/chaos/worker-process.ts",
        [...args, "--id", `${label}-clock`],
        skewedClockEnv(direction * SKEW_SEC),
      );
      await waitFor(
        "both workers started",
        async () => fleet.children.every((c) => c.log().includes("worker started")),
        30_000,
        50,
      ).catch((e) => {
        throw new Error(`${(e as Error).message}\n${fleet.logs()}`);
      });

      const sentAt = await redisTimeMs(redis);
      const delayed = await client.chaos.work.applyAsync(
        { key: `${key}:countdown` },
        { countdown: COUNTDOWN_MS / 1000 },
      );
      const results = await client.chaos.who.delayMany(Array.from({ length: TASKS }, () => ({ key, ms: RUN_MS })));
      const ids = results.map((r: { id: string }) => r.id);
      const outcomes = await Promise.all(
        results.map((r: { get(o: object): Promise<{ pid: number }> }) => r.get({ timeout: 40 })),
      );
      await delayed.get({ timeout: 40 });

      const log = await runLog(redis, key);
      const twice = ids.filter((id: string) => (log.get(id)?.length ?? 0) > 1);
      const byPid = new Map<number, number>();
      for (const o of outcomes) byPid.set(o.pid, (byPid.get(o.pid) ?? 0) + 1);
      const startedAt = Number(await redis.hget(`${key}:countdown:at`, delayed.id));
      t.diagnostic(
        `${label} by ${SKEW_SEC} s: ${TASKS} tasks of ${RUN_MS} ms, ${twice.length} ran twice; runs per worker: right ${byPid.get(right.pid) ?? 0}, ${label} ${byPid.get(skewed.pid) ?? 0}; ` +
          `countdown ${COUNTDOWN_MS} ms started ${startedAt - sentAt} ms after sending`,
      );
      assert.deepEqual(await stateCounts(redis, ks, ids), { SUCCESS: TASKS });
      assert.deepEqual(twice, [], "no task ran twice");
      assert.ok((byPid.get(skewed.pid) ?? 0) > 0 && (byPid.get(right.pid) ?? 0) > 0, "both workers took part");
      assert.ok(
        startedAt >= sentAt + COUNTDOWN_MS,
        `countdown started ${startedAt - sentAt} ms after sending, not before ${COUNTDOWN_MS} ms`,
      );
      assert.equal(Number(await redis.hget(ks.stats("default"), "fenced")), 0, "nothing had to be fenced");
      assert.ok(skewed.alive() && right.alive());
    },
  );
}
