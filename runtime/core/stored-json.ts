import { isRecord } from "./sorted-json.ts";

/** How stored JSON is read. */
export interface StoredJsonOptions {
  /** Text nesting more arrays/objects than this is returned as the string it is (for code that recurses over the value). */
  maxDepth?: number;
}

/**
 * Parses JSON read back from Redis. Absent or empty reads as null; text that is not JSON is returned
 * as the string it is, so that a broken record can still be shown (never run).
 */
export function parseStoredJson(text: string | null | undefined, options: StoredJsonOptions = {}): unknown {
  if (text === null || text === undefined || text === "") return null;
  if (options.maxDepth !== undefined && nestsDeeperThan(text, options.maxDepth)) return text;
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

/** True when JSON text opens more than `limit` arrays/objects at once (one pass, strings skipped). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
