import { CelerityError } from "./celerity-error.ts";

/** A bad option, flag or environment variable (REDIS_URL, --queues, priority out of range, ...). */
export class ConfigurationError extends CelerityError {
  constructor(message: string) {
    super("CONFIGURATION_INVALID", message);
  }
}
