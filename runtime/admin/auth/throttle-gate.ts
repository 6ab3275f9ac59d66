import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { AdminHttpError } from "../http/errors.ts";
import { sourceOf, type AuthThrottle } from "./auth-throttle.ts";

/** The address an attempt comes from (the TCP peer: a proxy in front must do its own throttling). */
export function remoteAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? "unknown";
}

/** Whom an attempt is throttled as: a known device (its signed cookie), else the source address. */
export function throttleKey(req: IncomingMessage, device: string | null = null): string {
  return device === null ? sourceOf(remoteAddress(req)) : `device:${device}`;
}

/**
 * Lets a secret be checked only when the throttle allows it: throws a 429 (with Retry-After) when
 * this client must wait, and holds the request while the global failure budget is exhausted.
 */
export async function passThrottle(
  throttle: AuthThrottle,
  exchange: { req: IncomingMessage; res: ServerResponse },
  client: string,
): Promise<void> {
  const { res } = exchange;
  const verdict = throttle.verdict(client);
  if (verdict.kind === "refuse") {
    const seconds = Math.ceil(verdict.retryAfterMs / 1000);
    res.setHeader("Retry-After", String(seconds));
    throw new AdminHttpError(
      429,
      "ADMIN_THROTTLED",
      `too many failed attempts from this address; try again in ${seconds} s`,
    );
  }
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
}
