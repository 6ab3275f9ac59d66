import type { IncomingMessage } from "node:http";
import { parseCookies } from "../http/request.ts";
import { bearerToken, type AdminCredentials } from "./credentials.ts";
import { secretsEqual } from "./secret-compare.ts";
import { SESSION_COOKIE, type Session, type SessionStore } from "./session.ts";

/** Who is asking: an API client with the Bearer token, or a browser with a session cookie. */
export type Principal = { kind: "bearer" } | { kind: "session"; session: Session };

/**
 * Authenticates a request. A present but wrong Authorization header fails outright, even with a
 * valid cookie, so a misconfigured script gets a clear 401 rather than a browser's identity.
 */
export function authenticate(
  req: IncomingMessage,
  credentials: AdminCredentials,
  sessions: SessionStore,
): Principal | null {
  const bearer = bearerToken(req);
  if (bearer !== null) {
    return credentials.token !== null && bearer !== "" && secretsEqual(bearer, credentials.token)
      ? { kind: "bearer" }
      : null;
  }
  const session = sessions.touch(parseCookies(req).get(SESSION_COOKIE));
  return session ? { kind: "session", session } : null;
}
