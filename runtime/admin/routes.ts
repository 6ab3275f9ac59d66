import {
  apiDeletePeriodic,
  apiCreatePeriodic,
  apiGetPeriodic,
  apiListPeriodic,
  apiManifest,
  apiRunPeriodic,
  apiSetEnabled,
  apiUpdatePeriodic,
} from "./api/periodic.ts";
import { apiGetDead, apiListDead, apiPurgeAllDead, apiPurgeDead, apiRequeueDead } from "./api/dead-letters.ts";
import { apiOverview, apiQueues, apiWorkers } from "./api/overview.ts";
import { apiGetTask, apiListTasks, apiRetryTask, apiRevokeTask } from "./api/tasks.ts";
import type { AdminContext, AdminRequest } from "./context.ts";
import { sendText } from "./http/respond.ts";
import { renderMetrics } from "./metrics.ts";
import { showDashboard } from "./pages/dashboard.ts";
import { postPurge, postPurgeAll, postRequeue, showDeadLetter, showDeadLetters } from "./pages/dead-letters.ts";
import {
  postCreatePeriodic,
  postDeletePeriodic,
  postRunNow,
  postSetEnabled,
  postUpdatePeriodic,
  showEditPeriodic,
  showNewPeriodic,
} from "./pages/periodic-actions.ts";
import { showPeriodicList } from "./pages/periodic-list.ts";
import { postRetry, postRevoke } from "./pages/task-actions.ts";
import { showTask } from "./pages/task-detail.ts";
import { showTasks } from "./pages/tasks.ts";
import { Router } from "./router.ts";

async function metrics(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendText(r.res, await renderMetrics(ctx, ctx.app), { contentType: "text/plain; version=0.0.4; charset=utf-8" });
}

/** Every authenticated route: HTML pages and their form posts, the JSON API under /api, and /metrics. */
export function buildRouter(): Router {
  return new Router()
    .add("GET", "/", showDashboard)
    .add("GET", "/tasks", showTasks)
    .add("GET", "/tasks/:id", showTask)
    .add("POST", "/tasks/:id/retry", postRetry)
    .add("POST", "/tasks/:id/revoke", postRevoke)
    .add("GET", "/periodic", showPeriodicList)
    .add("GET", "/periodic/new", showNewPeriodic)
    .add("POST", "/periodic", postCreatePeriodic)
    .add("GET", "/periodic/:name/edit", showEditPeriodic)
    .add("POST", "/periodic/:name", postUpdatePeriodic)
    .add("POST", "/periodic/:name/enable", postSetEnabled(true))
    .add("POST", "/periodic/:name/disable", postSetEnabled(false))
    .add("POST", "/periodic/:name/run", postRunNow)
    .add("POST", "/periodic/:name/delete", postDeletePeriodic)
    .add("GET", "/dead", showDeadLetters)
    .add("POST", "/dead/purge", postPurgeAll)
    .add("GET", "/dead/:member", showDeadLetter)
    .add("POST", "/dead/:member/requeue", postRequeue)
    .add("POST", "/dead/:member/purge", postPurge)
    .add("GET", "/metrics", metrics)
    .add("GET", "/api/overview", apiOverview)
    .add("GET", "/api/queues", apiQueues)
    .add("GET", "/api/workers", apiWorkers)
    .add("GET", "/api/manifest", apiManifest)
    .add("GET", "/api/tasks", apiListTasks)
    .add("GET", "/api/tasks/:id", apiGetTask)
    .add("POST", "/api/tasks/:id/retry", apiRetryTask)
    .add("POST", "/api/tasks/:id/revoke", apiRevokeTask)
    .add("GET", "/api/periodic", apiListPeriodic)
    .add("POST", "/api/periodic", apiCreatePeriodic)
    .add("GET", "/api/periodic/:name", apiGetPeriodic)
    .add("PATCH", "/api/periodic/:name", apiUpdatePeriodic)
    .add("DELETE", "/api/periodic/:name", apiDeletePeriodic)
    .add("POST", "/api/periodic/:name/enable", apiSetEnabled(true))
    .add("POST", "/api/periodic/:name/disable", apiSetEnabled(false))
    .add("POST", "/api/periodic/:name/run", apiRunPeriodic)
    .add("GET", "/api/dead", apiListDead)
    .add("POST", "/api/dead/purge", apiPurgeAllDead)
    .add("GET", "/api/dead/:member", apiGetDead)
    .add("POST", "/api/dead/:member/requeue", apiRequeueDead)
    .add("POST", "/api/dead/:member/purge", apiPurgeDead);
}
