import { durationFromText } from "../core/mod.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";

/** Flags as `--name value`, `--name=value` or bare `--name` (true). Unknown flags are an error. */
export function parseFlags(argv: readonly string[], known: readonly string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new ConfigurationError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!known.includes(name))
      throw new ConfigurationError(`unknown flag --${name} (known: ${known.map((k) => "--" + k).join(", ")})`);
    if (eq !== -1) flags.set(name, arg.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) flags.set(name, argv[++i]);
    else flags.set(name, true);
  }
  return flags;
}

/** A flag's string value, or undefined when absent; `--x` without a value is an error. */
export function stringFlag(flags: Map<string, string | true>, name: string): string | undefined {
  const value = flags.get(name);
  if (value === true) throw new ConfigurationError(`--${name} needs a value`);
  return value;
}

/** A bare switch (`--x`, or `--x=true|false`); undefined when absent. */
export function boolFlag(flags: Map<string, string | true>, name: string): boolean | undefined {
  const value = flags.get(name);
  if (value === undefined || value === true) return value;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigurationError(`--${name} is a switch; got "${value}"`);
}

/** A flag's whole-number value, or undefined when absent. */
export function intFlag(flags: Map<string, string | true>, name: string): number | undefined {
  const value = stringFlag(flags, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new ConfigurationError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

/** A flag's duration in milliseconds (`30s`, `250ms`, or a plain number of seconds), or undefined when absent. */
export function durationFlag(flags: Map<string, string | true>, name: string): number | undefined {
  const value = stringFlag(flags, name);
  return value === undefined ? undefined : durationFromText(value, `--${name}`);
}
