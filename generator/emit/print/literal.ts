import { isRecord } from "../../../runtime/core/mod.ts";
import { fits, spaces, type Printed, type Slot } from "./layout.ts";
import { isRiskyKey, printKey, printNumber, printString } from "./strings.ts";

/**
 * A JSON value as a JS expression, laid out as prettier would: on one line when it fits, else
 * objects one property per line and arrays one element per line. Arrays of several objects
 * (each with more than one property) or of several arrays always break, as in prettier.
 */
export function printLiteral(value: unknown, slot: Slot): Printed {
  const flat = flatLiteral(value);
  if (!mustBreak(value) && fits(flat.text, slot)) return flat;
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => typeof item === "number")) {
      // prettier fills number arrays across lines; leave that layout to prettier.
      return { text: flat.text, risky: true };
    }
    return broken(
      value.map((item) => ({ lead: "", item })),
      { open: "[", close: "]", slot },
    );
  }
  if (isRecord(value) && Object.keys(value).length > 0) {
    return broken(
      Object.entries(value).map(([key, item]) => ({ lead: `${printKey(key)}: `, item, risky: isRiskyKey(key) })),
      { open: "{", close: "}", slot },
    );
  }
  return flat;
}

/** The one-line form. */
export function flatLiteral(value: unknown): Printed {
  if (value === null || value === undefined) return { text: "null", risky: false };
  if (typeof value === "string") return { text: printString(value), risky: false };
  if (typeof value === "number") return { text: printNumber(value), risky: false };
  if (typeof value === "boolean") return { text: String(value), risky: false };
  if (Array.isArray(value)) {
    const items = value.map(flatLiteral);
    return { text: `[${items.map((item) => item.text).join(", ")}]`, risky: items.some((item) => item.risky) };
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return { text: "{}", risky: false };
    const items = entries.map(([key, item]) => ({ key, printed: flatLiteral(item) }));
    return {
      text: `{ ${items.map(({ key, printed }) => `${printKey(key)}: ${printed.text}`).join(", ")} }`,
      risky: items.some(({ key, printed }) => printed.risky || isRiskyKey(key)),
    };
  }
  return { text: "null", risky: true };
}

/** prettier's rule: an array of more than one element, all objects with 2+ keys or all arrays with 2+ items, breaks. */
function mustBreak(value: unknown): boolean {
  if (!Array.isArray(value) || value.length < 2) return false;
  const allObjects = value.every((item) => isRecord(item) && Object.keys(item).length > 1);
  const allArrays = value.every((item) => Array.isArray(item) && item.length > 1);
  return allObjects || allArrays;
}

function broken(
  entries: ReadonlyArray<{ lead: string; item: unknown; risky?: boolean }>,
  layout: { open: string; close: string; slot: Slot },
): Printed {
  const inner = layout.slot.indent + 2;
  let risky = false;
  const lines = entries.map(({ lead, item, risky: keyRisky }) => {
    const printed = printLiteral(item, { indent: inner, column: inner + lead.length, trail: 1 });
    risky ||= printed.risky || Boolean(keyRisky);
    // prettier moves a string that does not fit to the next line, unless the key is shorter than
    // tabWidth + 3 (then the break would gain too little).
    if (
      typeof item === "string" &&
      lead.length - 2 >= 5 &&
      !fits(printed.text, { indent: inner, column: inner + lead.length, trail: 1 })
    ) {
      return `${spaces(inner)}${lead.trimEnd()}\n${spaces(inner + 2)}${printed.text},`;
    }
    return `${spaces(inner)}${lead}${printed.text},`;
  });
  return { text: `${layout.open}\n${lines.join("\n")}\n${spaces(layout.slot.indent)}${layout.close}`, risky };
}
