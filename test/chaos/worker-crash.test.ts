// Scenario 1: 5,000 tasks, three worker processes, one of them SIGKILLed three times mid-run and
// restarted. Nothing may be lost; a task may run twice only if a killed process had started it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { queueDepth, runLog, stateCounts, waitFor } from "../fixtures/chaos/observe.ts";
import { chaosWorld } from "../fixtures/chaos/world.ts";

const TASKS = 5_000;
const CONCURRENCY = 10;
const KILLS = 3;
// Long enough that the run outlasts three restarts of the victim (~3-4 s each on a busy 2-core box).
const TASK_MS = 100;

test(
  "5,000 tasks: a worker SIGKILLed 3 times loses nothing, re-runs only what it had in flight",
  { timeout: 150_000 },
  async (t) => {
    const started = Date.now();
    const { prefix, ks, key, redis, client, fleet } = chaosWorld(t, "chaos-crash");

    const args = ["--prefix", prefix, "--concurrency", String(CONCURRENCY), "--lease", "1s"];
    const spawnWorker = (name: string) => fleet.spawn(name, "test/fixtures/chaos/worker-process.ts", args);
    const steady = [spawnWorker("steady-1"), spawnWorker("steady-2")];
    let victim = spawnWorker("victim-1");

    const results = await client.chaos.work.delayMany(Array.from({ length: TASKS }, () => ({ key, ms: TASK_MS })));
    const ids: string[] = results.map((r: { id: string }) => r.id);
    assert.equal(new Set(ids).size, TASKS);

    const startsBy = async (pid: number) => Number((await redis.hget(`${key}:pids`, String(pid))) ?? 0);
    const killed: number[] = [];
    for (let k = 1; k <= KILLS; k++) {
      // Saturated (it has started several batches), so it dies holding a full set of leases.
      const pid = victim.pid;
      await waitFor(
        `victim incarnation ${k} (pid ${pid}) to be busy`,
        async () => (await startsBy(pid)) >= 3 * CONCURRENCY,
        60_000,
        20,
      );
      await fleet.kill(victim, "SIGKILL");
      killed.push(pid);
      victim = spawnWorker(`victim-${k + 1}`);
    }

    await waitFor(
      "every task to succeed",
      async () => (await stateCounts(redis, ks, ids)).SUCCESS === TASKS,
      90_000,
      250,
    ).catch((error) => {
      throw new Error(`${(error as Error).message}\n${fleet.logs()}`);
    });

    const log = await runLog(redis, key);
    assert.equal(ids.filter((id) => !log.has(id)).length, 0, "every task ran at least once");
    assert.equal(log.size, TASKS, "nothing but our tasks ran");
    let runs = 0;
    const reRunsByKilled = new Map<number, number>(killed.map((pid) => [pid, 0]));
    for (const [id, pids] of log) {
      runs += pids.length;
      // Every run but the last must have been cut short by a SIGKILL: a live worker never gives a task up.
      for (const pid of pids.slice(0, -1)) {
        assert.ok(
          reRunsByKilled.has(pid),
          `task ${id} ran again after a run by pid ${pid}, which was never killed (runs by ${pids.join(", ")})`,
        );
        reRunsByKilled.set(pid, reRunsByKilled.get(pid)! + 1);
      }
    }
    const duplicates = runs - TASKS;
    for (const [pid, count] of reRunsByKilled) {
      assert.ok(
        count >= 1,
        `the kill of pid ${pid} interrupted at least one running task (the scenario really crashed mid-run)`,
      );
      assert.ok(
        count <= CONCURRENCY,
        `pid ${pid} had at most ${CONCURRENCY} tasks in flight, yet ${count} were re-run`,
      );
    }
    assert.ok(duplicates <= CONCURRENCY * KILLS);
    assert.equal(await redis.zcard(ks.dead), 0, "no dead letters");
    assert.deepEqual(
      await queueDepth(redis, ks, "default"),
      { ready: 0, delayed: 0, leased: 0 },
      "queue drained, no lease left behind",
    );
    const sample = await Promise.all(
      results.slice(0, 50).map((r: { get(o: object): Promise<string> }) => r.get({ timeout: 5 })),
    );
    assert.deepEqual(sample, ids.slice(0, 50), "results readable through the client");
    for (const w of steady) assert.ok(w.alive(), `${w.name} kept running`);

    t.diagnostic(
      `${TASKS} tasks on 3 worker processes (concurrency ${CONCURRENCY}, lease 1s), victim SIGKILLed ${KILLS}x and restarted: ` +
        `${TASKS} SUCCESS, ${runs} runs, ${duplicates} duplicates (bound ${CONCURRENCY * KILLS}; per kill ${[...reRunsByKilled.values()].join("/")}), ` +
        `0 lost, 0 dead letters, queue empty; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  },
);
