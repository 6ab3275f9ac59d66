import type { WorkloadName } from "../config.ts";
import type { SystemName } from "../systems/system.ts";

/**
 * A goal: a ratio celerity/peer to reach (`min`) or not to exceed (`max`, for figures where less is
 * better), or an absolute ceiling for celerity.
 */
export type Target =
  | { workload: WorkloadName; metric: string; kind: "ratio"; peer: SystemName; min: number }
  | { workload: WorkloadName; metric: string; kind: "ratio-max"; peer: SystemName; max: number }
  | { workload: WorkloadName; metric: string; kind: "ceiling"; max: number; unit: string };

/** Issue 14 ("ahead of every peer on every figure"), and issue 7's codegen ceiling. */
export const TARGETS: readonly Target[] = [
  { workload: "bulk", metric: "perSec", kind: "ratio", peer: "bullmq", min: 5 },
  { workload: "bulk", metric: "perSec", kind: "ratio", peer: "bee-queue", min: 1.5 },
  { workload: "single", metric: "usPerCall", kind: "ratio-max", peer: "bee-queue", max: 1 },
  { workload: "drain", metric: "perSec", kind: "ratio", peer: "bullmq", min: 2.5 },
  { workload: "drain", metric: "perSec", kind: "ratio", peer: "bee-queue", min: 2 },
  { workload: "latency", metric: "p50Ms", kind: "ratio-max", peer: "bee-queue", max: 1 },
  { workload: "latency", metric: "p99Ms", kind: "ratio-max", peer: "bee-queue", max: 1 },
  { workload: "memory", metric: "bytesPerTask", kind: "ratio-max", peer: "bee-queue", max: 1 },
  { workload: "codegen", metric: "ms", kind: "ceiling", max: 2000, unit: "ms" },
];

/** A target checked against the medians of this run. */
export interface Verdict {
  target: Target;
  /** The ratio or the absolute value compared; NaN when a side did not run. */
  value: number;
  pass: boolean | null;
  text: string;
}

const PEER_SHORT: Record<SystemName, string> = { celerity: "celerity", bullmq: "BullMQ", "bee-queue": "Bee" };

/** Checks one target; `medians[system][metric]`. */
export function judge(target: Target, medians: Partial<Record<SystemName, Record<string, number>>>): Verdict {
  const mine = medians.celerity?.[target.metric];
  if (target.kind === "ratio") {
    const peer = medians[target.peer]?.[target.metric];
    const value = mine !== undefined && peer !== undefined ? mine / peer : Number.NaN;
    const pass = Number.isNaN(value) ? null : value >= target.min;
    const verdict = pass === null ? "n/a" : pass ? "PASS" : "MISS";
    return { target, value, pass, text: `≥${target.min}x ${PEER_SHORT[target.peer]}: ${verdict}` };
  }
  if (target.kind === "ratio-max") {
    const peer = medians[target.peer]?.[target.metric];
    const value = mine !== undefined && peer !== undefined ? mine / peer : Number.NaN;
    const pass = Number.isNaN(value) ? null : value <= target.max;
    const verdict = pass === null ? "n/a" : pass ? "PASS" : "MISS";
    return { target, value, pass, text: `≤${target.max}x ${PEER_SHORT[target.peer]}: ${verdict}` };
  }
  const value = mine ?? Number.NaN;
  const pass = Number.isNaN(value) ? null : value < target.max;
  const verdict = pass === null ? "n/a" : pass ? "PASS" : "MISS";
  return { target, value, pass, text: `<${target.max} ${target.unit}: ${verdict}` };
}
