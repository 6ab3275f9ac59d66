import { CelerityError } from "../errors/celerity-error.ts";

/** `advance()` on a test app whose clock is real (one running on Redis). */
export class RealClockError extends CelerityError {
  constructor(message: string) {
    super("TEST_CLOCK_REAL", message);
  }
}

/** The app's handler modules could not be imported (a syntax error, a missing export or file). */
export class HandlerLoadError extends CelerityError {
  constructor(message: string, options?: ErrorOptions) {
    super("HANDLERS_NOT_LOADED", message, options);
  }
}

/** `drain()` saw work still ready or running when its (real-time) limit ran out. */
export class DrainTimeoutError extends CelerityError {
  constructor(message: string) {
    super("DRAIN_TIMEOUT", message);
  }
}
