import type { Logger } from "../log/logger.ts";

export interface ShutdownMessages {
  /** Logged at the first SIGTERM/SIGINT, before `stop` runs. */
  warm: string;
  /** Logged at a second signal, just before exiting 1. */
  cold: string;
}

/**
 * The shutdown contract of long-running celerity processes (worker, beat): the first SIGTERM or
 * SIGINT runs `stop` and exits 0 when it is done (1 if it fails); a second signal exits 1 at once.
 */
export function exitOnSignals(log: Logger, stop: () => Promise<void>, messages: ShutdownMessages): void {
  let signals = 0;
  const onSignal = (signal: string) => {
    if (++signals > 1) {
      log.warn(messages.cold, { signal });
      process.exit(1);
    }
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
