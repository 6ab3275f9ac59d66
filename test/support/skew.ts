/**
 * Shifts this process's `Date.now()` (and `new Date()`), as a machine whose clock is off would see
 * it. Timers and `performance.now()` are untouched, like a clock that is set wrong but runs at the
 * right rate. `set(0)` or `restore()` undoes it.
 */
export class SkewedClock {
  readonly #realNow = Date.now;
  #offsetMs = 0;

  constructor() {
    const real = this.#realNow;
    Date.now = () => real() + this.#offsetMs;
  }

  /** The current offset: positive runs fast, negative slow. */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  set(offsetMs: number): void {
    this.#offsetMs = offsetMs;
  }

  /** The real time behind a reading taken while skewed by `offsetMs`. */
  real(reading: number, offsetMs = this.#offsetMs): number {
    return reading - offsetMs;
  }

  restore(): void {
    Date.now = this.#realNow;
  }
}
