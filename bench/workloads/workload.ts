import type { Redis } from "ioredis";
import type { Sizes, WorkloadName } from "../config.ts";
import type { QueueSystem } from "../systems/system.ts";

/** Named figures of one run of one workload (units in the names: `ms`, `perSec`, `MB`...). */
export type Metrics = Record<string, number>;

export interface SystemRun {
  system: QueueSystem;
  admin: Redis;
  sizes: Sizes;
  /** Progress line for the console (stderr). */
  log(message: string): void;
  /** Structured detail kept in results.json beside the figures (e.g. key groups). */
  detail(name: string, value: unknown): void;
}

/** A workload run on each queue system, with the system's producer open and its keys flushed. */
export interface SystemWorkload {
  kind: "system";
  name: WorkloadName;
  title: string;
  /** Runs once per bench run rather than once per round (long, and a trend rather than a rate). */
  once?: boolean;
  run(ctx: SystemRun): Promise<Metrics>;
}

/** A workload of celerity alone (codegen). */
export interface SoloWorkload {
  kind: "solo";
  name: WorkloadName;
  title: string;
  run(ctx: {
    sizes: Sizes;
    redisUrl: string;
    log(message: string): void;
    detail(name: string, value: unknown): void;
  }): Promise<Metrics>;
}

export type Workload = SystemWorkload | SoloWorkload;
