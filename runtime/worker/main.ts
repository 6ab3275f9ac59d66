import { boolFlag, intFlag, parseFlags, stringFlag } from "../cli-args/parse-flags.ts";
import { CelerityError } from "../errors/celerity-error.ts";
import { createLogger } from "../log/logger.ts";
import { exitOnSignals } from "../process/shutdown-signals.ts";
import { durationToMs } from "../time/duration.ts";
import type { WorkerOptions } from "./options.ts";
import { Worker, type WorkerApp } from "./worker.ts";

const FLAGS = ["queues", "concurrency", "lease", "grace", "time-limit-grace", "max-deliveries", "max-payload", "redis", "prefix", "id", "allow-eviction"];

/** Turns command-line flags into worker options. */
export function workerOptionsFromArgv(argv: readonly string[]): WorkerOptions {
  const flags = parseFlags(argv, FLAGS);
  const duration = (name: string) => {
    const v = stringFlag(flags, name);
    return v === undefined ? undefined : durationToMs(/^\d+(\.\d+)?$/.test(v) ? Number(v) : v, `--${name}`);
  };
  return {
    queues: stringFlag(flags, "queues")?.split(",").map((q) => q.trim()).filter(Boolean),
    concurrency: intFlag(flags, "concurrency"),
    leaseMs: duration("lease"),
    shutdownGraceMs: duration("grace"),
    timeLimitGraceMs: duration("time-limit-grace"),
    maxDeliveries: intFlag(flags, "max-deliveries"),
    maxPayloadBytes: intFlag(flags, "max-payload"),
    redis: stringFlag(flags, "redis"),
    prefix: stringFlag(flags, "prefix"),
    id: stringFlag(flags, "id"),
    allowEviction: boolFlag(flags, "allow-eviction"),
  };
}

/**
 * The worker process: `tsx generated/worker.ts --queues a,b --concurrency 16`. SIGTERM/SIGINT start a
 * warm shutdown (exit 0 when done); a second signal exits at once and leases bring the tasks back.
 * `options.argv` defaults to the process's own arguments, so generated entrypoints need no Node types.
 */
export async function runWorkerMain(app: WorkerApp, options: { argv?: readonly string[] } = {}): Promise<void> {
  const log = createLogger();
  let worker: Worker;
  try {
    worker = new Worker(app, { ...workerOptionsFromArgv(options.argv ?? process.argv.slice(2)), logger: log });
  } catch (error) {
    if (error instanceof CelerityError) {
      log.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  exitOnSignals(log, () => worker.stop(), {
    warm: "warm shutdown: finishing running tasks",
    cold: "second signal: exiting now; leases will return running tasks",
  });
  try {
    await worker.start();
  } catch (error) {
    if (error instanceof CelerityError) {
      log.error(error.message, { code: error.code });
      process.exit(2);
    }
    throw error;
  }
}
