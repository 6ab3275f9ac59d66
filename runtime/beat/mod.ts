/**
 * Beat: periodic tasks stored in Redis (from the manifest and created at run time), fired by a
 * leader-elected scheduler with atomic, idempotent firings.
 * @module
 */
export type { PeriodicEntry, PeriodicInput } from "./types.ts";
export { PeriodicEntryError, PeriodicEntryNotFoundError } from "./errors.ts";
export { PeriodicStore, type PeriodicStoreOptions } from "./store.ts";
export type { SyncResult } from "./manifest-sync.ts";
export { Beat, type BeatOptions } from "./beat.ts";
export { runBeatMain, beatOptionsFromArgv } from "./main.ts";
export { nextRunAfter, firstRunAt } from "./schedule.ts";
export { describeSchedule } from "./describe-schedule.ts";
