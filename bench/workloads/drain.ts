import { WorkerProcess } from "../child/worker-process.ts";
import { sleep } from "../support/stats.ts";
import { noopArgs } from "./args.ts";
import { persistedAt } from "./persisted.ts";
import type { SystemRun, SystemWorkload } from "./workload.ts";

const BATCH = 10_000;
/** How often the 2-process drain asks its children how many tasks they handled. */
const POLL_MS = 2;

async function enqueueAll({ system, sizes }: SystemRun): Promise<void> {
  for (let i = 0; i < sizes.drain; i += BATCH) await system.enqueueBulk(noopArgs(Math.min(BATCH, sizes.drain - i), i));
}

/**
 * Workload 3: enqueue everything, then start one worker process and time from its start (its code
 * loaded, before it connects) to the last persisted completion.
 */
export const drain: SystemWorkload = {
  kind: "system",
  name: "drain",
  title: "Drain queued tasks (1 worker process)",
  async run(ctx) {
    const { system, sizes } = ctx;
    await enqueueAll(ctx);
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

/**
 * Workload 3b: the same drain with two worker processes (each at the same concurrency) sharing the
 * queue. Timed from the first child's start (code loaded) to the last persisted completion; neither
 * child knows its share in advance, so the parent polls their handled counts over IPC (no Redis
 * traffic) and then waits for the persisted tail as workload 3 does.
 */
export const drain2: SystemWorkload = {
  kind: "system",
  name: "drain2",
  title: "Drain queued tasks (2 worker processes)",
  async run(ctx) {
    const { system, sizes } = ctx;
    await enqueueAll(ctx);
    const workers = [0, 1].map(() => new WorkerProcess(system.workerCommand(sizes.concurrency)));
    try {
      const start = Math.min(...(await Promise.all(workers.map((w) => w.ready))));
      const deadline = Date.now() + 600_000;
      let counts: number[] = [];
      for (;;) {
        counts = (await Promise.all(workers.map((w) => w.status()))).map((s) => s.count);
        if (counts[0] + counts[1] >= sizes.drain) break;
        if (Date.now() > deadline) throw new Error(`${system.name}: only ${counts.join(" + ")} handled`);
        await sleep(POLL_MS);
      }
      const end = await persistedAt(system, sizes.drain);
      const ms = end - start;
      return {
        ms,
        perSec: (sizes.drain / ms) * 1000,
        // How evenly the two processes shared the queue: the smaller one's share of all tasks.
        minShare: Math.min(...counts) / (counts[0] + counts[1]),
      };
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  },
};
