import { latencyHandled, taskHandled } from "../child/probe.ts";

/** Arguments of bench.noop (mirrors tasks.yaml). */
export interface NoopArgs {
  i?: number;
  t?: number;
}

/** Arguments of bench.latency (mirrors tasks.yaml). */
export interface LatencyArgs {
  t: number;
}

/** bench.noop: no work; the probe counts it so the orchestrator knows when a drain ends. */
export function noop(_args: NoopArgs): null {
  taskHandled();
  return null;
}

/** bench.latency: records how long the task waited between the enqueue call and this start. */
export function latency(args: LatencyArgs): null {
  latencyHandled(args.t);
  return null;
}
