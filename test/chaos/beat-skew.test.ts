// Break 2 of issue 11, beat: a leader whose clock is 30 s fast fired runs 30 s early (then went
// quiet); a standby 30 s slow, taking over, skipped 34 slots. Beat schedules by Redis's clock (its
// measured offset to TIME) and the firing script refuses a slot Redis says is not due yet. Entries
// fire every second; a worker with the right clock runs them and the recorder stamps each start
// with Redis's clock, which no beat's skew can shift.
import assert from "node:assert/strict";
import { test } from "node:test";
import { keyspace, type PeriodicSpec } from "../../runtime/mod.ts";
import { Worker } from "../../runtime/worker/mod.ts";
import { createLogger } from "../../runtime/log/logger.ts";
import { redisTimeMs } from "../../runtime/time/redis-clock.ts";
import { chaosApp, closeRecorder, dispatch } from "../fixtures/chaos/app.ts";
import { skewedClockEnv } from "../fixtures/chaos/faketime.ts";
import { sleep, waitFor } from "../fixtures/chaos/observe.ts";
import { Fleet, type Child } from "../fixtures/chaos/processes.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../support/redis.ts";
import { Redis } from "ioredis";
import { PERIODIC_DEFAULTS } from "../support/periodic.ts";

const SKEW_SEC = 30;
const LOCK_TTL_MS = 3_000;
const EVERY_MS = 1_000;
// Failover: the dead leader's lock lives up to its TTL, the standby retries every TTL/5, then one slot.
const MAX_GAP_MS = LOCK_TTL_MS + LOCK_TTL_MS / 5 + EVERY_MS + 500;

async function world(t: import("node:test").TestContext, label: string) {
  const prefix = uniquePrefix(label);
  const key = `${prefix}:rec`;
  const periodic: PeriodicSpec[] = [
    {
      name: "tick",
      task: "chaos.work",
      schedule: { kind: "every", everyMs: EVERY_MS },
      args: { key },
      ...PERIODIC_DEFAULTS,
    },
  ];
  const app = chaosApp("chaos", periodic);
  const ks = keyspace(app.app, prefix);
  const redis = new Redis(REDIS_URL);
  const fleet = new Fleet();
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
  const beat = (name: string, skewSec: number): Child =>
    fleet.spawn(name, "test/fixtures/chaos/beat-process.ts", ["--prefix", prefix, "--lock-ttl", `${LOCK_TTL_MS}ms`], {
      ...env,
      ...(skewSec ? skewedClockEnv(skewSec) : {}),
    });
  /** Slot (due ms) -> when its run started by Redis's clock, for every run sent so far. */
  const runs = async () => {
    const ids = (await redis.zrange(ks.recent, "0", "-1")).filter((id) => id.startsWith("periodic:tick:"));
    const at = await redis.hgetall(`${key}:at`);
    return new Map(ids.map((id) => [Number(id.split(":").at(-1)), Number(at[id] ?? NaN)] as const));
  };
  return { redis, ks, fleet, beat, runs };
}

/** Slots that were skipped between the first and the last run (an every-1 s entry keeps its phase). */
function skipped(slots: number[]): number {
  let missing = 0;
  for (let i = 1; i < slots.length; i++) missing += (slots[i] - slots[i - 1]) / EVERY_MS - 1;
  return missing;
}

test(`a beat leader ${SKEW_SEC} s fast never fires a slot early and skips none`, { timeout: 60_000 }, async (t) => {
  const { redis, fleet, beat, runs } = await world(t, "chaos-beat-fast");
  const fast = beat("fast-beat", SKEW_SEC);
  await waitFor("the fast beat firing", async () => (await runs()).size >= 1, 30_000, 50).catch((e) => {
    throw new Error(`${(e as Error).message}\n${fleet.logs()}`);
  });
  await sleep(6_000);
  const end = await redisTimeMs(redis);
  await waitFor(
    "every run started",
    async () => [...(await runs()).values()].every((at) => Number.isFinite(at)),
    10_000,
    50,
  );
  const all = await runs();
  const slots = [...all.keys()].sort((a, b) => a - b);
  const early = slots.filter((slot) => all.get(slot)! < slot);
  const latest = Math.max(...slots.map((s) => all.get(s)! - s));
  t.diagnostic(
    `fast by ${SKEW_SEC} s: ${slots.length} runs, ${early.length} started before their slot, ${skipped(slots)} slots skipped, latest start ${latest} ms after its slot`,
  );
  assert.deepEqual(early, [], "no run started before its slot by Redis's clock");
  assert.equal(skipped(slots), 0, "no slot skipped");
  assert.ok(slots.at(-1)! >= end - 2 * EVERY_MS, "still firing on time at the end");
  assert.ok(fast.alive());
});

test(`a standby beat ${SKEW_SEC} s slow takes over without skipping slots`, { timeout: 60_000 }, async (t) => {
  const { redis, ks, fleet, beat, runs } = await world(t, "chaos-beat-slow");
  const right = beat("right-beat", 0);
  await waitFor("the right beat leading and firing", async () => (await runs()).size >= 1, 30_000, 50);
  const slow = beat("slow-beat", -SKEW_SEC);
  await waitFor("the slow beat up", async () => slow.log().includes("beat started"), 30_000, 50);
  await sleep(2_000);
  assert.equal(Number((await redis.get(ks.beat("leader")))?.split(":").at(-2)), right.pid, "the right beat leads");
  const killedAt = await redisTimeMs(redis);
  await fleet.kill(right, "SIGKILL");
  await sleep(8_000);
  const end = await redisTimeMs(redis);
  await waitFor(
    "every run started",
    async () => [...(await runs()).values()].every((at) => Number.isFinite(at)),
    10_000,
    50,
  );
  const all = await runs();
  const slots = [...all.keys()].sort((a, b) => a - b);
  const early = slots.filter((slot) => all.get(slot)! < slot);
  const afterKill = slots.filter((s) => s > killedAt);
  const firstAfterKill = afterKill.length > 0 ? all.get(afterKill[0])! - killedAt : Infinity;
  t.diagnostic(
    `slow by ${SKEW_SEC} s, leader SIGKILLed: ${slots.length} runs, ${skipped(slots)} slots skipped, ${early.length} early; ` +
      `the slow standby's first run ${firstAfterKill} ms after the kill (bound ${MAX_GAP_MS} ms), ${afterKill.length} runs in the ${end - killedAt} ms after it`,
  );
  assert.deepEqual(early, [], "no run started before its slot");
  assert.ok(firstAfterKill <= MAX_GAP_MS, `the slow standby fired within ${MAX_GAP_MS} ms of the kill`);
  assert.ok(slots.at(-1)! >= end - 2 * EVERY_MS, "still firing on time at the end");
  // A takeover may fire the slots missed during failover once (not replay them), never skip steady ones.
  const steady = slots.filter((s) => s > killedAt + MAX_GAP_MS);
  assert.equal(skipped(steady), 0, "no slot skipped once the standby leads");
  assert.ok(slow.alive());
});
