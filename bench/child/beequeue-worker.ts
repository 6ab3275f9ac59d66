import BeeQueue from "bee-queue";
import { latencyHandled, taskHandled } from "./probe.ts";
import { childArgs, onShutdown } from "./child-args.ts";
import { BEE_WORKER_SETTINGS, BEE_STALL_CHECK_MS } from "../systems/retention.ts";

// Bee-Queue the way its README runs a worker: `process(concurrency, handler)` on a worker queue,
// plus the periodic stall check it leaves to the application (without it, a crashed worker's jobs
// are never retried, so it is part of the at-least-once setup).
const args = childArgs();
const queue = new BeeQueue(args.queue, { redis: { url: args.redis }, prefix: args.prefix, ...BEE_WORKER_SETTINGS });
queue.on("error", (error: Error) => console.error("bee-queue worker error:", error.message));
queue.process(args.concurrency, async (job: BeeQueue.Job<{ i?: number; t?: number }>) => {
  if (job.data.t !== undefined && job.data.i === undefined) latencyHandled(job.data.t);
  else taskHandled();
  return null;
});
void queue.checkStalledJobs(BEE_STALL_CHECK_MS);
onShutdown(() => queue.close(10_000));
