import { bulkEnqueue } from "./bulk-enqueue.ts";
import { canvas } from "./canvas.ts";
import { cluster } from "./cluster.ts";
import { codegen } from "./codegen.ts";
import { drain, drain2 } from "./drain.ts";
import { embedded } from "./embedded.ts";
import { importTime } from "./import-time.ts";
import { latency } from "./latency.ts";
import { memory } from "./memory.ts";
import { singleEnqueue } from "./single-enqueue.ts";
import type { Workload } from "./workload.ts";

/** Every workload, in the order the table shows them. */
export const WORKLOADS: readonly Workload[] = [
  bulkEnqueue,
  singleEnqueue,
  drain,
  drain2,
  latency,
  memory,
  canvas,
  codegen,
  importTime,
  embedded,
  cluster,
];
