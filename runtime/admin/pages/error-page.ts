import type { View } from "../html/components.ts";
import { html, type SafeHtml } from "../html/escape.ts";
import { layout } from "../html/layout.ts";

/** An error page inside the normal shell, so navigation stays at hand. */
export function errorPage(view: View, options: { status: number; message: string }): SafeHtml {
  const title =
    options.status === 404
      ? "Not found"
      : options.status === 403
        ? "Refused"
        : options.status >= 500
          ? "Something went wrong"
          : "Cannot do that";
  return layout(view, {
    title,
    section: "none",
    body: html`<div class="panel"><p>${options.message}</p><p><a href="/">Back to the dashboard</a></p></div>`,
  });
}
