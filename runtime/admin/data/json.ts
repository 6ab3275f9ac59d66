/**
 * Deepest nesting the admin renders as a value. The client refuses more than 32 levels, but records
 * can be written by anyone with Redis access, and JSON.stringify recurses: 100,000 levels overflow
 * the stack of the page that shows them.
 */
export const MAX_RENDERED_DEPTH = 64;

/**
 * Parses stored JSON; text that is not JSON, or that nests deeper than {@link MAX_RENDERED_DEPTH},
 * is returned as the string it is (shown, never run).
 */
export function parseStoredJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text === "") return null;
  if (nestsDeeperThan(text, MAX_RENDERED_DEPTH)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A stored number field (ms timestamps, counters); 0 and absent read as null where 0 means "none". */
export function msOrNull(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : null;
}

export function intOr(text: string | null | undefined, fallback: number): number {
  const n = Number(text);
  return text === null || text === undefined || text === "" || !Number.isFinite(n) ? fallback : n;
}

/** True when JSON text opens more than `limit` arrays/objects at once (one pass, strings skipped). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
