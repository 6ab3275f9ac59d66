import { createHash, createHmac, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { parseCookies } from "../http/request.ts";
import type { AdminCredentials } from "./credentials.ts";
import { secretsEqual } from "./secret-compare.ts";

/** Name of the cookie that marks a browser which has signed in before. */
export const DEVICE_COOKIE = "celerity_device";

/** How long a browser stays known after its last successful login: 30 days. */
const DEVICE_MAX_AGE_S = 30 * 86_400;

/**
 * Device cookies (OWASP's defence against lockout by guessing): a browser that signed in once
 * carries a signed random id, and its login attempts are throttled on that id rather than on its
 * address. A guesser on the same address (every local process is one loopback source) has no such
 * cookie, so its failures never make the real user wait. The signing key derives from the
 * configured secrets, so devices stay known across restarts and are forgotten when a secret changes.
 */
export class DeviceCookies {
  readonly #key: Buffer;

  constructor(credentials: AdminCredentials) {
    this.#key = createHash("sha256")
      .update(`celerity-device\u0000${credentials.token ?? ""}\u0000${credentials.password ?? ""}`)
      .digest();
  }

  /** The known device id a request carries; null without a cookie or with a forged one. */
  deviceOf(req: IncomingMessage): string | null {
    const value = parseCookies(req).get(DEVICE_COOKIE);
    const dot = value?.indexOf(".") ?? -1;
    if (!value || dot <= 0) return null;
    const id = value.slice(0, dot);
    return secretsEqual(value.slice(dot + 1), this.#mac(id)) ? id : null;
  }

  /** Set-Cookie for a browser that just signed in: a fresh id, or its known one renewed. */
  issue(existing: string | null, secure: boolean): string {
    const id = existing ?? randomBytes(16).toString("base64url");
    return `${DEVICE_COOKIE}=${id}.${this.#mac(id)}; Path=/login; HttpOnly; SameSite=Strict; Max-Age=${DEVICE_MAX_AGE_S}${secure ? "; Secure" : ""}`;
  }

  #mac(id: string): string {
    return createHmac("sha256", this.#key).update(id).digest("base64url");
  }
}
