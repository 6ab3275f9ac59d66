// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:9d3c8a22d8200fa8
import type { AppSpec } from "celerity/runtime";
import * as validators from "./validators.ts";

/**
 * The `bench` application as the runtime sees it: every task's options resolved from
 * tasks.yaml (durations in milliseconds, retry policies with defaults filled in) and its validators.
 */
export const app = {
  app: "bench",
  manifestHash: "9d3c8a22d8200fa8",
  queues: ["bench"],
  tasks: {
    "bench.latency": {
      name: "bench.latency",
      queue: "bench",
      priority: 5,
      timeLimitMs: null,
      expiresMs: null,
      rateLimit: null,
      acksLate: true,
      resultExpiresMs: 86400000,
      retry: null,
      validateArgs: validators.args_bench$latency,
      validateResult: validators.result_bench$latency,
    },
    "bench.noop": {
      name: "bench.noop",
      queue: "bench",
      priority: 5,
      timeLimitMs: null,
      expiresMs: null,
      rateLimit: null,
      acksLate: true,
      resultExpiresMs: 86400000,
      retry: null,
      validateArgs: validators.args_bench$noop,
      validateResult: validators.result_bench$noop,
    },
  },
  periodic: [],
} satisfies AppSpec;
