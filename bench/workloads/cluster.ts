import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { Cluster } from "ioredis";
import { createTaskTree, keyspace, parseClusterUrl } from "../../runtime/mod.ts";
import { expandQueues } from "../../runtime/keys/shard-route.ts";
import { LocalCluster } from "../../test/fixtures/cluster/local-cluster.ts";
import { app } from "../app/generated/registry.ts";
import { hrNow } from "../child/clock.ts";
import { WorkerProcess } from "../child/worker-process.ts";
import { noopArgs } from "./args.ts";
import type { Metrics, SoloWorkload } from "./workload.ts";

const BATCH = 10_000;
const SHARD_COUNTS = [1, 2, 3] as const;
const child = (file: string) => fileURLToPath(new URL(`../child/${file}`, import.meta.url));

/** used_cpu_sys + used_cpu_user of each master, in seconds (INFO cpu). */
async function masterCpu(cluster: LocalCluster): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const port of await cluster.masters()) {
    const info = await cluster.onNode(port, (r) => r.info("cpu"));
    const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
    out.set(port, field("used_cpu_sys") + field("used_cpu_user"));
  }
  return out;
}

/** Each master's share (0..1) of the Redis CPU spent between two readings, and the total in seconds. */
function split(before: Map<number, number>, after: Map<number, number>): { shares: number[]; total: number } {
  const deltas = [...after].map(([port, cpu]) => Math.max(0, cpu - (before.get(port) ?? cpu)));
  const total = deltas.reduce((a, b) => a + b, 0);
  return { shares: deltas.map((d) => (total > 0 ? d / total : 0)).sort((a, b) => b - a), total };
}

/** Completed-run counters of every shard of the bench queue (written with the result, so persisted). */
async function completed(redis: Cluster, prefix: string, shards: number): Promise<number> {
  const ks = keyspace(app.app, prefix);
  let total = 0;
  for (const part of expandQueues({ shards: { bench: shards } }, ["bench"])) {
    for (const [field, value] of Object.entries(await redis.hgetall(ks.stats(part))))
      if (field.endsWith(":ok")) total += Number(value);
  }
  return total;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The cluster section: a local Redis Cluster (3 masters + 3 replicas, test/fixtures/cluster), one
 * queue drained by one worker process with 1, 2 and 3 shards, and BullMQ's queue (one hash tag, so
 * one slot) on the same cluster. The figure that matters on a 2-core host is how the Redis CPU splits
 * over the masters: one master's core is a queue's ceiling without shards.
 */
export const cluster: SoloWorkload = {
  kind: "solo",
  name: "cluster",
  title: "Drain on a Redis Cluster (3 masters)",
  async run({ sizes, log, detail }) {
    const local = await LocalCluster.start();
    const metrics: Metrics = {};
    const splits: Record<string, { shares: number[]; usPerTask: number }> = {};
    const admin = new Cluster(parseClusterUrl(local.url).nodes);
    try {
      for (const shards of SHARD_COUNTS) {
        const prefix = `bench-cluster-${shards}`;
        const client = createTaskTree<any>({ ...app, shards: { bench: shards } }, { redis: local.url, prefix });
        for (let i = 0; i < sizes.drain; i += BATCH)
          await client.bench.noop.delayMany(noopArgs(Math.min(BATCH, sizes.drain - i), i));
        await client.$disconnect();
        const before = await masterCpu(local);
        const worker = new WorkerProcess(
          {
            entry: child("celerity-cluster-worker.ts"),
            args: [
              "--concurrency",
              String(sizes.concurrency),
              "--prefix",
              prefix,
              "--queues",
              "bench",
              "--redis",
              local.url,
            ],
            env: { BENCH_SHARDS: String(shards), CELERITY_LOG_LEVEL: "warn", CELERITY_LOG_FORMAT: "json" },
          },
          { watch: [sizes.drain] },
        );
        try {
          const start = await worker.ready;
          await worker.handled(sizes.drain, 600_000);
          await waitFor(
            "persisted completions",
            async () => (await completed(admin, prefix, shards)) >= sizes.drain,
            60_000,
          );
          const ms = hrNow() - start;
          const s = split(before, await masterCpu(local));
          metrics[`shards${shards}PerSec`] = (sizes.drain / ms) * 1000;
          metrics[`shards${shards}MaxShare`] = s.shares[0];
          metrics[`shards${shards}MinShare`] = s.shares[s.shares.length - 1];
          metrics[`shards${shards}RedisUsPerTask`] = (s.total * 1e6) / sizes.drain;
          splits[`celerity, ${shards} shard${shards > 1 ? "s" : ""}`] = {
            shares: s.shares,
            usPerTask: (s.total * 1e6) / sizes.drain,
          };
          log(
            `${shards} shard(s): ${Math.round((sizes.drain / ms) * 1000)}/s, Redis CPU shares ${s.shares.map((x) => (x * 100).toFixed(0) + "%").join(" / ")}`,
          );
        } finally {
          await worker.stop();
        }
      }
      // BullMQ: same drain, its queue in one slot ({prefix} hash tag).
      const prefix = "bench-cluster-bullmq";
      const queue = new Queue("bench", {
        connection: new Cluster(parseClusterUrl(local.url).nodes),
        prefix: `{${prefix}}`,
      });
      await queue.waitUntilReady();
      for (let i = 0; i < sizes.drain; i += BATCH)
        await queue.addBulk(noopArgs(Math.min(BATCH, sizes.drain - i), i).map((data) => ({ name: "noop", data })));
      const before = await masterCpu(local);
      const worker = new WorkerProcess(
        {
          entry: child("bullmq-cluster-worker.ts"),
          args: [
            "--redis",
            local.url,
            "--prefix",
            prefix,
            "--queue",
            "bench",
            "--concurrency",
            String(sizes.concurrency),
          ],
        },
        { watch: [sizes.drain] },
      );
      try {
        const start = await worker.ready;
        await worker.handled(sizes.drain, 600_000);
        await waitFor("persisted completions", async () => (await queue.getCompletedCount()) >= sizes.drain, 60_000);
        const ms = hrNow() - start;
        const s = split(before, await masterCpu(local));
        metrics.bullmqPerSec = (sizes.drain / ms) * 1000;
        metrics.bullmqMaxShare = s.shares[0];
        metrics.bullmqRedisUsPerTask = (s.total * 1e6) / sizes.drain;
        splits.BullMQ = { shares: s.shares, usPerTask: (s.total * 1e6) / sizes.drain };
        log(
          `BullMQ: ${Math.round((sizes.drain / ms) * 1000)}/s, Redis CPU shares ${s.shares.map((x) => (x * 100).toFixed(0) + "%").join(" / ")}`,
        );
      } finally {
        await worker.stop();
        await queue.close();
      }
      detail("redisCpuSplit", splits);
      return metrics;
    } finally {
      admin.disconnect();
      await local.destroy();
    }
  },
};
