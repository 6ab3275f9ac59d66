/**
 * `celerity periodic list|add|update|enable|disable|remove|run-now`: manage beat's periodic entries
 * in Redis while beat runs (changes apply within a second, no restart).
 * @module
 */
import { DEFAULT_REGISTRY, loadRegistry } from "../load-registry.ts";
import { parseFlags, stringFlag } from "../../runtime/cli-args/parse-flags.ts";
import {
  PeriodicEntryError,
  PeriodicEntryNotFoundError,
  PeriodicStore,
  describeSchedule,
  type PeriodicEntry,
  type PeriodicInput,
} from "../../runtime/beat/mod.ts";
import { CelerityError } from "../../runtime/errors/celerity-error.ts";
import { ConfigurationError } from "../../runtime/errors/configuration-error.ts";
import type { AppSpec, ScheduleSpec } from "../../runtime/spec/types.ts";
import { durationFromText } from "../../runtime/core/mod.ts";

/** Where output goes (tests pass their own). */
export interface PeriodicIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const COMMON = ["registry", "redis", "prefix", "help"];
const ENTRY_FLAGS = [
  "name",
  "task",
  "every",
  "cron",
  "timezone",
  "at",
  "args",
  "queue",
  "priority",
  "expires",
  "one-off",
  "enabled",
  "disabled",
  "start-time",
  "description",
];
const FLAGS: Record<string, readonly string[]> = {
  list: [...COMMON, "json"],
  add: [...COMMON, ...ENTRY_FLAGS],
  update: [...COMMON, ...ENTRY_FLAGS],
  enable: [...COMMON, "name"],
  disable: [...COMMON, "name"],
  remove: [...COMMON, "name"],
  "run-now": [...COMMON, "name"],
};

export const PERIODIC_USAGE = `usage: celerity periodic <command> [NAME] [options]

commands:
  list      [--json]                      every entry with its schedule, next and last run
  add       --name N --task T SCHEDULE [fields]
  update    NAME [SCHEDULE] [fields]      only the given fields change
  enable    NAME
  disable   NAME
  remove    NAME                          run-time entries only (manifest ones: edit tasks.yaml)
  run-now   NAME                          send one run now

SCHEDULE: --every 30s | --cron "0 3 * * *" [--timezone Europe/Berlin] | --at 2027-01-01T09:00:00Z
fields:   --args '{"x":1}' --queue Q --priority 0-9 --expires 1h --one-off[=false]
          --start-time ISO --description TEXT --disabled (add) | --enabled true|false
common:   --registry ./generated/registry.ts  --redis URL  --prefix P
`;

/** Runs `celerity periodic ...` (argv after "periodic") and resolves to the exit code: 0 ok, 1 rejected by the store, 2 usage. */
export async function periodicCommand(argv: string[], options: { io?: PeriodicIo } = {}): Promise<number> {
  const io = options.io ?? { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    (command === undefined ? io.stderr : io.stdout)(PERIODIC_USAGE);
    return command === undefined ? 2 : 0;
  }
  const known = FLAGS[command];
  if (!known) {
    io.stderr(`celerity periodic: unknown command "${command}"\n\n${PERIODIC_USAGE}`);
    return 2;
  }
  let flags: Map<string, string | true>;
  let app: AppSpec;
  try {
    const positional = rest.length > 0 && !rest[0].startsWith("--") ? rest.shift() : undefined;
    flags = parseFlags(rest, known);
    if (flags.has("help")) {
      io.stdout(PERIODIC_USAGE);
      return 0;
    }
    if (positional !== undefined) {
      if (flags.has("name") && stringFlag(flags, "name") !== positional)
        throw new ConfigurationError(`name given twice ("${positional}" and --name)`);
      flags.set("name", positional);
    }
    app = await loadRegistry(stringFlag(flags, "registry") ?? DEFAULT_REGISTRY);
  } catch (error) {
    if (!(error instanceof CelerityError)) throw error;
    io.stderr(`celerity periodic: ${error.message}\n`);
    return 2;
  }

  const store = new PeriodicStore(app, { redis: stringFlag(flags, "redis"), prefix: stringFlag(flags, "prefix") });
  try {
    await runCommand(command, flags, store, io);
    return 0;
  } catch (error) {
    if (error instanceof PeriodicEntryError || error instanceof PeriodicEntryNotFoundError) {
      io.stderr(`celerity periodic ${command}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof CelerityError) {
      io.stderr(`celerity periodic ${command}: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await store.close();
  }
}

async function runCommand(
  command: string,
  flags: Map<string, string | true>,
  store: PeriodicStore,
  io: PeriodicIo,
): Promise<void> {
  if (command === "list") {
    const entries = await store.list();
    io.stdout(flags.has("json") ? JSON.stringify(entries, null, 2) + "\n" : formatTable(entries));
    return;
  }
  const name = stringFlag(flags, "name");
  if (name === undefined)
    throw new ConfigurationError(`${command} needs an entry name (celerity periodic ${command} NAME)`);
  switch (command) {
    case "add": {
      const fields = entryFields(flags);
      if (fields.task === undefined) throw new ConfigurationError("add needs --task");
      if (fields.schedule === undefined) throw new ConfigurationError("add needs a schedule: --every, --cron or --at");
      const entry = await store.add({ ...fields, name } as PeriodicInput);
      io.stdout(`added ${summary(entry)}\n`);
      return;
    }
    case "update": {
      const entry = await store.update(name, entryFields(flags));
      io.stdout(`updated ${summary(entry)}\n`);
      return;
    }
    case "enable":
    case "disable":
      await store.setEnabled(name, command === "enable");
      io.stdout(`${command}d ${name}\n`);
      return;
    case "remove":
      await store.remove(name);
      io.stdout(`removed ${name}\n`);
      return;
    case "run-now": {
      const { taskId } = await store.runNow(name);
      io.stdout(`sent ${taskId}\n`);
      return;
    }
  }
}

/** The entry fields given as flags; absent flags stay undefined so `update` leaves them alone. */
function entryFields(flags: Map<string, string | true>): Partial<Omit<PeriodicInput, "name">> {
  const out: Partial<Omit<PeriodicInput, "name">> = {};
  const text = (name: string) => stringFlag(flags, name);
  out.task = text("task");
  out.schedule = scheduleFlags(flags);
  const args = text("args");
  if (args !== undefined) {
    try {
      out.args = JSON.parse(args);
    } catch (error) {
      throw new PeriodicEntryError("args", `--args is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (flags.has("queue")) out.queue = nullable(text("queue"));
  const priority = text("priority");
  if (priority !== undefined) {
    if (!/^\d+$/.test(priority) && priority !== "none")
      throw new PeriodicEntryError("priority", `--priority must be 0..9 (or "none"), got "${priority}"`);
    out.priority = priority === "none" ? null : Number(priority);
  }
  const expires = text("expires");
  if (expires !== undefined) out.expiresMs = expires === "none" ? null : durationFlag(expires, "expires", "expiresMs");
  if (flags.has("one-off")) out.oneOff = booleanFlag(flags, "one-off");
  if (flags.has("enabled")) out.enabled = booleanFlag(flags, "enabled");
  if (flags.has("disabled")) out.enabled = !booleanFlag(flags, "disabled");
  if (flags.has("start-time")) out.startTime = nullable(text("start-time"));
  if (flags.has("description")) out.description = nullable(text("description"));
  for (const key of Object.keys(out) as (keyof typeof out)[]) if (out[key] === undefined) delete out[key];
  return out;
}

function scheduleFlags(flags: Map<string, string | true>): ScheduleSpec | undefined {
  const given = ["every", "cron", "at"].filter((f) => flags.has(f));
  if (given.length > 1)
    throw new PeriodicEntryError(
      "schedule",
      `give one of --every, --cron or --at, not ${given.map((g) => "--" + g).join(" and ")}`,
    );
  if (flags.has("timezone") && !flags.has("cron"))
    throw new PeriodicEntryError("schedule.timezone", "--timezone applies to --cron only");
  const every = stringFlag(flags, "every");
  if (every !== undefined) return { kind: "every", everyMs: durationFlag(every, "every", "schedule.everyMs") };
  const cron = stringFlag(flags, "cron");
  if (cron !== undefined) return { kind: "cron", cron, timezone: stringFlag(flags, "timezone") ?? "UTC" };
  const at = stringFlag(flags, "at");
  if (at !== undefined) return { kind: "at", at };
  return undefined;
}

function durationFlag(value: string, flag: string, field: string): number {
  try {
    return durationFromText(value, `--${flag}`);
  } catch (error) {
    throw new PeriodicEntryError(field, (error as Error).message);
  }
}

function booleanFlag(flags: Map<string, string | true>, name: string): boolean {
  const value = flags.get(name);
  if (value === true || value === "true") return true;
  if (value === "false") return false;
  throw new ConfigurationError(`--${name} takes true or false, got "${value}"`);
}

const nullable = (value: string | undefined): string | null | undefined =>
  value === "" || value === "none" ? null : value;

function summary(entry: PeriodicEntry): string {
  const state = entry.enabled ? `next run ${entry.nextRunAt ?? "none"}` : "disabled";
  return `${entry.name}: ${entry.task} ${describeSchedule(entry.schedule)} (${state})`;
}

function formatTable(entries: readonly PeriodicEntry[]): string {
  if (entries.length === 0) return "no periodic entries\n";
  const when = (iso: string | null) => (iso === null ? "-" : iso.replace("T", " ").replace(/\.\d+Z$/, "Z"));
  const rows = [
    ["NAME", "TASK", "SCHEDULE", "ENABLED", "NEXT RUN", "LAST RUN", "RUNS", "SOURCE"],
    ...entries.map((e) => [
      e.name,
      e.task,
      describeSchedule(e.schedule),
      e.enabled ? "yes" : "no",
      when(e.nextRunAt),
      when(e.lastRunAt),
      String(e.totalRunCount),
      e.source,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return (
    rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ")).join("\n") +
    "\n"
  );
}
