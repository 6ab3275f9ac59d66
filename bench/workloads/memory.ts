import { WorkerProcess } from "../child/worker-process.ts";
import { footprint, usedMemory } from "../support/footprint.ts";
import { sleep } from "../support/stats.ts";
import { noopArgs } from "./args.ts";
import { persistedAt } from "./persisted.ts";
import type { Metrics, SystemWorkload } from "./workload.ts";

const CHUNK = 10_000;
const MAX_BACKLOG = 20_000;
const MB = 1024 * 1024;

/**
 * Workload 5: push `memoryTotal` tasks through one worker with a bounded backlog, reading the
 * worker's RSS as it passes each milestone, then Redis' memory and the keys under the prefix.
 * Results are kept as configured (1 day), so Redis grows by the stored records; the figures show
 * that this is all that grows (bytes per task) and that the worker's RSS stays flat.
 */
export const memory: SystemWorkload = {
  kind: "system",
  name: "memory",
  title: "Memory after many tasks",
  once: true,
  async run({ system, admin, sizes, log, detail }) {
    const before = await usedMemory(admin);
    const total = sizes.memoryTotal;
    const worker = new WorkerProcess(system.workerCommand(sizes.concurrency), { watch: sizes.memoryMilestones });
    const metrics: Metrics = {};
    try {
      await worker.ready;
      metrics.rssStartMB = (await worker.status()).rss / MB;
      let enqueued = 0;
      while (enqueued < total) {
        const { count } = await worker.status();
        if (enqueued - count < MAX_BACKLOG) {
          const n = Math.min(CHUNK, total - enqueued);
          await system.enqueueBulk(noopArgs(n, enqueued));
          enqueued += n;
        } else await sleep(20);
      }
      for (const milestone of sizes.memoryMilestones) {
        const m = await worker.handled(milestone, 600_000);
        metrics[`rss${milestone / 1000}kMB`] = m.rss / MB;
        metrics[`heap${milestone / 1000}kMB`] = m.heapUsed / MB;
      }
      await persistedAt(system, total);
    } finally {
      await worker.stop();
    }
    metrics.redisDeltaMB = ((await usedMemory(admin)) - before) / MB;
    const fp = await footprint(admin, system.prefix);
    metrics.keys = fp.keys;
    metrics.prefixMB = fp.bytes / MB;
    metrics.bytesPerTask = fp.bytes / total;
    detail("keyGroups", fp.groups.slice(0, 12));
    log(
      `${system.name} keys: ${fp.groups
        .slice(0, 6)
        .map((g) => `${g.pattern} x${g.keys} ${(g.bytes / MB).toFixed(1)}MB`)
        .join(", ")}`,
    );
    return metrics;
  },
};
