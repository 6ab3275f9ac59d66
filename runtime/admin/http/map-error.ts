import { PeriodicEntryError, PeriodicEntryNotFoundError } from "../../beat/mod.ts";
import { TaskArgumentsError } from "../../errors/task-arguments-error.ts";
import { AdminHttpError } from "./errors.ts";

/** Turns the errors routes may throw into HTTP errors; null means "unexpected" (a 500, logged). */
export function toHttpError(error: unknown): AdminHttpError | null {
  if (error instanceof AdminHttpError) return error;
  if (error instanceof PeriodicEntryNotFoundError) return new AdminHttpError(404, error.code, error.message);
  if (error instanceof PeriodicEntryError) {
    const status = error.code === "PERIODIC_ENTRY_INVALID" ? 400 : 409;
    return new AdminHttpError(status, error.code, error.message, { field: error.field });
  }
  if (error instanceof TaskArgumentsError) return new AdminHttpError(400, error.code, error.message, { field: "args" });
  return null;
}
