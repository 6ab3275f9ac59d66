import type { InitPlan } from "./plan.ts";

/** What init prints after it ran the plan: each file and what happened to it, then the next steps. */
export function formatReport(plan: InitPlan, dir: string): string {
  const out: string[] = [];
  if (plan.writes.length === 0) {
    out.push(`celerity init: nothing to do in ${dir}; everything init writes exists already (kept as it is):`);
  } else {
    out.push(`celerity init: set up celerity in ${dir}`);
    for (const w of plan.writes)
      out.push(w.kind === "create" ? `  created  ${w.path}` : `  updated  ${w.path} (${w.summary})`);
  }
  for (const path of plan.existing) out.push(`  exists   ${path} (kept)`);
  for (const note of plan.notes) out.push(`  note     ${note}`);
  if (plan.tsconfigProblems.length > 0) {
    out.push("", "tsconfig.json needs these changes (init does not edit an existing tsconfig.json):");
    for (const problem of plan.tsconfigProblems) out.push(`  - ${problem}`);
  }
  const steps: Array<[string, string]> = [
    ["npx celerity codegen", "generate generated/ (types, client, worker) from tasks.yaml"],
    ["npx tsc", "compile to JavaScript (also: npm run build)"],
    [
      "npm run worker",
      `start a worker: node ${plan.workerJs}, at REDIS_URL (default redis://127.0.0.1:6379/0); --help lists its flags`,
    ],
  ];
  if (plan.clientJs !== null)
    steps.push([`node ${plan.clientJs}`, "in another terminal: send the example task and print its result"]);
  const width = Math.max(...steps.map(([command]) => command.length));
  out.push("", "Next steps:", ...steps.map(([command, what], i) => `  ${i + 1}. ${command.padEnd(width)}  ${what}`));
  out.push("", "Edit tasks.yaml and handlers/ to add tasks; run codegen and tsc again after each change.");
  return out.join("\n") + "\n";
}
