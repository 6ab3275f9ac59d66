import type { AdminContext, AdminRequest } from "../context.ts";
import { readOverview, type Overview } from "../data/overview.ts";
import { emptyRow, sparkline, type View } from "../html/components.ts";
import { html, type SafeHtml } from "../html/escape.ts";
import { timeCell } from "../html/format.ts";
import { layout } from "../html/layout.ts";
import { sendHtml } from "../http/respond.ts";

function card(label: string, value: number | string, href?: string): SafeHtml {
  const inner = html`<div class="value">${value}</div><div class="label">${label}</div>`;
  return href ? html`<a class="card" href="${href}">${inner}</a>` : html`<div class="card">${inner}</div>`;
}

/** Renders the dashboard: totals, one row per queue, one row per live worker. */
export function dashboardPage(view: View, o: Overview): SafeHtml {
  const sum = (k: "ready" | "delayed" | "inFlight" | "completedPerMinute" | "failedPerMinute") =>
    o.queues.reduce((n, q) => n + q[k], 0);
  const cards = html`<div class="cards">
    ${card("ready", sum("ready"))}${card("delayed", sum("delayed"))}${card("in flight", sum("inFlight"))}
    ${card("completed / min", sum("completedPerMinute"))}${card("failed / min", sum("failedPerMinute"))}
    ${card("dead letters", o.deadTotal, "/dead")}${card("live workers", o.workers.length)}
  </div>`;
  const queueRows = o.queues.map(
    (q) => html`<tr data-queue="${q.name}">
      <td><a href="/tasks?queue=${encodeURIComponent(q.name)}">${q.name}</a></td>
      <td class="num">${q.ready}</td><td class="num">${q.delayed}</td><td class="num">${q.inFlight}</td><td class="num">${q.dead}</td>
      <td class="num">${q.completedPerMinute}</td><td class="num">${q.failedPerMinute}</td><td class="num">${q.retriedPerMinute}</td>
      <td>${sparkline(q.history)}</td></tr>`,
  );
  const workerRows = o.workers.map(
    (w) => html`<tr>
      <td class="mono wrap">${w.id}</td><td>${w.host}</td><td class="num">${w.pid}</td><td>${w.queues.join(", ")}</td>
      <td class="num">${w.concurrency}</td><td class="num">${w.inFlight}</td><td>${timeCell(w.lastHeartbeatAt, view.now)}</td><td>${timeCell(w.startedAt, view.now)}</td>
      <td class="active">${w.active.length ? w.active.map((a, i) => html`${i > 0 ? ", " : ""}<a href="/tasks/${encodeURIComponent(a.id)}">${a.name}</a>`) : html`<span class="muted">idle</span>`}</td></tr>`,
  );
  return layout(view, {
    title: "Dashboard",
    section: "dashboard",
    refreshMs: 2000,
    body: html`${cards}
<h2>Queues</h2>
<table class="queues"><thead><tr><th>Queue</th><th class="num">Ready</th><th class="num">Delayed</th><th class="num">In flight</th><th class="num">Dead</th><th class="num">Completed/min</th><th class="num">Failed/min</th><th class="num">Retried/min</th><th>Last 15 min</th></tr></thead>
<tbody>${queueRows.length ? queueRows : emptyRow(9, "No queues.")}</tbody></table>
<h2>Workers</h2>
<table class="workers"><thead><tr><th>Worker</th><th>Host</th><th class="num">PID</th><th>Queues</th><th class="num">Concurrency</th><th class="num">In flight</th><th>Last heartbeat</th><th>Started</th><th>Active tasks</th></tr></thead>
<tbody>${workerRows.length ? workerRows : emptyRow(9, "No live workers. Start one with npm run worker.")}</tbody></table>`,
  });
}

/** GET / */
export async function showDashboard(ctx: AdminContext, r: AdminRequest): Promise<void> {
  sendHtml(r.res, dashboardPage(r.view, await readOverview(ctx, ctx.app)));
}
