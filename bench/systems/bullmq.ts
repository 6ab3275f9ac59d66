import { fileURLToPath } from "node:url";
import { FlowProducer, Queue, QueueEvents, type FlowJob } from "bullmq";
import { hrNow } from "../child/clock.ts";
import type { FlowSystem, FlowTiming, NoopArgs, QueueSystem, SystemEnv } from "./system.ts";

const QUEUE = "bench";

/** BullMQ: `Queue.add` / `addBulk` on the producer, a `Worker` child with concurrency 50. */
export class BullmqSystem implements QueueSystem {
  readonly name = "bullmq";
  readonly settings =
    "Queue.add / addBulk; Worker with concurrency 50 and its own connection (maxRetriesPerRequest null), default lockDuration 30 s and stalled-job checks every 30 s (at-least-once), removeOnComplete/removeOnFail { age: 1 d } to keep results as long as celerity";
  readonly prefix: string;
  readonly #env: SystemEnv;
  #queue!: Queue;

  constructor(env: SystemEnv) {
    this.#env = env;
    this.prefix = env.prefix;
  }

  async open(): Promise<void> {
    const url = new URL(this.#env.redisUrl);
    this.#queue = new Queue(QUEUE, {
      connection: { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) },
      prefix: this.prefix,
    });
    await this.#queue.waitUntilReady();
  }

  async close(): Promise<void> {
    await this.#queue.close();
  }

  async enqueueBulk(argsList: readonly NoopArgs[]): Promise<void> {
    await this.#queue.addBulk(argsList.map((data) => ({ name: "noop", data })));
  }

  async enqueueOne(args: NoopArgs): Promise<void> {
    await this.#queue.add("noop", args);
  }

  async enqueueLatency(enqueuedAt: number): Promise<void> {
    await this.#queue.add("latency", { t: enqueuedAt });
  }

  async completedCount(): Promise<number> {
    return this.#queue.getCompletedCount();
  }

  // BullMQ flows: a parent job runs once all its children completed; a chain is a nest of single children.
  readonly flows: FlowSystem = {
    chord: (headers) =>
      this.#flow(
        {
          name: "collect",
          queueName: QUEUE,
          data: {},
          children: Array.from({ length: headers }, (_, n) => ({ name: "step", queueName: QUEUE, data: { n } })),
        },
        true,
      ),
    chain: (steps) => {
      let job: FlowJob = { name: "step", queueName: QUEUE, data: { n: 0 } };
      for (let i = 1; i < steps; i++) job = { name: "step", queueName: QUEUE, data: {}, children: [job] };
      return this.#flow(job, false);
    },
  };

  async #flow(job: FlowJob, chord: boolean): Promise<FlowTiming> {
    const connection = this.#connection();
    const flows = new FlowProducer({ connection, prefix: this.prefix });
    const events = new QueueEvents(QUEUE, { connection, prefix: this.prefix });
    try {
      await events.waitUntilReady();
      const sentAt = hrNow();
      const node = await flows.add(job);
      const value = (await node.job.waitUntilFinished(events, 120_000)) as {
        startedAt?: number;
        lastHeaderAt?: number;
      };
      const doneAt = hrNow();
      return chord
        ? { sentAt, doneAt, lastHeaderAt: value.lastHeaderAt, callbackStartAt: value.startedAt }
        : { sentAt, doneAt };
    } finally {
      await events.close();
      await flows.close();
    }
  }

  #connection() {
    const url = new URL(this.#env.redisUrl);
    return { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) };
  }

  workerCommand(concurrency: number) {
    return {
      entry: fileURLToPath(new URL("../child/bullmq-worker.ts", import.meta.url)),
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
