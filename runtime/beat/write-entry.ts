import type { BeatDb } from "./keys.ts";
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

/** Stores a definition and its schedule atomically. Resolves to "stored", "exists" or "missing". */
export async function putEntry({ redis, keys }: BeatDb, put: PutEntry): Promise<"stored" | "exists" | "missing"> {
  const result = await beatScripts.put.run(
    redis,
    [keys.entries, keys.due, keys.disabled],
    [
      put.definition.name,
      JSON.stringify(put.definition),
      put.mode,
      put.enabled === "keep" ? "keep" : put.enabled ? "1" : "0",
      put.next === null ? "" : String(put.next),
      keys.changed,
    ],
  );
  return result === 1 ? "stored" : result === 0 ? "exists" : "missing";
}

/** Deletes an entry with its run state; false when there was none. */
export async function removeEntry({ redis, keys }: BeatDb, name: string): Promise<boolean> {
  const result = await beatScripts.remove.run(
    redis,
    [keys.entries, keys.due, keys.disabled, keys.runCount, keys.lastRun],
    [name],
  );
  return result === 1;
}
