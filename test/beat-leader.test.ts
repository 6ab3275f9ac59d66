// Several beats at once: compare-and-set firing never sends a run twice, two beat processes side by
// side send every slot exactly once, the leader lock is token-checked, and a follower takes over
// within 10 s when the leader is SIGKILLed (at once when it stops cleanly).
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { Redis } from "ioredis";
import { fireDue } from "../runtime/beat/fire-due.ts";
import { beatKeys } from "../runtime/beat/keys.ts";
import { LeaderLock } from "../runtime/beat/leader-lock.ts";
import type { PeriodicSpec } from "../runtime/spec/types.ts";
import { beatApp, manifestEntry } from "./fixtures/beat-app.ts";
import { BeatHarness, dueOf, eventually, exited, quietLogger, sleep } from "./fixtures/beat-harness.ts";
import { REDIS_URL } from "./support/redis.ts";

const every = (name: string, everyMs: number): PeriodicSpec =>
  manifestEntry(name, { task: "core.ping", schedule: { kind: "every", everyMs } });

describe("beat leadership and exactly-once firing", () => {
  let h: BeatHarness;
  beforeEach(() => (h = new BeatHarness("leader")));
  afterEach(() => h.close());

  it("compare-and-set: the same due run fired 20 times from two connections is sent once", async () => {
    await h.store.add({ name: "race", task: "core.ping", schedule: { kind: "every", everyMs: 60_000 } });
    // Due a minute ago by Redis's clock: the firing script checks due-ness against it.
    const dueMs = Number(await h.redis.zscore(h.ks.beat("due"), "race")) - 120_000;
    await h.redis.zadd(h.ks.beat("due"), dueMs, "race");
    const other = new Redis(REDIS_URL);
    try {
      const ctx = (redis: Redis) => ({
        redis,
        ks: h.ks,
        keys: beatKeys(h.ks),
        app: h.app,
        log: quietLogger,
        now: dueMs + 5,
      });
      const sent = await Promise.all(
        Array.from({ length: 20 }, (_, i) => fireDue(ctx(i % 2 ? other : h.redis), [{ name: "race", dueMs }])),
      );
      assert.equal(
        sent.reduce((a, b) => a + b.sent, 0),
        1,
      );
    } finally {
      other.disconnect();
    }
    assert.deepEqual(await h.runIdsOf("race"), [`periodic:race:${dueMs}`]);
    const entry = (await h.store.get("race"))!;
    assert.deepEqual([entry.totalRunCount, entry.nextRunAt], [1, new Date(dueMs + 60_000).toISOString()]);
  });

  it("two beat processes for 5 s: one leads, every slot is sent exactly once", async (t) => {
    const entries = [
      every("a", 200),
      every("b", 300),
      every("c", 450),
      manifestEntry("d", { task: "core.ping", schedule: { kind: "cron", cron: "* * * * * *", timezone: "UTC" } }),
    ];
    const one = h.spawnBeat(entries);
    const two = h.spawnBeat(entries);
    await eventually(
      async () =>
        (await h.runIdsOf("a")).length > 0 && /beat started/.test(h.logOf(one)) && /beat started/.test(h.logOf(two)),
      15_000,
    );
    const from = Date.now();
    await sleep(5_000);
    const leaders = [one, two].filter((c) => /leading/.test(h.logOf(c)));
    assert.equal(leaders.length, 1, "exactly one process led");
    // Stop the follower first: a leader stopping cleanly hands its lock over, and a follower still
    // running would rightly take it.
    const [leader] = leaders;
    const follower = leader === one ? two : one;
    follower.kill("SIGTERM");
    assert.equal((await exited(follower)).code, 0);
    leader.kill("SIGTERM");
    assert.equal((await exited(leader)).code, 0);

    const all = await h.taskIds();
    assert.equal(new Set(all).size, all.length);
    for (const e of entries) {
      const ids = await h.runIdsOf(e.name);
      const dues = ids.map(dueOf);
      const step = e.schedule.kind === "every" ? e.schedule.everyMs : 1_000;
      for (let i = 1; i < dues.length; i++)
        assert.equal(dues[i] - dues[i - 1], step, `${e.name}: slot ${i} missed or doubled`);
      const entry = (await h.store.get(e.name))!;
      assert.equal(entry.totalRunCount, ids.length, `${e.name}: runs counted once each`);
      assert.ok(ids.length >= Math.floor(5_000 / step) - 1, `${e.name}: ${ids.length} runs`);
    }
    t.diagnostic(
      `runs in ~${Date.now() - from} ms: ${(await Promise.all(entries.map(async (e) => `${e.name}=${(await h.runIdsOf(e.name)).length}`))).join(" ")}`,
    );
  });

  it("a follower takes over within 10 s after the leader process is SIGKILLed, firing the missed run once", async (t) => {
    const entries = [every("tick", 250)];
    const child = h.spawnBeat(entries);
    await eventually(
      async () => (await h.leaderToken())?.includes(`:${child.pid}:`) && (await h.runIdsOf("tick")).length > 0,
      15_000,
    );
    const follower = await h.startBeat({ app: beatApp("bt", entries) }); // same manifest; default lock TTL 5 s
    await sleep(500);
    assert.equal(follower.isLeader, false);
    const beforeKill = (await h.runIdsOf("tick")).length;
    assert.ok(beforeKill > 0);

    child.kill("SIGKILL");
    const killedAt = Date.now();
    await exited(child);
    await eventually(async () => follower.isLeader, 10_000, 20);
    const takeover = Date.now() - killedAt;
    const resumed = await eventually(async () => {
      const ids = await h.runIdsOf("tick");
      for (const id of ids) {
        const rec = (await h.record(id))!;
        if (rec.createdAt > killedAt) return rec;
      }
      return null;
    }, 2_000);
    const firstRunAfter = resumed.createdAt - killedAt;
    t.diagnostic(`leader SIGKILLed; follower leads after ${takeover} ms, first run ${firstRunAfter} ms after the kill`);
    assert.ok(firstRunAfter < 10_000);
    // The slots missed during the gap collapse into one late run; then the 250 ms rhythm resumes.
    await sleep(600);
    const ids = await h.runIdsOf("tick");
    const afterKill: number[] = [];
    for (const id of ids) if ((await h.record(id))!.createdAt > killedAt) afterKill.push(dueOf(id));
    assert.ok(afterKill[1] - afterKill[0] >= 250, "no flood of missed slots");
    for (let i = 2; i < afterKill.length; i++) assert.equal(afterKill[i] - afterKill[i - 1], 250);
    assert.equal(new Set(ids).size, ids.length);
  });

  it("a cleanly stopped leader releases the lock: the follower leads at once", async (t) => {
    const leader = await h.startBeat();
    const follower = await h.startBeat();
    assert.deepEqual([leader.isLeader, follower.isLeader], [true, false]);
    const stoppedAt = Date.now();
    await leader.stop();
    await eventually(async () => follower.isLeader, 2_000, 5);
    const handover = Date.now() - stoppedAt;
    t.diagnostic(`handover after clean stop: ${handover} ms`);
    assert.ok(handover < 500, `${handover} ms`);
  });

  it("a leader whose lock was taken stops leading, and its token cannot renew or release the new lock", async () => {
    const beat = await h.startBeat({ lockTtlMs: 500 });
    assert.equal(beat.isLeader, true);
    await h.redis.set(h.ks.beat("leader"), "someone-else", "PX", 5_000);
    await eventually(async () => !beat.isLeader, 1_000);
    assert.equal(await h.leaderToken(), "someone-else");

    const key = h.ks.beat("lock-test");
    const a = new LeaderLock(h.redis, key, { token: "a", ttlMs: 200, releasedChannel: h.ks.beat("changed") });
    const b = new LeaderLock(h.redis, key, { token: "b", ttlMs: 5_000, releasedChannel: h.ks.beat("changed") });
    assert.equal(await a.acquire(), true);
    assert.equal(await b.acquire(), false);
    await sleep(250);
    assert.equal(await b.acquire(), true);
    assert.equal(await a.renew(), false);
    assert.equal(await a.release(), false);
    assert.equal(await h.redis.get(key), "b");
    assert.equal(await b.release(), true);
  });
});
