import type { TimerSource } from "../worker/options.ts";

interface FakeTimer {
  id: number;
  at: number;
  fn: () => void;
}

/**
 * A clock that moves only when told: the memory broker's TIME, TTLs and expiry, beat's schedule and
 * the worker's time-limit timers all read it, so `advance()` makes hours pass in no time.
 */
export class FakeClock implements TimerSource {
  #now: number;
  #timers: FakeTimer[] = [];
  #nextId = 1;

  constructor(startMs: number) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  /** Moves to `ms` (never backwards) and runs the timers due by then, in due order. */
  moveTo(ms: number): void {
    this.#now = Math.max(this.#now, ms);
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= this.#now).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      due.fn();
    }
  }

  /** Due time of the earliest pending timer, or null. */
  nextTimerAt(): number | null {
    let next: number | null = null;
    for (const t of this.#timers) if (next === null || t.at < next) next = t.at;
    return next;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, ms), fn };
    this.#timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((t) => t.id !== handle);
  }
}
