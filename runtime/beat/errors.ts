import { CelerityError } from "../errors/celerity-error.ts";

/**
 * A periodic entry was rejected: bad input (`code` PERIODIC_ENTRY_INVALID), a name that exists
 * (PERIODIC_ENTRY_DUPLICATE) or a change the manifest owns (PERIODIC_ENTRY_MANIFEST_OWNED). `field`
 * names the input field at fault, e.g. "schedule.cron" or "args.day", so forms can mark it.
 */
export class PeriodicEntryError extends CelerityError {
  readonly field: string;
  constructor(field: string, message: string, code = "PERIODIC_ENTRY_INVALID") {
    super(code, `${field}: ${message}`);
    this.field = field;
  }
}

/** No periodic entry has this name. */
export class PeriodicEntryNotFoundError extends CelerityError {
  readonly entryName: string;
  constructor(name: string) {
    super("PERIODIC_ENTRY_NOT_FOUND", `no periodic entry named "${name}"`);
    this.entryName = name;
  }
}
