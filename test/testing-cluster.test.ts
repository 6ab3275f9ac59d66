// The testing toolkit's and test support's key cleanup on a Redis Cluster (3 masters, started by the
// fixture): SCAN walks one node, so cleanup must walk every master, or keys of the others stay.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { connectRedis, type RedisClient } from "../runtime/config/connect.ts";
import { keySlot } from "../runtime/keys/slot.ts";
import { deleteUnder } from "../runtime/testing/delete-under.ts";
import { createTestHarness } from "../runtime/testing/test-app.ts";
import type { Tasks } from "./fixtures/manifests/testing-app/generated/client.ts";
import { app } from "./fixtures/manifests/testing-app/generated/registry.ts";
import { LocalCluster } from "./fixtures/cluster/local-cluster.ts";
import { createTestApp } from "./fixtures/manifests/testing-app/generated/testing.ts";
import { deletePrefix, uniquePrefix } from "./support/redis.ts";
import { idsOnShards } from "./support/shard-ids.ts";

describe("key cleanup on a Redis Cluster", () => {
  let cluster: LocalCluster;
  let redis: RedisClient;

  before(async () => {
    cluster = await LocalCluster.start({ masters: 3, replicas: 0 });
    redis = connectRedis(cluster.url, { name: "celerity-test" });
  });
  after(async () => {
    redis?.disconnect();
    await cluster?.destroy();
  });

  /** Keys under `prefix` on each master, by SCAN on that master itself. */
  const keysPerMaster = async (prefix: string): Promise<number[]> =>
    Promise.all(
      (await cluster.masters()).map((port) =>
        cluster.onNode(port, async (node) => {
          let n = 0;
          let cursor = "0";
          do {
            const [next, keys] = await node.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
            cursor = next;
            n += keys.length;
          } while (cursor !== "0");
          return n;
        }),
      ),
    );

  /** 60 keys under `prefix` spread over many slots, hence over every master. */
  const plant = async (prefix: string) => {
    for (let i = 0; i < 60; i++) await redis.set(`${prefix}:{k${i}}:x`, "1");
    return Array.from({ length: 60 }, (_, i) => keySlot(`${prefix}:{k${i}}:x`));
  };

  it("deleteUnder() removes the prefix's keys from every master and nothing else", async () => {
    const prefix = uniquePrefix("cluster-cleanup");
    const slots = await plant(prefix);
    assert.ok(new Set(slots).size > 50, "the keys sit in many slots");
    await redis.set(`${prefix}-other:{k1}`, "keep");
    const before = await keysPerMaster(prefix);
    assert.equal(before.length, 3);
    assert.ok(
      before.every((n) => n > 0),
      `every master holds some (${before.join("/")})`,
    );
    assert.equal(await deleteUnder(redis, prefix), 60);
    assert.deepEqual(await keysPerMaster(`${prefix}:`), [0, 0, 0]);
    assert.equal(await redis.get(`${prefix}-other:{k1}`), "keep");
    await redis.del(`${prefix}-other:{k1}`);
  });

  it("deleteUnder() matches its prefix literally, glob characters and all", async () => {
    const prefix = uniquePrefix("cluster-cleanup");
    await redis.set(`${prefix}-g*:{a}`, "1");
    await redis.set(`${prefix}-gX:{a}`, "keep");
    assert.equal(await deleteUnder(redis, `${prefix}-g*`), 1);
    assert.equal(await redis.get(`${prefix}-gX:{a}`), "keep");
    await redis.del(`${prefix}-gX:{a}`);
  });

  it("test support's deletePrefix() takes a redis+cluster:// URL", async () => {
    const prefix = uniquePrefix("cluster-cleanup");
    await plant(prefix);
    await deletePrefix(prefix, cluster.url);
    assert.deepEqual(await keysPerMaster(`${prefix}:`), [0, 0, 0]);
  });

  it("createTestApp({ redis }) on a cluster runs tasks and leaves no key behind on any master", async () => {
    const t = await createTestApp({ redis: cluster.url });
    let closed = false;
    try {
      const r = await t.tasks.payments.charge.delay({ orderId: 4 });
      await t.drain();
      assert.deepEqual(await r.get({ timeout: "5s" }), { orderId: 4, attempts: 1 });
      assert.ok(
        (await keysPerMaster("celerity-test-")).some((n) => n > 0),
        "the app wrote keys",
      );
      await t.close();
      closed = true;
      assert.deepEqual(await keysPerMaster("celerity-test-"), [0, 0, 0]);
    } finally {
      if (!closed) await t.close();
    }
  });

  it("a test app of a sharded queue on a cluster drains across shards and cleans every master", async () => {
    const t = await createTestHarness<Tasks>(
      {
        app: { ...app, shards: { default: 3 } },
        loadDispatch: async () => (await import("./fixtures/manifests/testing-app/generated/dispatch.ts")).dispatch,
      },
      { redis: cluster.url },
    );
    let closed = false;
    try {
      // Ids picked to land on every shard (random ones all land on one shard 1 time in 243).
      const ids = idsOnShards({ ...app, shards: { default: 3 } }, "default", `order-${Date.now()}`, 6);
      const sent = await Promise.all(
        ids.map((taskId, i) => t.tasks.payments.charge.applyAsync({ orderId: i + 1 }, { taskId })),
      );
      assert.equal(new Set(sent.map((r) => r.id.slice(-3))).size, 3, "the tasks went to every shard");
      await t.drain();
      for (const [i, r] of sent.entries())
        assert.deepEqual(await r.get({ timeout: "5s" }), { orderId: i + 1, attempts: 1 });
      await t.close();
      closed = true;
      assert.deepEqual(await keysPerMaster("celerity-test-"), [0, 0, 0]);
    } finally {
      if (!closed) await t.close();
    }
  });
});
