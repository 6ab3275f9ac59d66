import { PeriodicEntryError, type PeriodicInput } from "../../beat/mod.ts";
import { flash, type AdminContext, type AdminRequest } from "../context.ts";
import {
  blankForm,
  fieldMessage,
  formFieldOf,
  formFromBody,
  formFromEntry,
  inputFromForm,
  type PeriodicFormValues,
} from "../data/periodic-form.ts";
import { notFound } from "../http/errors.ts";
import { redirect, sendHtml } from "../http/respond.ts";
import { periodicFormPage, type FormError } from "./periodic-form.ts";
import { periodicHref } from "./periodic-list.ts";

function renderForm(
  ctx: AdminContext,
  r: AdminRequest,
  options: { values: PeriodicFormValues; mode: "create" | "edit"; error: FormError | null },
): void {
  const action = options.mode === "create" ? "/periodic" : periodicHref(options.values.name);
  sendHtml(r.res, periodicFormPage(r.view, { app: ctx.app, action, ...options }), {
    status: options.error ? 400 : 200,
  });
}

/** Runs a store change; a PeriodicEntryError re-renders the form with the message next to its field. */
async function submit(
  ctx: AdminContext,
  r: AdminRequest,
  mode: "create" | "edit",
  change: (input: PeriodicInput) => Promise<unknown>,
): Promise<void> {
  const values = formFromBody(r.body);
  if (mode === "edit") values.name = r.params.name;
  try {
    await change(inputFromForm(values));
  } catch (error) {
    if (!(error instanceof PeriodicEntryError)) throw error;
    renderForm(ctx, r, { values, mode, error: { field: formFieldOf(error.field), message: fieldMessage(error) } });
    return;
  }
  flash(
    r,
    "ok",
    mode === "create" ? `Periodic task "${values.name}" created.` : `Periodic task "${values.name}" saved.`,
  );
  redirect(r.res, "/periodic");
}

/** GET /periodic/new */
export async function showNewPeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const values = blankForm();
  const task = r.url.searchParams.get("task");
  if (task && Object.hasOwn(ctx.app.tasks, task)) values.task = task;
  renderForm(ctx, r, { values, mode: "create", error: null });
}

/** POST /periodic */
export async function postCreatePeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  await submit(ctx, r, "create", (input) => ctx.periodic.add(input));
}

/** GET /periodic/:name/edit (runtime entries only; manifest entries are edited in tasks.yaml) */
export async function showEditPeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const entry = await ctx.periodic.get(r.params.name);
  if (!entry) throw notFound(`periodic task ${JSON.stringify(r.params.name)}`);
  if (entry.source === "manifest") {
    flash(
      r,
      "error",
      `"${entry.name}" is declared in the manifest: change it in tasks.yaml (it can only be enabled or disabled here).`,
    );
    redirect(r.res, "/periodic");
    return;
  }
  renderForm(ctx, r, { values: formFromEntry(entry), mode: "edit", error: null });
}

/** POST /periodic/:name */
export async function postUpdatePeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  await submit(ctx, r, "edit", ({ name: _name, ...patch }) => ctx.periodic.update(r.params.name, patch));
}

/** POST /periodic/:name/enable and /disable */
export function postSetEnabled(enabled: boolean) {
  return async (ctx: AdminContext, r: AdminRequest): Promise<void> => {
    await ctx.periodic.setEnabled(r.params.name, enabled);
    flash(r, "ok", `Periodic task "${r.params.name}" ${enabled ? "enabled" : "disabled"}.`);
    redirect(r.res, "/periodic");
  };
}

/** POST /periodic/:name/run */
export async function postRunNow(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const { taskId } = await ctx.periodic.runNow(r.params.name);
  flash(r, "ok", `Sent "${r.params.name}" now as task ${taskId}.`);
  redirect(r.res, "/periodic");
}

/** POST /periodic/:name/delete */
export async function postDeletePeriodic(ctx: AdminContext, r: AdminRequest): Promise<void> {
  await ctx.periodic.remove(r.params.name);
  flash(r, "ok", `Periodic task "${r.params.name}" deleted.`);
  redirect(r.res, "/periodic");
}
