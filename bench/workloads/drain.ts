import { WorkerProcess } from "../child/worker-process.ts";
import { noopArgs } from "./args.ts";
import { persistedAt } from "./persisted.ts";
import type { SystemWorkload } from "./workload.ts";

const BATCH = 10_000;

/**
 * Workload 3: enqueue everything, then start one worker process and time from its start (its code
 * loaded, before it connects) to the last persisted completion.
 */
export const drain: SystemWorkload = {
  kind: "system",
  name: "drain",
  title: "Drain queued tasks (1 worker process)",
  async run({ system, sizes }) {
    for (let i = 0; i < sizes.drain; i += BATCH)
      await system.enqueueBulk(noopArgs(Math.min(BATCH, sizes.drain - i), i));
    const worker = new WorkerProcess(system.workerCommand(sizes.concurrency), { watch: [sizes.drain] });
    try {
      const start = await worker.ready;
      const handled = await worker.handled(sizes.drain, 600_000);
      const end = await persistedAt(system, sizes.drain);
      const ms = end - start;
      return { ms, perSec: (sizes.drain / ms) * 1000, handlersMs: handled.at - start, tailMs: end - handled.at };
    } finally {
      await worker.stop();
    }
  },
};
