import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./auth/authenticate.ts";
import { assertCsrfToken, assertSameOrigin, isStateChanging } from "./auth/csrf.ts";
import { bearerToken } from "./auth/credentials.ts";
import { handleLogin, handleLogout, sendLoginRequired, type LoginDeps } from "./auth/login-flow.ts";
import { passThrottle, throttleKey } from "./auth/throttle-gate.ts";
import type { AdminContext } from "./context.ts";
import type { View } from "./html/components.ts";
import { AdminHttpError, notFound } from "./http/errors.ts";
import { hostAllowed } from "./http/host-check.ts";
import { toHttpError } from "./http/map-error.ts";
import { movedAsideError } from "./http/wrong-type.ts";
import { isWrongTypeError } from "../broker/quarantine.ts";
import { parseBody, readBody, type Body } from "./http/request.ts";
import { sendHtml, sendJson } from "./http/respond.ts";
import { applySecurityHeaders } from "./http/security-headers.ts";
import { serveStatic } from "./http/static-files.ts";
import { errorPage } from "./pages/error-page.ts";
import type { Router } from "./router.ts";

/** Everything the request pipeline needs besides the route context. */
export interface PipelineDeps extends LoginDeps {
  router: Router;
  bindHost: string;
  /** Host names served besides localhost and loopback addresses (see hostAllowed). */
  allowedHosts: readonly string[];
}

/** API paths answer in JSON (errors too); everything else is a page. */
function isApi(path: string): boolean {
  return path === "/api" || path.startsWith("/api/") || path === "/metrics";
}

/**
 * The request pipeline: security headers, Host check, public assets and login, then
 * authentication, cross-origin and CSRF checks for anything that changes state, then the route.
 */
export function createRequestHandler(
  ctx: AdminContext,
  deps: PipelineDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://admin.invalid");
    let view: View = { app: ctx.app.app, signedIn: false, csrfToken: null, flash: null, now: Date.now() };
    handle(ctx, deps, req, res, url, (v) => (view = v)).catch(async (caught: unknown) => {
      const error = isWrongTypeError(caught) ? await movedAsideError(ctx) : caught;
      const mapped = toHttpError(error);
      if (!mapped)
        ctx.log.error("admin request failed", {
          method: req.method,
          path: url.pathname,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      const status = mapped?.status ?? 500;
      const message = mapped?.message ?? "internal error; see the admin server's log";
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (isApi(url.pathname))
        sendJson(
          res,
          { error: { code: mapped?.code ?? "ADMIN_INTERNAL", message, field: mapped?.field ?? null } },
          { status },
        );
      else sendHtml(res, errorPage(view, { status, message }), { status });
    });
  };
}

async function handle(
  ctx: AdminContext,
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  setView: (v: View) => void,
): Promise<void> {
  applySecurityHeaders(res);
  const path = url.pathname;
  const method = (req.method ?? "GET").toUpperCase();
  if (!hostAllowed(req, { bindHost: deps.bindHost, allowedHosts: deps.allowedHosts })) {
    throw new AdminHttpError(
      403,
      "ADMIN_HOST_REFUSED",
      "this server only answers to localhost, loopback addresses and its configured host names (allowedHosts)",
    );
  }
  if ((method === "GET" || method === "HEAD") && path.startsWith("/static/")) {
    if (!serveStatic(req, res, path)) throw notFound("file");
    return;
  }
  if (path === "/login") return handleLogin({ req, res, url }, deps);

  // A Bearer header is a guess at the token like a login form is, so it passes the same throttle.
  const guessesToken = bearerToken(req) !== null;
  if (guessesToken) await passThrottle(deps.throttle, { req, res }, throttleKey(req));
  const principal = authenticate(req, deps.credentials, deps.sessions);
  if (!principal && guessesToken) deps.throttle.fail(throttleKey(req));
  if (!principal) {
    if (isApi(path)) {
      sendJson(
        res,
        {
          error: {
            code: "ADMIN_UNAUTHENTICATED",
            message: "send Authorization: Bearer <CELERITY_ADMIN_TOKEN> or log in",
            field: null,
          },
        },
        { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="celerity-admin"' } },
      );
    } else {
      sendLoginRequired(res, deps, method === "GET" ? path + url.search : "/");
    }
    return;
  }
  const session = principal.kind === "session" ? principal.session : null;

  let body: Body = {};
  if (isStateChanging(method)) {
    assertSameOrigin(req);
    body = parseBody(req, await readBody(req));
    // Bearer clients are exempt: a browser never attaches that header on its own, so it cannot be forged cross-site.
    if (session) assertCsrfToken(req, body, session.csrfToken);
  }
  if (path === "/logout" && method === "POST")
    return handleLogout({ req, res }, deps, { sessionId: session?.id ?? null });

  // Live refreshes and API calls must not eat the message meant for the next full page view.
  const takeFlash =
    session !== null && !isApi(path) && req.headers["x-celerity-live"] === undefined && method === "GET";
  const view: View = {
    app: ctx.app.app,
    signedIn: true,
    csrfToken: session?.csrfToken ?? null,
    flash: takeFlash ? session.flash : null,
    now: Date.now(),
  };
  if (takeFlash) session.flash = null;
  setView(view);

  const match = deps.router.match(method, path);
  if (match.kind === "none") throw notFound(isApi(path) ? "API endpoint" : "page");
  if (match.kind === "method-not-allowed") {
    res.setHeader("Allow", match.allowed.join(", "));
    throw new AdminHttpError(405, "ADMIN_METHOD_NOT_ALLOWED", `use ${match.allowed.join(" or ")}`);
  }
  await match.handler(ctx, { req, res, url, params: match.params, principal, body, view });
}
