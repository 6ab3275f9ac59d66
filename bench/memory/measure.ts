import { connectRedis, createLogger, keyspace } from "../../runtime/mod.ts";
import { Worker } from "../../runtime/worker/worker.ts";
import { createClient } from "../app/generated/client.ts";
import { dispatch } from "../app/generated/dispatch.ts";
import { app } from "../app/generated/registry.ts";
import { hrNow } from "../child/clock.ts";

/** Figures of one backend: single enqueue and drain, both in this one process. */
export interface BrokerFigures {
  singlePerSec: number;
  singleUsPerCall: number;
  drainPerSec: number;
  drainMs: number;
}

async function completed(redis: ReturnType<typeof connectRedis>, prefix: string): Promise<number> {
  const stats = await redis.hgetall(keyspace("bench", prefix).stats("bench"));
  let total = 0;
  for (const [field, value] of Object.entries(stats)) if (field.endsWith(":ok")) total += Number(value);
  return total;
}

/**
 * Measures the bench's single-enqueue and drain workloads against `url` (a Redis URL or
 * `memory://...`), with the worker in this process, so the memory broker and Redis are compared
 * on equal terms (the main bench runs Redis workers as child processes, which the memory broker cannot).
 */
export async function measureBroker(
  url: string,
  options: { prefix: string; single: number; drain: number; concurrency: number },
): Promise<BrokerFigures> {
  const { prefix } = options;
  const tasks = createClient({ redis: url, prefix });
  const inspect = connectRedis(url);
  try {
    for (let i = 0; i < 20; i++) await tasks.bench.noop.delay({ i });
    let start = hrNow();
    for (let i = 0; i < options.single; i++) await tasks.bench.noop.delay({ i });
    const singleMs = hrNow() - start;

    const worker = new Worker(
      { app, dispatch },
      {
        redis: url,
        prefix,
        queues: ["bench"],
        concurrency: options.concurrency,
        logger: createLogger({ level: "error" }),
      },
    );
    await worker.start();
    const warm = options.single + 20;
    while ((await completed(inspect, prefix)) < warm) await new Promise((r) => setTimeout(r, 5));
    await worker.stop();

    const batch = Array.from({ length: options.drain }, (_, i) => ({ i }));
    await tasks.bench.noop.delayMany(batch);
    const drainWorker = new Worker(
      { app, dispatch },
      {
        redis: url,
        prefix,
        queues: ["bench"],
        concurrency: options.concurrency,
        logger: createLogger({ level: "error" }),
      },
    );
    start = hrNow();
    await drainWorker.start();
    while ((await completed(inspect, prefix)) < warm + options.drain) await new Promise((r) => setTimeout(r, 2));
    const drainMs = hrNow() - start;
    await drainWorker.stop();
    return {
      singlePerSec: (options.single / singleMs) * 1000,
      singleUsPerCall: (singleMs * 1000) / options.single,
      drainPerSec: (options.drain / drainMs) * 1000,
      drainMs,
    };
  } finally {
    await tasks.$disconnect();
    inspect.disconnect();
  }
}
