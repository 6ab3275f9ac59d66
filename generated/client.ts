// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:4e2d5e643dc932c0
import { createTaskTree } from "celerity";
import type { ClientControls, ClientOptions, TaskHandle } from "celerity";
import { app } from "./registry.ts";
import type { TaskArgs, TaskName, TaskResults } from "./types.ts";

/** The handle of task `K`: `delay`, `applyAsync`, `signature` and `result`, typed from tasks.yaml. */
export type TaskHandleOf<K extends TaskName> = TaskHandle<TaskArgs[K], TaskResults[K]>;

/** The task tree: dotted task names as nested objects, each task a typed handle. */
export interface Tasks {
  readonly core: {
    /** Liveness check; answers "pong". */
    readonly ping: TaskHandleOf<"core.ping">;
  };
  readonly emails: {
    /** Announce a launch to every subscriber. */
    readonly announce: TaskHandleOf<"emails.announce">;
    /** Send the welcome e-mail to a new user. */
    readonly send_welcome: TaskHandleOf<"emails.send_welcome">;
  };
  readonly flaky: {
    /** Fails with FlakyError until it has been retried failTimes times, then succeeds. */
    readonly fetch: TaskHandleOf<"flaky.fetch">;
  };
  readonly math: {
    /** Add two numbers. */
    readonly add: TaskHandleOf<"math.add">;
  };
  readonly reports: {
    /** Render the report of one day (yesterday, in UTC, when no day is given). */
    readonly nightly: TaskHandleOf<"reports.nightly">;
  };
}

/** The typed client: the task tree plus `$disconnect()` and `$result(id)`. */
export type Client = Tasks & ClientControls;

/**
 * Connects to Redis (`options.redis`, else `REDIS_URL`) and returns the typed task tree.
 *
 * @example
 * const tasks = createClient();
 * const result = await tasks.core.ping.delay(args);
 * console.log(await result.get({ timeout: "10s" }));
 * await tasks.$disconnect();
 */
export function createClient(options: ClientOptions = {}): Client {
  return createTaskTree<Tasks>(app, options);
}
