import { html, type SafeHtml } from "./escape.ts";
import type { View } from "./components.ts";

export type Section = "dashboard" | "tasks" | "periodic" | "dead" | "login" | "none";

const NAV: [Section, string, string][] = [
  ["dashboard", "/", "Dashboard"],
  ["tasks", "/tasks", "Tasks"],
  ["periodic", "/periodic", "Periodic tasks"],
  ["dead", "/dead", "Dead letters"],
];

/**
 * The page shell. `refreshMs` makes live.js re-fetch the page and swap <main> in place (only on
 * read-only pages; forms are never refreshed under the user's hands).
 */
export function layout(
  view: View,
  options: { title: string; section: Section; body: SafeHtml; refreshMs?: number },
): SafeHtml {
  const nav =
    options.section === "login" || !view.signedIn
      ? html``
      : html`<nav class="main-nav">${NAV.map(([s, href, label]) => html`<a href="${href}"${s === options.section ? html` aria-current="page"` : ""}>${label}</a>`)}</nav>
      <div class="header-tools"><button type="button" class="plain small" data-live-toggle hidden>Pause live</button>
      <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${view.csrfToken ?? ""}"><button type="submit" class="plain small">Log out</button></form></div>`;
  const flash = view.flash
    ? html`<p class="flash flash-${view.flash.kind}" role="status">${view.flash.text}</p>`
    : html``;
  return html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${options.title} · ${view.app} · celerity admin</title>
<link rel="stylesheet" href="/static/admin.css">
<script src="/static/live.js" defer></script>
</head>
<body>
<header class="top"><a class="brand" href="/">celerity <span class="app">${view.app}</span></a>${nav}</header>
<main${options.refreshMs ? html` data-refresh="${options.refreshMs}"` : ""}>
${flash}
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>`;
}
