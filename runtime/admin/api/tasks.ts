import { retryTask } from "../actions/retry-task.ts";
import { revokeKnownTask } from "../actions/revoke.ts";
import type { AdminContext, AdminRequest } from "../context.ts";
import { taskIdOr404 } from "../data/ids.ts";
import { taskFilterFromQuery } from "../data/task-filter.ts";
import { getTask, listTasks } from "../data/tasks.ts";
import { notFound } from "../http/errors.ts";
import { limitParam, pageParam } from "../http/query.ts";
import { sendJson } from "../http/respond.ts";

/** GET /api/tasks?state=&name=&queue=&page=&limit= */
export async function apiListTasks(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const filter = taskFilterFromQuery(r.url, ctx.app, { page: pageParam(r.url), pageSize: limitParam(r.url, 50) });
  sendJson(r.res, await listTasks(ctx, filter));
}

/** GET /api/tasks/:id */
export async function apiGetTask(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const task = await getTask(ctx, taskIdOr404(r.params.id));
  if (!task) throw notFound(`task ${JSON.stringify(r.params.id)}`);
  sendJson(r.res, task);
}

/** POST /api/tasks/:id/retry -> 201 { taskId } of the new task. */
export async function apiRetryTask(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendJson(r.res, await retryTask(ctx, { handles: ctx.handles, id: taskIdOr404(r.params.id) }), { status: 201 });
}

/** POST /api/tasks/:id/revoke { terminate?: boolean } -> { state } */
export async function apiRevokeTask(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const terminate = r.body.terminate === true || r.body.terminate === "1" || r.body.terminate === "true";
  sendJson(r.res, await revokeKnownTask(ctx, { id: taskIdOr404(r.params.id), terminate }));
}
