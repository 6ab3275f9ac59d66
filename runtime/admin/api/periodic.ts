import type { PeriodicInput } from "../../beat/mod.ts";
import { describeSchedule, type PeriodicEntry } from "../../beat/mod.ts";
import type { AdminContext, AdminRequest } from "../context.ts";
import { notFound } from "../http/errors.ts";
import { sendJson } from "../http/respond.ts";

/** An entry plus its schedule in words (what the list page shows). */
function withWords(e: PeriodicEntry): PeriodicEntry & { scheduleText: string } {
  return { ...e, scheduleText: describeSchedule(e.schedule) };
}

/** GET /api/periodic */
export async function apiListPeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendJson(r.res, { entries: (await ctx.periodic.list()).map(withWords) });
}

/** GET /api/periodic/:name */
export async function apiGetPeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const entry = await ctx.periodic.get(r.params.name);
  if (!entry) throw notFound(`periodic task ${JSON.stringify(r.params.name)}`);
  sendJson(r.res, withWords(entry));
}

/** POST /api/periodic with a PeriodicInput body -> 201 entry. Errors: 400 with `field`, 409 for a taken name. */
export async function apiCreatePeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendJson(r.res, withWords(await ctx.periodic.add(r.body as unknown as PeriodicInput)), { status: 201 });
}

/** PATCH /api/periodic/:name with the fields to change -> entry. Manifest entries take only `enabled`. */
export async function apiUpdatePeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const { name: _name, ...patch } = r.body as Partial<PeriodicInput>;
  sendJson(r.res, withWords(await ctx.periodic.update(r.params.name, patch)));
}

/** POST /api/periodic/:name/enable and /disable -> entry. */
export function apiSetEnabled(enabled: boolean) {
  return async (ctx: AdminContext, r: AdminRequest): Promise<void> => {
    await ctx.periodic.setEnabled(r.params.name, enabled);
    const entry = await ctx.periodic.get(r.params.name);
    if (!entry) throw notFound(`periodic task ${JSON.stringify(r.params.name)}`);
    sendJson(r.res, withWords(entry));
  };
}

/** POST /api/periodic/:name/run -> 201 { taskId } */
export async function apiRunPeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendJson(r.res, await ctx.periodic.runNow(r.params.name), { status: 201 });
}

/** DELETE /api/periodic/:name -> 204 (manifest entries: 409). */
export async function apiDeletePeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  await ctx.periodic.remove(r.params.name);
  r.res.writeHead(204);
  r.res.end();
}

/** GET /api/manifest: task names and queues, what a client needs to build a periodic form. */
export async function apiManifest(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const tasks = Object.values(ctx.app.tasks)
    .map((t) => ({ name: t.name, queue: t.queue, priority: t.priority }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  sendJson(r.res, { app: ctx.app.app, manifestHash: ctx.app.manifestHash, queues: ctx.app.queues, tasks });
}
