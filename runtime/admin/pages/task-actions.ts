import { retryTask } from "../actions/retry-task.ts";
import { revokeKnownTask } from "../actions/revoke.ts";
import { flash, type AdminContext, type AdminRequest } from "../context.ts";
import { taskIdOr404 } from "../data/ids.ts";
import { redirect } from "../http/respond.ts";
import { taskHref } from "./tasks.ts";

/** POST /tasks/:id/retry: sends the task again and shows the new one. */
export async function postRetry(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const { taskId } = await retryTask(ctx, { handles: ctx.handles, id: taskIdOr404(r.params.id) });
  flash(r, "ok", `Sent again as a new task (retry of ${r.params.id}).`);
  redirect(r.res, taskHref(taskId));
}

/** POST /tasks/:id/revoke (form field terminate=1 aborts a running task). */
export async function postRevoke(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const id = taskIdOr404(r.params.id);
  const { state } = await revokeKnownTask(ctx, {
    id,
    terminate: r.body.terminate === "1" || r.body.terminate === true,
  });
  flash(
    r,
    "ok",
    state === "REVOKED"
      ? "Task revoked."
      : state === "STARTED"
        ? "Termination requested; the worker aborts the task."
        : `Task is already ${state}.`,
  );
  redirect(r.res, taskHref(id));
}
