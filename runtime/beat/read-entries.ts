import type { RedisClient } from "../config/connect.ts";
import { repairingWrongTypes } from "../broker/quarantine.ts";
import { parseStoredObject } from "../core/mod.ts";
import type { BeatDb, BeatKeys } from "./keys.ts";
import type { PeriodicEntry, StoredDefinition } from "./types.ts";

/** A definition with its enabled flag, as the store needs it before changing an entry. */
export interface CurrentEntry {
  definition: StoredDefinition;
  enabled: boolean;
}

/** A stored epoch-ms field as ISO text; absent or garbage (not a valid time) reads as null. */
function iso(ms: string | number | null | undefined): string | null {
  if (ms === null || ms === undefined || ms === "") return null;
  const date = new Date(Number(ms));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** `record[name]` for a reply hash: an empty reply is a plain `{}`, where "constructor" would find Object's. */
const own = (record: Record<string, string>, name: string): string | undefined =>
  Object.hasOwn(record, name) ? record[name] : undefined;

/** A stored entry definition; a missing or unreadable one reads as null (the entry is skipped, not fired). */
export function parseDefinition(json: string | null | undefined): StoredDefinition | null {
  return parseStoredObject(json) as StoredDefinition | null;
}

function toEntry(
  def: StoredDefinition,
  state: {
    enabled: boolean;
    count: string | null | undefined;
    last: string | null | undefined;
    next: string | null | undefined;
  },
): PeriodicEntry {
  return {
    name: def.name,
    task: def.task,
    schedule: def.schedule,
    args: def.args,
    queue: def.queue,
    priority: def.priority,
    expiresMs: def.expiresMs,
    enabled: state.enabled,
    oneOff: def.oneOff,
    startTime: def.startTime,
    description: def.description,
    source: def.source,
    lastRunAt: iso(state.last),
    totalRunCount: Number(state.count ?? 0),
    nextRunAt: state.enabled ? iso(state.next) : null,
  };
}

/** Every entry with its run state, sorted by name; five reads in one round trip. */
export async function readAllEntries({ redis, keys }: BeatDb): Promise<PeriodicEntry[]> {
  const [defs, disabled, counts, lasts, due] = await pipelineResults(redis, keys, () =>
    redis
      .pipeline()
      .hgetall(keys.entries)
      .smembers(keys.disabled)
      .hgetall(keys.runCount)
      .hgetall(keys.lastRun)
      .zrange(keys.due, 0, "-1", "WITHSCORES"),
  );
  const off = new Set(disabled as string[]);
  const next = new Map<string, string>();
  const flat = due as string[];
  for (let i = 0; i < flat.length; i += 2) next.set(flat[i], flat[i + 1]);
  const c = counts as Record<string, string>;
  const l = lasts as Record<string, string>;
  const entries: PeriodicEntry[] = [];
  for (const [name, json] of Object.entries(defs as Record<string, string>)) {
    const def = parseDefinition(json);
    if (def)
      entries.push(
        toEntry(def, { enabled: !off.has(name), count: own(c, name), last: own(l, name), next: next.get(name) }),
      );
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One entry with its run state, or null. */
export async function readEntry({ redis, keys }: BeatDb, name: string): Promise<PeriodicEntry | null> {
  const [json, isOff, count, last, next] = await pipelineResults(redis, keys, () =>
    redis
      .pipeline()
      .hget(keys.entries, name)
      .sismember(keys.disabled, name)
      .hget(keys.runCount, name)
      .hget(keys.lastRun, name)
      .zscore(keys.due, name),
  );
  const def = parseDefinition(json as string | null);
  if (!def) return null;
  return toEntry(def, {
    enabled: isOff === 0,
    count: count as string | null,
    last: last as string | null,
    next: next as string | null,
  });
}

/** All stored definitions and the disabled set (for the manifest sync). */
export async function readDefinitions({
  redis,
  keys,
}: BeatDb): Promise<{ definitions: Map<string, StoredDefinition>; disabled: Set<string> }> {
  const [defs, disabled] = await pipelineResults(redis, keys, () =>
    redis.pipeline().hgetall(keys.entries).smembers(keys.disabled),
  );
  const definitions = new Map<string, StoredDefinition>();
  for (const [name, json] of Object.entries(defs as Record<string, string>)) {
    const def = parseDefinition(json);
    if (def) definitions.set(name, def);
  }
  return { definitions, disabled: new Set(disabled as string[]) };
}

/** One entry's definition and enabled flag, or null. */
export async function readCurrent({ redis, keys }: BeatDb, name: string): Promise<CurrentEntry | null> {
  const [json, isOff] = await pipelineResults(redis, keys, () =>
    redis.pipeline().hget(keys.entries, name).sismember(keys.disabled, name),
  );
  const definition = parseDefinition(json as string | null);
  return definition ? { definition, enabled: isOff === 0 } : null;
}

/**
 * Runs the pipeline `build` makes and returns its values, throwing its first error. A WRONGTYPE
 * among beat's keys moves the offender aside (see broker/quarantine.ts) and reads again.
 */
async function pipelineResults(
  redis: RedisClient,
  keys: BeatKeys,
  build: () => ReturnType<RedisClient["pipeline"]>,
): Promise<unknown[]> {
  const all = [keys.entries, keys.due, keys.disabled, keys.runCount, keys.lastRun];
  return repairingWrongTypes(redis, all, {
    context: "reading periodic entries",
    attempt: async () => {
      const results = (await build().exec()) ?? [];
      return results.map(([error, value]) => {
        if (error) throw error;
        return value;
      });
    },
  });
}
