// Scenario 4: two beat processes share three 1 s interval entries; the leader is SIGKILLed mid-run.
// Each slot must be sent at most once (and run once), the standby must take over, and no entry may
// go quiet for longer than the failover time, which the lock TTL bounds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Redis } from "ioredis";
import { keyspace, type PeriodicSpec } from "../../runtime/mod.ts";
import { Worker } from "../../runtime/worker/mod.ts";
import { createLogger } from "../../runtime/log/logger.ts";
import { chaosApp, closeRecorder, dispatch } from "../fixtures/chaos/app.ts";
import { runLog, sleep, stateCounts, waitFor } from "../fixtures/chaos/observe.ts";
import { Fleet } from "../fixtures/chaos/processes.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../support/redis.ts";
import { PERIODIC_DEFAULTS } from "../support/periodic.ts";

const LOCK_TTL_MS = 3_000;
// The issue asks for ~60 s; 12 s before and 14 s after the kill keep CI within budget and still
// cover steady state on both sides of the failover (26 firings per entry).
const BEFORE_KILL_MS = 12_000;
const AFTER_KILL_MS = 14_000;
// A dead leader's lock lives up to TTL; the standby retries every TTL/5; then one interval and the
// beat's 250 ms poll may pass before the next slot fires.
const FAILOVER_MS = LOCK_TTL_MS + LOCK_TTL_MS / 5;
const MAX_GAP_MS = FAILOVER_MS + 1_000 + 500;
const ENTRIES = ["every-a", "every-b", "every-c"];

test(
  "two beats, leader SIGKILLed: no slot sent twice, standby takes over within the lock TTL",
  { timeout: 90_000 },
  async (t) => {
    const prefix = uniquePrefix("chaos-beat");
    const key = `${prefix}:rec`;
    const periodic: PeriodicSpec[] = ENTRIES.map((name) => ({
      name,
      task: "chaos.work",
      schedule: { kind: "every", everyMs: 1000 },
      args: { key },
      ...PERIODIC_DEFAULTS,
    }));
    const app = chaosApp("chaos", periodic);
    const ks = keyspace(app.app, prefix);
    const redis = new Redis(REDIS_URL);
    const fleet = new Fleet();
    // Runs the periodic tasks, so "sent once" is also checked as "ran once".
    const worker = new Worker({ app, dispatch }, { prefix, concurrency: 8, logger: createLogger({ level: "error" }) });
    t.after(async () => {
      await fleet.killAll();
      await worker.stop({ graceMs: 0 });
      closeRecorder();
      await deletePrefix(prefix);
      redis.disconnect();
    });
    await worker.start();

    const env = { CHAOS_PERIODIC: JSON.stringify(periodic) };
    const args = ["--prefix", prefix, "--lock-ttl", `${LOCK_TTL_MS}ms`];
    const beats = [
      fleet.spawn("beat-1", "test/fixtures/chaos/beat-process.ts", args, env),
      fleet.spawn("beat-2", "test/fixtures/chaos/beat-process.ts", args, env),
    ];
    const leaderPid = async () => {
      const token = await redis.get(ks.beat("leader"));
      return token ? Number(token.split(":").at(-2)) : null;
    };
    const runIds = async (entry: string) =>
      (await redis.zrange(ks.recent, "0", "-1")).filter((id) => id.startsWith(`periodic:${entry}:`));

    // Both beats up (each syncs the manifest and logs it), one of them leading and firing.
    await waitFor(
      "both beats started and one firing",
      async () => beats.every((b) => b.log().includes("beat started")) && (await runIds(ENTRIES[0])).length >= 1,
      30_000,
      50,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${fleet.logs()}`);
    });
    const firstFire = Date.now();
    await sleep(BEFORE_KILL_MS);
    const pid = await leaderPid();
    const leader = beats.find((b) => b.pid === pid);
    assert.ok(leader, `the leader lock names one of our beats (pid ${pid})`);
    const standby = beats.find((b) => b !== leader)!;
    await fleet.kill(leader, "SIGKILL");
    const killedAt = Date.now();
    await sleep(AFTER_KILL_MS);
    const end = Date.now();
    assert.equal(await leaderPid(), standby.pid, "the standby holds the lock now");
    assert.ok(standby.alive());

    let total = 0;
    let maxGap = 0;
    let takeoverMs = 0;
    for (const entry of ENTRIES) {
      const ids = await runIds(entry);
      const slots = ids.map((id) => Number(id.split(":").at(-1))).sort((a, b) => a - b);
      assert.equal(new Set(slots).size, slots.length);
      assert.equal(
        Number(await redis.hget(ks.beat("runs"), entry)),
        slots.length,
        `${entry}: total_run_count matches the runs sent (none counted twice)`,
      );
      const created = new Map<number, number>();
      for (const slot of slots) created.set(slot, Number(await redis.hget(ks.task(`periodic:${entry}:${slot}`), "c")));
      for (let i = 1; i < slots.length; i++) {
        const dueGap = slots[i] - slots[i - 1];
        const fireGap = created.get(slots[i])! - created.get(slots[i - 1])!;
        assert.ok(
          dueGap >= 1000 && dueGap % 1000 === 0,
          `${entry}: slots stay in phase, one run per slot (gap ${dueGap} ms)`,
        );
        assert.ok(
          fireGap <= MAX_GAP_MS,
          `${entry}: quiet for ${fireGap} ms, more than the failover bound ${MAX_GAP_MS} ms`,
        );
        maxGap = Math.max(maxGap, fireGap);
        // Away from the failover, a 1 s entry fires every second.
        const nearKill =
          created.get(slots[i])! >= killedAt - 1000 && created.get(slots[i - 1])! <= killedAt + MAX_GAP_MS;
        if (!nearKill)
          assert.ok(
            fireGap <= 1_600,
            `${entry}: steady firing is on time (gap ${fireGap} ms at ${created.get(slots[i])! - firstFire} ms)`,
          );
      }
      const firstAfterKill = [...created.values()].filter((c) => c > killedAt).sort((a, b) => a - b)[0];
      assert.ok(
        firstAfterKill !== undefined && firstAfterKill - killedAt <= MAX_GAP_MS,
        `${entry}: the standby fired within ${MAX_GAP_MS} ms of the kill`,
      );
      takeoverMs = Math.max(takeoverMs, firstAfterKill - killedAt);
      assert.ok(slots.at(-1)! >= end - 1_600, `${entry}: still firing at the end`);
      for (const slot of slots) assert.ok(created.get(slot)! >= slot, `${entry}: never fired before its slot`);
      total += slots.length;
    }

    // Every run sent was executed exactly once.
    const all = (await Promise.all(ENTRIES.map(runIds))).flat();
    await waitFor(
      "periodic runs executed",
      async () => (await stateCounts(redis, ks, all)).SUCCESS === all.length,
      10_000,
      100,
    );
    const log = await runLog(redis, key);
    assert.deepEqual(
      [...new Set(all.map((id) => log.get(id)?.length))],
      [1],
      "each periodic run executed exactly once",
    );
    assert.equal(log.size, all.length, "nothing ran that beat did not send");

    t.diagnostic(
      `beat failover: 2 beat processes (lock TTL ${LOCK_TTL_MS} ms), ${ENTRIES.length} entries every 1 s for ${((end - firstFire) / 1000).toFixed(0)} s, leader SIGKILLed at ${((killedAt - firstFire) / 1000).toFixed(0)} s: ` +
        `${total} runs, 0 duplicate slots, each executed once; standby fired ${takeoverMs} ms after the kill; longest quiet gap ${maxGap} ms (bound ${MAX_GAP_MS} ms)`,
    );
  },
);
