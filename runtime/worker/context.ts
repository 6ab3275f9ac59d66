import type { RedisClient } from "../config/connect.ts";
import { parseShardQueue } from "../keys/shard-tags.ts";
import { storeProgress } from "../broker/progress.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import type { Logger } from "../log/logger.ts";
import { RetryRequest } from "../retry/retry-request.ts";
import type { RetryRequestOptions, TaskContext } from "../task/types.ts";
import type { LazyAbort } from "./lazy-abort.ts";

export interface ContextInput {
  id: string;
  name: string;
  retries: number;
  deliveries: number;
  queue: string;
  /** The delivery's fencing token: progress from a superseded delivery is refused. */
  token: string;
  abort: LazyAbort;
  /** The worker's logger; the task's child logger is made on first use of `ctx.log`. */
  parentLog: Logger;
  redis: RedisClient;
  ks: Keyspace;
}

// A class rather than an object of closures: nothing is allocated per task beyond the instance
// (under tsx every closure also pays an Object.defineProperty for its name).
class RunContext implements TaskContext {
  readonly id: string;
  readonly name: string;
  readonly retries: number;
  readonly deliveries: number;
  readonly queue: string;
  readonly #input: ContextInput;
  #log: Logger | null = null;

  constructor(input: ContextInput) {
    this.id = input.id;
    this.name = input.name;
    this.retries = input.retries;
    this.deliveries = input.deliveries;
    // Handlers see the queue's name; the shard (`#<n>s<i>`) is the broker's business.
    this.queue = parseShardQueue(input.queue).queue;
    this.#input = input;
  }

  get signal(): AbortSignal {
    return this.#input.abort.signal;
  }

  get log(): Logger {
    return (this.#log ??= this.#input.parentLog.child({ task: this.name, id: this.id }));
  }

  retry(options: RetryRequestOptions = {}): never {
    throw new RetryRequest(options);
  }

  async progress(fraction: number, info?: unknown): Promise<void> {
    if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1)
      throw new RangeError(`progress fraction must be within 0..1, got ${fraction}`);
    const { token, queue } = this.#input;
    const stored = await storeProgress(
      this.#input,
      { id: this.id, queue, token },
      JSON.stringify({ fraction, info: info ?? null }),
    );
    if (stored === "refused")
      this.log.warn(
        "progress refused: this run's lease expired and the task was delivered again; the live run's progress stands",
      );
  }
}

/** Builds the `ctx` a handler receives. */
export function createContext(input: ContextInput): TaskContext {
  return new RunContext(input);
}
