import { Redis } from "ioredis";

/**
 * Counts the commands this process sends on ioredis connections whose connection name passes
 * `filter` (e.g. one worker's `celerity-worker-<pid>` connections): a per-connection count, unlike
 * the server-wide `INFO commandstats`, so other test files running at the same time do not disturb
 * it. Each EVALSHA counts once; `stop()` restores ioredis.
 */
export class CommandCounter {
  readonly #counts = new Map<string, number>();
  readonly #restore: () => void;

  constructor(filter: (connectionName: string) => boolean) {
    const proto = Redis.prototype as unknown as {
      sendCommand: (this: Redis, command: { name: string }, ...rest: unknown[]) => unknown;
    };
    const original = proto.sendCommand;
    const counts = this.#counts;
    proto.sendCommand = function (this: Redis, command: { name: string }, ...rest: unknown[]) {
      if (filter(this.options.connectionName ?? "")) counts.set(command.name, (counts.get(command.name) ?? 0) + 1);
      return original.call(this, command, ...rest);
    };
    this.#restore = () => {
      proto.sendCommand = original;
    };
  }

  /** Commands named `name` (lower case, as ioredis names them) sent so far. */
  count(name: string): number {
    return this.#counts.get(name) ?? 0;
  }

  stop(): void {
    this.#restore();
  }
}
