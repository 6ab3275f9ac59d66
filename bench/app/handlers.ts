import { latencyHandled, taskHandled } from "../child/probe.ts";
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
