import type { Sizes, WorkloadName } from "../config.ts";

const n = (x: number) => x.toLocaleString("en-US");

/** What a workload did, for the table's first column. */
export function subtitle(name: WorkloadName, sizes: Sizes, rounds: number): string {
  const med = rounds > 1 ? `, median of ${rounds}` : "";
  switch (name) {
    case "bulk":
      return `${n(sizes.bulk)} tasks${med}`;
    case "single":
      return `${n(sizes.single)} calls${med}`;
    case "drain":
      return `${n(sizes.drain)} tasks, concurrency ${sizes.concurrency}${med}`;
    case "drain2":
      return `${n(sizes.drain)} tasks, concurrency ${sizes.concurrency} each${med}`;
    case "latency":
      return `${n(sizes.latencyRate)}/s for ${sizes.latencySeconds} s${med}`;
    case "memory":
      return `${n(sizes.memoryTotal)} tasks, once`;
    case "canvas":
      return `chord of ${n(sizes.chordHeaders)} headers, chain of ${sizes.chainSteps} steps, 1 worker process, concurrency ${sizes.concurrency}${med}`;
    case "codegen":
      return `${sizes.codegenTasks} tasks${med}`;
    case "import":
      return `built dist/, fresh node per entry${med}`;
    case "embedded":
      return `${n(sizes.single)} calls, ${n(sizes.drain)} tasks drained, worker in process${med}`;
    case "cluster":
      return `${n(sizes.drain)} tasks, 1 worker process, concurrency ${sizes.concurrency}, 3 masters + 3 replicas on this host${med}`;
  }
}
