import { createHash } from "node:crypto";
import type { ChainableCommander } from "ioredis";
import { isCluster, type RedisClient } from "../config/connect.ts";
import { isWrongTypeError, quarantineWrongTypes, repairingWrongTypes } from "./quarantine.ts";

export type ScriptArg = string | number;

/**
 * A Lua script run with EVALSHA, falling back to EVAL when the server does not have it cached
 * (first use, SCRIPT FLUSH, or a restarted Redis). Keys are always passed as KEYS so that every key a
 * script touches is declared (Redis Cluster correctness).
 */
export class LuaScript {
  readonly name: string;
  readonly source: string;
  readonly sha: string;

  constructor(name: string, source: string) {
    this.name = name;
    this.source = source;
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  /**
   * Runs the script. A WRONGTYPE error (a key holding another type than its role needs, see
   * keyRole) moves the offending declared keys aside into quarantine and runs it again, so one
   * stray key cannot stop every call that touches it; the scripts guard their writes so that a
   * failure leaves nothing half-moved.
   */
  run(redis: RedisClient, keys: readonly string[], args: readonly ScriptArg[]): Promise<unknown> {
    // The common case is one EVALSHA and no further promise: this runs for every enqueue.
    return redis.evalsha(this.sha, keys.length, ...keys, ...args).catch((error: unknown) => {
      const wrongType = isWrongTypeError(error);
      if (!wrongType && !(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
      return (async () => {
        if (wrongType) await quarantineWrongTypes(redis, keys, { context: `script ${this.name}` });
        return repairingWrongTypes(redis, keys, {
          context: `script ${this.name}`,
          attempt: () => this.#run(redis, keys, args),
        });
      })();
    });
  }

  async #run(redis: RedisClient, keys: readonly string[], args: readonly ScriptArg[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }

  /** Queues the script on a pipeline; callers must have loaded it (see `ensureLoaded`). */
  queue(pipeline: ChainableCommander, keys: readonly string[], args: readonly ScriptArg[]): void {
    pipeline.evalsha(this.sha, keys.length, ...keys, ...args);
  }

  /**
   * Makes sure EVALSHA will find the script, e.g. before pipelining it. On a Cluster each master
   * has its own script cache (SCRIPT goes to one arbitrary node), so it is loaded on every master;
   * a master that joins later (failover, resharding) is covered by `run`'s NOSCRIPT fallback.
   */
  async ensureLoaded(redis: RedisClient): Promise<void> {
    // A Cluster knows its masters only once its slot map is in.
    if (isCluster(redis) && redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
    const targets = isCluster(redis) ? redis.nodes("master") : [redis];
    await Promise.all(
      targets.map(async (node) => {
        const [present] = (await node.script("EXISTS", this.sha)) as number[];
        if (!present) await node.script("LOAD", this.source);
      }),
    );
  }
}
