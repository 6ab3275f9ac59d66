import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { AdminHttpError } from "../http/errors.ts";
import type { AuthThrottle } from "./auth-throttle.ts";

/** The address an attempt comes from (the TCP peer: a proxy in front must do its own throttling). */
export function remoteAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? "unknown";
}

/**
 * Lets a secret be checked only when the throttle allows it: throws a 429 (with Retry-After) when
 * this source must wait, and holds the request while the global failure budget is exhausted.
 */
export async function passThrottle(throttle: AuthThrottle, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const verdict = throttle.verdict(remoteAddress(req));
  if (verdict.kind === "refuse") {
    const seconds = Math.ceil(verdict.retryAfterMs / 1000);
    res.setHeader("Retry-After", String(seconds));
    throw new AdminHttpError(429, "ADMIN_THROTTLED", `too many failed attempts from this address; try again in ${seconds} s`);
  }
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
}
