import { isRecord } from "./sorted-json.ts";

/**
 * Parses JSON read back from Redis. Absent or empty reads as null; text that is not JSON is returned
 * as the string it is, so that a broken record can still be shown (never run).
 */
export function parseStoredJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Stored JSON that must be an object: anything else (absent, not JSON, an array, a number) reads as null. */
export function parseStoredObject(text: string | null | undefined): Record<string, unknown> | null {
  const value = parseStoredJson(text);
  return isRecord(value) ? value : null;
}
