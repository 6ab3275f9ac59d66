import type { AppSpec } from "../spec/types.ts";
import type { BeatDb } from "./keys.ts";
import { syncManifest } from "./manifest-sync.ts";
import { readDefinitions } from "./read-entries.ts";
import { firstRunAt } from "./schedule.ts";
import { putEntry } from "./write-entry.ts";

/**
 * Rebuilds what a quarantined beat key took away: the manifest's entries (if the entries hash went)
 * and a next run for every enabled entry that has none (if the next-run set went). Run counts and
 * last-run times of a quarantined hash start over; run-time entries of a quarantined entries hash
 * stay in the quarantine (see the dead letters). Returns the names given a next run again.
 * Reads every entry: for the repair path only, never the idle loop.
 */
export async function restoreSchedule(db: BeatDb, app: AppSpec, options: { now: number }): Promise<string[]> {
  const { now } = options;
  await syncManifest(db, app, { now });
  const { definitions, disabled } = await readDefinitions(db);
  const scheduled = new Set(await db.redis.zrange(db.keys.due, "0", "-1"));
  const restored: string[] = [];
  for (const [name, definition] of definitions) {
    if (disabled.has(name) || scheduled.has(name)) continue;
    const next = firstRunAt(definition, now);
    if (next === null) continue;
    if ((await putEntry(db, { definition, mode: "replace", enabled: "keep", next })) === "stored") restored.push(name);
  }
  return restored;
}
