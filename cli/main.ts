/**
 * The `celerity` command line: a table of subcommands, each loaded only when it runs (so `celerity
 * worker` does not pay for the generator's dependencies).
 * @module
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A subcommand: runs with the arguments after its name and resolves to the process exit code. */
export interface Command {
  run(argv: string[]): Promise<number>;
}

interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

/** Subcommands by name. Add an entry (and a file under cli/commands/) to add a command. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  init: {
    summary: "set up celerity in the current directory (tasks.yaml, a handler, scripts, tsconfig)",
    load: async () => (await import("./commands/init.ts")).initCommand,
  },
  codegen: {
    summary: "generate typed code from the task manifest (tasks.yaml -> generated/)",
    load: async () => (await import("./commands/codegen.ts")).codegenCommand,
  },
  admin: {
    summary: "serve the admin web UI and JSON API",
    load: async () => ({ run: (await import("./commands/admin.ts")).adminCommand }),
  },
  inspect: {
    summary: "ask live workers: ping, active, scheduled, reserved, revoked, stats",
    load: async () => {
      const { inspectCommand } = await import("./commands/remote.ts");
      return { run: (argv) => inspectCommand(argv) };
    },
  },
  control: {
    summary: "change workers at run time: rate-limit TASK RATE|--reset, shutdown WORKER",
    load: async () => {
      const { controlCommand } = await import("./commands/remote.ts");
      return { run: (argv) => controlCommand(argv) };
    },
  },
  periodic: {
    summary: "list, add, update, enable, disable, remove or run periodic entries",
    load: async () => {
      const { periodicCommand } = await import("./commands/periodic.ts");
      return { run: (argv) => periodicCommand(argv) };
    },
  },
};

/** The top-level usage text. */
export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return `usage: celerity <command> [options]\n\ncommands:\n${lines.join("\n")}\n\nRun \`celerity <command> --help\` for a command's options.\n`;
}

/** Runs the command line `argv` (without node and the script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return 0;
  }
  const entry = name === undefined ? undefined : COMMANDS[name];
  if (!entry) {
    if (name !== undefined) process.stderr.write(`celerity: unknown command "${name}"\n\n`);
    process.stderr.write(usage());
    return 2;
  }
  return (await entry.load()).run(rest);
}

/** True when this file is the script node was started with (`tsx cli/main.ts ...`), not an import (bin/celerity.js). */
function isEntrypoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntrypoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
