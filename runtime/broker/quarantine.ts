import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { RedisClient } from "../config/connect.ts";
import { keyBase, keyRole } from "../keys/key-roles.ts";
import { createLogger, type Logger } from "../log/logger.ts";

/** One key moved aside: where it was, what it held, where it is now. */
export interface QuarantinedKey {
  key: string;
  found: string;
  movedTo: string;
}

// Run with EVAL, not through LuaScript: this is the rare repair path, and LuaScript calls into it.
const SOURCE = readFileSync(new URL("./lua/quarantine.lua", import.meta.url), "utf8");

const loggers = new WeakMap<RedisClient, Logger>();
let fallback: Logger | null = null;
const listeners = new Set<(moved: readonly QuarantinedKey[]) => void>();

/** Logs quarantines found on `redis` through `log` (the worker's or beat's), not the default logger. */
export function logQuarantinesWith(redis: RedisClient, log: Logger): void {
  loggers.set(redis, log);
}

/** Hears every quarantine this process performs (beat rebuilds its schedule after one). Returns an unsubscribe. */
export function onQuarantine(listener: (moved: readonly QuarantinedKey[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A Redis WRONGTYPE reply: a command (or a script's guard) met a key holding another type. */
export function isWrongTypeError(error: unknown): boolean {
  return error instanceof Error && /^(ERR .*)?WRONGTYPE/.test(error.message);
}

/**
 * KEYS of one quarantine call (see quarantine.lua): the suspects, starting with the dead-letter set
 * and payload store of `base` (so those are fixed before anything is recorded in them), then each
 * suspect's quarantine name `<base>:quarantine:<stamp>:<rest>`. `base` is the suspects' own
 * `<prefix>:{<tag>}`: the app's, or a queue shard's, so the RENAME stays in the keys' slot.
 */
export function quarantineKeys(base: string, suspects: readonly string[], stamp: string): string[] {
  const dead = `${base}:dead`;
  const deadRaw = `${base}:dead-raw`;
  const mine = [dead, deadRaw, ...suspects.filter((k) => k !== dead && k !== deadRaw)];
  return [...mine, ...mine.map((key) => `${base}:quarantine:${stamp}:${key.slice(base.length + 1)}`)];
}

/**
 * Finds which of `keys` hold the wrong type for their role (see keyRole) and moves them aside in one
 * atomic script per hash tag: RENAME to `<prefix>:{<tag>}:quarantine:<ms>-<random>:<rest>`, `<tag>`
 * being the key's own (the app's, or its queue shard's), so the move stays in one Cluster slot,
 * with a dead letter in that tag's dead-letter set giving the reason. Logs one line per moved key;
 * a key another process already moved is not moved (or logged) again. `context` says what ran into it.
 */
export async function quarantineWrongTypes(
  redis: RedisClient,
  keys: readonly string[],
  options: { context: string },
): Promise<QuarantinedKey[]> {
  const suspects = new Map<string, string>();
  for (const key of keys) {
    const base = keyBase(key);
    if (base && keyRole(key)) suspects.set(key, base);
  }
  if (suspects.size === 0) return [];
  const now = Date.now();
  const bases = [...new Set(suspects.values())];
  const moved: QuarantinedKey[] = [];
  // One call per hash tag: a shard's keys go to its own dead letters, in its own slot.
  for (const base of bases) {
    const stamp = `${now}-${randomBytes(3).toString("hex")}`;
    const all = quarantineKeys(
      base,
      [...suspects].filter(([, b]) => b === base).map(([k]) => k),
      stamp,
    );
    const mine = all.slice(0, all.length / 2);
    const args: (string | number)[] = [now, options.context];
    for (const key of mine) {
      const role = keyRole(key)!;
      args.push(role.type, role.what, role.queue ?? "");
    }
    const flat = (await redis.eval(SOURCE, all.length, ...all, ...args)) as string[];
    for (let i = 0; i < flat.length; i += 3) moved.push({ key: flat[i], found: flat[i + 1], movedTo: flat[i + 2] });
  }
  if (moved.length > 0) {
    const log = loggers.get(redis) ?? (fallback ??= createLogger());
    for (const m of moved) {
      const role = keyRole(m.key)!;
      log.error(`wrong-type key moved aside: the ${role.what} was a ${m.found}, not a ${role.type}`, {
        key: m.key,
        movedTo: m.movedTo,
        foundBy: options.context,
      });
    }
    for (const listener of listeners) listener(moved);
  }
  return moved;
}

/**
 * Pipelines report errors per command instead of rejecting: quarantines `keys` when any reply is a
 * WRONGTYPE (and rethrows nothing; the next round finds the structure fresh).
 */
export async function quarantineOnWrongType(
  redis: RedisClient,
  replies: [Error | null, unknown][] | null,
  options: { keys: readonly string[]; context: string },
): Promise<void> {
  if (!replies?.some(([error]) => isWrongTypeError(error))) return;
  await quarantineWrongTypes(redis, options.keys, { context: options.context });
}

/**
 * Runs `attempt`; when it fails with WRONGTYPE, quarantines the offenders among `keys` and tries
 * again. Also when this call moved nothing: a concurrent caller (the worker's other claim loop, say)
 * may have moved the key in between. Gives up, rethrowing, after a few rounds.
 */
export async function repairingWrongTypes<T>(
  redis: RedisClient,
  keys: readonly string[],
  options: { context: string; attempt: () => Promise<T> },
): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await options.attempt();
    } catch (error) {
      if (round >= 3 || !isWrongTypeError(error)) throw error;
      await quarantineWrongTypes(redis, keys, { context: options.context });
    }
  }
}
