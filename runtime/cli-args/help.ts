/** A flag of a celerity process, as `--help` lists it and {@link parseFlags} accepts it. */
export interface FlagSpec {
  /** The flag without dashes, e.g. `concurrency`. */
  name: string;
  /** What the value looks like, e.g. `N` or `DURATION`. */
  value: string;
  /** The default as a user would write it, or what applies when the flag is absent. */
  default: string;
  /** One line on what it does. */
  help: string;
}

/** What `--help` says about a process besides its flags. */
export interface HelpText {
  /** The command line, e.g. `generated/worker.js [options]`. */
  usage: string;
  /** A sentence or two on what the process does and how it stops. */
  summary: string;
  /** Environment variables it reads, name to description. */
  env?: Readonly<Record<string, string>>;
}

/** True when the user asked for the usage text (`--help` or `-h` anywhere on the line). */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}

/** The `--help` text: usage, summary, one line a flag with its default, then the environment. */
export function formatHelp(text: HelpText, flags: readonly FlagSpec[]): string {
  const left = flags.map((f) => `--${f.name} ${f.value}`);
  const width = Math.max(...left.map((l) => l.length));
  const lines = flags.map((f, i) => `  ${left[i]!.padEnd(width)}  ${f.help} (default: ${f.default})`);
  const out = [
    `usage: ${text.usage}`,
    "",
    text.summary,
    "",
    "options:",
    ...lines,
    `  ${"--help".padEnd(width)}  show this text and exit`,
  ];
  const env = Object.entries(text.env ?? {});
  if (env.length > 0) {
    const envWidth = Math.max(...env.map(([name]) => name.length));
    out.push("", "environment:", ...env.map(([name, what]) => `  ${name.padEnd(envWidth)}  ${what}`));
  }
  return out.join("\n") + "\n";
}
