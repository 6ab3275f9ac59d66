import type { Redis } from "ioredis";
import type { WorkerCommand } from "../child/worker-process.ts";

export type SystemName = "celerity" | "bullmq" | "bee-queue";

/** Arguments of the no-op task (the same object goes to every system). */
export interface NoopArgs {
  i: number;
}

/**
 * One queue system behind the operations the workloads need. A producer side (this process) and
 * a worker command (a child process), each using the system's idiomatic fast path.
 */
export interface QueueSystem {
  readonly name: SystemName;
  /** Every key this system writes starts with `<prefix>:`; the bench deletes exactly those. */
  readonly prefix: string;
  /** Settings and delivery guarantee, for the README and results.json. */
  readonly settings: string;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Enqueues all in the system's batch API. */
  enqueueBulk(argsList: readonly NoopArgs[]): Promise<void>;
  /** Enqueues one no-op task, resolving when the system confirms it. */
  enqueueOne(args: NoopArgs): Promise<void>;
  /** Enqueues one latency task carrying its enqueue timestamp. */
  enqueueLatency(enqueuedAt: number): Promise<void>;
  /** Completed tasks whose outcome the system has persisted. */
  completedCount(): Promise<number>;
  /** How to start a worker child consuming this system's bench queue. */
  workerCommand(concurrency: number): WorkerCommand;
  /** Chords and chains, when the system has them (Bee-Queue has not). */
  readonly flows?: FlowSystem;
}

/** Timestamps (epoch ms, fractional, one host's clock) of one chord or chain run. */
export interface FlowTiming {
  /** Just before the send call. */
  sentAt: number;
  /** When the result was back with the caller. */
  doneAt: number;
  /** Chords: when the last header's handler finished, and when the callback's handler started. */
  lastHeaderAt?: number;
  callbackStartAt?: number;
}

/** The canvas: Celery-style chords and chains, BullMQ flows. Systems without one leave it out. */
export interface FlowSystem {
  /** `headers` tasks, then one callback receiving all their results. */
  chord(headers: number): Promise<FlowTiming>;
  /** `steps` tasks one after another, each receiving the previous result. */
  chain(steps: number): Promise<FlowTiming>;
  /** Redis bytes per finished task that a result not kept (ignore_result) saves, over `count` tasks each way. */
  ignoreResultSaving?(count: number): Promise<number>;
}

/** What every adapter is built with. */
export interface SystemEnv {
  redisUrl: string;
  prefix: string;
  /** The bench's own connection, for reading counts (never used to enqueue). */
  admin: Redis;
}
