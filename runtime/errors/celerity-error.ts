/** Base class of every error celerity raises itself; `code` is stable and machine-readable. */
export class CelerityError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}
