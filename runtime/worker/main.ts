import { wantsHelp, type FlagSpec } from "../cli-args/help.ts";
import { boolFlag, durationFlag, intFlag, parseFlags, stringFlag } from "../cli-args/parse-flags.ts";
import { connectionFlags, processHelp } from "../cli-args/process-flags.ts";
import { resolveRedisUrl } from "../config/redis-url.ts";
import { CelerityError } from "../errors/celerity-error.ts";
import { refuseMemoryForProcess } from "../memory/registry.ts";
import { createLogger } from "../log/logger.ts";
import { exitOnSignals } from "../process/shutdown-signals.ts";
import type { WorkerOptions } from "./options.ts";
import { Worker, type WorkerApp } from "./worker.ts";

/** The worker's flags; the defaults shown are those of {@link WorkerOptions}. */
export const WORKER_FLAGS: readonly FlagSpec[] = [
  {
    name: "queues",
    value: "A,B",
    default: "every queue of the manifest",
    help: "queues to consume, in preference order",
  },
  { name: "concurrency", value: "N", default: "16", help: "tasks run at once" },
  {
    name: "lease",
    value: "DURATION",
    default: "30s",
    help: "a task whose worker stops renewing for this long goes to another worker",
  },
  {
    name: "grace",
    value: "DURATION",
    default: "30s",
    help: "warm shutdown: how long running tasks may take to finish",
  },
  {
    name: "time-limit-grace",
    value: "DURATION",
    default: "5s",
    help: "after time_limit aborts a task, how long before it is failed",
  },
  {
    name: "max-deliveries",
    value: "N",
    default: "5",
    help: "deliveries after which a task that never finishes is dead-lettered",
  },
  {
    name: "max-payload",
    value: "BYTES",
    default: "1048576 (1 MiB)",
    help: "args payloads above this are dead-lettered unread",
  },
  {
    name: "canvas-outbox-grace",
    value: "DURATION",
    default: "10s",
    help: "a canvas step crossing shards that its writer left unapplied this long is applied by a worker",
  },
  ...connectionFlags("clients and beat"),
  { name: "id", value: "ID", default: "host:pid:random", help: "this worker's name in the admin and in logs" },
  {
    name: "allow-eviction",
    value: "",
    default: "off: a maxmemory-policy that can evict keys is refused",
    help: "run even if Redis may evict keys (or CELERITY_ALLOW_EVICTION=1)",
  },
];

/** The worker's `--help` text. */
export function workerHelp(): string {
  return processHelp(
    "worker",
    "Runs the app's tasks. SIGTERM or SIGINT starts a warm shutdown (no new tasks; running ones get\nthe --grace period to finish; exit 0); a second signal exits 1 at once and leases bring running\ntasks back. Durations: 250ms, 30s, 5m, 2h, 1d, or a plain number of seconds.",
    WORKER_FLAGS,
  );
}

/** Turns command-line flags into worker options. */
export function workerOptionsFromArgv(argv: readonly string[]): WorkerOptions {
  const flags = parseFlags(
    argv,
    WORKER_FLAGS.map((f) => f.name),
  );
  const duration = (name: string) => durationFlag(flags, name);
  return {
    queues: stringFlag(flags, "queues")
      ?.split(",")
      .map((q) => q.trim())
      .filter(Boolean),
    concurrency: intFlag(flags, "concurrency"),
    leaseMs: duration("lease"),
    shutdownGraceMs: duration("grace"),
    timeLimitGraceMs: duration("time-limit-grace"),
    maxDeliveries: intFlag(flags, "max-deliveries"),
    maxPayloadBytes: intFlag(flags, "max-payload"),
    canvasOutboxGraceMs: duration("canvas-outbox-grace"),
    redis: stringFlag(flags, "redis"),
    prefix: stringFlag(flags, "prefix"),
    id: stringFlag(flags, "id"),
    allowEviction: boolFlag(flags, "allow-eviction"),
  };
}

/**
 * The worker process: `node generated/worker.js --queues a,b --concurrency 16`. Reads the command
 * line itself unless `options.argv` is given (so generated entrypoints need no Node types).
 * `--help` prints the flags and exits 0. SIGTERM/SIGINT start a warm shutdown (exit 0 when done); a
 * second signal exits at once and leases bring the tasks back.
 */
export async function runWorkerMain(app: WorkerApp, options: { argv?: readonly string[] } = {}): Promise<void> {
  const argv = options.argv ?? process.argv.slice(2);
  if (wantsHelp(argv)) {
    process.stdout.write(workerHelp());
    return;
  }
  const log = createLogger();
  let worker: Worker;
  try {
    const workerOptions = workerOptionsFromArgv(argv);
    refuseMemoryForProcess(resolveRedisUrl(workerOptions.redis as string | undefined), "a worker");
    worker = new Worker(app, { ...workerOptions, logger: log });
  } catch (error) {
    if (error instanceof CelerityError) {
      log.error(error.message, { code: error.code });
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
  // A warm shutdown asked for over the control channel ends the process as a signal's does.
  void worker.stopped.then(() => process.exit(0));
}
