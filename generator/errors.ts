/** Errors the generator raises. Manifest problems are data (issues), never stack traces. */

/** One problem found in a manifest, positioned for a code frame. */
export interface ManifestIssue {
  /** The manifest path as the user should read it (relative to the working directory when inside it). */
  file: string;
  /** 1-based; 0 when the problem has no position (e.g. the file cannot be read). */
  line: number;
  /** 1-based; 0 when the problem has no position. */
  column: number;
  /** How many characters to underline on `line` (at least 1 when positioned). */
  length: number;
  message: string;
  /** What would have been valid here. */
  expected?: string;
  /** The nearest valid name, shown as `did you mean "..."?`. */
  suggestion?: string;
}

/** The manifest is invalid; `issues` lists every problem found in one pass, sorted by position. */
export class ManifestError extends Error {
  readonly code = "MANIFEST_INVALID" as const;
  readonly issues: readonly ManifestIssue[];
  /** The manifest text the issues point into (for code frames), or null when it could not be read. */
  readonly text: string | null;

  constructor(issues: readonly ManifestIssue[], text: string | null) {
    const count = issues.length;
    super(`${count} ${count === 1 ? "error" : "errors"} in the manifest`);
    this.name = "ManifestError";
    this.issues = issues;
    this.text = text;
  }
}

/**
 * Writing the generated files failed. Files are staged in a temporary directory first, so a
 * failure while staging (permissions, disk full) leaves the output directory untouched.
 */
export class OutputWriteError extends Error {
  readonly code = "OUTPUT_WRITE_FAILED" as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OutputWriteError";
  }
}

/** `--import-extension` (or `importExtension`) is not one of the accepted values. */
export class ImportExtensionError extends Error {
  readonly code = "IMPORT_EXTENSION_INVALID" as const;
  /** The value that was given. */
  readonly value: string;

  constructor(value: string) {
    super(`--import-extension must be "ts" or "js", got ${JSON.stringify(value)}`);
    this.name = "ImportExtensionError";
    this.value = value;
  }
}

/**
 * The tsconfig.json that decides the generated code's import extension cannot be read or parsed
 * (or a config it extends cannot). Raised before anything is written.
 */
export class TsconfigError extends Error {
  readonly code = "TSCONFIG_UNREADABLE" as const;
  /** The tsconfig.json codegen read, absolute. */
  readonly file: string;
  /** What is wrong with it, without the advice (for callers that word their own, like `celerity init`). */
  readonly reason: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot use ${file}: ${reason} (fix it, or pass --import-extension ts|js)`, options);
    this.name = "TsconfigError";
    this.file = file;
    this.reason = reason;
  }
}
