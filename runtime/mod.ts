/**
 * celerity's runtime: what generated code and applications import.
 * @module
 */
export type * from "./spec/mod.ts";
export type * from "./task/types.ts";
export * from "./errors/mod.ts";
export { createTaskTree, TaskArgumentsTooLargeError, type ArgsLimits, type ClientControls, type ClientOptions } from "./client/mod.ts";
export { Worker, type WorkerApp } from "./worker/worker.ts";
export type { WorkerOptions } from "./worker/options.ts";
export { runWorkerMain } from "./worker/main.ts";
export { keyspace, type Keyspace } from "./keys/keyspace.ts";
export { connectRedis } from "./config/connect.ts";
export { DEFAULT_REDIS_URL, parseRedisUrl, resolveRedisUrl } from "./config/redis-url.ts";
export { createLogger, type Logger } from "./log/logger.ts";
export { durationToMs } from "./core/mod.ts";
export {
  Beat,
  describeSchedule,
  nextRunAfter,
  PeriodicEntryError,
  PeriodicEntryNotFoundError,
  PeriodicStore,
  runBeatMain,
  type BeatOptions,
  type PeriodicEntry,
  type PeriodicInput,
  type PeriodicStoreOptions,
} from "./beat/mod.ts";
export { startAdmin, type AdminOptions, type AdminServer } from "./admin/mod.ts";
