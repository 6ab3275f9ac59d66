import type { BeatDb, BeatKeys } from "./keys.ts";
import { beatScripts } from "./scripts.ts";
import type { StoredDefinition } from "./types.ts";

export interface PutEntry {
  definition: StoredDefinition;
  /** "create" refuses an existing name, "replace" a missing one, "upsert" takes either. */
  mode: "create" | "replace" | "upsert";
  enabled: boolean | "keep";
  /** Next run in epoch ms, null for none, "keep" to leave the current one. */
  next: number | null | "keep";
}

/** KEYS of a put call (see put.lua): entries, due set, disabled set. */
export function putKeys(keys: BeatKeys): string[] {
  return [keys.entries, keys.due, keys.disabled];
}

/** KEYS of a remove call (see remove.lua): entries, due set, disabled set, run counts, last-run times. */
export function removeKeys(keys: BeatKeys): string[] {
  return [keys.entries, keys.due, keys.disabled, keys.runCount, keys.lastRun];
}

/** KEYS of a set-enabled call (see set-enabled.lua): entries, due set, disabled set. */
export function setEnabledKeys(keys: BeatKeys): string[] {
  return [keys.entries, keys.due, keys.disabled];
}

/** Stores a definition and its schedule atomically. Resolves to "stored", "exists" or "missing". */
export async function putEntry({ redis, keys }: BeatDb, put: PutEntry): Promise<"stored" | "exists" | "missing"> {
  const result = await beatScripts.put.run(redis, putKeys(keys), [
    put.definition.name,
    JSON.stringify(put.definition),
    put.mode,
    put.enabled === "keep" ? "keep" : put.enabled ? "1" : "0",
    put.next === null ? "" : String(put.next),
    keys.changed,
  ]);
  return result === 1 ? "stored" : result === 0 ? "exists" : "missing";
}

/** Deletes an entry with its run state; false when there was none. */
export async function removeEntry({ redis, keys }: BeatDb, name: string): Promise<boolean> {
  const result = await beatScripts.remove.run(redis, removeKeys(keys), [name]);
  return result === 1;
}
