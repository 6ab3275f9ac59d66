/** JSON whose text depends only on the value: object keys in code-point order, whatever the insertion order or the locale. */

/** Locale-independent string order, so output does not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Plain objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A deep copy of `value` with every object's keys in code-point order. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareStrings)) out[key] = sortKeysDeep(value[key]);
    return out;
  }
  return value;
}

/** `JSON.stringify` with sorted keys, so two equal values always compare equal as strings. */
export function sortedJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}
