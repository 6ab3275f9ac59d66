import { CelerityError } from "../../runtime/errors/celerity-error.ts";

/** Why `celerity init` refused to start; nothing has been written when it is thrown. */
export type InitErrorCode =
  /** A file init needs is missing (package.json). */
  | "INIT_MISSING_FILE"
  /** A file exists that init cannot build on (a directory where a file goes, a stray example file, a CommonJS project). */
  | "INIT_CONFLICT"
  /** package.json or tsconfig.json cannot be read or parsed. */
  | "INIT_UNREADABLE"
  /** Writing failed; what was staged has been removed again. */
  | "INIT_WRITE_FAILED";

/** A refusal of `celerity init`, naming the file it is about. */
export class InitError extends CelerityError {
  /** The file (relative to the project directory) the error is about. */
  readonly file: string;
  constructor(code: InitErrorCode, file: string, message: string, options?: ErrorOptions) {
    super(code, `${file}: ${message}`, options);
    this.file = file;
  }
}
