import type { AdminContext, AdminRequest } from "../context.ts";
import { readOverview } from "../data/overview.ts";
import { listWorkers } from "../data/workers.ts";
import { sendJson } from "../http/respond.ts";

/** GET /api/overview: queues (depths, per-minute rates, 15-minute history), workers, dead total. */
export async function apiOverview(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendJson(r.res, await readOverview(ctx, ctx.app));
}

/** GET /api/queues */
export async function apiQueues(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendJson(r.res, { queues: (await readOverview(ctx, ctx.app)).queues });
}

/** GET /api/workers */
export async function apiWorkers(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendJson(r.res, { workers: await listWorkers(ctx) });
}
