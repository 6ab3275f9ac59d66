import { describeSchedule, type PeriodicEntry } from "../../beat/mod.ts";
import type { AdminContext, AdminRequest } from "../context.ts";
import { actionButton, emptyRow, stateBadge, type View } from "../html/components.ts";
import { html, type SafeHtml } from "../html/escape.ts";
import { isoTimeCell } from "../html/format.ts";
import { layout } from "../html/layout.ts";
import { sendHtml } from "../http/respond.ts";

/** Links to an entry's pages (names are URL-safe by the store's rules, encoded anyway). */
export function periodicHref(name: string, action = ""): string {
  return `/periodic/${encodeURIComponent(name)}${action ? `/${action}` : ""}`;
}

function row(view: View, e: PeriodicEntry): SafeHtml {
  const toggle = e.enabled
    ? actionButton(view, { action: periodicHref(e.name, "disable"), label: "Disable" })
    : actionButton(view, { action: periodicHref(e.name, "enable"), label: "Enable", kind: "primary" });
  const edit =
    e.source === "runtime" ? html`<a class="button" href="${periodicHref(e.name, "edit")}">Edit</a>` : html``;
  const remove =
    e.source === "runtime"
      ? actionButton(view, {
          action: periodicHref(e.name, "delete"),
          label: "Delete",
          kind: "danger",
          confirm: `Delete the periodic task "${e.name}"?`,
        })
      : html``;
  return html`<tr data-entry="${e.name}">
    <td><strong>${e.name}</strong>${e.description ? html`<div class="muted">${e.description}</div>` : ""}</td>
    <td><a href="/tasks?name=${encodeURIComponent(e.task)}">${e.task}</a></td>
    <td class="schedule">${describeSchedule(e.schedule)}${e.oneOff ? html` <span class="muted">(one-off)</span>` : ""}</td>
    <td class="next-run">${isoTimeCell(e.nextRunAt, view.now)}</td>
    <td class="last-run">${isoTimeCell(e.lastRunAt, view.now)}</td>
    <td class="num run-count">${e.totalRunCount}</td>
    <td class="enabled">${stateBadge(e.enabled ? "ENABLED" : "DISABLED")}</td>
    <td>${e.source === "manifest" ? html`<span class="badge state-manifest" title="Declared in tasks.yaml: change it there; only enable/disable here">manifest</span>` : html`<span class="muted">admin</span>`}</td>
    <td class="row-actions">${toggle} ${actionButton(view, { action: periodicHref(e.name, "run"), label: "Run now" })} ${edit} ${remove}</td></tr>`;
}

/** Renders the list of periodic entries. */
export function periodicListPage(view: View, entries: readonly PeriodicEntry[]): SafeHtml {
  return layout(view, {
    title: "Periodic tasks",
    section: "periodic",
    refreshMs: 3000,
    body: html`<div class="actions"><a class="button primary" href="/periodic/new">New periodic task</a></div>
<table class="periodic"><thead><tr><th>Name</th><th>Task</th><th>Schedule</th><th>Next run</th><th>Last run</th><th class="num">Runs</th><th>Enabled</th><th>Source</th><th></th></tr></thead>
<tbody>${entries.length ? entries.map((e) => row(view, e)) : emptyRow(9, "No periodic tasks yet.")}</tbody></table>
<p class="muted">Entries from the manifest's <code>periodic:</code> section are kept in sync by beat; change them in tasks.yaml. Beat must be running for entries to fire.</p>`,
  });
}

/** GET /periodic */
export async function showPeriodicList(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendHtml(r.res, periodicListPage(r.view, await ctx.periodic.list()));
}
