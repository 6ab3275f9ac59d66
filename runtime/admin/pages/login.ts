import { html, type SafeHtml } from "../html/escape.ts";
import { layout } from "../html/layout.ts";

/** The sign-in page (also the body of a 401 for a browser), with an optional error. */
export function loginPage(options: { app: string; next: string; error?: string; passwordEnabled: boolean }): SafeHtml {
  const what = options.passwordEnabled ? "the admin token or password" : "the admin token (CELERITY_ADMIN_TOKEN)";
  const body = html`<div class="login panel">
  <p class="muted">Enter ${what} to continue.</p>
  ${options.error ? html`<p class="flash flash-error" role="alert">${options.error}</p>` : ""}
  <form method="post" action="/login">
    <input type="hidden" name="next" value="${options.next}">
    <input type="text" name="username" value="admin" autocomplete="username" hidden>
    <label for="secret">Token or password</label>
    <input type="password" id="secret" name="secret" autocomplete="current-password" required autofocus>
    <button type="submit" class="primary">Sign in</button>
  </form>
</div>`;
  return layout(
    { app: options.app, signedIn: false, csrfToken: null, flash: null, now: Date.now() },
    { title: "Sign in", section: "login", body },
  );
}
