import { fileURLToPath } from "node:url";
import { keyspace } from "../../runtime/mod.ts";
import { createClient, type Client } from "../app/generated/client.ts";
import type { Redis } from "ioredis";
import type { FlowSystem, FlowTiming, NoopArgs, QueueSystem, SystemEnv } from "./system.ts";
import { hrNow } from "../child/clock.ts";

const QUEUE = "bench";

/** celerity through its generated client (`tasks.bench.noop.delayMany`) and generated worker entry. */
export class CeleritySystem implements QueueSystem {
  readonly name = "celerity";
  readonly settings =
    "typed client (delay / delayMany, args validated by ajv on both sides); worker CLI `--concurrency 50`, leases 30 s renewed in one batched call, acks_late (at-least-once), results kept for result_expires = 1 d";
  readonly prefix: string;
  readonly #redisUrl: string;
  readonly #admin: Redis;
  #tasks!: Client;

  constructor(env: SystemEnv) {
    this.#redisUrl = env.redisUrl;
    this.#admin = env.admin;
    this.prefix = env.prefix;
  }

  async open(): Promise<void> {
    this.#tasks = createClient({ redis: this.#redisUrl, prefix: this.prefix });
  }

  async close(): Promise<void> {
    await this.#tasks.$disconnect();
  }

  async enqueueBulk(argsList: readonly NoopArgs[]): Promise<void> {
    await this.#tasks.bench.noop.delayMany(argsList);
  }

  async enqueueOne(args: NoopArgs): Promise<void> {
    await this.#tasks.bench.noop.delay(args);
  }

  async enqueueLatency(enqueuedAt: number): Promise<void> {
    await this.#tasks.bench.latency.delay({ t: enqueuedAt });
  }

  // The per-minute outcome counters the admin dashboard reads; written by the same script that
  // stores the result, so they count persisted completions.
  async completedCount(): Promise<number> {
    const stats = await this.#admin.hgetall(keyspace("bench", this.prefix).stats(QUEUE));
    let total = 0;
    for (const [field, value] of Object.entries(stats)) if (field.endsWith(":ok")) total += Number(value);
    return total;
  }

  // The canvas: the chord counter and the next chain step advance in the script that records a result.
  readonly flows: FlowSystem = {
    chord: async (headers: number): Promise<FlowTiming> => {
      const t = this.#tasks;
      const header = Array.from({ length: headers }, (_, n) => t.bench.step.s({ n }));
      const sentAt = hrNow();
      const result = await t.$chord(header, t.bench.collect.s({}, { resultAs: "values" }));
      const { startedAt, lastHeaderAt } = await result.get({ timeout: "120s" });
      return { sentAt, doneAt: hrNow(), lastHeaderAt, callbackStartAt: startedAt };
    },
    chain: async (steps: number): Promise<FlowTiming> => {
      const t = this.#tasks;
      const rest = Array.from({ length: steps - 1 }, () => t.bench.step.s());
      const sentAt = hrNow();
      const result = await t.$chain(t.bench.step.s({ n: 0 }), ...rest);
      const { n } = (await result.get({ timeout: "120s" })) as { n: number };
      if (n !== steps) throw new Error(`chain of ${steps} returned n=${n}`);
      return { sentAt, doneAt: hrNow() };
    },
    // The same task body with and without ignore_result; MEMORY USAGE of each finished record.
    ignoreResultSaving: async (count: number): Promise<number> => {
      const t = this.#tasks;
      const args = Array.from({ length: count }, (_, n) => ({ n }));
      const kept = await t.bench.step.delayMany(args);
      const ignored = await t.bench.quiet.delayMany(args);
      for (const r of [...kept, ...ignored]) await r.get({ timeout: "60s" });
      const ks = keyspace("bench", this.prefix);
      const bytes = async (ids: readonly { id: string }[]) => {
        const pipeline = this.#admin.pipeline();
        for (const { id } of ids) pipeline.memory("USAGE", ks.task(id), "SAMPLES", 0);
        const rows = (await pipeline.exec()) ?? [];
        return rows.reduce((sum, [, v]) => sum + Number(v ?? 0), 0) / ids.length;
      };
      return (await bytes(kept)) - (await bytes(ignored));
    },
  };

  workerCommand(concurrency: number) {
    return {
      entry: fileURLToPath(new URL("../app/generated/worker.ts", import.meta.url)),
      args: [
        "--concurrency",
        String(concurrency),
        "--prefix",
        this.prefix,
        "--queues",
        QUEUE,
        "--redis",
        this.#redisUrl,
      ],
      env: { CELERITY_LOG_LEVEL: "warn", CELERITY_LOG_FORMAT: "json" },
    };
  }
}
