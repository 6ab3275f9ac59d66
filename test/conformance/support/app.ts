/**
 * The conformance suite's app: handlers record each run in this process (workers run in-process),
 * so what a test observes never depends on the backend under test.
 */
import type { Handler, TaskContext } from "../../../runtime/mod.ts";
import { testApp } from "../../support/app.ts";

export class NetworkError extends Error {
  override name = "NetworkError";
}

/** Runs per key: each entry is one run (id, retries, deliveries, when). */
export const runs = new Map<string, { id: string; retries: number; deliveries: number; at: number; args: unknown }[]>();

function record(key: string | undefined, ctx: TaskContext, args: unknown): void {
  if (!key) return;
  let list = runs.get(key);
  if (!list) runs.set(key, (list = []));
  list.push({ id: ctx.id, retries: ctx.retries, deliveries: ctx.deliveries, at: Date.now(), args });
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

const keyed = {
  type: "object",
  properties: {
    key: { type: "string" },
    n: { type: "integer" },
    ms: { type: "integer" },
    failTimes: { type: "integer" },
  },
};

/** The spec of the conformance app (schemas compiled with ajv, as generated code would ship them). */
export function conformanceApp(name = "conf") {
  return testApp(name, {
    "math.add": {
      args: {
        type: "object",
        required: ["a", "b"],
        additionalProperties: false,
        properties: { a: { type: "number" }, b: { type: "number" } },
      },
      result: { type: "number" },
    },
    "util.record": { args: keyed },
    "util.fail": { args: keyed },
    "util.flaky": {
      args: keyed,
      spec: {
        retry: {
          autoretryFor: ["NetworkError"],
          dontAutoretryFor: [],
          maxRetries: 3,
          backoffMs: 100,
          backoffMaxMs: 1000,
          jitter: false,
          retryDelayMs: 100,
        },
      },
    },
    "util.limited": { args: keyed, spec: { rateLimit: { limit: 5, intervalMs: 1000 } } },
    "util.expiring": { args: keyed, spec: { expiresMs: 150 } },
    "util.slow": { args: keyed, spec: { timeLimitMs: 150 } },
    "util.urgent": { args: keyed, spec: { priority: 9 } },
    "util.lazy": { args: keyed, spec: { priority: 0 } },
    "cv.inc": {
      args: { type: "object", required: ["n"], properties: { n: { type: "integer" }, key: { type: "string" } } },
      result: { type: "object", required: ["n"], properties: { n: { type: "integer" } } },
    },
    "cv.sum": {
      args: {
        type: "object",
        required: ["values"],
        properties: { values: { type: "array" }, key: { type: "string" } },
      },
      result: { type: "object", required: ["n"], properties: { n: { type: "integer" } } },
    },
  });
}

export const dispatch: Record<string, Handler<any, any>> = {
  "math.add": ({ a, b }: { a: number; b: number }) => a + b,
  "util.record": async (args: { key?: string; ms?: number }, ctx) => {
    record(args.key, ctx, args);
    if (args.ms) await sleep(args.ms, ctx.signal);
    return { id: ctx.id };
  },
  "util.fail": (args: { key?: string }, ctx) => {
    record(args.key, ctx, args);
    throw new TypeError("broken on purpose");
  },
  "util.flaky": (args: { key?: string; failTimes?: number }, ctx) => {
    record(args.key, ctx, args);
    if (ctx.retries < (args.failTimes ?? 0)) throw new NetworkError(`attempt ${ctx.retries + 1} failed`);
    return { attempts: ctx.retries + 1 };
  },
  "util.limited": (args: { key?: string }, ctx) => {
    record(args.key, ctx, args);
    return Date.now();
  },
  "util.expiring": (args: { key?: string }, ctx) => {
    record(args.key, ctx, args);
    return "ran";
  },
  "util.slow": async (args: { key?: string; ms?: number }, ctx) => {
    record(args.key, ctx, args);
    await sleep(args.ms ?? 5000, ctx.signal);
    return "finished";
  },
  "cv.inc": (args: { n: number; key?: string }, ctx) => {
    record(args.key, ctx, args);
    return { n: args.n + 1 };
  },
  "cv.sum": (args: { values: { n: number }[]; key?: string }, ctx) => {
    record(args.key, ctx, args);
    return { n: args.values.reduce((a, v) => a + v.n, 0) };
  },
  "util.urgent": (args: { key?: string }, ctx) => (record(args.key, ctx, args), "urgent"),
  "util.lazy": (args: { key?: string }, ctx) => (record(args.key, ctx, args), "lazy"),
};
