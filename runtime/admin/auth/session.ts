import { randomBytes } from "node:crypto";

/** Name of the session cookie. */
export const SESSION_COOKIE = "celerity_admin";

/** A logged-in browser: its CSRF synchronizer token lives server-side next to the session. */
export interface Session {
  readonly id: string;
  readonly csrfToken: string;
  expiresAt: number;
  /** A message for the next page this browser renders (set by POST handlers before redirecting). */
  flash: { kind: "ok" | "error"; text: string } | null;
}

export interface SessionStoreOptions {
  /** Idle lifetime; each authenticated request extends it. Default 12 hours. */
  idleMs?: number;
  /** Cap on live sessions, so a flood of logins cannot grow memory without bound. Default 1000. */
  maxSessions?: number;
}

/**
 * In-memory sessions. Restarting the admin logs everyone out, which is acceptable for a local
 * operations tool and keeps session secrets out of Redis.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #idleMs: number;
  readonly #max: number;

  constructor(options: SessionStoreOptions = {}) {
    this.#idleMs = options.idleMs ?? 12 * 3_600_000;
    this.#max = options.maxSessions ?? 1000;
  }

  /** Lifetime of a session cookie, in seconds (for Max-Age). */
  get maxAgeSeconds(): number {
    return Math.floor(this.#idleMs / 1000);
  }

  create(now = Date.now()): Session {
    this.#prune(now);
    while (this.#sessions.size >= this.#max) this.#sessions.delete(this.#sessions.keys().next().value as string);
    const session: Session = { id: token(), csrfToken: token(), expiresAt: now + this.#idleMs, flash: null };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id, extended; undefined when unknown or expired. */
  touch(id: string | undefined, now = Date.now()): Session | undefined {
    if (!id) return undefined;
    const session = this.#sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= now) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.expiresAt = now + this.#idleMs;
    return session;
  }

  destroy(id: string): void {
    this.#sessions.delete(id);
  }

  #prune(now: number): void {
    for (const [id, s] of this.#sessions) if (s.expiresAt <= now) this.#sessions.delete(id);
  }
}

function token(): string {
  return randomBytes(32).toString("base64url");
}

/** The Set-Cookie value for a session: HttpOnly so scripts cannot read it, SameSite=Strict against CSRF. */
export function sessionCookie(session: Session, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? "; Secure" : ""}`;
}
