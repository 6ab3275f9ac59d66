import { errorNames } from "../retry/error-names.ts";
import type { StoredError } from "../task/types.ts";

/** Turns anything thrown into the stored form: name, message, stack and the class chain. */
export function serializeError(error: unknown): StoredError {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack, chain: errorNames(error) };
  }
  return { name: "Error", message: typeof error === "string" ? error : safeJson(error), chain: ["Error"] };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
