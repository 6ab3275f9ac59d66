// The runtime on a real Redis Cluster (3 masters, 3 replicas, started by the fixture): connecting
// through redis+cluster:// URLs, enqueue, claim, retries, results, revocation, beat, admin. A script
// or pipeline that is not cluster-safe fails here with CROSSSLOT, "All keys in the pipeline should
// belong to the same slots allocation group" or NOSCRIPT.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { Redis } from "ioredis";
import {
  ConfigurationError,
  connectRedis,
  EvictionPolicyError,
  createTaskTree,
  isCluster,
  keyspace,
  parseClusterUrl,
  RemoteTaskError,
  type RedisClient,
} from "../runtime/mod.ts";
import { startAdmin } from "../runtime/admin/mod.ts";
import { Beat } from "../runtime/beat/mod.ts";
import { Worker } from "../runtime/worker/mod.ts";
import { buildApp, closeRecorder, dispatch } from "./fixtures/runtime-app.ts";
import { LocalCluster } from "./fixtures/cluster/local-cluster.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "./support/redis.ts";
import { eventually, exited, testLogger } from "./support/runtime.ts";
import { keySlot } from "../runtime/keys/slot.ts";
import { checkEvictionPolicy } from "../runtime/config/eviction-policy.ts";
import { PERIODIC_DEFAULTS } from "./support/periodic.ts";

describe("redis+cluster:// URLs", () => {
  it("parse into startup nodes and per-node auth and TLS", () => {
    assert.deepEqual(parseClusterUrl("redis+cluster://10.0.0.1:7000,10.0.0.2:7001"), {
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "10.0.0.2", port: 7001 },
      ],
      redisOptions: {},
    });
    assert.deepEqual(parseClusterUrl("redis+cluster://app:s%40cret@a,[::1]:7002/0"), {
      nodes: [
        { host: "a", port: 6379 },
        { host: "::1", port: 7002 },
      ],
      redisOptions: { username: "app", password: "s@cret" },
    });
    assert.deepEqual(parseClusterUrl("rediss+cluster://h:7000?tls_reject_unauthorized=false").redisOptions, {
      tls: { rejectUnauthorized: false },
    });
  });

  it("refuse what a cluster cannot be, naming the problem", () => {
    assert.throws(
      () => parseClusterUrl("redis+cluster:///"),
      (e: unknown) => e instanceof ConfigurationError && /names no cluster node/.test(e.message),
    );
    assert.throws(() => parseClusterUrl("redis+cluster://h:7000/3"), /only database 0, got "\/3"/);
    assert.throws(() => parseClusterUrl("redis+cluster://h:99999"), /port 99999 is out of range/);
    assert.throws(() => parseClusterUrl("redis+cluster://h:7000,:x"), /":x" is not host:port/);
  });
});

describe("the runtime on a Redis Cluster (one hash tag per app)", { timeout: 180_000 }, () => {
  let cluster: LocalCluster;
  let prefix: string;
  const app = buildApp("clrt");
  let client: any;
  let redis: RedisClient;
  const workers: Worker[] = [];
  const recorder = new Redis(REDIS_URL);
  const key = (name: string) => `${prefix}:${name}`;
  const ks = () => keyspace(app.app, prefix);
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

  before(async () => {
    cluster = await LocalCluster.start();
    prefix = uniquePrefix("cluster");
    client = createTaskTree(app, { redis: cluster.url, prefix });
    redis = connectRedis(cluster.url);
  });
  after(async () => {
    await Promise.all(workers.map((w) => w.stop({ graceMs: 0 })));
    await client?.$disconnect();
    redis?.disconnect();
    await cluster?.destroy();
    await deletePrefix(prefix);
    recorder.disconnect();
    await closeRecorder();
  });

  it("connects with a Cluster client and keeps the app's keys on the master of its slot", async () => {
    assert.ok(isCluster(redis));
    const r = await client.math.add.delay({ a: 1, b: 2 });
    const slot = keySlot(ks().task(r.id));
    assert.equal(
      await cluster.onNode(cluster.nodes[0].port, (n) => n.cluster("KEYSLOT", ks().task(r.id))),
      slot,
      "keySlot agrees with CLUSTER KEYSLOT",
    );
    const owner = await cluster.masterOfSlot(slot);
    assert.equal(
      await cluster.onNode(owner, (n) => n.exists(ks().task(r.id))),
      1,
      "the record is on the master serving the {app} slot",
    );
    await startWorker();
    assert.equal(await r.get({ timeout: 10 }), 3, "the result arrives through pub/sub on the cluster");
  });

  it("runs a batch, each task once, and delivers every result", async () => {
    const sent = await client.util.record.delayMany(Array.from({ length: 200 }, () => ({ key: key("batch") })));
    const results = await Promise.all(sent.map((r: any) => r.get({ timeout: 20 })));
    assert.deepEqual(
      results,
      sent.map((r: any) => r.id),
    );
    const counted = await runs("batch");
    assert.equal(Object.keys(counted).length, 200);
    assert.ok(
      Object.values(counted).every((n) => n === 1),
      "each ran once",
    );
  });

  it("retries with backoff through the delayed set and reports the final failure", async () => {
    const ok = await client.util.flaky.delay({ key: key("flaky"), failTimes: 2 });
    assert.deepEqual(await ok.get({ timeout: 10 }), { attempts: 3 });
    const bad = await client.util.flaky.delay({ key: key("flaky-dead"), failTimes: 99 });
    await assert.rejects(
      bad.get({ timeout: 10 }),
      (e: unknown) => e instanceof RemoteTaskError && e.name === "NetworkError",
    );
    assert.equal((await runs("flaky-dead"))[bad.id], 4, "the first run and max_retries = 3 retries");
  });

  it("starts a countdown task when it is due, waking an idle worker", async () => {
    const t0 = Date.now();
    const r = await client.util.record.applyAsync({ key: key("countdown") }, { countdown: 0.4 });
    assert.equal(await r.get({ timeout: 10 }), r.id);
    assert.ok(Date.now() - t0 >= 400, "not before its countdown");
  });

  it("revokes a waiting task, and rate limits hold", async () => {
    const held = await client.util.record.applyAsync({ key: key("revoked") }, { countdown: 1 });
    await held.revoke();
    assert.equal(await held.state(), "REVOKED");
    const limited = await client.util.limited.delayMany(Array.from({ length: 6 }, () => ({ key: key("limited") })));
    await Promise.all(limited.map((r: any) => r.get({ timeout: 10 })));
    assert.deepEqual(await runs("revoked"), {}, "a revoked task never runs");
  });

  it("records progress and dead-letters garbage found in a queue", async () => {
    const r = await client.util.progress.delay({ ms: 300 });
    await eventually(async () => (await r.info())?.info?.step === "halfway", 5000);
    assert.equal(await r.get({ timeout: 10 }), "complete");
    await redis.lpush(ks().ready("default", 5), "not a valid id!");
    // An enqueue wakes the idle worker; its claim finds the garbage too.
    assert.equal(await (await client.math.add.delay({ a: 0, b: 0 })).get({ timeout: 10 }), 0);
    await eventually(async () => (await redis.zrange(ks().dead, "0", "-1")).some((m) => m.startsWith("raw:")), 5000);
  });

  it("fires a periodic entry from beat", async () => {
    const periodic = [
      {
        name: "tick",
        task: "util.record",
        schedule: { kind: "every" as const, everyMs: 300 },
        args: { key: key("tick") },
        ...PERIODIC_DEFAULTS,
      },
    ];
    const beat = new Beat(
      { ...app, periodic },
      { redis: cluster.url, prefix, logger: testLogger, pollMs: 50, lockTtlMs: 1000 },
    );
    await beat.start();
    try {
      await eventually(async () => Object.keys(await runs("tick")).length >= 2, 10_000);
    } finally {
      await beat.stop();
    }
    assert.ok(Object.keys(await runs("tick")).every((id) => id.startsWith("periodic:tick:")));
  });

  it("serves the admin's data: queues, workers, tasks, dead letters, metrics", async () => {
    const token = "cluster-admin-token-0123456789";
    const admin = await startAdmin(app, {
      redis: cluster.url,
      prefix,
      port: 0,
      token,
      password: "pw pw pw pw",
      logger: testLogger,
    });
    try {
      const get = async (path: string) => {
        const t0 = Date.now();
        const res = await fetch(new URL(path, admin.url), { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(res.status, 200, `${path}: ${res.status} ${await res.clone().text()}`);
        if (process.env.TEST_LOG) console.log(path, Date.now() - t0, "ms");
        return res;
      };
      const queues = await (await get("/api/queues")).json();
      assert.ok(JSON.stringify(queues).includes("default"));
      const workersSeen = await (await get("/api/workers")).json();
      assert.ok(JSON.stringify(workersSeen).includes(workers[0].options.id));
      const tasks = await (await get("/api/tasks")).json();
      assert.ok(JSON.stringify(tasks).length > 100);
      const dead = await (await get("/api/dead")).json();
      assert.ok(JSON.stringify(dead).includes("not a task id"));
      assert.match(await (await get("/metrics")).text(), /celerity_/);
      for (const page of ["/", "/tasks", "/periodic", "/dead"]) await get(page);
    } finally {
      await admin.close();
    }
  });

  it("a worker process started with REDIS_URL=redis+cluster://... runs tasks", async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop({ graceMs: 0 })));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/fixtures/runtime-worker-process.ts", "--prefix", prefix],
      {
        cwd: new URL("..", import.meta.url).pathname,
        env: { ...process.env, REDIS_URL: cluster.url, TEST_APP: app.app, CELERITY_LOG_FORMAT: "json" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let log = "";
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (log += d));
    try {
      const r = await client.math.add.delay({ a: 20, b: 22 });
      assert.equal(
        await r.get({ timeout: 20 }).catch((e: Error) => {
          throw new Error(`${e.message}\n${log}`);
        }),
        42,
      );
    } finally {
      child.kill("SIGTERM");
      await exited(child);
    }
  });

  it("checks every master's eviction policy: one evicting master is refused", async () => {
    const masters = await cluster.masters();
    const evicting = masters[masters.length - 1];
    await cluster.onNode(evicting, (r) => r.config("SET", "maxmemory-policy", "allkeys-lru"));
    const probe = connectRedis(cluster.url);
    try {
      await assert.rejects(
        checkEvictionPolicy(probe, { role: "client", log: testLogger, allowEviction: false }),
        (e: unknown) => e instanceof EvictionPolicyError && /allkeys-lru/.test(e.message),
      );
      await cluster.onNode(evicting, (r) => r.config("SET", "maxmemory-policy", "noeviction"));
      assert.equal((await checkEvictionPolicy(probe, { role: "client", log: testLogger })).policy, "noeviction");
    } finally {
      await cluster.onNode(evicting, (r) => r.config("SET", "maxmemory-policy", "noeviction"));
      probe.disconnect();
    }
  });
});
