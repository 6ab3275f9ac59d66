import { purgeAllDeadLetters, purgeDeadLetters } from "../actions/purge-dead.ts";
import { requeueDeadTask } from "../actions/requeue-dead.ts";
import type { AdminContext, AdminRequest } from "../context.ts";
import { getDeadLetter, listDeadLetters } from "../data/dead-letters.ts";
import { deadMemberOr404 } from "../data/ids.ts";
import { notFound } from "../http/errors.ts";
import { limitParam, pageParam } from "../http/query.ts";
import { sendJson } from "../http/respond.ts";

/** GET /api/dead?page=&limit= */
export async function apiListDead(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendJson(r.res, await listDeadLetters(ctx, { page: pageParam(r.url), pageSize: limitParam(r.url, 50) }));
}

/** GET /api/dead/:member */
export async function apiGetDead(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const letter = await getDeadLetter(ctx, deadMemberOr404(r.params.member));
  if (!letter) throw notFound(`dead letter ${JSON.stringify(r.params.member)}`);
  sendJson(r.res, letter);
}

/** POST /api/dead/:member/requeue -> { requeued: id } (409 for raw letters). */
export async function apiRequeueDead(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const id = deadMemberOr404(r.params.member);
  await requeueDeadTask(ctx, { app: ctx.app, id });
  sendJson(r.res, { requeued: id });
}

/** POST /api/dead/:member/purge -> { purged: 1 } */
export async function apiPurgeDead(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const removed = await purgeDeadLetters(ctx, [deadMemberOr404(r.params.member)]);
  if (removed === 0) throw notFound(`dead letter ${JSON.stringify(r.params.member)}`);
  sendJson(r.res, { purged: removed });
}

/** POST /api/dead/purge -> { purged, remaining } */
export async function apiPurgeAllDead(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const { removed, remaining } = await purgeAllDeadLetters(ctx);
  sendJson(r.res, { purged: removed, remaining });
}
