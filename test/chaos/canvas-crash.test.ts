// A worker SIGKILLed in the middle of a chord: the callback still runs exactly once, after every
// header succeeded. A chain whose worker dies mid-step continues from that step; done steps never re-run.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runLog, stateCounts, waitFor } from "../fixtures/chaos/observe.ts";
import { chaosWorld } from "../fixtures/chaos/world.ts";

const HEADERS = 60;
const CONCURRENCY = 8;

for (const shards of [1, 3])
  test(
    `chord${shards > 1 ? ` on a queue of ${shards} shards` : ""}: a worker SIGKILLed mid-header; the callback runs exactly once with every result`,
    { timeout: 90_000 },
    async (t) => {
      const world = chaosWorld(t, "chaos-chord");
      const { prefix, ks, key, redis, fleet } = world;
      // Sharded, the headers spread over 3 slots and count into the chord's slot through the outbox.
      const env: Record<string, string> = shards > 1 ? { CHAOS_SHARDS: JSON.stringify({ default: shards }) } : {};
      const client = shards > 1 ? world.sharded({ default: shards }) : world.client;
      const args = ["--prefix", prefix, "--concurrency", String(CONCURRENCY), "--lease", "1s"];
      // A step the victim recorded but did not carry over is picked up 1 s later, not 10.
      if (shards > 1) args.push("--canvas-outbox-grace", "1s");
      const steady = fleet.spawn("steady", "test/fixtures/chaos/worker-process.ts", args, env);
      const victim = fleet.spawn("victim", "test/fixtures/chaos/worker-process.ts", args, env);
      const header = Array.from({ length: HEADERS }, (_, n) => client.chaos.step.s({ key, ms: 150, n }));
      const result = await client.$chord(header, client.chaos.collect.s({ key }, { resultAs: "values" }));
      if (shards > 1) assert.match(result.id, /\.3s[012]$/, "the callback sits on a shard");

      // Kill the victim while it holds header runs.
      await waitFor(
        "the victim to run headers",
        async () => Number((await redis.hget(`${key}:pids`, String(victim.pid))) ?? 0) >= CONCURRENCY,
        30_000,
        10,
      );
      await fleet.kill(victim, "SIGKILL");

      const total = await result.get({ timeout: "60s" }).catch((error: Error) => {
        throw new Error(`${error.message}\n${fleet.logs()}`);
      });
      // Every header's n + 1, summed.
      assert.equal(total, (HEADERS * (HEADERS + 1)) / 2);
      const log = await runLog(redis, key);
      const callbackRuns = log.get(result.id) ?? [];
      if (shards > 1)
        assert.equal(new Set([...log.keys()].map((id) => id.slice(-3))).size, 3, "headers on all 3 shards");
      assert.equal(callbackRuns.length, 1, "the callback ran exactly once");
      const reRun = [...log.entries()].filter(([id, pids]) => id !== result.id && pids.length > 1);
      assert.ok(reRun.length >= 1, "the kill interrupted at least one header (it really crashed mid-chord)");
      for (const [, pids] of reRun) assert.equal(pids[0], victim.pid, "only the killed worker's runs were repeated");
      for (const q of shards > 1 ? ["default#3s0", "default#3s1", "default#3s2"] : ["default"]) {
        assert.equal(await redis.zcard(ks.forQueue(q).dead), 0, `no dead letters on ${q}`);
        assert.equal(await redis.zcard(ks.forQueue(q).canvasOutbox), 0, `nothing left in the outbox of ${q}`);
      }
      assert.ok(steady.alive());
      t.diagnostic(
        `chord of ${HEADERS} headers on ${shards} shard(s), victim SIGKILLed holding runs: ${reRun.length} headers re-run, callback ran ${callbackRuns.length}x, result ${total}`,
      );
    },
  );

test(
  "chain: its worker dies mid-step; the chain continues from that step on another worker",
  { timeout: 90_000 },
  async (t) => {
    const { prefix, ks, key, redis, client, fleet } = chaosWorld(t, "chaos-chain");
    const args = ["--prefix", prefix, "--concurrency", "2", "--lease", "1s"];
    const victim = fleet.spawn("victim", "test/fixtures/chaos/worker-process.ts", args);
    const STEPS = 6;
    const steps = [
      client.chaos.step.s({ key, ms: 400, n: 0 }),
      ...Array.from({ length: STEPS - 1 }, () => client.chaos.step.s()),
    ];
    const result = await client.$chain(...steps);

    // Dies while running the third step (two steps done).
    await waitFor("the third step to start", async () => (await redis.llen(`${key}:log`)) >= 3, 30_000, 10);
    await fleet.kill(victim, "SIGKILL");
    fleet.spawn("successor", "test/fixtures/chaos/worker-process.ts", args);

    const final = await result.get({ timeout: "60s" }).catch((error: Error) => {
      throw new Error(`${error.message}\n${fleet.logs()}`);
    });
    assert.deepEqual(final, { key, ms: 400, n: STEPS });
    const log = await runLog(redis, key);
    assert.equal(log.size, STEPS, "every step ran");
    const runs = [...log.values()].map((pids) => pids.length);
    assert.deepEqual(runs, [1, 1, 2, 1, 1, 1], "only the step the worker died in ran twice");
    assert.equal((await stateCounts(redis, ks, [...log.keys()])).SUCCESS, STEPS);
    t.diagnostic(`chain of ${STEPS} steps, worker SIGKILLed in step 3: runs per step ${runs.join("/")}`);
  },
);
