// Scenario: keys of the wrong type where the runtime's structures belong (a string where a ready list
// should be, a hash for the lease set, and so on for every structure worker, client and beat use).
// Each must be moved aside into a quarantine key with a dead letter giving the reason, logged once,
// while every other queue keeps working, failed tasks are still dead-lettered and beat keeps firing.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Redis } from "ioredis";
import { PeriodicStore } from "../../runtime/beat/mod.ts";
import type { PeriodicSpec } from "../../runtime/mod.ts";
import { REDIS_URL } from "../support/redis.ts";
import { chaosApp } from "../fixtures/chaos/app.ts";
import { runLog, stateCounts, waitFor } from "../fixtures/chaos/observe.ts";
import { chaosWorld } from "../fixtures/chaos/world.ts";
import { PERIODIC_DEFAULTS } from "../support/periodic.ts";

type Wrong = "string" | "hash" | "list";

/** Replaces `key` with a value of type `as`; returns what `dump` must find in the quarantine key. */
async function plant(redis: Redis, key: string, as: Wrong): Promise<string> {
  await redis.del(key);
  if (as === "string") await redis.set(key, `junk for ${key}`);
  if (as === "hash") await redis.hset(key, "junk", key);
  if (as === "list") await redis.rpush(key, `junk for ${key}`);
  return dump(redis, key);
}

async function dump(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  if (type === "string") return `string:${await redis.get(key)}`;
  if (type === "hash") return `hash:${JSON.stringify(await redis.hgetall(key))}`;
  if (type === "list") return `list:${JSON.stringify(await redis.lrange(key, 0, -1))}`;
  return type;
}

interface Letter {
  key: string;
  quarantined: string;
  reason: string;
  at: number;
}

/**
 * Quarantine letters by the key they moved, read from the dead-letter payloads (the test itself
 * replaces the dead set once, which takes the earlier members with it).
 */
async function quarantineLetters(redis: Redis, deadRaw: string): Promise<Map<string, (Letter & { ref: string })[]>> {
  const byKey = new Map<string, (Letter & { ref: string })[]>();
  for (const [ref, json] of Object.entries(await redis.hgetall(deadRaw))) {
    if (!ref.startsWith("quarantine:")) continue;
    const letter = JSON.parse(json) as Letter;
    byKey.set(letter.key, [...(byKey.get(letter.key) ?? []), { ...letter, ref }]);
  }
  return byKey;
}

test(
  "wrong-type keys in every structure are moved aside with a reason; queues, dead letters and beat keep working",
  { timeout: 120_000 },
  async (t) => {
    const world = chaosWorld(t, "chaos-wrongtype");
    const { prefix, ks, key, redis, fleet } = world;
    const entry = (name: string): PeriodicSpec => ({
      name,
      task: "chaos.work",
      schedule: { kind: "every", everyMs: 1000 },
      args: { key },
      ...PERIODIC_DEFAULTS,
    });
    const periodic = [entry("tick"), entry("tock")];
    const app = chaosApp("chaos", periodic);
    const client = world.client;
    const planted = new Map<string, string>();
    const put = async (k: string, as: Wrong) => planted.set(k, await plant(redis, k, as));
    const letters = () => quarantineLetters(redis, ks.deadRaw);
    const moved = async (...keys: string[]) => {
      const have = await letters();
      return keys.every((k) => have.has(k));
    };
    const fail = (what: string) => async (e: unknown) => {
      throw new Error(
        `${(e as Error).message} (${what})\nquarantined: ${[...(await letters()).keys()].join(", ")}\n${fleet.logs(25)}`,
      );
    };

    // Phase 1, before anything runs: the claim script's keys of four queues, the stats, live-worker
    // index, recent index, canvas outbox, a rate limiter and beat's run counters.
    await put(ks.ready("qa", 5), "string");
    await put(ks.delayed("qb"), "hash");
    await put(ks.leases("qc"), "string");
    await put(ks.signal("qd"), "hash");
    await put(ks.stats("qa"), "string");
    await put(ks.workers, "string");
    await put(ks.recent, "hash");
    await put(ks.canvasOutbox, "list");
    await put(ks.rate("chaos.limited"), "hash");
    await put(ks.task("wt-record"), "string");
    await redis.lpush(ks.ready("default", 5), "wt-record");
    await put(ks.beat("runs"), "string");
    await put(ks.beat("last"), "list");

    const queues = ["default", "qa", "qb", "qc", "qd", "qe", "qf"];
    const worker = fleet.spawn("worker", "test/fixtures/chaos/worker-process.ts", [
      "--prefix",
      prefix,
      "--queues",
      queues.join(","),
      "--concurrency",
      "8",
      "--lease",
      "2s",
    ]);
    const beat = fleet.spawn("beat", "test/fixtures/chaos/beat-process.ts", ["--prefix", prefix, "--lock-ttl", "1s"], {
      CHAOS_PERIODIC: JSON.stringify(periodic),
    });
    assert.equal(app.periodic.length, 2);
    await waitFor(
      "the worker to move its claim keys aside",
      () =>
        moved(ks.ready("qa", 5), ks.delayed("qb"), ks.leases("qc"), ks.signal("qd"), ks.workers, ks.task("wt-record")),
      20_000,
    ).catch(fail("phase 1"));

    const goodIds: string[] = [];
    const send = async (queue: string, n: number, options: { countdown?: number } = {}) => {
      const results = await client.chaos.work.delayMany(
        Array.from({ length: n }, () => ({ key })),
        { queue, ...options },
      );
      goodIds.push(...results.map((r: { id: string }) => r.id));
    };
    // The id of the wrong-type record is free again.
    goodIds.push((await client.chaos.work.applyAsync({ key }, { taskId: "wt-record" })).id);
    for (const q of queues) await send(q, 5);
    await send("qb", 3, { countdown: 0.3 });
    const limited = await client.chaos.limited.delayMany(Array.from({ length: 3 }, () => ({ key })));
    goodIds.push(...limited.map((r: { id: string }) => r.id));
    await waitFor(
      "every good task to succeed",
      async () => (await stateCounts(redis, ks, goodIds)).SUCCESS === goodIds.length,
      20_000,
    ).catch(fail("phase 1 tasks"));

    // Phase 2, while running. A wrong-type dead set: the failed task is still recorded as dead.
    await put(ks.dead, "string");
    const deadPlantedAt = Date.now();
    const failed = await client.chaos.fail.delay({});
    await waitFor(
      "the failed task in the (new) dead set",
      async () => (await redis.type(ks.dead)) === "zset" && (await redis.zscore(ks.dead, failed.id)) !== null,
      15_000,
    ).catch(fail("dead set"));
    assert.equal(await failed.state(), "FAILURE");

    // The lease set of a queue with a task running: renewal and finish carry on.
    const long = await client.chaos.work.applyAsync({ key, ms: 2500 }, { queue: "qf" });
    goodIds.push(long.id);
    await waitFor("the long task to start", async () => (await long.state()) === "STARTED", 10_000);
    await put(ks.leases("qf"), "string");
    // A ready list the client itself meets first.
    await put(ks.ready("qe", 5), "string");
    await send("qe", 3);

    // Beat: its next-run set, its entries hash and its leader lock, one after another; both entries
    // must keep firing after each.
    const runsOf = async (name: string) =>
      [...(await runLog(redis, key)).keys()].filter((id) => id.startsWith(`periodic:${name}:`)).length;
    const keepsFiring = async (what: string) => {
      const before = [await runsOf("tick"), await runsOf("tock")];
      await waitFor(
        `both entries to fire twice more after ${what}`,
        async () => (await runsOf("tick")) >= before[0] + 2 && (await runsOf("tock")) >= before[1] + 2,
        15_000,
      ).catch(fail(what));
    };
    await keepsFiring("start");
    await put(ks.beat("due"), "string");
    await keepsFiring("a wrong-type next-run set");
    await put(ks.beat("entries"), "string");
    await keepsFiring("a wrong-type entries hash");
    await put(ks.beat("leader"), "hash");
    await keepsFiring("a wrong-type leader lock");
    // The disabled set, met by a run-time change (the admin or CLI disabling an entry).
    await put(ks.beat("disabled"), "string");
    const store = new PeriodicStore(app, { redis: REDIS_URL, prefix });
    t.after(() => store.close());
    await store.setEnabled("tick", false);
    assert.equal((await store.get("tick"))?.enabled, false);
    const tickRuns = await runsOf("tick");
    const tockRuns = await runsOf("tock");
    await waitFor(
      "tock to keep firing with tick disabled",
      async () => (await runsOf("tock")) >= tockRuns + 2,
      15_000,
    ).catch(fail("disabled set"));
    assert.ok((await runsOf("tick")) <= tickRuns + 1, "tick stopped (one run may have been in flight)");

    await waitFor(
      "every good task to succeed",
      async () => (await stateCounts(redis, ks, goodIds)).SUCCESS === goodIds.length,
      20_000,
    ).catch(fail("phase 2 tasks"));
    await waitFor("every planted key moved aside", () => moved(...planted.keys()), 10_000).catch(fail("all moved"));

    // Every planted key: exactly one dead letter, its content kept under the quarantine name (same hash tag).
    const have = await letters();
    for (const [k, content] of planted) {
      const found = have.get(k) ?? [];
      assert.equal(found.length, 1, `one dead letter for ${k}`);
      const [letter] = found;
      assert.match(
        letter.reason,
        /^wrong-type key: the .+ was a (string|hash|list), not a (list|zset|hash|set|string)/,
        letter.reason,
      );
      assert.ok(letter.quarantined.startsWith(`${ks.base}:quarantine:`), letter.quarantined);
      assert.equal(await dump(redis, letter.quarantined), content, `${k}'s content kept in ${letter.quarantined}`);
      // Letters recorded since the dead set was replaced are listed in the new one (the admin's page).
      if (letter.at >= deadPlantedAt)
        assert.notEqual(await redis.zscore(ks.dead, letter.ref), null, `${k}'s letter is in the dead set`);
    }
    const logged = (
      fleet.children
        .map((c) => c.log())
        .join("\n")
        .match(/wrong-type key moved aside[^\n]*/g) ?? []
    ).map((line) => JSON.parse(`{${line.slice(line.indexOf('"key"'))}`).key as string);
    for (const k of new Set(logged)) assert.equal(logged.filter((x) => x === k).length, 1, `${k} logged once`);

    const log = await runLog(redis, key);
    for (const id of goodIds) assert.equal(log.get(id)?.length, 1, `${id} ran once`);
    assert.ok(worker.alive() && beat.alive(), "worker and beat never crashed");
    assert.doesNotMatch(worker.log(), /claim failed/, "no claim ever failed: the script repaired itself in the call");
    t.diagnostic(
      `${planted.size} wrong-type keys (${[...planted.keys()].map((k) => k.slice(ks.base.length + 1)).join(", ")}) moved aside with a dead letter each; ` +
        `${goodIds.length} good tasks each ran once; the failed task was dead-lettered; beat kept firing both entries; ${logged.length} log lines from worker and beat`,
    );
  },
);
