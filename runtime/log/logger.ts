import type { TaskLogger } from "../task/types.ts";

export type LogLevel = "debug" | "info" | "warn" | "error";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A structured logger; `child` adds fields to every line. */
export interface Logger extends TaskLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** "json" (one object a line, for production) or "pretty" (for a terminal). Default: pretty in a TTY. */
  format?: "json" | "pretty";
  write?: (line: string) => void;
}

/** Creates the process logger; level from CELERITY_LOG_LEVEL, format from CELERITY_LOG_FORMAT or the TTY. */
export function createLogger(options: LoggerOptions = {}, bound: Record<string, unknown> = {}): Logger {
  const level = options.level ?? (process.env.CELERITY_LOG_LEVEL as LogLevel | undefined) ?? "info";
  const format =
    options.format ??
    (process.env.CELERITY_LOG_FORMAT as "json" | "pretty" | undefined) ??
    (process.stderr.isTTY ? "pretty" : "json");
  const write = options.write ?? ((line: string) => process.stderr.write(line + "\n"));
  const emit = (at: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] < (ORDER[level] ?? 20)) return;
    const all = { ...bound, ...fields };
    if (format === "json") {
      write(JSON.stringify({ time: new Date().toISOString(), level: at, msg: message, ...all }));
    } else {
      const extra = Object.entries(all)
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" ");
      write(
        `${new Date().toISOString().slice(11, 23)} ${at.toUpperCase().padEnd(5)} ${message}${extra ? "  " + extra : ""}`,
      );
    }
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createLogger({ level, format, write }, { ...bound, ...fields }),
  };
}
