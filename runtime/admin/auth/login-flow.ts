import type { IncomingMessage, ServerResponse } from "node:http";
import { AdminHttpError } from "../http/errors.ts";
import { parseBody, readBody, stringField } from "../http/request.ts";
import { redirect, sendHtml } from "../http/respond.ts";
import { loginPage } from "../pages/login.ts";
import { assertSameOrigin } from "./csrf.ts";
import { loginSecretMatches, type AdminCredentials } from "./credentials.ts";
import type { AuthThrottle } from "./auth-throttle.ts";
import type { DeviceCookies } from "./device-cookie.ts";
import { passThrottle, throttleKey } from "./throttle-gate.ts";
import { clearedSessionCookie, sessionCookie, type SessionStore } from "./session.ts";

/** What the login pages need from the server. */
export interface LoginDeps {
  app: string;
  credentials: AdminCredentials;
  sessions: SessionStore;
  throttle: AuthThrottle;
  devices: DeviceCookies;
}

/** The origin `next` is resolved against; any fixed origin works, only "same as it" matters. */
const SELF = new URL("http://admin.invalid/");

/**
 * The local path to go to after login, or "/". `next` must have no control characters and, parsed
 * as a browser would (WHATWG URL, where "\" reads as "/"), must stay on this origin. The result is
 * the parsed URL's own serialization, so the Location header carries exactly what was checked.
 */
export function safeNext(next: string | null | undefined): string {
  // No link of ours has control characters; one that does is crafted (a browser drops tabs and
  // newlines, so "/\t/x" would mean "//x"), and is dropped whole rather than repaired.
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, SELF);
  } catch {
    return "/";
  }
  if (url.origin !== SELF.origin) return "/";
  const target = url.pathname + url.search + url.hash;
  // Serialization percent-encodes the rest; anything still not printable ASCII is refused.
  return /^\/(?!\/)[\x21-\x7e]*$/.test(target) ? target : "/";
}

/** Behind a TLS-terminating proxy the cookie gets `Secure`. */
export function isHttps(req: IncomingMessage): boolean {
  return req.headers["x-forwarded-proto"] === "https";
}

/** A browser without a session: the login form, with status 401 so scripts see the refusal too. */
export function sendLoginRequired(res: ServerResponse, deps: LoginDeps, next: string): void {
  sendHtml(
    res,
    loginPage({ app: deps.app, next: safeNext(next), passwordEnabled: deps.credentials.password !== null }),
    { status: 401 },
  );
}

/** GET /login shows the form; POST /login checks the secret and starts a session. */
export async function handleLogin(
  exchange: { req: IncomingMessage; res: ServerResponse; url: URL },
  deps: LoginDeps,
): Promise<void> {
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
  const device = deps.devices.deviceOf(req);
  const client = throttleKey(req, device);
  try {
    await passThrottle(deps.throttle, { req, res }, client);
  } catch (error) {
    if (!(error instanceof AdminHttpError) || error.status !== 429) throw error;
    const wait = res.getHeader("Retry-After");
    sendHtml(
      res,
      loginPage({
        app: deps.app,
        next,
        passwordEnabled,
        error: `Too many failed attempts; try again in ${String(wait)} s.`,
      }),
      { status: 429 },
    );
    return;
  }
  if (!loginSecretMatches(deps.credentials, stringField(body, "secret") ?? "")) {
    deps.throttle.fail(client);
    sendHtml(res, loginPage({ app: deps.app, next, passwordEnabled, error: "Wrong token or password." }), {
      status: 401,
    });
    return;
  }
  deps.throttle.succeed(client);
  const session = deps.sessions.create();
  redirect(res, next, {
    "Set-Cookie": [
      sessionCookie(session, deps.sessions.maxAgeSeconds, isHttps(req)),
      deps.devices.issue(device, isHttps(req)),
    ],
  });
}

/** POST /logout (already authenticated and CSRF-checked by the caller). */
export function handleLogout(
  exchange: { req: IncomingMessage; res: ServerResponse },
  deps: LoginDeps,
  options: { sessionId: string | null },
): void {
  const { req, res } = exchange;
  if (options.sessionId) deps.sessions.destroy(options.sessionId);
  redirect(res, "/login", { "Set-Cookie": clearedSessionCookie(isHttps(req)) });
}
