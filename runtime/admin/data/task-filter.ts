import type { AppSpec } from "../../spec/types.ts";
import type { TaskState } from "../../task/types.ts";
import { badRequest } from "../http/errors.ts";
import { isQueueName } from "./ids.ts";
import { TASK_STATES, type TaskFilter } from "./tasks.ts";

/** Reads `?state=&name=&queue=` and checks them against known states, manifest task names and queue syntax. */
export function taskFilterFromQuery(url: URL, app: AppSpec, paging: { page: number; pageSize: number }): TaskFilter {
  const state = url.searchParams.get("state") || undefined;
  const name = url.searchParams.get("name") || undefined;
  const queue = url.searchParams.get("queue") || undefined;
  if (state !== undefined && !TASK_STATES.includes(state as TaskState))
    throw badRequest(`unknown state ${JSON.stringify(state)}; one of ${TASK_STATES.join(", ")}`, "state");
  if (name !== undefined && !Object.hasOwn(app.tasks, name))
    throw badRequest(`no task named ${JSON.stringify(name)} in the manifest`, "name");
  if (queue !== undefined && !isQueueName(queue))
    throw badRequest(`${JSON.stringify(queue)} is not a queue name`, "queue");
  return { state: state as TaskState | undefined, name, queue, ...paging };
}
