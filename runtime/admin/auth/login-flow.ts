import type { IncomingMessage, ServerResponse } from "node:http";
import { AdminHttpError } from "../http/errors.ts";
import { parseBody, readBody, stringField } from "../http/request.ts";
import { redirect, sendHtml } from "../http/respond.ts";
import { loginPage } from "../pages/login.ts";
import { assertSameOrigin } from "./csrf.ts";
import { loginSecretMatches, type AdminCredentials } from "./credentials.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import { clearedSessionCookie, sessionCookie, type SessionStore } from "./session.ts";

/** What the login pages need from the server. */
export interface LoginDeps {
  app: string;
  credentials: AdminCredentials;
  sessions: SessionStore;
  throttle: LoginThrottle;
}

/** Only local paths are valid targets after login; "//evil.example" and "/\evil" are not local. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || /[\r\n]/.test(next)) return "/";
  return next;
}

/** Behind a TLS-terminating proxy the cookie gets `Secure`. */
export function isHttps(req: IncomingMessage): boolean {
  return req.headers["x-forwarded-proto"] === "https";
}

/** A browser without a session: the login form, with status 401 so scripts see the refusal too. */
export function sendLoginRequired(res: ServerResponse, deps: LoginDeps, next: string): void {
  sendHtml(res, loginPage({ app: deps.app, next: safeNext(next), passwordEnabled: deps.credentials.password !== null }), { status: 401 });
}

/** GET /login shows the form; POST /login checks the secret and starts a session. */
export async function handleLogin(exchange: { req: IncomingMessage; res: ServerResponse; url: URL }, deps: LoginDeps): Promise<void> {
  const { req, res, url } = exchange;
  const passwordEnabled = deps.credentials.password !== null;
  if (req.method === "GET" || req.method === "HEAD") {
    sendHtml(res, loginPage({ app: deps.app, next: safeNext(url.searchParams.get("next")), passwordEnabled }));
    return;
  }
  if (req.method !== "POST") throw new AdminHttpError(405, "ADMIN_METHOD_NOT_ALLOWED", "use GET or POST");
  // No session yet, so no synchronizer token: the origin check is what stops login CSRF.
  assertSameOrigin(req);
  const body = parseBody(req, await readBody(req));
  const next = safeNext(stringField(body, "next"));
  const address = req.socket.remoteAddress ?? "unknown";
  const wait = deps.throttle.retryAfterMs(address);
  if (wait > 0) {
    res.setHeader("Retry-After", String(Math.ceil(wait / 1000)));
    sendHtml(res, loginPage({ app: deps.app, next, passwordEnabled, error: `Too many failed attempts; try again in ${Math.ceil(wait / 1000)} s.` }), { status: 429 });
    return;
  }
  if (!loginSecretMatches(deps.credentials, stringField(body, "secret") ?? "")) {
    deps.throttle.fail(address);
    sendHtml(res, loginPage({ app: deps.app, next, passwordEnabled, error: "Wrong token or password." }), { status: 401 });
    return;
  }
  deps.throttle.succeed(address);
  const session = deps.sessions.create();
  redirect(res, next, { "Set-Cookie": sessionCookie(session, deps.sessions.maxAgeSeconds, isHttps(req)) });
}

/** POST /logout (already authenticated and CSRF-checked by the caller). */
export function handleLogout(exchange: { req: IncomingMessage; res: ServerResponse }, deps: LoginDeps, options: { sessionId: string | null }): void {
  const { req, res } = exchange;
  if (options.sessionId) deps.sessions.destroy(options.sessionId);
  redirect(res, "/login", { "Set-Cookie": clearedSessionCookie(isHttps(req)) });
}
