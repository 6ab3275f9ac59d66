import { fileURLToPath } from "node:url";
import BeeQueue from "bee-queue";
import { BEE_PRODUCER_SETTINGS } from "./retention.ts";
import type { NoopArgs, QueueSystem, SystemEnv } from "./system.ts";

const QUEUE = "bench";

type BeeData = { i?: number; t?: number };

/** Bee-Queue: `createJob().save()` / `saveAll` on a producer-only queue, `process(50, fn)` in a child. */
export class BeeQueueSystem implements QueueSystem {
  readonly name = "bee-queue";
  readonly settings =
    "producer queue { isWorker: false, getEvents: false, storeJobs: false }; worker process(50, fn) with removeOnSuccess false (job records kept; return values are published as events, Bee-Queue does not persist them), stall detection via checkStalledJobs(5 s) (at-least-once)";
  readonly prefix: string;
  readonly #env: SystemEnv;
  #queue!: BeeQueue<BeeData>;

  constructor(env: SystemEnv) {
    this.#env = env;
    this.prefix = env.prefix;
  }

  async open(): Promise<void> {
    this.#queue = new BeeQueue(QUEUE, {
      redis: { url: this.#env.redisUrl },
      prefix: this.prefix,
      ...BEE_PRODUCER_SETTINGS,
    });
    await this.#queue.ready();
  }

  async close(): Promise<void> {
    await this.#queue.close();
  }

  async enqueueBulk(argsList: readonly NoopArgs[]): Promise<void> {
    const errors = await this.#queue.saveAll(argsList.map((data) => this.#queue.createJob<BeeData>(data)));
    if (errors.size > 0)
      throw new Error(`bee-queue saveAll: ${errors.size} jobs failed, e.g. ${[...errors.values()][0].message}`);
  }

  async enqueueOne(args: NoopArgs): Promise<void> {
    await this.#queue.createJob(args).save();
  }

  async enqueueLatency(enqueuedAt: number): Promise<void> {
    await this.#queue.createJob({ t: enqueuedAt }).save();
  }

  // Bee-Queue's own succeeded set (kept because removeOnSuccess is false).
  async completedCount(): Promise<number> {
    return this.#env.admin.scard(`${this.prefix}:${QUEUE}:succeeded`);
  }

  workerCommand(concurrency: number) {
    return {
      entry: fileURLToPath(new URL("../child/beequeue-worker.ts", import.meta.url)),
      args: [
        "--redis",
        this.#env.redisUrl,
        "--prefix",
        this.prefix,
        "--queue",
        QUEUE,
        "--concurrency",
        String(concurrency),
      ],
    };
  }
}
