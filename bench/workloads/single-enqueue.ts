import { hrNow } from "../child/clock.ts";
import type { SystemWorkload } from "./workload.ts";

/** Workload 2: sequential awaited single enqueues (round-trip bound). */
export const singleEnqueue: SystemWorkload = {
  kind: "system",
  name: "single",
  title: "Single enqueue (sequential await)",
  async run({ system, sizes }) {
    // A few calls first so connection setup and script loading are not in the timing.
    for (let i = 0; i < 20; i++) await system.enqueueOne({ i });
    const start = hrNow();
    for (let i = 0; i < sizes.single; i++) await system.enqueueOne({ i });
    const ms = hrNow() - start;
    return { ms, perSec: (sizes.single / ms) * 1000, usPerCall: (ms * 1000) / sizes.single };
  },
};
