import { parseStoredJson as parseJson } from "../../core/mod.ts";

/**
 * Deepest nesting the admin renders as a value. The client refuses more than 32 levels, but records
 * can be written by anyone with Redis access, and JSON.stringify recurses: 100,000 levels overflow
 * the stack of the page that shows them.
 */
export const MAX_RENDERED_DEPTH = 64;

/**
 * Parses stored JSON for display; text that is not JSON, or that nests deeper than
 * {@link MAX_RENDERED_DEPTH}, is returned as the string it is (shown, never run).
 */
export function parseStoredJson(text: string | null | undefined): unknown {
  return parseJson(text, { maxDepth: MAX_RENDERED_DEPTH });
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
