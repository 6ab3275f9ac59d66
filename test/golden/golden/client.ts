// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:89983e1edf06fc8a
import { createTaskTree } from "celerity";
import type { ClientControls, ClientOptions, TaskHandle } from "celerity";
import { app } from "./registry.ts";
import type { TaskArgs, TaskName, TaskResults } from "./types.ts";

/** The handle of task `K`: `delay`, `applyAsync`, `signature` and `result`, typed from tasks.yaml. */
export type TaskHandleOf<K extends TaskName> = TaskHandle<TaskArgs[K], TaskResults[K]>;

/** The task tree: dotted task names as nested objects, each task a typed handle. */
export interface Tasks {
  readonly a: {
    readonly b_c: TaskHandleOf<"a.b_c">;
  };
  readonly a_b: {
    readonly c: TaskHandleOf<"a_b.c">;
  };
  readonly billing: {
    readonly invoice: {
      /**
       * Creates an invoice.
       * Multi-line descriptions become multi-line doc comments.
       */
      readonly create: TaskHandleOf<"billing.invoice.create">;
    };
    readonly refund: TaskHandleOf<"billing.refund">;
  };
  /** Single-segment name, no args schema, no result schema. */
  readonly ping: TaskHandleOf<"ping">;
  readonly reports: {
    readonly run: TaskHandleOf<"reports.run">;
  };
}

/** The typed client: the task tree plus `$disconnect()` and `$result(id)`. */
export type Client = Tasks & ClientControls;

/**
 * Connects to Redis (`options.redis`, else `REDIS_URL`) and returns the typed task tree.
 *
 * @example
 * const tasks = createClient();
 * const result = await tasks.a.b_c.delay(args);
 * console.log(await result.get({ timeout: "10s" }));
 * await tasks.$disconnect();
 */
export function createClient(options: ClientOptions = {}): Client {
  return createTaskTree<Tasks>(app, options);
}
