import { Ajv } from "ajv";
import { createTaskTree, type AppSpec, type ClientControls, type ClientOptions, type Handler, type TaskHandle, type TaskSpec } from "../../runtime/mod.ts";
import { latency, noop, type LatencyArgs, type NoopArgs } from "./handlers.ts";

// Hand-built stand-in for bench/app/generated until the generator lands; same shape as its registry.
const ajv = new Ajv({ allErrors: true, useDefaults: true });

function task(name: string, args: object): TaskSpec {
  return {
    name,
    queue: "bench",
    priority: 5,
    timeLimitMs: null,
    expiresMs: null,
    rateLimit: null,
    acksLate: true,
    resultExpiresMs: 86_400_000,
    retry: null,
    validateArgs: ajv.compile(args),
    validateResult: ajv.compile({ type: "null" }),
  };
}

/** The bench app's spec (tasks.yaml). */
export const app: AppSpec = {
  app: "bench",
  manifestHash: "bench-hand-built",
  queues: ["bench"],
  tasks: {
    "bench.noop": task("bench.noop", { type: "object", additionalProperties: false, properties: { i: { type: "integer", minimum: 0 }, t: { type: "number" } } }),
    "bench.latency": task("bench.latency", { type: "object", required: ["t"], additionalProperties: false, properties: { t: { type: "number" } } }),
  },
  periodic: [],
};

/** Task name -> handler, as the generated dispatch table has it. */
export const dispatch: Readonly<Record<string, Handler<any, any>>> = { "bench.noop": noop, "bench.latency": latency };

/** The typed task tree of the bench app. */
export interface BenchTasks {
  bench: { noop: TaskHandle<NoopArgs, null>; latency: TaskHandle<LatencyArgs, null> };
}

/** Opens a typed client of the bench app. */
export function createClient(options: ClientOptions): BenchTasks & ClientControls {
  return createTaskTree<BenchTasks>(app, options);
}
