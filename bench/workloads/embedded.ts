import { forgetMemoryBroker } from "../../runtime/memory/mod.ts";
import { Redis } from "ioredis";
import { measureBroker } from "../memory/measure.ts";
import { deleteUnder } from "../support/keys.ts";
import type { SoloWorkload } from "./workload.ts";

/**
 * Workload 7: the memory broker (celerity's Lua in fengari, in this process) beside Redis, each with
 * the worker in this process: single enqueue and drain. The other workloads run Redis workers as
 * child processes, which the memory broker cannot serve; this one compares the two brokers evenly.
 */
export const embedded: SoloWorkload = {
  kind: "solo",
  name: "embedded",
  title: "Memory broker beside Redis (in-process worker)",
  async run({ sizes, redisUrl }) {
    const options = { single: sizes.single, drain: sizes.drain, concurrency: sizes.concurrency };
    const url = `memory://bench-embedded-${process.pid}`;
    const memory = await measureBroker(url, { prefix: "bench-embedded", ...options });
    forgetMemoryBroker(url);
    const prefix = `celerity-bench-embedded-${process.pid}`;
    const redis = await measureBroker(redisUrl, { prefix, ...options });
    const admin = new Redis(redisUrl);
    try {
      await deleteUnder(admin, prefix);
    } finally {
      admin.disconnect();
    }
    return {
      memorySinglePerSec: memory.singlePerSec,
      redisSinglePerSec: redis.singlePerSec,
      memoryDrainPerSec: memory.drainPerSec,
      redisDrainPerSec: redis.drainPerSec,
    };
  },
};
