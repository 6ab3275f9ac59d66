import type { IncomingMessage } from "node:http";
import { AdminHttpError } from "../http/errors.ts";
import type { Body } from "../http/request.ts";
import { secretsEqual } from "./secret-compare.ts";

/** Form field and header that carry the synchronizer token. */
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True for methods that may change state and therefore need CSRF checks. */
export function isStateChanging(method: string | undefined): boolean {
  return !SAFE_METHODS.has((method ?? "GET").toUpperCase());
}

/**
 * Refuses requests a browser marks as coming from another origin. Ports count: a page on
 * 127.0.0.1:8080 is "same-site" for cookies but is not this origin, so it is refused here.
 */
export function assertSameOrigin(req: IncomingMessage): void {
  const fetchSite = req.headers["sec-fetch-site"];
  if (typeof fetchSite === "string" && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new AdminHttpError(403, "ADMIN_CROSS_SITE", `cross-origin request refused (Sec-Fetch-Site: ${fetchSite})`);
  }
  const origin = req.headers.origin;
  if (typeof origin === "string" && origin !== "") {
    const expected = ownOrigins(req);
    if (!expected.includes(origin))
      throw new AdminHttpError(
        403,
        "ADMIN_CROSS_SITE",
        `cross-origin request refused (Origin: ${origin.slice(0, 200)})`,
      );
  }
}

function ownOrigins(req: IncomingMessage): string[] {
  const host = req.headers.host ?? "";
  return [`http://${host}`, `https://${host}`];
}

/** Checks the synchronizer token of a cookie-authenticated state-changing request (form field or header). */
export function assertCsrfToken(req: IncomingMessage, body: Body, expected: string): void {
  const header = req.headers[CSRF_HEADER];
  const presented =
    typeof header === "string" ? header : typeof body[CSRF_FIELD] === "string" ? (body[CSRF_FIELD] as string) : "";
  if (presented === "" || !secretsEqual(presented, expected)) {
    throw new AdminHttpError(403, "ADMIN_CSRF", "missing or wrong CSRF token; reload the page and try again");
  }
}
