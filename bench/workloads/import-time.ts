import { buildPackage } from "../../tools/build-package.ts";
import { importEntry } from "../../tools/import-entry.ts";
import type { Metrics, SoloWorkload } from "./workload.ts";

/** Each public entry and the metric its import time is reported under. */
const ENTRIES: ReadonlyArray<[entry: string, metric: string]> = [
  ["celerity", "clientMs"],
  ["celerity/worker", "workerMs"],
  ["celerity/beat", "beatMs"],
  ["celerity/admin", "adminMs"],
  ["celerity/generator", "generatorMs"],
];

/**
 * Workload 7: the first `await import(entry)` of each package entry, from the built package
 * (dist/, rebuilt once per bench run) in a fresh plain-node process each, start-up excluded.
 */
export const importTime: SoloWorkload = {
  kind: "solo",
  name: "import",
  title: "Import time per package entry",
  async run({ log }) {
    built ??= Promise.resolve().then(() => buildPackage());
    await built;
    const metrics: Metrics = {};
    for (const [entry, metric] of ENTRIES) {
      metrics[metric] = (await importEntry(entry)).ms;
      log(`${entry}: ${metrics[metric]!.toFixed(1)} ms`);
    }
    return metrics;
  },
};

let built: Promise<unknown> | undefined;
