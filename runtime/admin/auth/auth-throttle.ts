import { isIP } from "node:net";
import { isLoopbackAddress } from "../http/host-check.ts";

/** Tuning of {@link AuthThrottle}; the defaults are what `celerity admin` uses. */
export interface AuthThrottleOptions {
  /** Failures a source may make before it has to wait between attempts. Default 5. */
  freeFailures?: number;
  /** Wait after the first failure past the free ones; doubles with each further failure. Default 1 s. */
  baseDelayMs?: number;
  /** Longest wait between attempts from one source, however many failures. Default 60 s. */
  maxDelayMs?: number;
  /** A source's failures are forgotten this long after its last one. Default 15 min. */
  forgetAfterMs?: number;
  /** Failures from all sources together per minute before every attempt is held back. Default 50. */
  globalBudget?: number;
  /** How long each attempt is held (then checked) while the global budget is exhausted. Default 1 s. */
  globalDelayMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** What to do with an attempt: refuse it for `retryAfterMs`, or check it after waiting `delayMs`. */
export type ThrottleVerdict = { kind: "refuse"; retryAfterMs: number } | { kind: "check"; delayMs: number };

interface SourceState {
  failures: number;
  lastFailure: number;
}

const MAX_SOURCES = 10_000;

/**
 * Slows guessing of the admin token or password, for the login form and Bearer headers alike,
 * without ever locking the real user out:
 *
 * - Per source, exponential backoff: after `freeFailures` failures a source must wait 1 s, 2 s,
 *   4 s ... (at most `maxDelayMs`) after each failure before its next attempt is even checked.
 *   An attempt that comes too early is refused (429) and not counted, so hammering does not extend
 *   the wait, and a success clears the source. The worst case for a real user who shares a source
 *   with a guesser is one `maxDelayMs`, never a lockout.
 * - A source is an IP address, except that every loopback address (127.0.0.0/8, ::1) is one source:
 *   all of them are this machine, the same user, so rotating 127.x addresses gains nothing. IPv6
 *   addresses count per /64, the block one host usually holds (see {@link sourceOf}). A browser
 *   that signed in before is its own source (see DeviceCookies), so a guesser sharing its address
 *   never makes it wait.
 * - Globally, a failure budget per minute: when many sources fail together (a distributed guess),
 *   every attempt is held `globalDelayMs` before it is checked. Held, not refused, so other sources'
 *   failures can slow a real user's login but never refuse it.
 */
export class AuthThrottle {
  readonly #sources = new Map<string, SourceState>();
  readonly #free: number;
  readonly #base: number;
  readonly #max: number;
  readonly #forget: number;
  readonly #budget: number;
  readonly #globalDelay: number;
  readonly #now: () => number;
  #windowStart = 0;
  #windowFailures = 0;

  constructor(options: AuthThrottleOptions = {}) {
    this.#free = options.freeFailures ?? 5;
    this.#base = options.baseDelayMs ?? 1000;
    this.#max = options.maxDelayMs ?? 60_000;
    this.#forget = options.forgetAfterMs ?? 15 * 60_000;
    this.#budget = options.globalBudget ?? 50;
    this.#globalDelay = options.globalDelayMs ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Whether an attempt from `client` (a key from {@link sourceOf}, or a device) may be checked now, and after how long a hold. */
  verdict(client: string): ThrottleVerdict {
    const now = this.#now();
    const state = this.#state(client, now);
    if (state && state.failures >= this.#free) {
      const wait = state.lastFailure + this.#backoff(state.failures) - now;
      if (wait > 0) return { kind: "refuse", retryAfterMs: wait };
    }
    this.#roll(now);
    return { kind: "check", delayMs: this.#windowFailures >= this.#budget ? this.#globalDelay : 0 };
  }

  /** Records a wrong secret from `client`. */
  fail(client: string): void {
    const now = this.#now();
    const key = client;
    const state = this.#state(key, now) ?? { failures: 0, lastFailure: now };
    state.failures++;
    state.lastFailure = now;
    this.#sources.delete(key); // re-insert: the map's order is least recently failed first
    this.#sources.set(key, state);
    if (this.#sources.size > MAX_SOURCES) this.#sources.delete(this.#sources.keys().next().value as string);
    this.#roll(now);
    this.#windowFailures++;
  }

  /** Records a right secret from `client`: its failures are forgotten. */
  succeed(client: string): void {
    this.#sources.delete(client);
  }

  #backoff(failures: number): number {
    return Math.min(this.#max, this.#base * 2 ** Math.min(30, failures - this.#free));
  }

  #state(key: string, now: number): SourceState | undefined {
    const state = this.#sources.get(key);
    if (state && now - state.lastFailure > this.#forget) {
      this.#sources.delete(key);
      return undefined;
    }
    return state;
  }

  #roll(now: number): void {
    if (now - this.#windowStart >= 60_000) {
      this.#windowStart = now;
      this.#windowFailures = 0;
    }
  }
}

/** The throttling key of a remote address: "loopback", an IPv4 address, or an IPv6 /64. */
export function sourceOf(address: string): string {
  if (isLoopbackAddress(address)) return "loopback";
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return mapped[1];
  if (isIP(lower) === 6) return `${expandIPv6(lower).slice(0, 4).join(":")}::/64`;
  return lower;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const fill = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => "0");
  return [...left, ...fill, ...right].map((group) => group.padStart(4, "0"));
}
