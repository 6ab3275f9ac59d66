// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:6211fa06038e5345
import type { AppSpec } from "celerity";
import * as validators from "./validators.ts";

/**
 * The `bench` application as the runtime sees it: every task's options resolved from
 * tasks.yaml (durations in milliseconds, retry policies with defaults filled in) and its validators.
 */
export const app = {
  app: "bench",
  manifestHash: "6211fa06038e5345",
  queues: ["bench"],
  tasks: {
    "bench.collect": {
      name: "bench.collect",
      queue: "bench",
      priority: 5,
      timeLimitMs: null,
      expiresMs: null,
      rateLimit: null,
      acksLate: true,
      resultExpiresMs: 86400000,
      retry: null,
      argsSchema: {
        type: "object",
        required: ["values"],
        additionalProperties: false,
        properties: {
          values: {
            type: "array",
            items: { type: "object", required: ["at"], properties: { at: { type: "number" } } },
          },
        },
      },
      resultSchema: {
        type: "object",
        required: ["startedAt", "lastHeaderAt"],
        properties: { startedAt: { type: "number" }, lastHeaderAt: { type: "number" } },
      },
      validateArgs: validators.args_bench$collect,
      validateResult: validators.result_bench$collect,
    },
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
      argsSchema: {
        type: "object",
        required: ["t"],
        additionalProperties: false,
        properties: {
          t: {
            type: "number",
            description: "Epoch ms (fractional) taken just before the enqueue call.",
          },
        },
      },
      resultSchema: { type: "null" },
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
      argsSchema: {
        type: "object",
        additionalProperties: false,
        properties: { i: { type: "integer", minimum: 0 }, t: { type: "number" } },
      },
      resultSchema: { type: "null" },
      validateArgs: validators.args_bench$noop,
      validateResult: validators.result_bench$noop,
    },
    "bench.quiet": {
      name: "bench.quiet",
      queue: "bench",
      priority: 5,
      timeLimitMs: null,
      expiresMs: null,
      rateLimit: null,
      acksLate: true,
      resultExpiresMs: 86400000,
      retry: null,
      ignoreResult: true,
      argsSchema: {
        type: "object",
        required: ["n"],
        additionalProperties: false,
        properties: { n: { type: "integer", minimum: 0 }, at: { type: "number" } },
      },
      resultSchema: {
        type: "object",
        required: ["n", "at"],
        additionalProperties: false,
        properties: { n: { type: "integer" }, at: { type: "number" } },
      },
      validateArgs: validators.args_bench$quiet,
      validateResult: validators.result_bench$quiet,
    },
    "bench.step": {
      name: "bench.step",
      queue: "bench",
      priority: 5,
      timeLimitMs: null,
      expiresMs: null,
      rateLimit: null,
      acksLate: true,
      resultExpiresMs: 86400000,
      retry: null,
      argsSchema: {
        type: "object",
        required: ["n"],
        additionalProperties: false,
        properties: { n: { type: "integer", minimum: 0 }, at: { type: "number" } },
      },
      resultSchema: {
        type: "object",
        required: ["n", "at"],
        additionalProperties: false,
        properties: {
          n: { type: "integer" },
          at: { type: "number", description: "Epoch ms (fractional) when the handler finished." },
        },
      },
      validateArgs: validators.args_bench$step,
      validateResult: validators.result_bench$step,
    },
  },
  periodic: [],
} satisfies AppSpec;
