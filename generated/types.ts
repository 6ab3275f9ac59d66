// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:4e2d5e643dc932c0

/**
 * Arguments of `core.ping`.
 * Liveness check; answers "pong".
 */
export type CorePingArgs = Record<string, never>;

/** Result of `core.ping`. */
export type CorePingResult = "pong";

/**
 * Arguments of `emails.announce`.
 * Announce a launch to every subscriber.
 */
export interface EmailsAnnounceArgs {
  subject: string;
}

/** Result of `emails.announce`. */
export interface EmailsAnnounceResult {
  sent: number;
}

/**
 * Arguments of `emails.send_welcome`.
 * Send the welcome e-mail to a new user.
 */
export interface EmailsSendWelcomeArgs {
  userId: number;
  /** @default "en" */
  locale?: "en" | "de" | "fr";
}

/** Result of `emails.send_welcome`. */
export interface EmailsSendWelcomeResult {
  messageId: string;
}

/**
 * Arguments of `flaky.fetch`.
 * Fails with FlakyError until it has been retried failTimes times, then succeeds.
 */
export interface FlakyFetchArgs {
  failTimes: number;
}

/** Result of `flaky.fetch`. */
export interface FlakyFetchResult {
  attempts: number;
}

/**
 * Arguments of `math.add`.
 * Add two numbers.
 */
export interface MathAddArgs {
  a: number;
  b: number;
}

/** Result of `math.add`. */
export type MathAddResult = number;

/**
 * Arguments of `reports.nightly`.
 * Render the report of one day (yesterday, in UTC, when no day is given).
 */
export interface ReportsNightlyArgs {
  /**
   * The day to report on (YYYY-MM-DD).
   * Format: date.
   */
  day?: string;
  /** @default "pdf" */
  format?: "pdf" | "csv";
}

/** Result of `reports.nightly`. */
export interface ReportsNightlyResult {
  url: string;
}

/** Argument type of each task, by name. */
export interface TaskArgs {
  "core.ping": CorePingArgs;
  "emails.announce": EmailsAnnounceArgs;
  "emails.send_welcome": EmailsSendWelcomeArgs;
  "flaky.fetch": FlakyFetchArgs;
  "math.add": MathAddArgs;
  "reports.nightly": ReportsNightlyArgs;
}

/** Result type of each task, by name. */
export interface TaskResults {
  "core.ping": CorePingResult;
  "emails.announce": EmailsAnnounceResult;
  "emails.send_welcome": EmailsSendWelcomeResult;
  "flaky.fetch": FlakyFetchResult;
  "math.add": MathAddResult;
  "reports.nightly": ReportsNightlyResult;
}

/** Every task name in tasks.yaml. */
export type TaskName = keyof TaskArgs;
