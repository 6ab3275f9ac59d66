import { isIdentifier } from "../names.ts";

/**
 * A string literal the way prettier prints it: double quotes unless the string contains more
 * double than single quotes; escapes otherwise as JSON writes them.
 */
export function printString(value: string): string {
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const json = JSON.stringify(value);
  if (doubles <= singles) return json;
  const inner = json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${inner}'`;
}

/** A property key: bare when it is an (ASCII) identifier, as prettier's `quoteProps: "as-needed"` leaves it. */
export function printKey(key: string): string {
  return isIdentifier(key) ? key : printString(key);
}

/**
 * prettier unquotes keys that are identifiers by Unicode rules too; this printer quotes
 * non-ASCII keys, so those are left to prettier.
 */
export function isRiskyKey(key: string): boolean {
  return /[^\x00-\x7f]/.test(key);
}

/** A number as prettier prints it (JSON's `1e+21` becomes `1e21`). */
export function printNumber(value: number): string {
  return JSON.stringify(value).toLowerCase().replace("e+", "e");
}
