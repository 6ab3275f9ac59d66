// Wrong-type keys of a sharded queue: a shard's keys and its tasks' records live under the shard's
// hash tag, so they must be moved aside under that tag (one Cluster slot per move) and recorded in
// that shard's dead letters, while the tasks around them still run or are dead-lettered.
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { listDeadLetters } from "../runtime/admin/data/dead-letters.ts";
import { movedAsideError } from "../runtime/admin/http/wrong-type.ts";
import type { AdminContext } from "../runtime/admin/context.ts";
import { logQuarantinesWith, quarantineWrongTypes } from "../runtime/broker/quarantine.ts";
import { connectRedis, type RedisClient } from "../runtime/config/connect.ts";
import { createTaskTree } from "../runtime/client/task-tree.ts";
import { keyspace } from "../runtime/keys/keyspace.ts";
import { expandQueues, routeTask } from "../runtime/keys/shard-route.ts";
import { keySlot } from "../runtime/keys/slot.ts";
import { createLogger } from "../runtime/log/logger.ts";
import { Worker } from "../runtime/worker/worker.ts";
import { LocalCluster } from "./fixtures/cluster/local-cluster.ts";
import { buildApp, dispatch } from "./fixtures/runtime-app.ts";
import { uniquePrefix } from "./support/redis.ts";
import { RuntimeHarness, eventually } from "./support/runtime.ts";

const quiet = createLogger({ level: "error", write: () => {} });
/** The runtime fixture app with its default queue spread over 4 shards. */
const shardedApp = () => ({ ...buildApp(), shards: { default: 4 } });

describe("wrong-type keys of a sharded queue", () => {
  let h: RuntimeHarness;
  beforeEach(() => {
    h = new RuntimeHarness("wrongtype-shards", shardedApp());
    logQuarantinesWith(h.redis, quiet);
  });
  afterEach(() => h.close());
  /** The default queue's parts on its 4 shards (not the app-slot part canvas steps use). */
  const shards = () => expandQueues(h.app, ["default"]).filter((q) => q !== "default");

  it("are moved aside under their own shard's tag, with the letter in that shard's dead set", async () => {
    const k = h.ks;
    const [part] = shards();
    const shard = k.forQueue(part);
    const { id } = routeTask(h.app, "default", "wt-shard-record");
    const record = k.task(id);
    assert.notEqual(k.forId(id).tag, k.tag, "the record lives under a shard tag");
    await h.redis.set(k.ready(part, 5), "junk");
    await h.redis.set(record, "junk record");
    const moved = await quarantineWrongTypes(h.redis, [k.ready(part, 5), record], { context: "a test" });
    assert.deepEqual(moved.map((m) => m.key).sort(), [k.ready(part, 5), record].sort());
    for (const m of moved) {
      assert.equal(keySlot(m.movedTo), keySlot(m.key), `${m.key} is moved within its slot`);
      const base = m.key === record ? k.forId(id).base : shard.base;
      assert.ok(m.movedTo.startsWith(`${base}:quarantine:`), `${m.movedTo} is under ${base}`);
      assert.equal(await h.redis.exists(m.key), 0);
    }
    assert.equal(await h.redis.get(moved.find((m) => m.key === record)!.movedTo), "junk record", "content kept");
    assert.equal(await h.redis.zcard(k.dead), 0, "nothing in the app's own dead set");
    assert.equal(await h.redis.zcard(shard.dead), 1);
    assert.equal(await h.redis.zcard(k.forId(id).dead), 1);
    const page = await listDeadLetters({ redis: h.redis, ks: k, app: h.app }, { page: 1, pageSize: 10 });
    assert.deepEqual(page.items.map((d) => d.kind).sort(), ["quarantine", "quarantine"], "the admin lists both");
  });

  it("a shard's wrong-type delayed and lease sets are moved aside by the worker; every task runs", async () => {
    const k = h.ks;
    const tasks = await Promise.all(Array.from({ length: 12 }, (_, i) => h.client.math.add.delay({ a: i, b: 1 })));
    const used = new Set(tasks.map((t: { id: string }) => k.forId(t.id).tag));
    assert.ok(used.size >= 2, "the tasks spread over several shards");
    for (const part of shards()) {
      await h.redis.hset(k.delayed(part), "junk", "1");
      await h.redis.set(k.leases(part), "junk");
    }
    await h.startWorker({ logger: quiet });
    for (const [i, t] of tasks.entries()) assert.equal(await t.get({ timeout: 5 }), i + 1);
    for (const part of shards()) {
      assert.equal(await h.redis.type(k.delayed(part)), "none", `${k.delayed(part)} moved aside`);
      const letters = await h.redis.zrange(k.forQueue(part).dead, "0", "-1");
      assert.equal(letters.filter((m) => m.startsWith("quarantine:")).length, 2, `two letters on ${part}'s shard`);
    }
    assert.equal(await h.redis.zcard(k.dead), 0, "none in the app's own dead set");
  });

  it("an enqueue meeting a shard's wrong-type ready list queues the task on that shard", async () => {
    const k = h.ks;
    for (const part of shards()) await h.redis.set(k.ready(part, 5), "junk");
    const r = await h.client.math.add.delay({ a: 2, b: 3 });
    const part = shards().find((q) => k.forQueue(q).tag === k.forId(r.id).tag)!;
    assert.deepEqual(await h.redis.lrange(k.ready(part, 5), 0, -1), [r.id]);
    await h.startWorker({ logger: quiet });
    assert.equal(await r.get({ timeout: 5 }), 5);
  });

  it("a wrong-type record on a shard is dead-lettered and moved aside there; its neighbours run", async () => {
    const k = h.ks;
    const route = routeTask(h.app, "default", "wt-corrupt");
    await h.redis.set(k.task(route.id), "not a hash");
    await h.redis.lpush(k.ready(route.queue, 5), route.id);
    const neighbours = await Promise.all(Array.from({ length: 6 }, (_, i) => h.client.math.add.delay({ a: i, b: i })));
    await h.startWorker({ logger: quiet });
    for (const [i, t] of neighbours.entries()) assert.equal(await t.get({ timeout: 5 }), 2 * i);
    const shard = k.forId(route.id);
    await eventually(async () => (await h.redis.exists(k.task(route.id))) === 0, 3_000);
    const letters = Object.values(await h.redis.hgetall(shard.deadRaw)).map((v) => JSON.parse(v));
    const buried = letters.find((l) => l.raw === route.id);
    assert.match(buried?.reason ?? "", /^task record is a string, not a hash/, "dead-lettered in its shard");
    const moved = letters.find((l) => l.key === k.task(route.id));
    assert.ok(moved, "a quarantine letter for the record in its shard's payload store");
    assert.ok(String(moved.quarantined).startsWith(`${shard.base}:quarantine:`));
    assert.equal(keySlot(moved.quarantined), keySlot(k.task(route.id)));
    assert.equal(await h.redis.zcard(shard.dead), 2);
    assert.equal(await h.redis.zcard(k.dead), 0, "none in the app's own dead set");
    const again = await h.client.math.add.applyAsync({ a: 1, b: 1 }, { taskId: "wt-corrupt" });
    assert.equal(again.id, route.id, "the same id, on the same shard");
    assert.equal(await again.get({ timeout: 5 }), 2, "and free again: it runs");
  });

  it("the admin, meeting a wrong-type key, moves a shard's keys aside too", async () => {
    const k = h.ks;
    const part = shards()[2];
    await h.redis.set(k.ready(part, 3), "junk");
    await h.redis.hset(k.forQueue(part).recent, "junk", "1");
    const ctx = { app: h.app, redis: h.redis, ks: k, log: quiet } as unknown as AdminContext;
    const error = await movedAsideError(ctx);
    assert.match(error.message, /2 keys of the wrong type were moved aside/);
    assert.equal(await h.redis.exists(k.ready(part, 3)), 0);
    assert.equal(await h.redis.type(k.forQueue(part).recent), "none");
    assert.equal(await h.redis.zcard(k.forQueue(part).dead), 2);
  });
});

describe("wrong-type keys of a sharded queue on a Redis Cluster", () => {
  let cluster: LocalCluster;
  let redis: RedisClient;
  const app = shardedApp();
  const prefix = uniquePrefix("wrongtype-cluster");
  const ks = keyspace(app.app, prefix);
  const shards = expandQueues(app, ["default"]).filter((q) => q !== "default");

  before(async () => {
    cluster = await LocalCluster.start({ masters: 3, replicas: 0 });
    redis = connectRedis(cluster.url, { name: "celerity-test" });
    logQuarantinesWith(redis, quiet);
  });
  after(async () => {
    redis?.disconnect();
    await cluster?.destroy();
  });

  it("a shard's key is moved within its own slot on its own master (RENAME would refuse another slot)", async () => {
    const masters = new Set(await Promise.all(shards.map((q) => cluster.masterOfSlot(keySlot(ks.ready(q, 5))))));
    assert.equal(masters.size, 3, "the 4 shards sit on all 3 masters");
    for (const q of shards) await redis.set(ks.ready(q, 5), `junk of ${q}`);
    const record = ks.task(routeTask(app, "default", "wt-cluster").id);
    await redis.set(record, "junk record");
    const moved = await quarantineWrongTypes(redis, [...shards.map((q) => ks.ready(q, 5)), record], {
      context: "a cluster test",
    });
    assert.equal(moved.length, shards.length + 1);
    for (const m of moved) {
      assert.equal(keySlot(m.movedTo), keySlot(m.key));
      assert.equal(await redis.exists(m.key), 0, `${m.key} moved`);
      assert.match(String(await redis.get(m.movedTo)), /^junk/, `${m.movedTo} holds it`);
    }
    // One letter per moved key, in the dead set of the key's own shard (the record's too).
    for (const q of shards) {
      const shard = ks.forQueue(q);
      const expected = 1 + (shard.tag === ks.forId(routeTask(app, "default", "wt-cluster").id).tag ? 1 : 0);
      assert.equal(await redis.zcard(shard.dead), expected, `letters on ${q}'s shard`);
    }
  });

  it("an enqueue and a worker meeting a shard's wrong-type keys on the cluster still run every task", async () => {
    for (const q of shards) {
      await redis.set(ks.ready(q, 5), "junk");
      await redis.set(ks.leases(q), "junk");
    }
    const client = createTaskTree<any>(app, { redis: cluster.url, prefix });
    const worker = new Worker({ app, dispatch }, { redis: cluster.url, prefix, logger: quiet });
    try {
      const sent = await Promise.all(Array.from({ length: 12 }, (_, i) => client.math.add.delay({ a: i, b: 1 })));
      await worker.start();
      for (const [i, r] of sent.entries()) assert.equal(await r.get({ timeout: 10 }), i + 1);
      for (const q of shards) assert.notEqual(await redis.type(ks.leases(q)), "string", `${ks.leases(q)} moved aside`);
    } finally {
      await worker.stop({ graceMs: 0 });
      await client.$disconnect();
    }
  });
});

after(() => import("./fixtures/runtime-app.ts").then((m) => m.closeRecorder()));
