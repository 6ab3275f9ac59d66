import { Beat } from "../runtime/beat/beat.ts";
import { createLogger } from "../runtime/mod.ts";
import { Worker, type WorkerApp } from "../runtime/worker/worker.ts";
import type { AppSpec } from "../runtime/spec/types.ts";

/** A worker or beat the demo runs: a child process, or in this process on the memory broker. */
export interface DemoService {
  /** Warm shutdown; resolves with what to report ("exited 0", "stopped"). */
  stop(): Promise<string>;
}

/** The demo's log lines for an in-process service, prefixed like a child's. */
function demoLogger(label: string) {
  return createLogger({ format: "pretty", write: (line) => process.stdout.write(`  [${label}] ${line}\n`) });
}

/** Starts worker and beat inside this process on the memory broker (the demo with no Redis). */
export async function startEmbedded(
  app: WorkerApp & { app: AppSpec },
  options: { url: string; prefix: string; concurrency: number },
): Promise<DemoService[]> {
  const worker = new Worker(app, {
    redis: options.url,
    prefix: options.prefix,
    concurrency: options.concurrency,
    logger: demoLogger("worker"),
  });
  const beat = new Beat(app.app, { redis: options.url, prefix: options.prefix, logger: demoLogger("beat") });
  await worker.start();
  await beat.start();
  return [{ stop: async () => (await worker.stop(), "stopped") }, { stop: async () => (await beat.stop(), "stopped") }];
}
