import { CelerityError } from "../../errors/celerity-error.ts";

/**
 * An error that maps to an HTTP status; routes throw it and the server turns it into a JSON body
 * (API) or an error page (HTML). `field` names the form field a validation error belongs to.
 */
export class AdminHttpError extends CelerityError {
  readonly status: number;
  readonly field: string | null;
  constructor(status: number, code: string, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.field = options.field ?? null;
  }
}

/** 404 for an id, name or path that does not exist. */
export function notFound(what: string): AdminHttpError {
  return new AdminHttpError(404, "ADMIN_NOT_FOUND", `${what} not found`);
}

/** 400 for input that cannot be used, optionally tied to a form field. */
export function badRequest(message: string, field?: string): AdminHttpError {
  return new AdminHttpError(400, "ADMIN_BAD_REQUEST", message, { field });
}

/** 409 for an action that does not apply to the current state (e.g. requeue of a raw dead letter). */
export function conflict(message: string): AdminHttpError {
  return new AdminHttpError(409, "ADMIN_CONFLICT", message);
}
