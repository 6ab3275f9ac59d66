import { ConfigurationError } from "../errors/configuration-error.ts";

/** Converts a Date or ISO string to epoch milliseconds, with a clear error for garbage. */
export function timeToMs(value: Date | string, what = "time"): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new ConfigurationError(`${what} "${String(value)}" is not a valid date`);
  return ms;
}
