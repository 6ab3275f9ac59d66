/** Redis data types as `TYPE` names them. */
export type RedisType = "string" | "list" | "set" | "zset" | "hash" | "stream";

/** What one of the runtime's keys is for and which type it must have. */
export interface KeyRole {
  type: RedisType;
  /** For messages: "ready list (priority 5) of queue default". */
  what: string;
  queue: string | null;
}

const FIXED: Record<string, [RedisType, string]> = {
  recent: ["zset", "recent-task index"],
  dead: ["zset", "dead-letter set"],
  "dead-raw": ["hash", "dead-letter payload store"],
  "canvas-outbox": ["zset", "canvas outbox"],
  workers: ["zset", "live-worker index"],
  "beat:entries": ["hash", "beat schedule entries"],
  "beat:due": ["zset", "beat next-run set"],
  "beat:disabled": ["set", "beat disabled-entry set"],
  "beat:runs": ["hash", "beat run counts"],
  "beat:last": ["hash", "beat last-run times"],
  "beat:leader": ["string", "beat leader lock"],
};

const QUEUE_PARTS: Record<string, [RedisType, string]> = {
  delayed: ["zset", "delayed set"],
  leases: ["zset", "lease set"],
  signal: ["list", "wake-up signal list"],
  stats: ["hash", "per-minute counters"],
};

/**
 * The role of a key built by `keyspace()` (see keys/keyspace.ts for the layout), read from its name:
 * `<prefix>:{<app>}:<rest>`. Null for names the runtime does not own (and for quarantined keys,
 * which must never be moved again).
 */
export function keyRole(key: string): KeyRole | null {
  const tag = key.indexOf("}:");
  if (tag < 0) return null;
  const rest = key.slice(tag + 2);
  const fixed = FIXED[rest];
  if (fixed) return { type: fixed[0], what: fixed[1], queue: null };
  if (rest.startsWith("t:")) return { type: "hash", what: `task record ${rest.slice(2)}`, queue: null };
  if (rest.startsWith("rate:")) return { type: "string", what: `rate limiter of ${rest.slice(5)}`, queue: null };
  if (rest.startsWith("worker:")) return { type: "hash", what: `worker record ${rest.slice(7)}`, queue: null };
  if (rest.startsWith("q:")) {
    const parts = rest.split(":");
    if (parts.length !== 3) return null;
    const [, queue, part] = parts;
    if (/^[0-9]$/.test(part)) return { type: "list", what: `ready list (priority ${part}) of queue ${queue}`, queue };
    const role = QUEUE_PARTS[part];
    if (role) return { type: role[0], what: `${role[1]} of queue ${queue}`, queue };
  }
  return null;
}

/** The `<prefix>:{<app>}` a runtime key starts with, or null. */
export function keyBase(key: string): string | null {
  const tag = key.indexOf("}:");
  return tag < 0 ? null : key.slice(0, tag + 1);
}
