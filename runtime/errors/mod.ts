export { CelerityError } from "./celerity-error.ts";
export { ConfigurationError } from "./configuration-error.ts";
export { MaxRetriesExceededError } from "./max-retries-exceeded-error.ts";
export { RemoteTaskError } from "./remote-task-error.ts";
export { TaskArgumentsError, describeViolations, type ArgumentViolation } from "./task-arguments-error.ts";
export { TaskRevokedError } from "./task-revoked-error.ts";
export { TimeLimitExceeded } from "./time-limit-exceeded-error.ts";
export { TimeoutError } from "./timeout-error.ts";
export { UnrecoverableError } from "./unrecoverable-error.ts";
