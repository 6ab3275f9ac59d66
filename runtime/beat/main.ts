import { wantsHelp, type FlagSpec } from "../cli-args/help.ts";
import { boolFlag, durationFlag, parseFlags, stringFlag } from "../cli-args/parse-flags.ts";
import { connectionFlags, processHelp } from "../cli-args/process-flags.ts";
import { resolveRedisUrl } from "../config/redis-url.ts";
import { CelerityError } from "../errors/celerity-error.ts";
import { refuseMemoryForProcess } from "../memory/registry.ts";
import { createLogger } from "../log/logger.ts";
import { exitOnSignals } from "../process/shutdown-signals.ts";
import type { AppSpec } from "../spec/types.ts";
import { Beat, type BeatOptions } from "./beat.ts";

/** Beat's flags; the defaults shown are those of {@link BeatOptions}. */
export const BEAT_FLAGS: readonly FlagSpec[] = [
  ...connectionFlags("clients and workers"),
  {
    name: "lock-ttl",
    value: "DURATION",
    default: "5s",
    help: "leader lock TTL; a standby beat takes over within about this long",
  },
  { name: "poll", value: "DURATION", default: "250ms", help: "longest sleep between looks at the next due entry" },
  {
    name: "allow-eviction",
    value: "",
    default: "off: a maxmemory-policy that can evict keys is refused",
    help: "run even if Redis may evict keys (or CELERITY_ALLOW_EVICTION=1)",
  },
];

/** Beat's `--help` text. */
export function beatHelp(): string {
  return processHelp(
    "beat",
    "Sends the app's periodic tasks when they are due. Entries from the manifest are synced at start;\nentries made in the admin or CLI are kept. Run two for failover: one leads, the other stands by.\nSIGTERM or SIGINT releases the leader lock and exits 0. Durations: 250ms, 30s, 5m, or seconds.",
    BEAT_FLAGS,
  );
}

/** Turns command-line flags into beat options. */
export function beatOptionsFromArgv(argv: readonly string[]): BeatOptions {
  const flags = parseFlags(
    argv,
    BEAT_FLAGS.map((f) => f.name),
  );
  const duration = (name: string) => durationFlag(flags, name);
  return {
    redis: stringFlag(flags, "redis"),
    prefix: stringFlag(flags, "prefix"),
    lockTtlMs: duration("lock-ttl"),
    pollMs: duration("poll"),
    allowEviction: boolFlag(flags, "allow-eviction"),
  };
}

/**
 * The beat process: `node generated/beat.js [--redis URL] [--prefix P] [--lock-ttl 5s]`. Reads the
 * command line itself unless `options.argv` is given. `--help` prints the flags and exits 0. Runs
 * until SIGTERM/SIGINT, then releases the leader lock so a standby beat takes over at once.
 */
export async function runBeatMain(app: { app: AppSpec }, options: { argv?: readonly string[] } = {}): Promise<void> {
  const argv = options.argv ?? process.argv.slice(2);
  if (wantsHelp(argv)) {
    process.stdout.write(beatHelp());
    return;
  }
  const log = createLogger();
  let beat: Beat;
  try {
    const beatOptions = beatOptionsFromArgv(argv);
    refuseMemoryForProcess(resolveRedisUrl(beatOptions.redis as string | undefined), "a beat");
    beat = new Beat(app.app, { ...beatOptions, logger: log });
    await beat.start();
  } catch (error) {
    if (error instanceof CelerityError) {
      log.error(error.message, { code: error.code });
      process.exit(2);
    }
    throw error;
  }
  exitOnSignals(log, () => beat.stop(), {
    warm: "stopping beat",
    cold: "second signal: exiting now; the leader lock expires on its own",
  });
}
