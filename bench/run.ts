import { Redis } from "ioredis";
import { parseConfig } from "./config.ts";
import { describeMachine, finishLoad, machineInfo } from "./report/machine.ts";
import { verdictRows, writeResults, type ResultsFile, type SystemFigures } from "./report/results.ts";
import { subtitle } from "./report/subtitle.ts";
import { renderTable, type WorkloadSummary } from "./report/table.ts";
import { judge, TARGETS } from "./report/targets.ts";
import { createSystem } from "./systems/index.ts";
import type { QueueSystem, SystemName } from "./systems/system.ts";
import { deleteUnder } from "./support/keys.ts";
import { deleteStaleRuns, prefixFor } from "./support/prefixes.ts";
import { median } from "./support/stats.ts";
import { WORKLOADS } from "./workloads/index.ts";
import type { Metrics, Workload } from "./workloads/workload.ts";

// `npm run bench`: every workload on every system against one Redis, interleaving the systems
// within each round so drift (thermal, other tenants of the Redis) spreads evenly over them.

const config = parseConfig(process.argv.slice(2));
const wallStart = performance.now();
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const admin = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
const systems: QueueSystem[] = config.systems.map((name) =>
  createSystem(name, { redisUrl: config.redisUrl, prefix: prefixFor(name), admin }),
);

async function cleanup(): Promise<void> {
  for (const s of systems) await deleteUnder(admin, s.prefix);
}

process.once("SIGINT", () => {
  log("interrupted: deleting this run's keys");
  void cleanup().finally(() => process.exit(130));
});

function medians(rounds: readonly Metrics[]): Metrics {
  const out: Metrics = {};
  for (const key of Object.keys(rounds[0] ?? {})) out[key] = median(rounds.map((r) => r[key]));
  return out;
}

function brief(m: Metrics): string {
  return Object.entries(m)
    .slice(0, 4)
    .map(([k, v]) => `${k}=${v.toFixed(v < 10 ? 2 : 0)}`)
    .join(" ");
}

async function runSystem(
  workload: Extract<Workload, { kind: "system" }>,
  system: QueueSystem,
  figures: SystemFigures,
): Promise<void> {
  await deleteUnder(admin, system.prefix);
  await system.open();
  try {
    const metrics = await workload.run({
      system,
      admin,
      sizes: config.sizes,
      log: (m) => log(`  ${m}`),
      detail: (name, value) => (figures.details[name] = value),
    });
    figures.rounds.push(metrics);
    log(`  ${system.name}: ${brief(metrics)}`);
  } finally {
    await system.close();
    await deleteUnder(admin, system.prefix);
  }
}

async function runWorkload(workload: Workload): Promise<Partial<Record<SystemName, SystemFigures>>> {
  const figures: Partial<Record<SystemName, SystemFigures>> = {};
  const fresh = (): SystemFigures => ({ rounds: [], median: {}, details: {} });
  const rounds = workload.kind === "system" && workload.once ? 1 : config.rounds;
  for (let round = 1; round <= rounds; round++) {
    log(`${workload.title}: round ${round}/${rounds}`);
    if (workload.kind === "solo") {
      const f = (figures.celerity ??= fresh());
      if (f.error) break;
      try {
        const metrics = await workload.run({
          sizes: config.sizes,
          redisUrl: config.redisUrl,
          log: (m) => log(`  ${m}`),
          detail: (k, v) => (f.details[k] = v),
        });
        f.rounds.push(metrics);
        log(`  celerity: ${brief(metrics)}`);
      } catch (error) {
        f.error = (error as Error).message;
        log(`  celerity failed: ${f.error}`);
      }
      continue;
    }
    for (const system of systems) {
      const f = (figures[system.name] ??= fresh());
      if (f.error) continue;
      try {
        await runSystem(workload, system, f);
      } catch (error) {
        f.error = (error as Error).message;
        log(`  ${system.name} failed: ${f.error}`);
      }
    }
  }
  for (const f of Object.values(figures)) f.median = medians(f.rounds);
  return figures;
}

const deleted = await deleteStaleRuns(admin);
if (deleted > 0) log(`deleted ${deleted} keys left by killed bench runs`);
const machine = await machineInfo(admin);
log(`machine: ${describeMachine(machine)}; load average ${machine.loadAverage.start.toFixed(2)}`);
log(
  `rounds: ${config.rounds}${config.quick ? " (quick)" : ""}; workloads: ${config.workloads.join(", ")}; systems: ${config.systems.join(", ")}`,
);

const summaries: WorkloadSummary[] = [];
const results: ResultsFile["workloads"] = {};
const allVerdicts = [];
for (const workload of WORKLOADS.filter((w) => config.workloads.includes(w.name))) {
  const figures = await runWorkload(workload);
  results[workload.name] = { title: workload.title, figures };
  const medianBySystem: WorkloadSummary["medians"] = {};
  for (const [name, f] of Object.entries(figures) as [SystemName, SystemFigures][])
    if (!f.error) medianBySystem[name] = f.median;
  const verdicts = TARGETS.filter((t) => t.workload === workload.name).map((t) => judge(t, medianBySystem));
  allVerdicts.push(...verdicts);
  const errors = Object.entries(figures)
    .filter(([, f]) => f.error)
    .map(([name, f]) => `${name}: ${f.error}`);
  summaries.push({
    name: workload.name,
    title: workload.title,
    subtitle: subtitle(workload.name, config.sizes, workload.kind === "system" && workload.once ? 1 : config.rounds),
    medians: medianBySystem,
    verdicts,
    error: Object.keys(medianBySystem).length === 0 ? errors.join("; ") : undefined,
  });
  for (const e of errors) log(`error: ${e}`);
}

await cleanup();
admin.disconnect();

const loadWarning = finishLoad(machine);
const table = renderTable(summaries);
const wallSeconds = (performance.now() - wallStart) / 1000;
const passed = allVerdicts.filter((v) => v.pass === true).length;
const footer = `Measured on ${describeMachine(machine)}. Wall time ${wallSeconds.toFixed(0)} s. Targets met: ${passed}/${allVerdicts.length}.`;
console.log(`\n${table}\n\n${footer}${loadWarning ? `\n${loadWarning}` : ""}`);
await writeResults(config.out, {
  generatedAt: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? " -- " + process.argv.slice(2).join(" ") : ""}`,
  wallSeconds,
  config: {
    rounds: config.rounds,
    quick: config.quick,
    workloads: config.workloads,
    systems: config.systems,
    sizes: config.sizes,
  },
  machine,
  systems: Object.fromEntries(systems.map((s) => [s.name, s.settings])),
  workloads: results,
  targets: verdictRows(allVerdicts),
  table,
});
log(`figures written to ${config.out}`);
process.exit(0);
