export { parseStoredJson } from "../../core/mod.ts";

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
