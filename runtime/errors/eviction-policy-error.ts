import { CelerityError } from "./celerity-error.ts";

/**
 * Redis is configured to evict keys under memory pressure (`maxmemory-policy` other than
 * `noeviction`): it would silently delete queued tasks, leases and results. Refused at connect
 * unless the caller opted in (`allowEviction: true`, `--allow-eviction`, `CELERITY_ALLOW_EVICTION=1`).
 */
export class EvictionPolicyError extends CelerityError {
  /** The server's `maxmemory-policy`, e.g. "allkeys-lru". */
  readonly policy: string;
  constructor(policy: string, message: string) {
    super("REDIS_EVICTION_POLICY", message);
    this.policy = policy;
  }
}
