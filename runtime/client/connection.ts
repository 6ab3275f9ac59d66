import type { RedisClient } from "../config/connect.ts";
import { connectRedis, type RedisTarget } from "../config/connect.ts";
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

  constructor(target: RedisTarget, ks: Keyspace) {
    this.ks = ks;
    this.#ownsRedis = !(target && typeof target === "object");
    this.redis = this.#ownsRedis ? connectRedis(target, { name: "celerity-client" }) : (target as RedisClient);
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
