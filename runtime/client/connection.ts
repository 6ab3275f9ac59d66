import type { RedisClient } from "../config/connect.ts";
import { connectRedis, type RedisTarget } from "../config/connect.ts";
import { checkEvictionPolicy } from "../config/eviction-policy.ts";
import { EvictionPolicyError } from "../errors/eviction-policy-error.ts";
import { createLogger } from "../log/logger.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import type { ResultBackend } from "../results/async-result.ts";
import { ResultWaiter } from "../results/waiter.ts";

/**
 * The connections of one client: commands on one, result subscriptions on a second opened only
 * when someone first waits for a result.
 */
export class ClientConnection implements ResultBackend {
  readonly redis: RedisClient;
  readonly ks: Keyspace;
  readonly #ownsRedis: boolean;
  #subscriber: RedisClient | null = null;
  #waiter: ResultWaiter | null = null;
  readonly #allowEviction: boolean | undefined;
  /** Settles once the eviction check passed; null until the first send (or after a failed look). */
  #checked: Promise<void> | null = null;
  #safe = false;

  constructor(target: RedisTarget, ks: Keyspace, options: { allowEviction?: boolean } = {}) {
    this.ks = ks;
    this.#allowEviction = options.allowEviction;
    this.#ownsRedis = !(target && typeof target === "object");
    this.redis = this.#ownsRedis ? connectRedis(target, { name: "celerity-client" }) : (target as RedisClient);
  }

  /**
   * Resolves when Redis is known not to evict our keys (checked once, before the first enqueue);
   * rejects with EvictionPolicyError otherwise, for this and every later send.
   */
  ensureSafe(): Promise<void> | null {
    if (this.#safe) return null;
    this.#checked ??= checkEvictionPolicy(this.redis, {
      allowEviction: this.#allowEviction,
      role: "client",
      log: createLogger(),
    }).then(
      () => {
        this.#safe = true;
      },
      (error: unknown) => {
        // A refused policy stays refused; anything else (a connection fault) is looked at again next time.
        if (!(error instanceof EvictionPolicyError)) this.#checked = null;
        throw error;
      },
    );
    return this.#checked;
  }

  waiter(): ResultWaiter {
    if (!this.#waiter) {
      this.#subscriber = connectRedis(this.redis, { name: "celerity-results", blocking: true });
      this.#waiter = new ResultWaiter(this.#subscriber, this.ks);
    }
    return this.#waiter;
  }

  async close(): Promise<void> {
    const quit = async (r: RedisClient) => {
      try {
        await r.quit();
      } catch {
        r.disconnect();
      }
    };
    if (this.#subscriber) await quit(this.#subscriber);
    if (this.#ownsRedis) await quit(this.redis);
  }
}
