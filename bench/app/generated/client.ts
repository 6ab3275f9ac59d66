// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:6211fa06038e5345
import { createTaskTree } from "celerity";
import type { ClientControls, ClientOptions, TaskHandle } from "celerity";
import { app } from "./registry.ts";
import type { TaskArgs, TaskName, TaskResults } from "./types.ts";

/** The handle of task `K`: `delay`, `applyAsync`, `signature` and `result`, typed from tasks.yaml. */
export type TaskHandleOf<K extends TaskName> = TaskHandle<TaskArgs[K], TaskResults[K]>;

/** The task tree: dotted task names as nested objects, each task a typed handle. */
export interface Tasks {
  readonly bench: {
    /** A chord callback; reports when it started and when the last header finished. */
    readonly collect: TaskHandleOf<"bench.collect">;
    /** Records enqueue-to-start latency from the enqueue timestamp it carries. */
    readonly latency: TaskHandleOf<"bench.latency">;
    /** Does nothing; counted by the bench probe. Used for enqueue, drain and memory. */
    readonly noop: TaskHandleOf<"bench.noop">;
    /** Like bench.step with ignore_result; measures the Redis bytes a stored result costs. */
    readonly quiet: TaskHandleOf<"bench.quiet">;
    /** A canvas step (chain step, chord header); its result is the next step's args. */
    readonly step: TaskHandleOf<"bench.step">;
  };
}

/** The typed client: the task tree plus `$disconnect()` and `$result(id)`. */
export type Client = Tasks & ClientControls;

/**
 * Connects to Redis (`options.redis`, else `REDIS_URL`) and returns the typed task tree.
 *
 * @example
 * const tasks = createClient();
 * const result = await tasks.bench.collect.delay(args);
 * console.log(await result.get({ timeout: "10s" }));
 * await tasks.$disconnect();
 */
export function createClient(options: ClientOptions = {}): Client {
  return createTaskTree<Tasks>(app, options);
}
