import { parseArgs } from "node:util";
import type { SystemName } from "./systems/system.ts";

export const WORKLOAD_NAMES = [
  "bulk",
  "single",
  "drain",
  "drain2",
  "latency",
  "memory",
  "canvas",
  "codegen",
  "import",
  "embedded",
  "cluster",
] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];
export const SYSTEM_NAMES: readonly SystemName[] = ["celerity", "bullmq", "bee-queue"];

/** Workload sizes; `--quick` shrinks them for a smoke run. */
export interface Sizes {
  bulk: number;
  single: number;
  drain: number;
  concurrency: number;
  latencyRate: number;
  latencySeconds: number;
  latencyWarmup: number;
  memoryTotal: number;
  memoryMilestones: readonly number[];
  codegenTasks: number;
  chordHeaders: number;
  chainSteps: number;
}

export const FULL_SIZES: Sizes = {
  bulk: 50_000,
  single: 5_000,
  drain: 50_000,
  concurrency: 50,
  latencyRate: 2_000,
  latencySeconds: 10,
  latencyWarmup: 500,
  memoryTotal: 200_000,
  memoryMilestones: [50_000, 100_000, 200_000],
  codegenTasks: 200,
  chordHeaders: 1_000,
  chainSteps: 10,
};

export const QUICK_SIZES: Sizes = {
  bulk: 10_000,
  single: 1_000,
  drain: 10_000,
  concurrency: 50,
  latencyRate: 2_000,
  latencySeconds: 3,
  latencyWarmup: 200,
  memoryTotal: 40_000,
  memoryMilestones: [10_000, 20_000, 40_000],
  codegenTasks: 200,
  chordHeaders: 1_000,
  chainSteps: 10,
};

export interface BenchConfig {
  rounds: number;
  quick: boolean;
  workloads: readonly WorkloadName[];
  systems: readonly SystemName[];
  sizes: Sizes;
  redisUrl: string;
  /** Where the figures go; a partial or quick run does not overwrite the full run's file. */
  out: string;
  /** True when every workload and system ran at full size (eligible to be bench/results.json). */
  complete: boolean;
}

const USAGE = `usage: npm run bench -- [--rounds N] [--quick] [--only ${WORKLOAD_NAMES.join(",")}] [--systems ${SYSTEM_NAMES.join(",")}] [--out FILE]`;

function list<T extends string>(value: string | undefined, known: readonly T[], flag: string): T[] | null {
  if (value === undefined) return null;
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items)
    if (!known.includes(item as T))
      throw new Error(`${flag}: unknown "${item}" (known: ${known.join(", ")})\n${USAGE}`);
  return items as T[];
}

/** Reads the command line (`npm run bench -- --quick`). */
export function parseConfig(argv: readonly string[]): BenchConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rounds: { type: "string" },
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      systems: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const rounds = values.rounds === undefined ? (quick ? 1 : 3) : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer\n${USAGE}`);
  const workloads = list(values.only, WORKLOAD_NAMES, "--only") ?? [...WORKLOAD_NAMES];
  const systems = list(values.systems, SYSTEM_NAMES, "--systems") ?? [...SYSTEM_NAMES];
  const complete = !quick && workloads.length === WORKLOAD_NAMES.length && systems.length === SYSTEM_NAMES.length;
  const defaultOut = new URL(complete ? "./results.json" : "./results.partial.json", import.meta.url).pathname;
  return {
    rounds,
    quick,
    workloads,
    systems,
    sizes: quick ? QUICK_SIZES : FULL_SIZES,
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0",
    out: values.out ?? defaultOut,
    complete,
  };
}
