import type { AdminContext, AdminRequest } from "../context.ts";
import { taskIdOr404 } from "../data/ids.ts";
import { getTask, type TaskDetail } from "../data/tasks.ts";
import { actionButton, stateBadge, type View } from "../html/components.ts";
import { html, type SafeHtml } from "../html/escape.ts";
import { isoTime, preciseDuration, prettyJson, timeCell } from "../html/format.ts";
import { layout } from "../html/layout.ts";
import { notFound } from "../http/errors.ts";
import { sendHtml } from "../http/respond.ts";
import { taskHref } from "./tasks.ts";

const FINAL = new Set(["SUCCESS", "FAILURE", "REVOKED"]);

function actions(view: View, t: TaskDetail): SafeHtml {
  const base = taskHref(t.id);
  const buttons: SafeHtml[] = [];
  if (t.state === "FAILURE" || t.state === "REVOKED")
    buttons.push(actionButton(view, { action: `${base}/retry`, label: "Retry as a new task", kind: "primary" }));
  if (t.state === "PENDING" || t.state === "RETRY")
    buttons.push(
      actionButton(view, {
        action: `${base}/revoke`,
        label: "Revoke",
        kind: "danger",
        confirm: "Revoke this task? It will not run.",
      }),
    );
  if (t.state === "STARTED" && !t.revokeRequested) {
    buttons.push(
      actionButton(view, {
        action: `${base}/revoke`,
        label: "Revoke and terminate",
        kind: "danger",
        confirm: "Abort this running task?",
        fields: { terminate: "1" },
      }),
    );
  }
  if (t.dead) {
    const dead = `/dead/${encodeURIComponent(t.id)}`;
    buttons.push(
      actionButton(view, {
        action: `${dead}/requeue`,
        label: "Requeue dead letter",
        confirm: "Run this task again under the same id?",
      }),
    );
    buttons.push(
      actionButton(view, {
        action: `${dead}/purge`,
        label: "Purge dead letter",
        kind: "danger",
        confirm: "Delete this dead letter and its record?",
      }),
    );
  }
  return buttons.length ? html`<div class="actions">${buttons}</div>` : html``;
}

function idLinks(ids: readonly string[], self: string): SafeHtml {
  if (ids.length === 0) return html`<span class="muted">—</span>`;
  return html`${ids.map((id, i) => html`${i > 0 ? ", " : ""}${id === self ? html`<strong class="mono">${id}</strong>` : html`<a class="mono" href="${taskHref(id)}">${id}</a>`}`)}`;
}

function canvasBlock(t: TaskDetail): SafeHtml {
  const c = t.canvas;
  if (!c.parent && c.children.length === 0 && !c.group && !c.chord) return html``;
  return html`<h2>Canvas</h2>
<div class="panel canvas"><dl class="facts">
  ${c.parent ? html`<dt>Parent</dt><dd class="parent">${idLinks([c.parent], t.id)}</dd>` : ""}
  ${c.children.length ? html`<dt>Children</dt><dd class="children">${idLinks(c.children, t.id)}</dd>` : ""}
  ${c.group ? html`<dt>Group <span class="mono muted">${c.group.id}</span></dt><dd class="group">${idLinks(c.group.members, t.id)}</dd>` : ""}
  ${c.chord ? html`<dt>Chord <span class="mono muted">${c.chord.id}</span></dt><dd class="chord">header: ${idLinks(c.chord.header, t.id)}<br>callback: ${idLinks(c.chord.callback, t.id)}</dd>` : ""}
</dl></div>`;
}

function errorBlock(t: TaskDetail): SafeHtml {
  if (!t.error) return html``;
  const e = t.error;
  return html`<h2>Error</h2>
<div class="panel error"><p><strong class="error-name">${e.name}</strong>: <span class="error-message">${e.message}</span></p>
${e.chain && e.chain.length ? html`<p class="muted">Class chain: ${e.chain.join(" → ")}</p>` : ""}
${e.stack ? html`<pre class="stack">${e.stack}</pre>` : html`<p class="muted">No stack trace was recorded.</p>`}</div>`;
}

/** Renders one task's record, with the actions that apply to its state. */
export function taskDetailPage(view: View, t: TaskDetail): SafeHtml {
  const timing = (label: string, ms: number | null) =>
    ms === null
      ? html``
      : html`<dt>${label}</dt><dd>${timeCell(ms, view.now)} <span class="muted">${isoTime(ms)}</span></dd>`;
  const facts = html`<dl class="facts">
    <dt>ID</dt><dd class="mono">${t.id}</dd>
    <dt>Task</dt><dd><a href="/tasks?name=${encodeURIComponent(t.name)}">${t.name}</a></dd>
    <dt>State</dt><dd>${stateBadge(t.state)}${t.dead ? html` ${stateBadge("DEAD")}` : ""}${t.revokeRequested ? html` <span class="muted">termination requested</span>` : ""}</dd>
    ${t.reason ? html`<dt>Reason</dt><dd class="reason">${t.reason}</dd>` : ""}
    <dt>Queue</dt><dd>${t.queue} <span class="muted">priority ${t.priority}</span></dd>
    <dt>Retries</dt><dd>${t.retries} <span class="muted">(delivered ${t.deliveries} time${t.deliveries === 1 ? "" : "s"})</span></dd>
    <dt>Worker</dt><dd class="mono">${t.worker ?? "—"}</dd>
    ${timing("Created", t.createdAt)}${timing("Not before (eta)", t.etaAt)}${timing("Expires", t.expiresAt)}${timing("Started", t.startedAt)}${timing("Finished", t.finishedAt)}
    ${t.runtimeMs !== null ? html`<dt>Runtime</dt><dd>${preciseDuration(t.runtimeMs)}</dd>` : ""}
  </dl>`;
  const body = html`${actions(view, t)}
<div class="panel">${facts}</div>
<h2>Arguments</h2><pre class="args">${prettyJson(t.args)}</pre>
${t.state === "SUCCESS" || t.result !== null ? html`<h2>Result</h2><pre class="result">${prettyJson(t.result)}</pre>` : ""}
${t.progress !== null ? html`<h2>Progress</h2><pre class="progress">${prettyJson(t.progress)}</pre>` : ""}
${canvasBlock(t)}
${errorBlock(t)}`;
  return layout(view, {
    title: `Task ${t.name}`,
    section: "tasks",
    body,
    refreshMs: FINAL.has(t.state) ? undefined : 2000,
  });
}

/** GET /tasks/:id */
export async function showTask(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const task = await getTask(ctx, taskIdOr404(r.params.id));
  if (!task) throw notFound(`task ${JSON.stringify(r.params.id)} (never existed, or its result expired)`);
  sendHtml(r.res, taskDetailPage(r.view, task));
}
