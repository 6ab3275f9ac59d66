import { hrNow } from "../child/clock.ts";
import { noopArgs } from "./args.ts";
import type { SystemWorkload } from "./workload.ts";

/** Workload 1: one batch-API call enqueueing `sizes.bulk` tasks. */
export const bulkEnqueue: SystemWorkload = {
  kind: "system",
  name: "bulk",
  title: "Bulk enqueue",
  async run({ system, sizes }) {
    const argsList = noopArgs(sizes.bulk);
    const start = hrNow();
    await system.enqueueBulk(argsList);
    const ms = hrNow() - start;
    return { ms, perSec: (sizes.bulk / ms) * 1000 };
  },
};
