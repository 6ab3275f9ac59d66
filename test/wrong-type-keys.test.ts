// Focused checks of moving wrong-type keys aside: which keys count, what a quarantine records, and
// that each script guarded against them loses nothing (no popped-but-not-pushed task, no duplicate).
import assert from "node:assert/strict";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import { listDeadLetters } from "../runtime/admin/data/dead-letters.ts";
import { beatKeys } from "../runtime/beat/keys.ts";
import { quarantineWrongTypes } from "../runtime/broker/quarantine.ts";
import { keyRole } from "../runtime/keys/key-roles.ts";
import { keyspace } from "../runtime/keys/keyspace.ts";
import { createLogger } from "../runtime/log/logger.ts";
import { manifestEntry } from "./fixtures/beat-app.ts";
import { BeatHarness } from "./fixtures/beat-harness.ts";
import { RuntimeHarness, eventually } from "./support/runtime.ts";

describe("key roles", () => {
  it("know the type of every key the runtime and beat build", () => {
    const ks = keyspace("app", "p:x");
    const b = beatKeys(ks);
    const expected: [string, string][] = [
      [ks.task("periodic:n:1"), "hash"],
      [ks.ready("default", 0), "list"],
      [ks.ready("q.x-1", 9), "list"],
      [ks.delayed("default"), "zset"],
      [ks.leases("default"), "zset"],
      [ks.signal("default"), "list"],
      [ks.stats("default"), "hash"],
      [ks.recent, "zset"],
      [ks.dead, "zset"],
      [ks.deadRaw, "hash"],
      [ks.rate("a.b"), "string"],
      [ks.workers, "zset"],
      [ks.worker("host:1:ab"), "hash"],
      [b.entries, "hash"],
      [b.due, "zset"],
      [b.disabled, "set"],
      [b.runCount, "hash"],
      [b.lastRun, "hash"],
      [b.leader, "string"],
    ];
    for (const [key, type] of expected) assert.equal(keyRole(key)?.type, type, key);
    assert.equal(keyRole(`${ks.base}:quarantine:1-ab:q:default:5`), null, "a quarantined key is never moved again");
    assert.equal(keyRole("unrelated"), null);
  });
});

describe("wrong-type keys", () => {
  let h: RuntimeHarness;
  beforeEach(() => (h = new RuntimeHarness("wrongtype")));
  afterEach(() => h.close());
  const quiet = createLogger({ level: "error", write: () => {} });

  it("moves only keys of the wrong type, keeps their content, records one letter and never moves twice", async () => {
    const k = h.ks;
    await h.redis.set(k.ready("default", 5), "junk");
    await h.redis.rpush(k.ready("default", 4), "id-1");
    const keys = [k.ready("default", 5), k.ready("default", 4), k.delayed("default")];
    const moved = await quarantineWrongTypes(h.redis, keys, { context: "a test" });
    assert.deepEqual(
      moved.map((m) => [m.key, m.found]),
      [[k.ready("default", 5), "string"]],
    );
    assert.equal(await h.redis.get(moved[0].movedTo), "junk");
    assert.ok(moved[0].movedTo.startsWith(`${k.base}:quarantine:`), "same hash tag");
    assert.equal(await h.redis.exists(k.ready("default", 5)), 0);
    assert.deepEqual(await h.redis.lrange(k.ready("default", 4), 0, -1), ["id-1"], "a right-type key stays");
    assert.deepEqual(await quarantineWrongTypes(h.redis, keys, { context: "a test" }), [], "nothing left to move");
    const page = await listDeadLetters({ redis: h.redis, ks: k }, { page: 1, pageSize: 10 });
    assert.equal(page.total, 1);
    const [letter] = page.items;
    assert.equal(letter.kind, "quarantine");
    assert.equal(letter.queue, "default");
    assert.equal(letter.movedTo, moved[0].movedTo);
    assert.match(
      letter.reason,
      /^wrong-type key: the ready list \(priority 5\) of queue default was a string, not a list \(found by a test\); moved aside to /,
    );
  });

  it("a wrong-type dead set is moved aside first, and its letter lands in the new one", async () => {
    const k = h.ks;
    await h.redis.set(k.dead, "junk");
    await h.redis.hset(k.signal("default"), "x", "1");
    const moved = await quarantineWrongTypes(h.redis, [k.signal("default")], { context: "a test" });
    assert.deepEqual(moved.map((m) => m.key).sort(), [k.dead, k.signal("default")].sort());
    assert.equal(await h.redis.type(k.dead), "zset");
    assert.equal(await h.redis.zcard(k.dead), 2);
  });

  it("a wrong-type structure of one queue stops neither that queue for long nor any other", async () => {
    const k = h.ks;
    await h.redis.hset(k.delayed("other"), "junk", "1");
    await h.redis.set(k.leases("other"), "junk");
    await h.startWorker({ logger: quiet });
    const a = await h.client.math.add.delay({ a: 1, b: 2 });
    const b = await h.client.other.task.delay({});
    assert.equal(await a.get({ timeout: 5 }), 3);
    assert.equal(await b.get({ timeout: 5 }), "other");
    assert.notEqual(await h.redis.type(k.delayed("other")), "hash", "moved aside");
  });

  it("promotion into a wrong-type ready list loses no due task and runs each once", async () => {
    const k = h.ks;
    // Due before the worker's first claim, in two priorities: the first pushes fine, the second meets the string.
    const first = await h.client.util.record.applyAsync({ key: h.key("promo") }, { countdown: 0.02, priority: 4 });
    const second = await h.client.util.record.applyAsync({ key: h.key("promo") }, { countdown: 0.04, priority: 5 });
    await eventually(async () => (await h.redis.zcount(k.delayed("default"), "-inf", Date.now())) === 2);
    await h.redis.set(k.ready("default", 5), "junk");
    await h.startWorker({ logger: quiet });
    assert.equal(await first.get({ timeout: 5 }), first.id);
    assert.equal(await second.get({ timeout: 5 }), second.id);
    await eventually(async () => (await h.redis.zcard(k.leases("default"))) === 0);
    assert.deepEqual(
      await h.runs("promo"),
      { [first.id]: 1, [second.id]: 1 },
      "each ran once (no duplicate from a half-done promotion)",
    );
    assert.equal(await h.redis.llen(k.ready("default", 4)), 0);
  });

  it("an enqueue meeting a wrong-type delayed set or ready list queues the task, not just its record", async () => {
    const k = h.ks;
    await h.redis.set(k.delayed("default"), "junk");
    await h.redis.hset(k.ready("default", 5), "junk", "1");
    const later = await h.client.util.record.applyAsync({ key: h.key("enq") }, { countdown: 60 });
    const now = await h.client.util.record.delay({ key: h.key("enq") });
    assert.notEqual(await h.redis.zscore(k.delayed("default"), `5|${later.id}`), null);
    assert.deepEqual(await h.redis.lrange(k.ready("default", 5), 0, -1), [now.id]);
  });

  it("a failed task is dead-lettered after a wrong-type dead set was moved aside", async () => {
    const k = h.ks;
    await h.redis.set(k.dead, "junk");
    await h.startWorker({ logger: quiet });
    const r = await h.client.util.fail.delay({ name: "Boom" });
    await assert.rejects(r.get({ timeout: 5 }), /failed with Boom/);
    await eventually(async () => (await h.redis.zscore(k.dead, r.id)) !== null);
    assert.equal(await h.redis.type(k.dead), "zset");
  });

  it("an idle worker meeting a wrong-type signal list moves it and still wakes for new work", async () => {
    const k = h.ks;
    await h.redis.hset(k.signal("default"), "junk", "1");
    await h.startWorker({ logger: quiet, queues: ["default"] });
    await eventually(async () => (await h.redis.type(k.signal("default"))) !== "hash");
    const r = await h.client.math.add.delay({ a: 2, b: 2 });
    assert.equal(await r.get({ timeout: 5 }), 4);
  });
});

after(() => import("./fixtures/runtime-app.ts").then((m) => m.closeRecorder()));

describe("wrong-type beat keys met by the periodic store", () => {
  let h: BeatHarness;
  beforeEach(() => (h = new BeatHarness("wrongtype-store")));
  afterEach(() => h.close());

  it("add and remove move a wrong-type next-run or disabled set aside and complete", async () => {
    await h.redis.set(h.ks.beat("disabled"), "junk");
    await h.redis.hset(h.ks.beat("due"), "junk", "1");
    const added = await h.store.add({ name: "ping", task: "core.ping", schedule: { kind: "every", everyMs: 60_000 } });
    assert.equal(added.enabled, true);
    assert.notEqual(await h.redis.zscore(h.ks.beat("due"), "ping"), null, "scheduled in the new next-run set");
    await h.redis.set(h.ks.beat("runs"), "junk");
    await h.store.remove("ping");
    assert.equal(await h.store.get("ping"), null);
    assert.equal(await h.redis.zscore(h.ks.beat("due"), "ping"), null);
  });
});

describe("wrong-type beat keys met by beat", () => {
  let h: BeatHarness;
  beforeEach(
    () =>
      (h = new BeatHarness("wrongtype-beat", {
        periodic: [manifestEntry("tick", { task: "core.ping", schedule: { kind: "every", everyMs: 200 } })],
      })),
  );
  afterEach(() => h.close());

  it("a next-run set and an entries hash of the wrong type are moved aside; the manifest entry keeps firing", async () => {
    await h.startBeat({ logger: createLogger({ level: "error", write: () => {} }) });
    await eventually(async () => (await h.runIdsOf("tick")).length >= 1, 3_000);
    await h.redis.del(h.ks.beat("due"));
    await h.redis.set(h.ks.beat("due"), "junk");
    const before = (await h.runIdsOf("tick")).length;
    await eventually(async () => (await h.runIdsOf("tick")).length >= before + 2, 3_000);
    await h.redis.del(h.ks.beat("entries"));
    await h.redis.set(h.ks.beat("entries"), "junk");
    const later = (await h.runIdsOf("tick")).length;
    await eventually(async () => (await h.runIdsOf("tick")).length >= later + 2, 3_000);
    const letters = await h.redis.zrange(h.ks.dead, "0", "-1");
    assert.equal(letters.filter((m) => m.startsWith("quarantine:")).length, 2);
  });

  it("an empty next-run set with enabled entries (moved aside by another process) is rebuilt", async () => {
    await h.startBeat({ logger: createLogger({ level: "error", write: () => {} }) });
    await eventually(async () => (await h.runIdsOf("tick")).length >= 1, 3_000);
    await h.redis.del(h.ks.beat("due"));
    const before = (await h.runIdsOf("tick")).length;
    await eventually(async () => (await h.runIdsOf("tick")).length >= before + 1, 8_000);
  });
});

describe("wrong-type dead-letter payload store", () => {
  let h: RuntimeHarness;
  beforeEach(() => (h = new RuntimeHarness("wrongtype-deadraw")));
  afterEach(() => h.close());

  it("is moved aside before garbage is popped, so the garbage is still buried and tasks around it run", async () => {
    const k = h.ks;
    await h.redis.rpush(k.deadRaw, "junk");
    const before = await h.client.math.add.delay({ a: 1, b: 2 });
    await h.redis.lpush(k.ready("default", 5), "not a task id!");
    const after = await h.client.math.add.delay({ a: 2, b: 2 });
    await h.startWorker({ logger: createLogger({ level: "error", write: () => {} }) });
    assert.equal(await before.get({ timeout: 5 }), 3);
    assert.equal(await after.get({ timeout: 5 }), 4);
    const raw = Object.values(await h.redis.hgetall(k.deadRaw)).map((v) => JSON.parse(v) as { reason: string });
    assert.deepEqual(raw.map((r) => r.reason.split(" (")[0].split(";")[0]).sort(), [
      "not a task id",
      "wrong-type key: the dead-letter payload store was a list, not a hash",
    ]);
  });
});
