import type { QueueSystem } from "../systems/system.ts";
import { sleep } from "../support/stats.ts";
import { hrNow } from "../child/clock.ts";

/**
 * Waits until the system has persisted `count` completions and returns when it saw that. Called
 * once the handlers are known to have run, so it polls only the short tail of the last batch.
 */
export async function persistedAt(system: QueueSystem, count: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await system.completedCount();
    if (done >= count) return hrNow();
    if (Date.now() > deadline)
      throw new Error(`${system.name}: only ${done} of ${count} completions persisted after ${timeoutMs} ms`);
    await sleep(1);
  }
}
