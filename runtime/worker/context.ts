import type { Logger } from "../log/logger.ts";
import { RetryRequest } from "../retry/retry-request.ts";
import type { RetryRequestOptions, TaskContext } from "../task/types.ts";

export interface ContextInput {
  id: string;
  name: string;
  retries: number;
  deliveries: number;
  queue: string;
  signal: AbortSignal;
  log: Logger;
  saveProgress(json: string): Promise<void>;
}

/** Builds the `ctx` a handler receives. */
export function createContext(input: ContextInput): TaskContext {
  return {
    id: input.id,
    name: input.name,
    retries: input.retries,
    deliveries: input.deliveries,
    queue: input.queue,
    signal: input.signal,
    log: input.log,
    retry(options: RetryRequestOptions = {}): never {
      throw new RetryRequest(options);
    },
    async progress(fraction: number, info?: unknown): Promise<void> {
      if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) throw new RangeError(`progress fraction must be within 0..1, got ${fraction}`);
      await input.saveProgress(JSON.stringify({ fraction, info: info ?? null }));
    },
  };
}
