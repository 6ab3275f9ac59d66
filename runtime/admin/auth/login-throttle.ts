/**
 * Slows password guessing: after `limit` failures from one address within the window, further
 * attempts from it are refused until the window passes.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;

  constructor(options: { limit?: number; windowMs?: number } = {}) {
    this.#limit = options.limit ?? 10;
    this.#windowMs = options.windowMs ?? 60_000;
  }

  /** Milliseconds until this address may try again; 0 when it may try now. */
  retryAfterMs(address: string, now = Date.now()): number {
    const recent = this.#recent(address, now);
    return recent.length >= this.#limit ? recent[0] + this.#windowMs - now : 0;
  }

  fail(address: string, now = Date.now()): void {
    const recent = this.#recent(address, now);
    recent.push(now);
    this.#failures.set(address, recent);
    if (this.#failures.size > 10_000) this.#failures.delete(this.#failures.keys().next().value as string);
  }

  succeed(address: string): void {
    this.#failures.delete(address);
  }

  #recent(address: string, now: number): number[] {
    return (this.#failures.get(address) ?? []).filter((t) => t > now - this.#windowMs);
  }
}
