import type { AppSpec } from "../../spec/types.ts";
import type { PeriodicFormValues } from "../data/periodic-form.ts";
import { csrfField, type View } from "../html/components.ts";
import { html, type SafeHtml } from "../html/escape.ts";
import { layout } from "../html/layout.ts";

/** A validation error tied to one form field (or to the form as a whole). */
export interface FormError {
  field: string;
  message: string;
}

let zones: readonly string[] | null = null;
function timeZones(): readonly string[] {
  zones ??= [
    "UTC",
    ...(Intl as unknown as { supportedValuesOf(k: string): string[] })
      .supportedValuesOf("timeZone")
      .filter((z) => z !== "UTC"),
  ];
  return zones;
}

/**
 * The create/edit form. The schedule kind is a radio group; CSS (`:has`) shows only the chosen
 * kind's fields, so no script is needed. Errors render next to their field with aria-invalid.
 */
export function periodicFormPage(
  view: View,
  options: {
    app: AppSpec;
    values: PeriodicFormValues;
    mode: "create" | "edit";
    action: string;
    error: FormError | null;
  },
): SafeHtml {
  const { values: v, error } = options;
  const invalid = (field: string) =>
    error?.field === field
      ? html` class="field-invalid" aria-invalid="true" aria-describedby="error-${field}"`
      : html``;
  const errorFor = (field: string) =>
    error?.field === field
      ? html`<div class="field-error" id="error-${field}" role="alert">${error.message}</div>`
      : html``;
  const known = new Set([
    "name",
    "task",
    "kind",
    "every",
    "cron",
    "timezone",
    "at",
    "args",
    "queue",
    "priority",
    "expires",
    "startTime",
    "description",
    "enabled",
    "oneOff",
  ]);
  const general =
    error && !known.has(error.field)
      ? html`<p class="flash flash-error" role="alert">${error.field}: ${error.message}</p>`
      : html``;
  const taskNames = Object.keys(options.app.tasks).sort();
  const radio = (kind: string, label: string) =>
    html`<label><input type="radio" name="kind" id="kind-${kind}" value="${kind}"${v.kind === kind ? " checked" : ""}> ${label}</label>`;
  const title = options.mode === "create" ? "New periodic task" : `Edit periodic task ${v.name}`;
  const body = html`${general}
<form method="post" action="${options.action}" class="panel periodic-form" novalidate>
${csrfField(view)}
<div class="form-grid">
  <label for="name">Name</label>
  <div>${options.mode === "create" ? html`<input id="name" name="name" value="${v.name}" required maxlength="100"${invalid("name")}>` : html`<input id="name" value="${v.name}" disabled><input type="hidden" name="name" value="${v.name}">`}
    <div class="hint">Letters, digits, "_", "." and "-".</div>${errorFor("name")}</div>

  <label for="task">Task</label>
  <div><select id="task" name="task"${invalid("task")}><option value="">choose a task…</option>${taskNames.map((n) => html`<option value="${n}"${v.task === n ? " selected" : ""}>${n}</option>`)}</select>${errorFor("task")}</div>

  <label>Schedule</label>
  <div><fieldset class="kinds">${radio("every", "Interval")}${radio("cron", "Cron")}${radio("at", "Clocked (once)")}</fieldset>${errorFor("kind")}</div>

  <div class="schedule-part schedule-every"><label for="every">Every</label>
  <div><input id="every" name="every" value="${v.every}" placeholder="30s"${invalid("every")}><div class="hint">A duration: 250ms, 30s, 5m, 2h, 1d.</div>${errorFor("every")}</div></div>

  <div class="schedule-part schedule-cron"><label for="cron">Cron expression</label>
  <div><input id="cron" name="cron" value="${v.cron}" placeholder="0 3 * * *" class="mono"${invalid("cron")}><div class="hint">minute hour day-of-month month day-of-week (six fields: seconds first).</div>${errorFor("cron")}</div>
  <label for="timezone">Time zone</label>
  <div><input id="timezone" name="timezone" value="${v.timezone}" list="zones" placeholder="UTC"${invalid("timezone")}><datalist id="zones">${timeZones().map((z) => html`<option value="${z}">`)}</datalist>${errorFor("timezone")}</div></div>

  <div class="schedule-part schedule-at"><label for="at">Run at</label>
  <div><input id="at" name="at" value="${v.at}" placeholder="2027-01-01T09:00:00Z"${invalid("at")}><div class="hint">ISO 8601 with a zone (Z or +02:00).</div>${errorFor("at")}</div></div>

  <label for="args">Arguments (JSON)</label>
  <div><textarea id="args" name="args" spellcheck="false"${invalid("args")}>${v.args}</textarea><div class="hint">Checked against the task's schema.</div>${errorFor("args")}</div>

  <label for="queue">Queue</label>
  <div><input id="queue" name="queue" value="${v.queue}" list="queues" placeholder="the task's own"${invalid("queue")}><datalist id="queues">${options.app.queues.map((q) => html`<option value="${q}">`)}</datalist>${errorFor("queue")}</div>

  <label for="priority">Priority</label>
  <div><input id="priority" name="priority" value="${v.priority}" inputmode="numeric" placeholder="the task's own (0-9)"${invalid("priority")}>${errorFor("priority")}</div>

  <label for="expires">Expires after</label>
  <div><input id="expires" name="expires" value="${v.expires}" placeholder="the task's own"${invalid("expires")}><div class="hint">Each run not started within this duration is revoked.</div>${errorFor("expires")}</div>

  <label for="startTime">Start time</label>
  <div><input id="startTime" name="startTime" value="${v.startTime}" placeholder="optional, ISO 8601 with a zone"${invalid("startTime")}>${errorFor("startTime")}</div>

  <label for="description">Description</label>
  <div><input id="description" name="description" value="${v.description}" maxlength="2000"${invalid("description")}>${errorFor("description")}</div>

  <label>Options</label>
  <div><label><input type="checkbox" name="enabled"${v.enabled ? " checked" : ""}> Enabled</label>
    <label><input type="checkbox" name="oneOff"${v.oneOff ? " checked" : ""}> One-off (disable after the first run)</label>${errorFor("enabled")}${errorFor("oneOff")}</div>

  <span></span>
  <div><button type="submit" class="primary">${options.mode === "create" ? "Create" : "Save"}</button> <a href="/periodic">Cancel</a></div>
</div>
</form>`;
  return layout(view, { title, section: "periodic", body });
}
