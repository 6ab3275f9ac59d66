import { latencyHandled, taskHandled } from "../child/probe.ts";
import { hrNow } from "../child/clock.ts";
import { defineHandler } from "./generated/define.ts";

/** bench.noop: no work; the probe counts it so the orchestrator knows when a drain ends. */
export const noop = defineHandler("bench.noop", () => {
  taskHandled();
  return null;
});

/** bench.latency: records how long the task waited between the enqueue call and this start. */
export const latency = defineHandler("bench.latency", ({ t }) => {
  latencyHandled(t);
  return null;
});

/** bench.step: one canvas step; says when it finished so a chord callback can tell its wait. */
export const step = defineHandler("bench.step", ({ n }) => ({ n: n + 1, at: hrNow() }));

/** bench.collect: a chord callback; reports its start and the last header's finish. */
export const collect = defineHandler("bench.collect", ({ values }) => {
  const startedAt = hrNow();
  return { startedAt, lastHeaderAt: Math.max(...values.map((v) => v.at)) };
});

/** bench.quiet: bench.step's work under ignore_result (state kept, result not stored). */
export const quiet = defineHandler("bench.quiet", ({ n }) => ({ n: n + 1, at: hrNow() }));
