import { boolFlag, parseFlags, stringFlag } from "../cli-args/parse-flags.ts";
import { CelerityError } from "../errors/celerity-error.ts";
import { createLogger } from "../log/logger.ts";
import { exitOnSignals } from "../process/shutdown-signals.ts";
import type { AppSpec } from "../spec/types.ts";
import { durationToMs } from "../time/duration.ts";
import { Beat, type BeatOptions } from "./beat.ts";

const FLAGS = ["redis", "prefix", "lock-ttl", "poll", "allow-eviction"];

/** Turns command-line flags into beat options. */
export function beatOptionsFromArgv(argv: readonly string[]): BeatOptions {
  const flags = parseFlags(argv, FLAGS);
  const duration = (name: string) => {
    const v = stringFlag(flags, name);
    return v === undefined ? undefined : durationToMs(/^\d+(\.\d+)?$/.test(v) ? Number(v) : v, `--${name}`);
  };
  return { redis: stringFlag(flags, "redis"), prefix: stringFlag(flags, "prefix"), lockTtlMs: duration("lock-ttl"), pollMs: duration("poll"), allowEviction: boolFlag(flags, "allow-eviction") };
}

/**
 * The beat process: `tsx generated/beat.ts [--redis URL] [--prefix P] [--lock-ttl 5s]`. Runs until
 * SIGTERM/SIGINT, then releases the leader lock so a standby beat takes over at once.
 * `options.argv` defaults to the process's own arguments, so generated entrypoints need no Node types.
 */
export async function runBeatMain(app: { app: AppSpec }, options: { argv?: readonly string[] } = {}): Promise<void> {
  const log = createLogger();
  let beat: Beat;
  try {
    beat = new Beat(app.app, { ...beatOptionsFromArgv(options.argv ?? process.argv.slice(2)), logger: log });
    await beat.start();
  } catch (error) {
    if (error instanceof CelerityError) {
      log.error(error.message, { code: error.code });
      process.exit(2);
    }
    throw error;
  }
  exitOnSignals(log, () => beat.stop(), { warm: "stopping beat", cold: "second signal: exiting now; the leader lock expires on its own" });
}
