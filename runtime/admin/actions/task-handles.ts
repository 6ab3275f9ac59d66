import type { RedisClient } from "../../config/connect.ts";
import { createTaskTree, type ClientControls } from "../../client/task-tree.ts";
import type { AppSpec } from "../../spec/types.ts";
import type { TaskHandle } from "../../task/types.ts";

/** The typed client's handle of every manifest task, by name: the only way the admin enqueues work. */
export interface TaskHandles {
  get(name: string): TaskHandle<unknown, unknown> | undefined;
  close(): Promise<void>;
}

/** Builds handles on the admin's own Redis connection (the client leaves a passed-in connection open). */
export function createTaskHandles(app: AppSpec, options: { redis: RedisClient; prefix?: string }): TaskHandles {
  const tree = createTaskTree<Record<string, unknown>>(app, { redis: options.redis, prefix: options.prefix });
  const handles = new Map<string, TaskHandle<unknown, unknown>>();
  for (const name of Object.keys(app.tasks)) {
    let node: unknown = tree;
    for (const segment of name.split(".")) node = (node as Record<string, unknown>)[segment];
    handles.set(name, node as TaskHandle<unknown, unknown>);
  }
  return {
    get: (name) => handles.get(name),
    close: () => (tree as unknown as ClientControls).$disconnect(),
  };
}
