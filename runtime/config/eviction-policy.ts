import type { Redis } from "ioredis";
import { isCluster, type RedisClient } from "./connect.ts";
import { EvictionPolicyError } from "../errors/eviction-policy-error.ts";
import type { Logger } from "../log/logger.ts";

export interface EvictionCheckOptions {
  /** Run even though Redis may evict keys. Default: `CELERITY_ALLOW_EVICTION` is 1/true/yes. */
  allowEviction?: boolean;
  /** Who is connecting ("worker", "beat", "client"), for the message. */
  role: string;
  log: Logger;
}

/** What the check found: the policy (null when unreadable) and where it was read. */
export interface EvictionCheck {
  policy: string | null;
  source: "config" | "info" | null;
}

/** Resolves the override: an explicit option wins, else `CELERITY_ALLOW_EVICTION`. */
export function allowEvictionFromEnv(explicit: boolean | undefined): boolean {
  if (explicit !== undefined) return explicit;
  return /^(1|true|yes)$/i.test(process.env.CELERITY_ALLOW_EVICTION ?? "");
}

const OVERRIDE = "allowEviction: true, --allow-eviction or CELERITY_ALLOW_EVICTION=1";

function consequence(policy: string): string {
  // volatile-* only evicts keys with a TTL, but finished task records (results), revoked records,
  // rate-limiter state and beat's leader lock all carry one: results would vanish before
  // result_expires and rate limits would stop holding.
  return (
    `Redis maxmemory-policy is "${policy}": under memory pressure Redis deletes keys without an error, ` +
    (policy.startsWith("volatile")
      ? "and task results, revoked records, rate-limit state and beat's leader lock carry TTLs, so they can vanish early"
      : "including queued tasks, leases and results, so acknowledged tasks are lost silently")
  );
}

/**
 * Checks at connect time that Redis will not evict the app's keys. Reads `CONFIG GET
 * maxmemory-policy`; anything but `noeviction` throws {@link EvictionPolicyError} unless overridden
 * (then one warning). Where CONFIG is disabled (managed Redis, `rename-command CONFIG ""`, an ACL
 * without it), reads `maxmemory_policy` from `INFO memory` and warns instead: that server's policy
 * is not ours to verify authoritatively, and refusing would make it unusable.
 */
export async function checkEvictionPolicy(redis: RedisClient, options: EvictionCheckOptions): Promise<EvictionCheck> {
  if (!isCluster(redis)) return checkNode(redis, options);
  // Every master holds part of the keyspace, so each one's policy matters; the first refusal wins.
  // Before the first slot refresh the node list holds the seed connections, which the refresh
  // closes; a PING through the cluster waits for the real topology.
  await redis.ping();
  let last: EvictionCheck = { policy: null, source: null };
  for (const node of redis.nodes("master")) last = await checkNode(node, options);
  return last;
}

async function checkNode(redis: Redis, options: EvictionCheckOptions): Promise<EvictionCheck> {
  const allow = allowEvictionFromEnv(options.allowEviction);
  let policy: string | null = null;
  try {
    const reply = (await redis.call("CONFIG", "GET", "maxmemory-policy")) as string[];
    policy = reply.length >= 2 ? String(reply[1]) : null;
  } catch (error) {
    if (!isCommandRefused(error)) throw error;
  }
  if (policy !== null) {
    if (policy === "noeviction") return { policy, source: "config" };
    if (!allow)
      throw new EvictionPolicyError(
        policy,
        `${consequence(policy)}. Set maxmemory-policy to noeviction (CONFIG SET maxmemory-policy noeviction, or in redis.conf), or accept the risk with ${OVERRIDE}`,
      );
    options.log.warn(`${consequence(policy)}; running anyway (${options.role}: eviction allowed by override)`, {
      policy,
    });
    return { policy, source: "config" };
  }
  const info = await redis.info("memory").catch(() => "");
  const match = /^maxmemory_policy:(\S+)/m.exec(info);
  if (!match) {
    options.log.warn(
      `could not read Redis's maxmemory-policy (CONFIG and INFO unavailable); make sure it is noeviction, or tasks may be lost silently`,
      { role: options.role },
    );
    return { policy: null, source: null };
  }
  policy = match[1];
  if (policy !== "noeviction" && !allow) {
    options.log.warn(
      `${consequence(policy)} (read from INFO, CONFIG is disabled on this server); set it to noeviction, or silence this with ${OVERRIDE}`,
      { role: options.role, policy },
    );
  }
  return { policy, source: "info" };
}

/** CONFIG renamed away, disabled or denied by an ACL: an answer, not a connection failure. */
function isCommandRefused(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /unknown command|NOPERM|not allowed|disabled/i.test(message);
}
