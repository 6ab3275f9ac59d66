import { Worker, type Job } from "bullmq";
import { latencyHandled, taskHandled } from "./probe.ts";
import { hrNow } from "./clock.ts";
import { childArgs, onShutdown } from "./child-args.ts";
import { BULLMQ_KEEP } from "../systems/retention.ts";

// BullMQ the way its docs run it: one Worker with in-process concurrency and its own connection
// (maxRetriesPerRequest: null, as BullMQ requires for blocking workers).
const args = childArgs();
const url = new URL(args.redis);
const worker = new Worker(
  args.queue,
  async (job: Job<{ i?: number; t?: number; n?: number }>) => {
    // Flows: a step takes its child's result (a chain) or its own n; a collect gets every child's.
    if (job.name === "step") {
      const prev = Object.values(await job.getChildrenValues())[0] as { n: number } | undefined;
      return { n: (prev ? prev.n : (job.data.n ?? 0)) + 1, at: hrNow() };
    }
    if (job.name === "collect") {
      const startedAt = hrNow();
      const values = Object.values(await job.getChildrenValues()) as { at: number }[];
      return { startedAt, lastHeaderAt: Math.max(...values.map((v) => v.at)) };
    }
    if (job.name === "latency") latencyHandled(job.data.t ?? 0);
    else taskHandled();
    return null;
  },
  {
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      db: Number(url.pathname.slice(1) || 0),
      maxRetriesPerRequest: null,
    },
    prefix: args.prefix,
    concurrency: args.concurrency,
    removeOnComplete: BULLMQ_KEEP,
    removeOnFail: BULLMQ_KEEP,
  },
);
worker.on("error", (error) => console.error("bullmq worker error:", error.message));
onShutdown(() => worker.close());
