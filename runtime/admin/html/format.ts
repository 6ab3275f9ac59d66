import { html, type SafeHtml } from "./escape.ts";

/** "2025-03-01 12:00:05Z": exact, sortable, time-zone free. */
export function isoTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, "Z");
}

/** "12 s", "3 min", "2 h", "4 d": a rough magnitude for "ago" and "in". */
export function roughDuration(ms: number): string {
  const s = Math.abs(ms) / 1000;
  if (s < 1) return `${Math.round(Math.abs(ms))} ms`;
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

/** Exact run time: "240 ms", "3.21 s", "2 min 5 s". */
export function preciseDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms - m * 60_000) / 1000)} s`;
}

/** A <time> element showing "5 s ago" / "in 3 min" with the exact time on hover. */
export function timeCell(ms: number | null, now = Date.now()): SafeHtml {
  if (ms === null) return html`<span class="muted">—</span>`;
  const iso = new Date(ms).toISOString();
  const rel = ms <= now ? `${roughDuration(now - ms)} ago` : `in ${roughDuration(ms - now)}`;
  return html`<time datetime="${iso}" title="${isoTime(ms)}">${rel}</time>`;
}

/** Same as {@link timeCell} for ISO strings (periodic entries carry those). */
export function isoTimeCell(iso: string | null, now = Date.now()): SafeHtml {
  if (iso === null) return html`<span class="muted">—</span>`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? html`${iso}` : timeCell(ms, now);
}

/** Pretty JSON for <pre> blocks (escaped by the template that embeds it). */
export function prettyJson(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

/** One-line JSON preview, cut to a length that fits a table cell. */
export function jsonPreview(value: unknown, max = 80): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}
