import type { AppSpec } from "../spec/types.ts";
import { sortedJson } from "../core/mod.ts";
import { PeriodicEntryError } from "./errors.ts";
import type { BeatDb } from "./keys.ts";
import { readDefinitions } from "./read-entries.ts";
import { firstRunAt } from "./schedule.ts";
import type { StoredDefinition } from "./types.ts";
import { validateEntry } from "./validate-entry.ts";
import { putEntry, removeEntry } from "./write-entry.ts";

export interface SyncResult {
  added: string[];
  updated: string[];
  removed: string[];
}

/**
 * Makes Redis agree with the manifest's `periodic:` section: adds new entries, rewrites changed ones,
 * removes manifest entries no longer declared, and leaves run-time entries alone. Run state
 * (last run, run count) survives updates. A run-time `enabled` toggle survives too, unless the
 * manifest's own `enabled` changed since the last sync. The next run is kept unless the timing changed.
 */
export async function syncManifest(db: BeatDb, app: AppSpec, options: { now: number }): Promise<SyncResult> {
  const { now } = options;
  const wanted = app.periodic.map((spec) => {
    try {
      const valid = validateEntry(app, spec, { source: "manifest", now, rejectPastAt: false });
      return { ...valid, definition: { ...valid.definition, manifestEnabled: valid.enabled } };
    } catch (error) {
      if (error instanceof PeriodicEntryError)
        throw new PeriodicEntryError(error.field, `manifest periodic entry "${spec.name}": ${error.message}`);
      throw error;
    }
  });
  const { definitions, disabled } = await readDefinitions(db);
  const result: SyncResult = { added: [], updated: [], removed: [] };

  for (const { definition, enabled } of wanted) {
    const old = definitions.get(definition.name);
    if (!old) {
      // A clocked time that passed before the entry reached Redis (deployed after its launch time)
      // fires once, at once, like django-celery-beat; a manifest cannot be refused for it, since
      // the time passes between codegen and beat's start.
      await putEntry(db, {
        definition,
        mode: "upsert",
        enabled,
        next: enabled ? firstRunAt(definition, now, { pastAt: "fire" }) : null,
      });
      result.added.push(definition.name);
      continue;
    }
    if (sortedJson(old) === sortedJson(definition)) continue;
    const manifestToggled = old.source !== "manifest" || old.manifestEnabled !== enabled;
    const nowEnabled = manifestToggled ? enabled : !disabled.has(definition.name);
    const timingChanged = !sameTiming(old, definition);
    const wakes = nowEnabled && disabled.has(definition.name);
    await putEntry(db, {
      definition,
      mode: "upsert",
      enabled: manifestToggled ? enabled : "keep",
      // A new clocked time is a new one-off run; merely re-enabling one whose time passed is not.
      next: timingChanged || wakes ? firstRunAt(definition, now, { pastAt: timingChanged ? "fire" : "drop" }) : "keep",
    });
    result.updated.push(definition.name);
  }

  const declared = new Set(wanted.map((w) => w.definition.name));
  for (const [name, def] of [...definitions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (def.source === "manifest" && !declared.has(name)) {
      await removeEntry(db, name);
      result.removed.push(name);
    }
  }
  return result;
}

/** Same schedule and start time: the stored next run is still right. */
export function sameTiming(a: StoredDefinition, b: StoredDefinition): boolean {
  return sortedJson(a.schedule) === sortedJson(b.schedule) && a.startTime === b.startTime;
}
