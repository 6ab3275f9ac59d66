// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:9d3c8a22d8200fa8
import type { Handler } from "celerity";
import { latency, noop } from "../handlers.ts";
import type { TaskArgs, TaskName, TaskResults } from "./types.ts";

/** What each task's handler must be: `(args, ctx) => result | Promise<result>`, typed from tasks.yaml. */
export type Handlers = { [K in TaskName]: Handler<TaskArgs[K], TaskResults[K]> };

/**
 * The worker's dispatch table. A handler whose signature disagrees with tasks.yaml is a type
 * error on its entry below; the comment above each entry names the manifest task it implements.
 */
export const dispatch: Handlers = {
  // bench.latency: ./handlers.ts#latency
  "bench.latency": latency,
  // bench.noop: ./handlers.ts#noop
  "bench.noop": noop,
};
