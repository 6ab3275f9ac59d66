import { isRecord } from "../../../runtime/core/mod.ts";
import { fits, spaces, type Printed, type Slot } from "./layout.ts";
import { printNumber } from "./strings.ts";

/**
 * A JSON document as prettier's json parser prints JSON.stringify-style input: objects expanded
 * (prettier keeps an object expanded when its source has a line break after `{`), arrays on one
 * line when they fit and hold nothing expanded, else one element per line.
 */
export function printJson(value: unknown): Printed {
  const printed = printValue(value, { indent: 0, column: 0, trail: 0 });
  return { text: `${printed.text}\n`, risky: printed.risky };
}

function printValue(value: unknown, slot: Slot): Printed {
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return { text: "{}", risky: false };
    const inner = slot.indent + 2;
    let risky = false;
    const lines = entries.map(([key, item], index) => {
      const lead = `${JSON.stringify(key)}: `;
      const last = index === entries.length - 1;
      const printed = printValue(item, { indent: inner, column: inner + lead.length, trail: last ? 0 : 1 });
      risky ||= printed.risky;
      return `${spaces(inner)}${lead}${printed.text}${last ? "" : ","}`;
    });
    return { text: `{\n${lines.join("\n")}\n${spaces(slot.indent)}}`, risky };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { text: "[]", risky: false };
    const inner = slot.indent + 2;
    const flatItems = value.map((item) => printValue(item, { indent: inner, column: 0, trail: 0 }));
    const flat = `[${flatItems.map((item) => item.text).join(", ")}]`;
    const concise =
      value.length > 1 &&
      (value.every((item) => isRecord(item) && Object.keys(item).length > 1) ||
        value.every((item) => Array.isArray(item) && item.length > 1));
    if (!concise && fits(flat, slot)) return { text: flat, risky: flatItems.some((item) => item.risky) };
    // prettier fills number arrays across lines; leave that layout to prettier.
    if (value.every((item) => typeof item === "number")) return { text: flat, risky: true };
    let risky = false;
    const lines = value.map((item, index) => {
      const last = index === value.length - 1;
      const printed = printValue(item, { indent: inner, column: inner, trail: last ? 0 : 1 });
      risky ||= printed.risky;
      return `${spaces(inner)}${printed.text}${last ? "" : ","}`;
    });
    return { text: `[\n${lines.join("\n")}\n${spaces(slot.indent)}]`, risky };
  }
  if (typeof value === "number") return { text: printNumber(value), risky: false };
  return { text: JSON.stringify(value ?? null), risky: false };
}
