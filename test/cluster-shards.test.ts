// Sharded queues on a real Redis Cluster (3 masters): shard tags spread over the masters, ids that
// locate their shard, per-shard enqueue and claim, idle shards never polled, priority within a
// shard, retries and revocation on shards.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Redis } from "ioredis";
import {
  ConfigurationError,
  connectRedis,
  createTaskTree,
  keyspace,
  ReplicationError,
  type AppSpec,
  type RedisClient,
} from "../runtime/mod.ts";
import { startAdmin } from "../runtime/admin/mod.ts";
import { Beat, PeriodicStore } from "../runtime/beat/mod.ts";
import { Worker } from "../runtime/worker/mod.ts";
import { shardOfId, shardTag } from "../runtime/keys/shard-tags.ts";
import { routeTask } from "../runtime/keys/shard-route.ts";
import { CLUSTER_SLOTS, keySlot } from "../runtime/keys/slot.ts";
import { buildApp, closeRecorder, dispatch } from "./fixtures/runtime-app.ts";
import { queueShards } from "../runtime/keys/shard-tags.ts";
import { idsOnShards } from "./support/shard-ids.ts";
import { LocalCluster } from "./fixtures/cluster/local-cluster.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "./support/redis.ts";
import { eventually, sleep, testLogger } from "./support/runtime.ts";
import { PERIODIC_DEFAULTS } from "./support/periodic.ts";

describe("shard tags", () => {
  it("put shard i of n in slot range i of n, for every n up to 64", () => {
    for (let n = 2; n <= 64; n++) {
      for (let i = 0; i < n; i++) {
        const slot = keySlot(shardTag("demo", { count: n, index: i }));
        assert.equal(Math.floor((slot * n) / CLUSTER_SLOTS), i, `shard ${i} of ${n} is in range ${i} (slot ${slot})`);
      }
    }
    assert.equal(shardTag("demo", { count: 1, index: 0 }), "demo", "one shard is today's {app} tag");
  });

  it("route a given id to the same shard every time, and ids name their shard", () => {
    const app = { shards: { emails: 8 } };
    const a = routeTask(app, "emails", "order-42");
    assert.deepEqual(routeTask(app, "emails", "order-42"), a, "stable: enqueueing the same id twice stays idempotent");
    assert.match(a.id, /^order-42\.8s\d$/);
    assert.deepEqual(shardOfId(a.id), a.shard);
    assert.deepEqual(routeTask(app, "emails", a.id), a, "an id that already names its shard keeps it");
    assert.deepEqual(
      routeTask(app, "default", "x"),
      { queue: "default", id: "x", shard: null },
      "an unsharded queue is untouched",
    );
    assert.throws(
      () => routeTask(app, "emails", "x".repeat(198)),
      (e: unknown) =>
        e instanceof ConfigurationError &&
        /too long for sharded queue "emails": at most 196 characters/.test(e.message),
    );
  });
});

describe("a queue with 3 shards on a 3-master cluster", { timeout: 180_000 }, () => {
  let cluster: LocalCluster;
  let prefix: string;
  const app: AppSpec = { ...buildApp("clsh"), shards: { default: 3 } };
  let client: any;
  let redis: RedisClient;
  const workers: Worker[] = [];
  const recorder = new Redis(REDIS_URL);
  const key = (name: string) => `${prefix}:${name}`;
  const runs = async (name: string) =>
    Object.fromEntries(Object.entries(await recorder.hgetall(`${key(name)}:runs`)).map(([k, v]) => [k, Number(v)]));
  const startWorker = async (options: Record<string, unknown> = {}) => {
    const w = new Worker(
      { app, dispatch },
      { redis: cluster.url, prefix, logger: testLogger, concurrency: 4, ...options },
    );
    await w.start();
    workers.push(w);
    return w;
  };
  const stopWorkers = () => Promise.all(workers.splice(0).map((w) => w.stop({ graceMs: 0 })));
  const scriptCalls = async () => {
    const out: Record<number, number> = {};
    for (const port of await cluster.masters()) {
      const info = await cluster.onNode(port, (r) => r.info("commandstats"));
      out[port] = [...info.matchAll(/cmdstat_(evalsha|eval):calls=(\d+)/g)].reduce((a, m) => a + Number(m[2]), 0);
    }
    return out;
  };

  before(async () => {
    cluster = await LocalCluster.start();
    prefix = uniquePrefix("shards");
    client = createTaskTree(app, { redis: cluster.url, prefix });
    redis = connectRedis(cluster.url);
  });
  after(async () => {
    await stopWorkers();
    await client?.$disconnect();
    redis?.disconnect();
    await cluster?.destroy();
    await deletePrefix(prefix);
    recorder.disconnect();
    await closeRecorder();
  });

  it("spreads one batch over the three masters; each id locates its record; every task runs once", async () => {
    const sent = await client.util.record.delayMany(Array.from({ length: 300 }, () => ({ key: key("spread") })));
    const ks = keyspace(app.app, prefix);
    const perMaster = new Map<number, number>();
    for (const r of sent) {
      const owner = await cluster.masterOfSlot(keySlot(ks.task(r.id)));
      perMaster.set(owner, (perMaster.get(owner) ?? 0) + 1);
    }
    assert.equal(perMaster.size, 3, `records on every master: ${JSON.stringify([...perMaster])}`);
    for (const n of perMaster.values()) assert.ok(n > 50, `roughly even: ${JSON.stringify([...perMaster])}`);
    await startWorker();
    // $result with the id alone: no queue, no task name.
    const results = await Promise.all(sent.map((r: any) => client.$result(r.id).get({ timeout: 20 })));
    assert.deepEqual(
      results,
      sent.map((r: any) => r.id),
    );
    const counted = await runs("spread");
    assert.equal(Object.keys(counted).length, 300);
    assert.ok(Object.values(counted).every((n) => n === 1));
  });

  it("never polls an idle shard: an idle worker only blocks", async () => {
    await sleep(300);
    const before = await scriptCalls();
    await sleep(1_500);
    const afterIdle = await scriptCalls();
    for (const port of Object.keys(before)) {
      const calls = afterIdle[Number(port)] - before[Number(port)];
      assert.ok(calls <= 1, `master ${port} ran ${calls} scripts while the queue was idle`);
    }
    const sent = Date.now();
    const r = await client.util.record.delay({ key: key("wake") });
    await r.get({ timeout: 5 });
    assert.ok(Date.now() - sent < 1000, "a blocked worker wakes for new work on any shard");
  });

  it("keeps an enqueue of a given id idempotent on its shard", async () => {
    const first = await client.util.record.applyAsync({ key: key("given") }, { taskId: "order-42" });
    const again = await client.util.record.applyAsync({ key: key("given") }, { taskId: "order-42" });
    assert.equal(first.id, again.id);
    assert.match(first.id, /^order-42\.3s[012]$/);
    await first.get({ timeout: 10 });
    assert.deepEqual(await runs("given"), { [first.id]: 1 });
  });

  it("runs retries and countdowns on their shard and revokes a waiting task", async () => {
    const flaky = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => client.util.flaky.delay({ key: key("flaky"), failTimes: 1 })),
    );
    for (const r of flaky) assert.deepEqual(await r.get({ timeout: 10 }), { attempts: 2 });
    const held = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => client.util.record.applyAsync({ key: key("revoked") }, { countdown: 1 })),
    );
    await Promise.all(held.map((r: any) => r.revoke()));
    for (const r of held) assert.equal(await r.state(), "REVOKED");
    await sleep(1_300);
    assert.deepEqual(await runs("revoked"), {});
  });

  it("fires periodic entries into the sharded queue, each due time once, and run-now", async () => {
    const periodic = [
      {
        name: "tick",
        task: "util.record",
        schedule: { kind: "every" as const, everyMs: 300 },
        args: { key: key("tick") },
        ...PERIODIC_DEFAULTS,
      },
    ];
    const beatApp = { ...app, periodic };
    // Two beats: only the leader fires, and a racing pair could not double-send a due time anyway.
    const beats = [
      new Beat(beatApp, { redis: cluster.url, prefix, logger: testLogger, pollMs: 50, lockTtlMs: 1000 }),
      new Beat(beatApp, { redis: cluster.url, prefix, logger: testLogger, pollMs: 50, lockTtlMs: 1000 }),
    ];
    for (const b of beats) await b.start();
    const store = new PeriodicStore(beatApp, { redis: cluster.url, prefix });
    try {
      // Eight due times: their ids pick shards by CRC, and four all landed on one shard 1 time in 27.
      await eventually(async () => Object.keys(await runs("tick")).length >= 8, 10_000);
      const manual = await store.runNow("tick");
      assert.match(manual.taskId, /^periodic:tick:manual:.*\.3s[012]$/);
      await client.$result(manual.taskId).get({ timeout: 10 });
      for (const b of beats) await b.stop();
      const ran = await runs("tick");
      assert.equal((await store.get("tick"))!.totalRunCount, Object.keys(ran).length, "every run counted once");
    } finally {
      for (const b of beats) await b.stop();
      await store.close();
    }
    const ran = await runs("tick");
    const scheduled = Object.keys(ran).filter((id) => !id.includes(":manual:"));
    assert.ok(
      scheduled.every((id) => /^periodic:tick:\d+\.3s[012]$/.test(id)),
      scheduled.join(" "),
    );
    assert.ok(
      Object.values(ran).every((n) => n === 1),
      "each due time ran once",
    );
    const shardsUsed = new Set(scheduled.map((id) => id.slice(-1)));
    assert.ok(shardsUsed.size >= 2, `runs spread over shards: ${[...shardsUsed]}`);
  });

  it("the admin reads, requeues and purges across shards: queues, tasks, dead letters, metrics", async () => {
    const failed = await client.util.fail.delayMany(Array.from({ length: 12 }, () => ({ name: "TypeError" })));
    await Promise.all(failed.map((r: any) => r.get({ timeout: 10 }).catch(() => null)));
    assert.ok(new Set(failed.map((r: any) => r.id.slice(-1))).size >= 2, "dead letters on several shards");
    const ks = keyspace(app.app, prefix);
    await redis.lpush(ks.ready("default#3s2", 5), "garbage on shard 2!");
    // An enqueue on shard 2 wakes its claim loop, which finds the garbage too.
    let wake = 0;
    while (routeTask(app, "default", `wake-${prefix}-${wake}`).shard!.index !== 2) wake++;
    await (await client.math.add.applyAsync({ a: 1, b: 1 }, { taskId: `wake-${prefix}-${wake}` })).get({ timeout: 10 });
    const token = "cluster-admin-token-0123456789";
    const admin = await startAdmin(app, {
      redis: cluster.url,
      prefix,
      port: 0,
      token,
      password: "pw pw pw pw",
      logger: testLogger,
    });
    const api = async (path: string, method = "GET"): Promise<any> => {
      const res = await fetch(new URL(path, admin.url), { method, headers: { Authorization: `Bearer ${token}` } });
      assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
      return res.json();
    };
    try {
      const dead = await eventually(async () => {
        const page = await api("/api/dead?limit=50");
        return page.total === 13 ? page : null;
      }, 5000);
      const members: string[] = dead.items.map((d: any) => d.member);
      assert.ok(
        failed.every((r: any) => members.includes(r.id)),
        "every shard's dead letters are listed",
      );
      const raw = dead.items.find((d: any) => d.kind === "raw");
      assert.equal(raw.queue, "default");
      assert.deepEqual(
        dead.items.map((d: any) => d.at),
        [...dead.items.map((d: any) => d.at)].sort((a: number, b: number) => b - a),
        "newest first across shards",
      );
      const page2 = await api("/api/dead?limit=5&page=2");
      assert.deepEqual(
        page2.items.map((d: any) => d.member),
        members.slice(5, 10),
        "pages cut the merged order",
      );
      assert.equal((await api(`/api/dead/${encodeURIComponent(raw.member)}`)).kind, "raw");
      const detail = await api(`/api/tasks/${encodeURIComponent(failed[0].id)}`);
      assert.equal(detail.dead, true);
      assert.equal(detail.queue, "default");
      const queues = await api("/api/queues");
      const q = queues.queues.find((x: any) => x.name === "default");
      assert.equal(q.dead, 13, "dead counts summed over shards");
      assert.ok(q.history.at(-1).fail >= 12, "per-minute counters summed over shards");
      const listed = await api("/api/tasks?state=FAILURE&limit=100");
      assert.ok(
        failed.every((r: any) => listed.items.some((t: any) => t.id === r.id)),
        "the task list merges every shard's index",
      );
      await api(`/api/dead/${encodeURIComponent(failed[1].id)}/requeue`, "POST");
      await eventually(
        async () =>
          (await client.$result(failed[1].id).state()) === "FAILURE" &&
          (await redis.zscore(ks.forId(failed[1].id).dead, failed[1].id)) !== null,
        5000,
      );
      await api(`/api/dead/${encodeURIComponent(raw.member)}/purge`, "POST");
      const purged = await api("/api/dead/purge", "POST");
      assert.equal(purged.remaining, 0);
      assert.equal((await api("/api/dead")).total, 0);
      const metrics = await (
        await fetch(new URL("/metrics", admin.url), { headers: { Authorization: `Bearer ${token}` } })
      ).text();
      assert.match(metrics, /celerity_queue_depth\{queue="default",state="ready"\} 0/);
    } finally {
      await admin.close();
    }
  });

  it("holds a rate limit across shards and workers", async () => {
    await startWorker();
    const sent = await client.util.limited.delayMany(Array.from({ length: 8 }, () => ({ key: key("rate") })));
    assert.ok(new Set(sent.map((r: any) => r.id.slice(-1))).size >= 2, "the tasks sit on several shards");
    await Promise.all(sent.map((r: any) => r.get({ timeout: 15 })));
    const times = (await recorder.lrange(`${key("rate")}:times`, 0, -1)).map(Number).sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    assert.ok(
      gaps.every((g) => g >= 190),
      `5/s evenly spaced whatever the shard: ${gaps.join(", ")} ms`,
    );
  });

  it("claims from busy shards fairly", async () => {
    await stopWorkers();
    const order = key("fair");
    const sent = await client.util.record.delayMany(Array.from({ length: 90 }, () => ({ key: order, ms: 5 })));
    await startWorker({ concurrency: 2 });
    await Promise.all(sent.map((r: any) => r.get({ timeout: 30 })));
    const ran = await recorder.lrange(`${order}:order`, 0, -1);
    const shardOf = (id: string) => id.slice(-1);
    const total = new Map<string, number>();
    for (const id of ran) total.set(shardOf(id), (total.get(shardOf(id)) ?? 0) + 1);
    // In the first third of the runs, every shard had its turn in proportion to its backlog.
    const first = ran.slice(0, 30);
    for (const [shard, n] of total) {
      const early = first.filter((id) => shardOf(id) === shard).length;
      assert.ok(
        early >= Math.floor((n * 30) / 90 / 2),
        `shard ${shard}: ${early} of the first 30 runs, ${n} of 90 overall`,
      );
    }
  });

  it("with durability, an enqueue resolves only once a replica holds it; without, it may not", async () => {
    const durable = createTaskTree<any>(app, {
      redis: cluster.url,
      prefix,
      durability: { replicas: 1, timeoutMs: 5000 },
    });
    const tooMany = createTaskTree<any>(app, {
      redis: cluster.url,
      prefix,
      durability: { replicas: 2, timeoutMs: 100 },
    });
    const ks = keyspace(app.app, prefix);
    /** Enqueues one task while its master's replica is stalled for 600 ms (DEBUG SLEEP); says when the call resolved. */
    const whileReplicaStalls = async (
      tree: any,
      taskId: string,
      send = (t: any, id: string): Promise<unknown> =>
        t.util.record.applyAsync({ key: key("durable") }, { taskId: id }),
    ) => {
      const id = routeTask(app, "default", taskId).id;
      const master = await cluster.masterOfSlot(keySlot(ks.task(id)));
      const [replica] = await cluster.replicasOf(master);
      let stallOver = false;
      const stall = cluster.onNode(replica, (n) => n.call("DEBUG", "SLEEP", "0.6")).then(() => (stallOver = true));
      await sleep(50);
      const t0 = Date.now();
      await send(tree, taskId);
      const result = { tookMs: Date.now() - t0, beforeReplicaWoke: !stallOver };
      await stall;
      return result;
    };
    try {
      const fast = await whileReplicaStalls(client, `fast-${prefix}`);
      assert.ok(
        fast.beforeReplicaWoke,
        `without durability the call resolves while the replica cannot have the write (${fast.tookMs} ms): the loss window`,
      );
      const slow = await whileReplicaStalls(durable, `durable-${prefix}`);
      assert.ok(
        slow.tookMs >= 450,
        `with durability the call waited for the stalled replica's acknowledgement (${slow.tookMs} ms)`,
      );
      const chain = (t: any, id: string) =>
        t.$chain(t.util.record.s({ key: key("durable") }, { taskId: id }), t.util.record.s({ key: key("durable") }));
      const slowCanvas = await whileReplicaStalls(durable, `durable-chain-${prefix}`, chain);
      assert.ok(
        slowCanvas.tookMs >= 450,
        `a canvas sent with durability waited for the stalled replica too (${slowCanvas.tookMs} ms)`,
      );
      await assert.rejects(
        chain(tooMany, `too-many-chain-${prefix}`),
        (e: unknown) => e instanceof ReplicationError && e.wanted === 2,
      );
      await assert.rejects(
        tooMany.util.record.delay({ key: key("durable") }),
        (e: unknown) =>
          e instanceof ReplicationError && e.code === "REPLICATION_TIMEOUT" && e.acknowledged === 1 && e.wanted === 2,
      );
    } finally {
      await durable.$disconnect();
      await tooMany.$disconnect();
    }
  });

  it("spreads chains, groups and chords of a sharded queue over its shards", async () => {
    await startWorker();
    const t = client;
    // Ids picked so the steps take the shards in turn (a random id picks its shard by CRC16).
    const [first, ...rest] = idsOnShards(app, "default", `c-${prefix}`, 5);
    const chain = await t.$chain(
      t.cv.inc.s({ n: 1 }, { taskId: first }),
      ...rest.map((taskId) => t.cv.inc.s(undefined, { taskId })),
    );
    assert.deepEqual(await chain.get({ timeout: "10s" }), { n: 6 });
    // Ids picked so that each shard gets four headers (a random id picks its shard by CRC16).
    const ids = idsOnShards(app, "default", `h-${prefix}`, 12);
    const headers = ids.map((taskId, n) => t.cv.inc.s({ n }, { taskId }));
    const chord = await t.$chord(headers, t.cv.sum.s({}, { resultAs: "values" }));
    assert.deepEqual(await chord.get({ timeout: "10s" }), { n: 78 });
    const ks = keyspace(app.app, prefix);
    const chainIds = [chain.id];
    for (let p = await chain.parent(); p; p = await p.parent()) chainIds.push(p.id);
    assert.equal(chainIds.length, 5);
    const chordId = (await redis.hget(ks.task(chord.id), "ck"))!;
    assert.equal(keySlot(ks.chord(chordId)), keySlot(ks.task(chord.id)), "the chord record sits with its callback");
    const headerIds: string[] = JSON.parse((await redis.hget(ks.chord(chordId), "h"))!);
    const masters = async (ids: string[]) =>
      new Set(await Promise.all(ids.map((id) => cluster.masterOfSlot(keySlot(ks.task(id))))));
    assert.equal((await masters(headerIds)).size, 3, "the 12 headers sit on all three masters");
    assert.equal((await masters(chainIds)).size, 3, "the chain's steps sit on all three masters");
    // Nothing is left waiting in an outbox once the results are in.
    for (const part of [...queueShards("default", 3), "default"])
      assert.equal(await redis.zcard(ks.forQueue(part).canvasOutbox), 0, `outbox of ${part} is empty`);
  });

  it("holds priority order within a shard", async () => {
    await stopWorkers();
    const order = key("prio");
    // Both on shard 0 (ids chosen by their route), low priority first, then high.
    const onShard0 = (n: number) => {
      const ids: string[] = [];
      for (let i = 0; ids.length < n; i++)
        if (routeTask(app, "default", `p-${prefix}-${i}`).shard!.index === 0) ids.push(`p-${prefix}-${i}`);
      return ids;
    };
    const [low1, low2, high1, high2] = onShard0(4);
    const sent = [];
    for (const [id, priority] of [
      [low1, 1],
      [low2, 1],
      [high1, 9],
      [high2, 9],
    ] as const)
      sent.push(await client.util.record.applyAsync({ key: order }, { taskId: id, priority }));
    await startWorker({ concurrency: 1 });
    await Promise.all(sent.map((r: any) => r.get({ timeout: 10 })));
    const ran = await recorder.lrange(`${order}:order`, 0, -1);
    assert.deepEqual(ran, [sent[2].id, sent[3].id, sent[0].id, sent[1].id]);
  });
});
