import { randomUUID } from "node:crypto";
import { enqueueBatch } from "../broker/enqueue.ts";
import type { RedisClient } from "../config/connect.ts";
import { connectRedis } from "../config/connect.ts";
import { keyspace, type Keyspace } from "../keys/keyspace.ts";
import type { AppSpec } from "../spec/types.ts";
import { sortedJson } from "../core/mod.ts";
import { PeriodicEntryError, PeriodicEntryNotFoundError } from "./errors.ts";
import { beatKeys, type BeatDb, type BeatKeys } from "./keys.ts";
import { syncManifest, sameTiming, type SyncResult } from "./manifest-sync.ts";
import { readAllEntries, readCurrent, readEntry, type CurrentEntry } from "./read-entries.ts";
import { planRun } from "./run-plan.ts";
import { firstRunAt } from "./schedule.ts";
import { beatScripts } from "./scripts.ts";
import type { PeriodicEntry, PeriodicInput, StoredDefinition } from "./types.ts";
import { validateEntry } from "./validate-entry.ts";
import { redisTimeMs } from "../time/redis-clock.ts";
import { putEntry, removeEntry, setEnabledKeys } from "./write-entry.ts";

/**
 * KEYS of a run-now call (see run-now.lua): entries, run counts, last-run times, then the run's keys
 * (`runKeys`, placeholders when the run went to a sharded queue by its own call).
 */
export function runNowKeys(keys: BeatKeys, run: readonly string[]): string[] {
  return [keys.entries, keys.runCount, keys.lastRun, ...run];
}

export interface PeriodicStoreOptions {
  /** A redis:// URL, or an ioredis instance to use as is (the store then leaves it open on close). Default: REDIS_URL. */
  redis?: string | RedisClient;
  /** Key prefix (default: CELERITY_PREFIX or "celerity"). */
  prefix?: string;
  /** The clock, in epoch ms (tests). Default: Redis's clock (`TIME`), the one beat fires by. */
  now?: () => number;
}

const OWNED = "PERIODIC_ENTRY_MANIFEST_OWNED";
const PATCHABLE = [
  "task",
  "schedule",
  "args",
  "queue",
  "priority",
  "expiresMs",
  "enabled",
  "oneOff",
  "startTime",
  "description",
] as const;

/**
 * Periodic entries in Redis, for the CLI, the admin UI and beat itself. Every change is validated
 * in full before anything is written, and written in one script, so a running beat sees either the
 * old entry or the new one; it picks changes up within a second without a restart.
 */
export class PeriodicStore {
  readonly #app: AppSpec;
  readonly #redis: RedisClient;
  readonly #ownsRedis: boolean;
  readonly #ks: Keyspace;
  readonly #keys: BeatKeys;
  readonly #now: (() => number) | null;
  readonly #db: BeatDb;
  #scriptsLoaded: Promise<void> | null = null;

  constructor(app: AppSpec, options: PeriodicStoreOptions = {}) {
    this.#app = app;
    this.#ownsRedis = !(options.redis && typeof options.redis === "object");
    this.#redis = this.#ownsRedis
      ? connectRedis(options.redis, { name: "celerity-periodic" })
      : (options.redis as RedisClient);
    this.#ks = keyspace(app.app, options.prefix);
    this.#keys = beatKeys(this.#ks);
    this.#now = options.now ?? null;
    this.#db = { redis: this.#redis, keys: this.#keys };
  }

  /** Every entry, sorted by name. */
  list(): Promise<PeriodicEntry[]> {
    return readAllEntries(this.#db);
  }

  get(name: string): Promise<PeriodicEntry | null> {
    return readEntry(this.#db, name);
  }

  /** Creates a run-time entry. Throws PeriodicEntryError (with `field`) on bad input or a taken name; nothing is stored then. */
  async add(input: PeriodicInput): Promise<PeriodicEntry> {
    const now = await this.#time();
    const { definition, enabled } = validateEntry(this.#app, input, { source: "runtime", now, rejectPastAt: true });
    await this.#loadScripts();
    const stored = await putEntry(this.#db, {
      definition,
      mode: "create",
      enabled,
      next: enabled ? firstRunAt(definition, now) : null,
    });
    if (stored === "exists")
      throw new PeriodicEntryError(
        "name",
        `an entry named "${definition.name}" exists already`,
        "PERIODIC_ENTRY_DUPLICATE",
      );
    return this.#mustGet(definition.name);
  }

  /**
   * Changes fields of an entry. Manifest entries only take `enabled` (other fields belong to
   * tasks.yaml; passing them unchanged is fine). A new schedule or start time recomputes the next run.
   */
  async update(name: string, patch: Partial<Omit<PeriodicInput, "name">>): Promise<PeriodicEntry> {
    const current = await this.#mustGetCurrent(name);
    const changes = Object.fromEntries(
      PATCHABLE.filter((k) => patch[k] !== undefined).map((k) => [k, patch[k]]),
    ) as Partial<PeriodicInput>;
    if (current.definition.source === "manifest") this.#refuseManifestChanges(current, changes);
    const now = await this.#time();
    const merged: PeriodicInput = { ...inputOf(current), ...changes, name };
    const probe = validateEntry(this.#app, merged, { source: current.definition.source, now, rejectPastAt: false });
    const timingChanged = !sameTiming(current.definition, probe.definition);
    // Only a schedule the user just set must lie in the future; an old clocked entry may be edited otherwise.
    const { definition, enabled } = timingChanged
      ? validateEntry(this.#app, merged, { source: current.definition.source, now, rejectPastAt: true })
      : probe;
    if (current.definition.manifestEnabled !== undefined)
      definition.manifestEnabled = current.definition.manifestEnabled;
    const reschedule = timingChanged || (enabled && !current.enabled);
    await this.#loadScripts();
    const stored = await putEntry(this.#db, {
      definition,
      mode: "replace",
      enabled,
      next: !enabled ? null : reschedule ? firstRunAt(definition, now) : "keep",
    });
    if (stored === "missing") throw new PeriodicEntryNotFoundError(name);
    return this.#mustGet(name);
  }

  /** Enables (next run counted from now) or disables an entry; works for manifest entries too. */
  async setEnabled(name: string, enabled: boolean): Promise<void> {
    const current = await this.#mustGetCurrent(name);
    const next = enabled ? firstRunAt(current.definition, await this.#time()) : null;
    await this.#loadScripts();
    const result = await beatScripts.setEnabled.run(this.#redis, setEnabledKeys(this.#keys), [
      name,
      enabled ? "1" : "0",
      next === null ? "" : next,
      this.#keys.changed,
    ]);
    if (result === -1) throw new PeriodicEntryNotFoundError(name);
  }

  /** Deletes a run-time entry and its run state. Manifest entries are refused: remove them from tasks.yaml (or disable them). */
  async remove(name: string): Promise<void> {
    const current = await this.#mustGetCurrent(name);
    if (current.definition.source === "manifest") {
      throw new PeriodicEntryError(
        "name",
        `"${name}" is declared in the manifest; remove it from tasks.yaml (or disable it here)`,
        OWNED,
      );
    }
    await this.#loadScripts();
    if (!(await removeEntry(this.#db, name))) throw new PeriodicEntryNotFoundError(name);
  }

  /**
   * Sends one run now (task id `periodic:<name>:manual:<ms>-<random>`), whether or not the entry is
   * enabled; it counts as a run and leaves the schedule alone.
   */
  async runNow(name: string): Promise<{ taskId: string }> {
    const current = await this.#mustGetCurrent(name);
    const now = await this.#time();
    const plan = planRun(this.#app, this.#ks, {
      definition: current.definition,
      taskId: `periodic:${name}:manual:${now}-${randomUUID().slice(0, 8)}`,
      now,
    });
    await this.#loadScripts();
    // A sharded queue's run lives in another slot: enqueued on its own, then counted.
    if (plan.remote)
      await enqueueBatch({ redis: this.#redis, ks: this.#ks }, [plan.remote.item], {
        queue: plan.remote.queue,
        priority: plan.remote.priority,
      });
    const result = await beatScripts.runNow.run(this.#redis, runNowKeys(this.#keys, plan.keys), [
      name,
      now,
      ...plan.args,
    ]);
    if (result === 0) throw new PeriodicEntryNotFoundError(name);
    return { taskId: plan.taskId };
  }

  /** Brings the manifest's `periodic:` entries into Redis (beat does this at start); run-time entries stay. */
  async syncManifest(): Promise<SyncResult> {
    await this.#loadScripts();
    return syncManifest(this.#db, this.#app, { now: await this.#time() });
  }

  /** The scheduling clock: Redis's (what beat fires by), unless a test injected one. */
  async #time(): Promise<number> {
    return this.#now ? this.#now() : redisTimeMs(this.#redis);
  }

  /** Closes the connection the store opened (a passed-in ioredis instance stays open). */
  async close(): Promise<void> {
    if (!this.#ownsRedis) return;
    try {
      await this.#redis.quit();
    } catch {
      this.#redis.disconnect();
    }
  }

  // Without this, a burst of concurrent first writes (an import of many entries) would each miss
  // EVALSHA and resend the whole script source with EVAL.
  #loadScripts(): Promise<void> {
    this.#scriptsLoaded ??= Promise.all(Object.values(beatScripts).map((s) => s.ensureLoaded(this.#redis))).then(
      () => undefined,
      (error: unknown) => {
        this.#scriptsLoaded = null;
        throw error;
      },
    );
    return this.#scriptsLoaded;
  }

  #refuseManifestChanges(current: CurrentEntry, changes: Partial<PeriodicInput>): void {
    const before = inputOf(current) as Record<string, unknown>;
    for (const [field, value] of Object.entries(changes)) {
      if (field === "enabled") continue;
      if (sortedJson(value) !== sortedJson(before[field])) {
        throw new PeriodicEntryError(
          field,
          `"${current.definition.name}" is declared in the manifest; change it in tasks.yaml (only enabled can be changed here)`,
          OWNED,
        );
      }
    }
  }

  async #mustGetCurrent(name: string): Promise<CurrentEntry> {
    const current = await readCurrent(this.#db, name);
    if (!current) throw new PeriodicEntryNotFoundError(name);
    return current;
  }

  async #mustGet(name: string): Promise<PeriodicEntry> {
    const entry = await this.get(name);
    if (!entry) throw new PeriodicEntryNotFoundError(name);
    return entry;
  }
}

function inputOf(current: CurrentEntry): PeriodicInput {
  const { source: _source, manifestEnabled: _manifestEnabled, ...fields } = current.definition as StoredDefinition;
  return { ...fields, enabled: current.enabled };
}
