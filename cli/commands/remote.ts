/**
 * `celerity inspect ping|active|scheduled|reserved|revoked|stats` and `celerity control
 * rate-limit|shutdown`: Celery's remote control over Redis pub/sub.
 * @module
 */
import { DEFAULT_REGISTRY, loadRegistry } from "../load-registry.ts";
import { parseFlags, stringFlag } from "../../runtime/cli-args/parse-flags.ts";
import { CelerityError } from "../../runtime/errors/celerity-error.ts";
import { ConfigurationError } from "../../runtime/errors/configuration-error.ts";
import { createTaskTree } from "../../runtime/client/mod.ts";
import { INSPECT_KINDS, type InspectKind } from "../../runtime/control/messages.ts";

/** Where output goes (tests pass their own). */
export interface RemoteIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const INSPECT_USAGE = `usage: celerity inspect <${INSPECT_KINDS.join("|")}> [--worker ID] [--timeout 1s] [--json]

Asks every live worker (or one, with --worker) and prints the replies collected until the timeout.
common:   --registry ./generated/registry.ts  --redis URL  --prefix P
`;

export const CONTROL_USAGE = `usage: celerity control <command> ...

commands:
  rate-limit TASK RATE      set TASK's global rate limit (10/s, 100/m, 1000/h) until changed back
  rate-limit TASK --reset   return to the manifest's rate limit
  shutdown WORKER           warm shutdown of one worker (its id, as \`celerity inspect ping\` shows)
common:   --registry ./generated/registry.ts  --redis URL  --prefix P
`;

const COMMON = ["registry", "redis", "prefix", "help"];
const defaultIo: RemoteIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

async function clientFor(flags: Map<string, string | true>) {
  const app = await loadRegistry(stringFlag(flags, "registry") ?? DEFAULT_REGISTRY);
  return createTaskTree<object>(app, { redis: stringFlag(flags, "redis"), prefix: stringFlag(flags, "prefix") });
}

/** `celerity inspect ...`; resolves to the exit code (0 with replies, 1 when no worker answered, 2 usage). */
export async function inspectCommand(argv: string[], options: { io?: RemoteIo } = {}): Promise<number> {
  const io = options.io ?? defaultIo;
  const [what, ...rest] = argv;
  if (what === undefined || what === "--help" || what === "help") {
    (what === undefined ? io.stderr : io.stdout)(INSPECT_USAGE);
    return what === undefined ? 2 : 0;
  }
  if (!INSPECT_KINDS.includes(what as InspectKind)) {
    io.stderr(`celerity inspect: unknown request "${what}"\n\n${INSPECT_USAGE}`);
    return 2;
  }
  let client;
  let flags: Map<string, string | true>;
  try {
    flags = parseFlags(rest, [...COMMON, "worker", "timeout", "json"]);
    client = await clientFor(flags);
  } catch (error) {
    if (!(error instanceof CelerityError)) throw error;
    io.stderr(`celerity inspect: ${error.message}\n`);
    return 2;
  }
  try {
    const replies = await client.$inspect[what as InspectKind]({
      worker: stringFlag(flags, "worker"),
      timeout: stringFlag(flags, "timeout") ?? "1s",
    });
    const ids = Object.keys(replies);
    if (flags.has("json")) io.stdout(JSON.stringify(replies, null, 2) + "\n");
    else for (const id of ids) io.stdout(`-> ${id}: ${JSON.stringify(replies[id])}\n`);
    if (ids.length === 0) {
      io.stderr("no worker replied\n");
      return 1;
    }
    if (!flags.has("json")) io.stdout(`\n${ids.length} worker${ids.length === 1 ? "" : "s"} replied\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof CelerityError)) throw error;
    io.stderr(`celerity inspect: ${error.message}\n`);
    return 2;
  } finally {
    await client.$disconnect();
  }
}

/** `celerity control ...`; resolves to the exit code (0 sent, 2 usage). */
export async function controlCommand(argv: string[], options: { io?: RemoteIo } = {}): Promise<number> {
  const io = options.io ?? defaultIo;
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "help") {
    (command === undefined ? io.stderr : io.stdout)(CONTROL_USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== "rate-limit" && command !== "shutdown") {
    io.stderr(`celerity control: unknown command "${command}"\n\n${CONTROL_USAGE}`);
    return 2;
  }
  const positional: string[] = [];
  while (rest.length > 0 && !rest[0].startsWith("--")) positional.push(rest.shift()!);
  let client;
  try {
    const flags = parseFlags(rest, [...COMMON, "reset"]);
    client = await clientFor(flags);
    try {
      if (command === "shutdown") {
        if (positional.length !== 1) throw new ConfigurationError("shutdown takes one worker id");
        await client.$control.shutdown(positional[0]);
        io.stdout(`asked ${positional[0]} to shut down (warm)\n`);
      } else {
        const [task, rate] = positional;
        if (task === undefined) throw new ConfigurationError("rate-limit needs a task name");
        if (flags.has("reset") === (rate !== undefined))
          throw new ConfigurationError("rate-limit takes either a rate (10/s) or --reset");
        await client.$control.rateLimit(task, rate ?? null);
        io.stdout(
          rate === undefined ? `${task}: back to the manifest's rate limit\n` : `${task}: rate limit ${rate}\n`,
        );
      }
      return 0;
    } finally {
      await client.$disconnect();
    }
  } catch (error) {
    if (!(error instanceof CelerityError)) throw error;
    io.stderr(`celerity control: ${error.message}\n`);
    return 2;
  }
}
