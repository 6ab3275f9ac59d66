import { purgeAllDeadLetters, purgeDeadLetters } from "../actions/purge-dead.ts";
import { requeueDeadTask } from "../actions/requeue-dead.ts";
import { flash, type AdminContext, type AdminRequest } from "../context.ts";
import { getDeadLetter, listDeadLetters, type DeadLetter, type DeadPage } from "../data/dead-letters.ts";
import { deadMemberOr404 } from "../data/ids.ts";
import { actionButton, emptyRow, pagination, stateBadge, type View } from "../html/components.ts";
import { html, type SafeHtml } from "../html/escape.ts";
import { isoTime, timeCell } from "../html/format.ts";
import { layout } from "../html/layout.ts";
import { notFound } from "../http/errors.ts";
import { pageParam } from "../http/query.ts";
import { redirect, sendHtml } from "../http/respond.ts";
import { taskHref } from "./tasks.ts";

const PAGE_SIZE = 25;

export function deadHref(member: string): string {
  return `/dead/${encodeURIComponent(member)}`;
}

function rowActions(view: View, d: DeadLetter): SafeHtml {
  const requeue =
    d.kind === "task"
      ? actionButton(view, { action: `${deadHref(d.member)}/requeue`, label: "Requeue", kind: "primary" })
      : html``;
  return html`<a class="button" href="${deadHref(d.member)}">Inspect</a> ${requeue} ${actionButton(view, { action: `${deadHref(d.member)}/purge`, label: "Purge", kind: "danger", confirm: "Delete this dead letter?" })}`;
}

/** Renders the dead-letter list. */
export function deadLettersPage(view: View, page: DeadPage): SafeHtml {
  const rows = page.items.map(
    (d) => html`<tr data-member="${d.member}">
      <td>${timeCell(d.at, view.now)}</td>
      <td>${d.kind === "raw" ? stateBadge("RAW") : d.kind === "quarantine" ? stateBadge("QUARANTINED") : html`<a class="mono" href="${taskHref(d.member)}">${d.member}</a>`}</td>
      <td>${d.name ?? ""}</td><td>${d.queue ?? ""}</td><td class="reason">${d.reason}</td><td>${rowActions(view, d)}</td></tr>`,
  );
  const purgeAll =
    page.total > 0
      ? actionButton(view, {
          action: "/dead/purge",
          label: `Purge all ${page.total}`,
          kind: "danger",
          confirm: `Delete all ${page.total} dead letters? This cannot be undone.`,
        })
      : html``;
  return layout(view, {
    title: "Dead letters",
    section: "dead",
    refreshMs: 5000,
    body: html`<p class="muted">Tasks that failed for good, and messages that could not be read at all (raw). Requeue runs a task again under its id; raw messages can only be inspected and purged.</p>
<div class="actions">${purgeAll}</div>
<table class="dead"><thead><tr><th>When</th><th>Task id</th><th>Task</th><th>Queue</th><th>Reason</th><th></th></tr></thead>
<tbody>${rows.length ? rows : emptyRow(6, "No dead letters.")}</tbody></table>
${pagination({ path: "/dead", page: page.page, pages: page.pages })}`,
  });
}

/** Renders one dead letter. */
export function deadLetterPage(view: View, d: DeadLetter): SafeHtml {
  const facts = html`<dl class="facts">
    <dt>Kind</dt><dd>${d.kind === "raw" ? "raw message (no task record)" : d.kind === "quarantine" ? "wrong-type key, moved aside" : "task"}</dd>
    <dt>${d.kind === "task" ? "Task id" : "Reference"}</dt><dd class="mono">${d.kind === "task" ? html`<a href="${taskHref(d.member)}">${d.member}</a>` : d.member}</dd>
    ${d.name ? html`<dt>Task</dt><dd>${d.name}</dd>` : ""}
    ${d.movedTo ? html`<dt>Key</dt><dd class="mono">${d.raw ?? ""}</dd><dt>Moved to</dt><dd class="mono">${d.movedTo}</dd>` : ""}
    <dt>Queue</dt><dd>${d.queue ?? "—"}</dd>
    <dt>Dead since</dt><dd>${timeCell(d.at, view.now)} <span class="muted">${isoTime(d.at)}</span></dd>
    <dt>Reason</dt><dd class="reason">${d.reason}</dd>
    ${d.size !== null ? html`<dt>Size</dt><dd>${d.size} bytes${d.raw !== null && d.size > d.raw.length ? " (first 4 KiB kept)" : ""}</dd>` : ""}
  </dl>`;
  const note =
    d.kind === "raw"
      ? html`<p class="muted">A raw dead letter cannot be requeued: it never was a readable task. Inspect it, then purge it.</p>`
      : d.kind === "quarantine"
        ? html`<p class="muted">A key held the wrong type for its role and was renamed out of the way; the runtime started a fresh one. Inspect the moved key with redis-cli, delete it when done (purging this letter leaves it in place).</p>`
        : html``;
  const requeue =
    d.kind === "task"
      ? actionButton(view, {
          action: `${deadHref(d.member)}/requeue`,
          label: "Requeue",
          kind: "primary",
          confirm: "Run this task again under the same id?",
        })
      : html``;
  return layout(view, {
    title: "Dead letter",
    section: "dead",
    body: html`<div class="actions">${requeue}${actionButton(view, { action: `${deadHref(d.member)}/purge`, label: "Purge", kind: "danger", confirm: "Delete this dead letter?" })}</div>
${note}<div class="panel">${facts}</div>
${d.raw !== null && d.kind === "raw" ? html`<h2>Payload</h2><pre class="raw">${d.raw}</pre>` : ""}
${d.kind === "task" ? html`<p><a href="${taskHref(d.member)}">Full task record, with arguments and stack trace →</a></p>` : ""}`,
  });
}

/** GET /dead */
export async function showDeadLetters(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendHtml(r.res, deadLettersPage(r.view, await listDeadLetters(ctx, { page: pageParam(r.url), pageSize: PAGE_SIZE })));
}

/** GET /dead/:member */
export async function showDeadLetter(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const letter = await getDeadLetter(ctx, deadMemberOr404(r.params.member));
  if (!letter) throw notFound(`dead letter ${JSON.stringify(r.params.member)}`);
  sendHtml(r.res, deadLetterPage(r.view, letter));
}

/** POST /dead/:member/requeue */
export async function postRequeue(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const id = deadMemberOr404(r.params.member);
  await requeueDeadTask(ctx, { app: ctx.app, id });
  flash(r, "ok", "Requeued: the task is waiting for a worker again.");
  redirect(r.res, taskHref(id));
}

/** POST /dead/:member/purge */
export async function postPurge(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const removed = await purgeDeadLetters(ctx, [deadMemberOr404(r.params.member)]);
  if (removed === 0) throw notFound(`dead letter ${JSON.stringify(r.params.member)}`);
  flash(r, "ok", "Dead letter purged.");
  redirect(r.res, "/dead");
}

/** POST /dead/purge */
export async function postPurgeAll(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const { removed, remaining } = await purgeAllDeadLetters(ctx);
  flash(
    r,
    "ok",
    `Purged ${removed} dead letter${removed === 1 ? "" : "s"}.${remaining > 0 ? ` ${remaining} remain (new ones arrived); purge again.` : ""}`,
  );
  redirect(r.res, "/dead");
}
