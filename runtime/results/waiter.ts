import type { RedisClient } from "../config/connect.ts";
import type { Keyspace } from "../keys/keyspace.ts";

type Wake = () => void;

/**
 * Lets any number of `AsyncResult.get()` calls wait on one subscriber connection: each waiting id
 * subscribes to its done channel (reference-counted), and a finish publishes there. After a
 * reconnect every waiter is woken to re-read its record, since a publish may have been missed.
 */
export class ResultWaiter {
  readonly #subscriber: RedisClient;
  readonly #ks: Keyspace;
  readonly #wakers = new Map<string, Set<Wake>>();
  #connectedOnce = false;

  constructor(subscriber: RedisClient, ks: Keyspace) {
    this.#subscriber = subscriber;
    this.#ks = ks;
    subscriber.on("message", (channel: string) => {
      const prefix = ks.doneChannel("");
      if (channel.startsWith(prefix)) this.#wake(channel.slice(prefix.length));
    });
    subscriber.on("ready", () => {
      if (this.#connectedOnce) for (const id of [...this.#wakers.keys()]) this.#wake(id);
      this.#connectedOnce = true;
    });
  }

  /** Registers interest in `id`; resolves once the subscription is active. */
  async watch(id: string, wake: Wake): Promise<void> {
    let set = this.#wakers.get(id);
    if (!set) {
      this.#wakers.set(id, (set = new Set()));
      set.add(wake);
      await this.#subscriber.subscribe(this.#ks.doneChannel(id));
    } else {
      set.add(wake);
    }
  }

  unwatch(id: string, wake: Wake): void {
    const set = this.#wakers.get(id);
    if (!set) return;
    set.delete(wake);
    if (set.size === 0) {
      this.#wakers.delete(id);
      this.#subscriber.unsubscribe(this.#ks.doneChannel(id)).catch(() => {});
    }
  }

  #wake(id: string): void {
    for (const wake of this.#wakers.get(id) ?? []) wake();
  }
}
