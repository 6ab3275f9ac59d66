// Scenario: a Redis that may evict keys under memory pressure (maxmemory-policy allkeys-lru) would
// silently drop acknowledged tasks. Worker, beat and client refuse it with a named error unless told
// otherwise; where CONFIG is disabled (managed Redis), they read INFO and warn.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createTaskTree, EvictionPolicyError } from "../../runtime/mod.ts";
import { runLog, waitFor } from "../fixtures/chaos/observe.ts";
import { PrivateRedis } from "../fixtures/chaos/redis-server.ts";
import { chaosWorld } from "../fixtures/chaos/world.ts";
import { Redis } from "ioredis";

const EVICTING = ["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"];

test(
  "an evicting Redis is refused by worker, beat and client unless overridden; without CONFIG they warn",
  { timeout: 90_000 },
  async (t) => {
    const { prefix, key, redis: recorder, fleet, app } = chaosWorld(t, "chaos-eviction");
    const lru = await PrivateRedis.start({ args: EVICTING });
    const managed = await PrivateRedis.start({ args: [...EVICTING, "--rename-command", "CONFIG", ""] });
    const clients: { $disconnect(): Promise<void> }[] = [];
    const probe = new Redis(lru.url);
    t.after(async () => {
      await fleet.killAll();
      await Promise.all(clients.map((c) => c.$disconnect()));
      probe.disconnect();
      await Promise.all([lru.destroy(), managed.destroy()]);
    });
    const client = (url: string, options: { allowEviction?: boolean } = {}) => {
      const c = createTaskTree<any>(app, { redis: url, prefix, ...options });
      clients.push(c);
      return c;
    };
    const worker = (url: string, args: string[] = [], env: Record<string, string> = {}) =>
      fleet.spawn(
        "worker",
        "test/fixtures/chaos/worker-process.ts",
        ["--prefix", prefix, "--redis", url, ...args],
        env,
      );
    const beat = (url: string, args: string[] = [], env: Record<string, string> = {}) =>
      fleet.spawn("beat", "test/fixtures/chaos/beat-process.ts", ["--prefix", prefix, "--redis", url, ...args], env);

    // Refused: exit 2 with a message naming the policy and the override; the client rejects the send
    // and writes nothing.
    const refusedWorker = worker(lru.url);
    const refusedBeat = beat(lru.url);
    assert.equal((await refusedWorker.exited).code, 2, refusedWorker.log());
    assert.equal((await refusedBeat.exited).code, 2, refusedBeat.log());
    for (const c of [refusedWorker, refusedBeat]) {
      assert.match(c.log(), /REDIS_EVICTION_POLICY/);
      assert.match(c.log(), /maxmemory-policy is \\?"allkeys-lru\\?"/);
      assert.match(c.log(), /--allow-eviction/);
    }
    const refusedSend = client(lru.url).chaos.work.delay({ key });
    await assert.rejects(
      refusedSend,
      (e: unknown) =>
        e instanceof EvictionPolicyError && e.code === "REDIS_EVICTION_POLICY" && e.policy === "allkeys-lru",
    );
    // Canvases and linked calls are sends too: refused the same way, nothing written.
    const fresh = client(lru.url);
    const isRefusal = (e: unknown) => e instanceof EvictionPolicyError && e.policy === "allkeys-lru";
    await assert.rejects(fresh.$chain(fresh.chaos.work.s({ key }), fresh.chaos.work.s({ key })), isRefusal);
    await assert.rejects(fresh.$group([fresh.chaos.work.s({ key })]), isRefusal);
    await assert.rejects(fresh.chaos.work.applyAsync({ key }, { link: fresh.chaos.work.s({ key }) }), isRefusal);
    assert.equal(await probe.dbsize(), 0, "nothing was written");

    // volatile-* evicts keys with a TTL, and results, revoked records, rate limits and the beat lock have one.
    await probe.config("SET", "maxmemory-policy", "volatile-lru");
    await assert.rejects(
      client(lru.url).chaos.work.delay({ key }),
      (e: unknown) => e instanceof EvictionPolicyError && e.policy === "volatile-lru",
    );
    await probe.config("SET", "maxmemory-policy", "allkeys-lru");

    // Overridden (flag for the worker, environment for beat, option for the client): runs, with a warning.
    const allowed = worker(lru.url, ["--allow-eviction"]);
    const allowedBeat = beat(lru.url, [], { CELERITY_ALLOW_EVICTION: "1" });
    const sent = await client(lru.url, { allowEviction: true }).chaos.work.delay({ key });
    assert.equal(await sent.get({ timeout: 20 }), sent.id);
    await waitFor("beat to lead", async () => /leading/.test(allowedBeat.log()), 20_000);
    for (const c of [allowed, allowedBeat]) assert.match(c.log(), /running anyway .*eviction allowed by override/);

    // CONFIG renamed away (as on managed Redis): INFO tells the policy; a warning, not a refusal.
    const managedWorker = worker(managed.url);
    const managedSent = await client(managed.url).chaos.work.delay({ key });
    assert.equal(await managedSent.get({ timeout: 20 }), managedSent.id);
    assert.match(managedWorker.log(), /allkeys-lru.*read from INFO, CONFIG is disabled/);
    assert.ok(managedWorker.alive());

    const log = await runLog(recorder, key);
    assert.deepEqual(
      [...log.keys()].sort(),
      [sent.id, managedSent.id].sort(),
      "only the overridden and the managed sends ran",
    );
    t.diagnostic(
      "allkeys-lru and volatile-lru refused by worker (exit 2), beat (exit 2) and client (EvictionPolicyError, nothing written); " +
        "--allow-eviction / CELERITY_ALLOW_EVICTION=1 / allowEviction: true run with a warning; with CONFIG renamed away, INFO is read and a warning logged",
    );
  },
);
