import { writeFile } from "node:fs/promises";
import type { BenchConfig } from "../config.ts";
import type { SystemName } from "../systems/system.ts";
import type { Metrics } from "../workloads/workload.ts";
import type { MachineInfo } from "./machine.ts";
import type { Verdict } from "./targets.ts";

/** Everything one workload produced for one system. */
export interface SystemFigures {
  rounds: Metrics[];
  median: Metrics;
  details: Record<string, unknown>;
  error?: string;
}

/** The shape of bench/results.json. */
export interface ResultsFile {
  generatedAt: string;
  command: string;
  wallSeconds: number;
  config: Pick<BenchConfig, "rounds" | "quick" | "workloads" | "systems" | "sizes">;
  machine: MachineInfo;
  systems: Partial<Record<SystemName, string>>;
  workloads: Record<string, { title: string; figures: Partial<Record<SystemName, SystemFigures>> }>;
  targets: { workload: string; metric: string; against: string; value: number; pass: boolean | null; text: string }[];
  table: string;
}

export function verdictRows(verdicts: readonly Verdict[]): ResultsFile["targets"] {
  return verdicts.map((v) => ({
    workload: v.target.workload,
    metric: v.target.metric,
    against: v.target.kind === "ceiling" ? "absolute" : v.target.peer,
    value: v.value,
    pass: v.pass,
    text: v.text,
  }));
}

export async function writeResults(path: string, results: ResultsFile): Promise<void> {
  await writeFile(
    path,
    JSON.stringify(results, (_, v) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toFixed(4)) : v), 2) +
      "\n",
  );
}
