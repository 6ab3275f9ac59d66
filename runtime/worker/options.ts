import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { RedisClient } from "../config/connect.ts";
import type { Logger } from "../log/logger.ts";
import { OUTBOX_GRACE_MS } from "../canvas/relay.ts";

/** How a worker runs; every field has a default except the app. */
export interface WorkerOptions {
  /** Queues to consume, in preference order. Default: every queue of the manifest. */
  queues?: readonly string[];
  /** Tasks run at once (async slots). Default 16. */
  concurrency?: number;
  /** A task whose worker stops renewing for this long is handed to another worker. Default 30 s. */
  leaseMs?: number;
  /** Warm shutdown: how long running tasks may take to finish before they are put back. Default 30 s. */
  shutdownGraceMs?: number;
  /** After `time_limit` aborts the signal, how long before the task is failed and its slot freed. Default 5 s. */
  timeLimitGraceMs?: number;
  /** Deliveries after which a task that never finishes is dead-lettered as poison. Default 5. */
  maxDeliveries?: number;
  /** Args payloads above this are dead-lettered unread. Default 1 MiB. */
  maxPayloadBytes?: number;
  /**
   * A canvas step that crosses shards (a chain step or chord header count on another shard) waits in
   * its shard's outbox for the process that wrote it; after this long a worker applies it instead
   * (the writer crashed or lost Redis). Default 10 s.
   */
  canvasOutboxGraceMs?: number;
  redis?: string | RedisClient;
  /** Run even if Redis's maxmemory-policy can evict keys (default: CELERITY_ALLOW_EVICTION). */
  allowEviction?: boolean;
  prefix?: string;
  id?: string;
  logger?: Logger;
  /** Where time-limit timers are set: the process's timers unless a test toolkit drives a fake clock. */
  timers?: TimerSource;
}

/** setTimeout/clearTimeout, injectable so a fake clock can fire time limits without waiting. */
export interface TimerSource {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The process's own timers. */
export const realTimers: TimerSource = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export type ResolvedWorkerOptions = Required<Omit<WorkerOptions, "redis" | "prefix" | "logger" | "allowEviction">> &
  Pick<WorkerOptions, "redis" | "prefix" | "logger" | "allowEviction">;

export function resolveWorkerOptions(options: WorkerOptions, allQueues: readonly string[]): ResolvedWorkerOptions {
  return {
    queues: options.queues && options.queues.length > 0 ? options.queues : allQueues,
    concurrency: options.concurrency ?? 16,
    leaseMs: options.leaseMs ?? 30_000,
    shutdownGraceMs: options.shutdownGraceMs ?? 30_000,
    timeLimitGraceMs: options.timeLimitGraceMs ?? 5_000,
    maxDeliveries: options.maxDeliveries ?? 5,
    maxPayloadBytes: options.maxPayloadBytes ?? 1 << 20,
    canvasOutboxGraceMs: options.canvasOutboxGraceMs ?? OUTBOX_GRACE_MS,
    id: options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    redis: options.redis,
    allowEviction: options.allowEviction,
    prefix: options.prefix,
    logger: options.logger,
    timers: options.timers ?? realTimers,
  };
}
