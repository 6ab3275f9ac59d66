import type { AdminContext, AdminRequest } from "../context.ts";
import { taskFilterFromQuery } from "../data/task-filter.ts";
import { listTasks, TASK_STATES, type TaskFilter, type TaskPage } from "../data/tasks.ts";
import { emptyRow, pagination, stateBadge, type View } from "../html/components.ts";
import { html, type SafeHtml } from "../html/escape.ts";
import { preciseDuration, timeCell } from "../html/format.ts";
import { layout } from "../html/layout.ts";
import { pageParam } from "../http/query.ts";
import { sendHtml } from "../http/respond.ts";

const PAGE_SIZE = 25;

/** Links to a task's detail page (ids are URL-encoded; they may contain ':'). */
export function taskHref(id: string): string {
  return `/tasks/${encodeURIComponent(id)}`;
}

/** Renders the filterable task list. */
export function tasksPage(
  view: View,
  options: { taskNames: readonly string[]; filter: TaskFilter; page: TaskPage },
): SafeHtml {
  const { filter, page } = options;
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? " selected" : ""}>${label}</option>`;
  const filters = html`<form method="get" action="/tasks" class="filters">
    <label>State<select name="state">${option("", "any state", !filter.state)}${TASK_STATES.map((s) => option(s, s, filter.state === s))}</select></label>
    <label>Task<select name="name">${option("", "any task", !filter.name)}${options.taskNames.map((n) => option(n, n, filter.name === n))}</select></label>
    ${filter.queue ? html`<input type="hidden" name="queue" value="${filter.queue}"><span class="muted">queue ${filter.queue}</span>` : ""}
    <button type="submit">Filter</button> <a href="/tasks">clear</a>
  </form>`;
  const rows = page.items.map(
    (t) => html`<tr data-task-id="${t.id}">
      <td class="mono wrap"><a href="${taskHref(t.id)}">${t.id}</a></td><td>${t.name}</td><td>${stateBadge(t.state)}</td><td>${t.queue}</td>
      <td class="num">${t.retries}</td><td>${timeCell(t.createdAt, view.now)}</td><td class="num">${t.runtimeMs === null ? "" : preciseDuration(t.runtimeMs)}</td>
      <td class="mono wrap">${t.worker ?? ""}</td></tr>`,
  );
  return layout(view, {
    title: "Tasks",
    section: "tasks",
    refreshMs: 3000,
    body: html`${filters}
<p class="muted">${page.total} matching among the most recent tasks.</p>
<table class="tasks"><thead><tr><th>ID</th><th>Task</th><th>State</th><th>Queue</th><th class="num">Retries</th><th>Created</th><th class="num">Runtime</th><th>Worker</th></tr></thead>
<tbody>${rows.length ? rows : emptyRow(8, "No tasks match.")}</tbody></table>
${pagination({ path: "/tasks", page: page.page, pages: page.pages, query: { state: filter.state, name: filter.name, queue: filter.queue } })}`,
  });
}

/** GET /tasks */
export async function showTasks(ctx: AdminContext, r: AdminRequest): Promise<void> {
  const filter = taskFilterFromQuery(r.url, ctx.app, { page: pageParam(r.url), pageSize: PAGE_SIZE });
  const page = await listTasks(ctx, filter);
  sendHtml(r.res, tasksPage(r.view, { taskNames: Object.keys(ctx.app.tasks).sort(), filter, page }));
}
