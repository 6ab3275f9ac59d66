import type { RedisClient } from "../config/connect.ts";
import { beatScripts } from "./scripts.ts";

/** KEYS of the lock's renew and release calls (see lock-renew.lua, lock-release.lua): the lock. */
export function leaderLockKeys(lockKey: string): string[] {
  return [lockKey];
}

/**
 * The beat leader lock: a key holding this process's token with a TTL. Only the holder can renew
 * or release it (token-checked scripts), so a beat that stalled past its TTL cannot renew a
 * successor's lock or delete it on the way out.
 */
export class LeaderLock {
  readonly #redis: RedisClient;
  readonly #key: string;
  readonly #token: string;
  readonly #ttlMs: number;
  readonly #releasedChannel: string;

  /** `releasedChannel` hears an empty message when the lock is released. */
  constructor(redis: RedisClient, key: string, options: { token: string; ttlMs: number; releasedChannel: string }) {
    this.#redis = redis;
    this.#key = key;
    this.#token = options.token;
    this.#ttlMs = options.ttlMs;
    this.#releasedChannel = options.releasedChannel;
  }

  /** Takes the lock if nobody holds it. */
  async acquire(): Promise<boolean> {
    return (await this.#redis.set(this.#key, this.#token, "PX", this.#ttlMs, "NX")) === "OK";
  }

  /** Extends our hold; false means the lock is someone else's now (or expired). */
  async renew(): Promise<boolean> {
    return (await beatScripts.renewLock.run(this.#redis, leaderLockKeys(this.#key), [this.#token, this.#ttlMs])) === 1;
  }

  /** Lets go, if we still hold it, and says so, so a follower takes over at once instead of after the TTL. */
  async release(): Promise<boolean> {
    return (
      (await beatScripts.releaseLock.run(this.#redis, leaderLockKeys(this.#key), [
        this.#token,
        this.#releasedChannel,
      ])) === 1
    );
  }
}
