import type { Logger } from "../log/logger.ts";

export interface ShutdownMessages {
  /** Logged at the first SIGTERM/SIGINT, before `stop` runs. */
  warm: string;
  /** Logged at a second signal, just before exiting 1. */
  cold: string;
}

/**
 * A repeat of the first signal this soon after it is the same keypress arriving twice: Ctrl-C
 * signals the terminal's whole process group, so a worker under `npm run` gets SIGINT from the
 * terminal and again from npm, which forwards what it received. A person's second Ctrl-C, or a
 * supervisor's second SIGTERM, comes later than this.
 */
export const ECHO_WINDOW_MS = 100;

/**
 * The shutdown contract of long-running celerity processes (worker, beat): the first SIGTERM or
 * SIGINT runs `stop` and exits 0 when it is done (1 if it fails); a second signal exits 1 at once
 * (the first signal's echo within {@link ECHO_WINDOW_MS} does not count as a second).
 */
export function exitOnSignals(log: Logger, stop: () => Promise<void>, messages: ShutdownMessages): void {
  let first: { signal: string; at: number } | null = null;
  const onSignal = (signal: string) => {
    const now = performance.now();
    if (first !== null) {
      if (signal === first.signal && now - first.at < ECHO_WINDOW_MS) {
        log.debug("signal delivered twice (terminal and npm); treated as one", { signal });
        return;
      }
      log.warn(messages.cold, { signal });
      process.exit(1);
    }
    first = { signal, at: now };
    log.info(messages.warm, { signal });
    stop().then(
      () => process.exit(0),
      (error) => {
        log.error("shutdown failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
