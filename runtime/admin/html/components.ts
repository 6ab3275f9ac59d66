import { CSRF_FIELD } from "../auth/csrf.ts";
import { html, type SafeHtml } from "./escape.ts";

/** What every page needs to know about the request that renders it. */
export interface View {
  app: string;
  /** False on pages shown before authentication (errors, sign-in): no navigation then. */
  signedIn: boolean;
  /** The session's CSRF token; null for Bearer clients (their POSTs need none). */
  csrfToken: string | null;
  flash: Flash | null;
  now: number;
}

/** A one-time message shown after a redirect ("Task requeued"). */
export interface Flash {
  kind: "ok" | "error";
  text: string;
}

/** The hidden synchronizer-token field every POST form carries. */
export function csrfField(view: View): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${view.csrfToken ?? ""}">`;
}

/** A one-button POST form; `confirm` asks before submitting (see live.js). */
export function actionButton(
  view: View,
  options: {
    action: string;
    label: string;
    confirm?: string;
    kind?: "danger" | "primary" | "plain";
    fields?: Record<string, string>;
  },
): SafeHtml {
  const hidden = Object.entries(options.fields ?? {}).map(
    ([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`,
  );
  return html`<form method="post" action="${options.action}" class="inline"${options.confirm ? html` data-confirm="${options.confirm}"` : ""}>${csrfField(view)}${hidden}<button type="submit" class="${options.kind ?? "plain"}">${options.label}</button></form>`;
}

/** A state as a colored badge. */
export function stateBadge(state: string): SafeHtml {
  return html`<span class="badge state-${state.toLowerCase().replace(/[^a-z]/g, "")}">${state}</span>`;
}

/** "← Newer · page 2 of 7 · Older →" links that keep the other query parameters. */
export function pagination(options: {
  path: string;
  page: number;
  pages: number;
  query?: Record<string, string | undefined>;
}): SafeHtml {
  if (options.pages <= 1) return html``;
  const link = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query ?? {})) if (v) q.set(k, v);
    q.set("page", String(page));
    return `${options.path}?${q}`;
  };
  return html`<nav class="pager">${options.page > 1 ? html`<a href="${link(options.page - 1)}" rel="prev">← Newer</a>` : html`<span class="muted">← Newer</span>`}
    <span>page ${options.page} of ${options.pages}</span>
    ${options.page < options.pages ? html`<a href="${link(options.page + 1)}" rel="next">Older →</a>` : html`<span class="muted">Older →</span>`}</nav>`;
}

/** A tiny bar chart of per-minute completed (and failed, stacked) runs. SVG attributes, so no inline CSS is needed. */
export function sparkline(points: readonly { ok: number; fail: number }[]): SafeHtml {
  const max = Math.max(1, ...points.map((p) => p.ok + p.fail));
  const w = 4;
  const h = 20;
  const bars = points.map((p, i) => {
    const ok = Math.round((p.ok / max) * h);
    const fail = Math.round((p.fail / max) * h);
    return html`<rect class="ok" x="${i * (w + 1)}" y="${h - ok - fail}" width="${w}" height="${ok}"></rect><rect class="fail" x="${i * (w + 1)}" y="${h - fail}" width="${w}" height="${fail}"></rect>`;
  });
  return html`<svg class="spark" width="${points.length * (w + 1)}" height="${h}" viewBox="0 0 ${points.length * (w + 1)} ${h}" role="img" aria-label="runs per minute, last ${points.length} minutes">${bars}</svg>`;
}

/** An empty-table message row. */
export function emptyRow(columns: number, text: string): SafeHtml {
  return html`<tr><td colspan="${columns}" class="empty">${text}</td></tr>`;
}
