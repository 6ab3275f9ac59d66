/** Wording shared by the error messages. */

import type { PathSegment } from "../manifest/locate.ts";

/** A value as a short phrase: `a string ("high")`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `a string (${JSON.stringify(value)})`;
    case "number":
      return `a number (${value})`;
    case "boolean":
      return String(value);
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}

/** A value as it would be written in the manifest: strings quoted, scalars as is. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** How a path is named in a message: the last key, with list indexes (`autoretry_for[1]`). */
export function pathLabel(path: readonly PathSegment[]): string {
  let label = "";
  for (const segment of path) {
    label = typeof segment === "number" ? `${label}[${segment}]` : segment;
  }
  return path.length === 0 ? "the manifest" : `"${label}"`;
}

/** Joins names as `a, b, c`. */
export function listNames(names: readonly string[]): string {
  return names.join(", ");
}
