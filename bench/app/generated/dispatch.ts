// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:6211fa06038e5345
import type { Handler } from "celerity";
import { collect, latency, noop, quiet, step } from "../handlers.ts";
import type { TaskArgs, TaskName, TaskResults } from "./types.ts";

/** What each task's handler must be: `(args, ctx) => result | Promise<result>`, typed from tasks.yaml. */
export type Handlers = { [K in TaskName]: Handler<TaskArgs[K], TaskResults[K]> };

/**
 * The worker's dispatch table. A handler whose signature disagrees with tasks.yaml is a type
 * error on its entry below; the comment above each entry names the manifest task it implements.
 */
export const dispatch: Handlers = {
  // bench.collect: ./handlers.ts#collect
  "bench.collect": collect,
  // bench.latency: ./handlers.ts#latency
  "bench.latency": latency,
  // bench.noop: ./handlers.ts#noop
  "bench.noop": noop,
  // bench.quiet: ./handlers.ts#quiet
  "bench.quiet": quiet,
  // bench.step: ./handlers.ts#step
  "bench.step": step,
};
