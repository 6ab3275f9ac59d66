import { hrNow } from "../child/clock.ts";
import { WorkerProcess } from "../child/worker-process.ts";
import type { QueueSystem } from "../systems/system.ts";
import { percentileSorted, sleep } from "../support/stats.ts";
import type { SystemWorkload } from "./workload.ts";

/**
 * Sends `total` latency tasks at `rate` per second without waiting for each, as independent
 * producers would. A 1 ms timer paces them (2 per tick at 2,000/s) rather than a busy loop, which
 * would take a core from the worker and Redis on a 2-core machine. Returns the rate achieved.
 */
export async function offer(system: Pick<QueueSystem, "enqueueLatency">, rate: number, total: number): Promise<number> {
  const pending: Promise<void>[] = [];
  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (sent < due) {
      pending.push(system.enqueueLatency(hrNow()));
      sent++;
    }
    await sleep(1);
  }
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(pending);
  return total / seconds;
}

/** Workload 4: produce and consume at once; enqueue-to-start latency measured in the handler. */
export const latency: SystemWorkload = {
  kind: "system",
  name: "latency",
  title: "Enqueue-to-start latency under load",
  async run({ system, sizes }) {
    const total = sizes.latencyRate * sizes.latencySeconds;
    const warm = sizes.latencyWarmup;
    const worker = new WorkerProcess(system.workerCommand(sizes.concurrency), { watch: [warm, warm + total] });
    try {
      await worker.ready;
      // Warm-up: connections, scripts and JIT; its samples are dropped.
      await offer(system, sizes.latencyRate, warm);
      await worker.handled(warm, 60_000);
      await worker.latencies();
      const offered = await offer(system, sizes.latencyRate, total);
      await worker.handled(warm + total, 120_000);
      const samples = Float64Array.from(await worker.latencies()).sort();
      if (samples.length !== total)
        throw new Error(`${system.name}: expected ${total} latency samples, got ${samples.length}`);
      const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
      return {
        p50Ms: percentileSorted(samples, 50),
        p99Ms: percentileSorted(samples, 99),
        maxMs: samples[samples.length - 1],
        meanMs: mean,
        offeredPerSec: offered,
      };
    } finally {
      await worker.stop();
    }
  },
};
