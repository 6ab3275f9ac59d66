import { CelerityError } from "./celerity-error.ts";

/** Throw (or subclass) this in a handler to fail the task at once, whatever the retry policy says. */
export class UnrecoverableError extends CelerityError {
  constructor(message: string, options?: ErrorOptions) {
    super("UNRECOVERABLE", message, options);
  }
}
