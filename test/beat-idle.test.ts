// 10,000 entries must not make beat busy: it sleeps until the earliest due time and looks only at
// the head of the due ZSET, so its Redis traffic and CPU while idle do not grow with the entries.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Redis } from "ioredis";
import type { PeriodicInput } from "../runtime/beat/mod.ts";
import { BeatHarness, dueOf, eventually, sleep } from "./fixtures/beat-harness.ts";
import { REDIS_URL } from "./support/redis.ts";

const ENTRIES = 10_000;

/** A connection that counts the commands sent on it (each EVALSHA counts as one). */
function countingRedis(): { redis: Redis; count: () => number } {
  const redis = new Redis(REDIS_URL);
  let commands = 0;
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...args: Parameters<Redis["sendCommand"]>) => {
    commands++;
    return send(...args);
  }) as Redis["sendCommand"];
  return { redis, count: () => commands };
}

describe("beat with 10,000 entries", () => {
  const h = new BeatHarness("idle");
  const counted = countingRedis();
  let addMs = 0;
  after(async () => {
    await h.close();
    counted.redis.disconnect();
  });

  before(async () => {
    const inputs: PeriodicInput[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      inputs.push(
        i % 2
          ? { name: `daily-${i}`, task: "core.ping", schedule: { kind: "every", everyMs: 86_400_000 } }
          : {
              name: `nightly-${i}`,
              task: "reports.nightly",
              args: { day: (i % 28) + 1 },
              schedule: { kind: "cron", cron: "0 3 * * *", timezone: "Europe/Berlin" },
            },
      );
    }
    const started = performance.now();
    for (let i = 0; i < inputs.length; i += 500)
      await Promise.all(inputs.slice(i, i + 500).map((input) => h.store.add(input)));
    addMs = performance.now() - started;
  });

  it("stays idle-cheap: O(1) Redis commands per wake-up, little CPU", async (t) => {
    assert.equal(await h.redis.hlen(h.ks.beat("entries")), ENTRIES);
    const beat = await h.startBeat({ redis: counted.redis });
    assert.equal(beat.isLeader, true);
    await sleep(300);
    const commandsBefore = counted.count();
    const cpuBefore = process.cpuUsage();
    await sleep(2_000);
    const commands = counted.count() - commandsBefore;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    t.diagnostic(`${ENTRIES} entries added through PeriodicStore.add in ${addMs.toFixed(0)} ms`);
    t.diagnostic(
      `idle over 2 s with ${ENTRIES} entries: ${commands} Redis commands, ${cpuMs.toFixed(1)} ms CPU (test process)`,
    );
    // 250 ms head polls (8) + lock renewals every second (2); allow slack for timer jitter.
    assert.ok(commands <= 16, `${commands} commands in 2 s`);
    assert.ok(cpuMs < 150, `${cpuMs} ms CPU in 2 s`);
  });

  it("still fires a due entry on time among them, without touching the others", async (t) => {
    const before = counted.count();
    const at = Date.now() + 700;
    await h.store.add({ name: "soon", task: "core.ping", schedule: { kind: "at", at: new Date(at).toISOString() } });
    const [id] = await eventually(async () => {
      const ids = await h.runIdsOf("soon");
      return ids.length ? ids : null;
    }, 2_000);
    const late = (await h.record(id))!.createdAt - dueOf(id);
    await sleep(100);
    const commands = counted.count() - before;
    t.diagnostic(`fired ${late} ms after its due time; ${commands} beat commands in that second`);
    assert.ok(late >= 0 && late < 100);
    assert.ok(commands <= 16, `${commands} commands`);
  });

  it("lists all entries for the admin in one round trip", async (t) => {
    const started = performance.now();
    const entries = await h.store.list();
    t.diagnostic(`list() of ${entries.length} entries: ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(entries.length, ENTRIES + 1);
  });
});
