/**
 * `celerity`: the client surface. What an application needs to send tasks and read results, plus the
 * spec and handler types that generated code refers to. Deliberately free of the worker, beat, admin
 * and generator, so that importing the client pays only for ioredis (see test/package/entries.test.ts).
 * @module
 */
export type * from "./spec/mod.ts";
export type * from "./task/types.ts";
export * from "./errors/mod.ts";
export {
  createTaskTree,
  TaskArgumentsTooLargeError,
  type ArgsLimits,
  type ClientControls,
  type ClientOptions,
} from "./client/mod.ts";
export type { Controller, InspectKind, InspectOptions, InspectReplies, Inspector } from "./control/mod.ts";
export { keyspace, type Keyspace } from "./keys/keyspace.ts";
export { connectRedis, isCluster, type RedisClient, type RedisTarget } from "./config/connect.ts";
export { isClusterUrl, parseClusterUrl, type ClusterTarget } from "./config/cluster-url.ts";
export { DEFAULT_REDIS_URL, parseRedisUrl, resolveRedisUrl } from "./config/redis-url.ts";
export { createLogger, type Logger } from "./log/logger.ts";
export { durationToMs } from "./core/mod.ts";
