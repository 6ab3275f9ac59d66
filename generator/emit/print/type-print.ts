import { docComment } from "../doc-comment.ts";
import { fits, spaces, type Printed, type Slot } from "./layout.ts";
import { isRiskyKey, printKey } from "./strings.ts";
import type { TsMember, TsType } from "./type-ast.ts";

/**
 * A type on one line, or null when it contains an object type (those are always printed
 * expanded, one member per line, which prettier keeps because the source has a line break after `{`).
 */
export function flatType(type: TsType): string | null {
  switch (type.kind) {
    case "name":
      return type.text;
    case "union":
    case "intersection": {
      const parts = type.members.map((member) => {
        const text = flatType(member);
        if (text === null) return null;
        // prettier parenthesizes an intersection inside a union and a union inside an intersection.
        const nested = member.kind === "union" || member.kind === "intersection";
        return nested ? `(${text})` : text;
      });
      return parts.includes(null) ? null : parts.join(type.kind === "union" ? " | " : " & ");
    }
    case "array": {
      const element = flatType(type.element);
      return element === null ? null : `Array<${element}>`;
    }
    case "tuple": {
      const parts = [...type.elements, ...(type.rest ? [type.rest] : [])].map(flatType);
      if (parts.includes(null)) return null;
      if (type.rest) parts[parts.length - 1] = `...Array<${parts.at(-1)!}>`;
      return `[${parts.join(", ")}]`;
    }
    case "object":
      return null;
  }
}

/**
 * A type in the position of a property's type (`key: <type>;`) or an alias's right-hand side,
 * laid out as prettier does: one line when it fits; an object expanded; `{ ... } | null` and
 * `Array<{ ... }>` hugging the object; a too-long union on the next line or one member per line.
 * Anything else that does not fit is marked risky. A result starting with a line break goes
 * right after the `:` or `=`.
 */
export function printType(type: TsType, slot: Slot & { position: "member" | "alias" }): Printed {
  const flat = flatType(type);
  if (flat !== null) {
    if (fits(flat, slot)) return { text: flat, risky: false };
    if (type.kind === "union") {
      // prettier's union layout: the whole union on the next line, indented, when it fits there;
      // else one member per line, each after a `| `.
      const inner = slot.indent + 2;
      if (fits(flat, { indent: inner, column: inner, trail: slot.trail }))
        return { text: `\n${spaces(inner)}${flat}`, risky: false };
      const lines = type.members.map((member) => `${spaces(inner)}| ${flatMember(member)}`);
      return { text: `\n${lines.join("\n")}`, risky: false };
    }
    return { text: flat, risky: true };
  }
  if (type.kind === "object") return printObject(type, slot.indent);
  if (type.kind === "union" && type.members.length === 2 && type.members[0]!.kind === "object") {
    const other = type.members[1]!;
    if (other.kind === "name" && other.text === "null") {
      const object = printObject(type.members[0], slot.indent);
      return { text: `${object.text} | null`, risky: object.risky };
    }
  }
  if (type.kind === "array" && type.element.kind === "object") {
    const object = printObject(type.element, slot.indent);
    return { text: `Array<${object.text}>`, risky: object.risky };
  }
  return { text: roughType(type), risky: true };
}

function flatMember(type: TsType): string {
  const text = flatType(type)!;
  return type.kind === "intersection" ? `(${text})` : text;
}

/** An object type, expanded, its closing brace at `indent`. */
export function printObject(type: Extract<TsType, { kind: "object" }>, indent: number): Printed {
  const inner = indent + 2;
  let risky = false;
  const lines: string[] = [];
  for (const member of type.members) {
    const printed = printMember(member, inner);
    risky ||= printed.risky;
    lines.push(printed.text);
  }
  if (type.index) {
    const lead = `${spaces(inner)}[key: string]:`;
    const printed = printType(type.index, { indent: inner, column: lead.length + 1, trail: 1, position: "member" });
    risky ||= printed.risky;
    lines.push(`${lead}${printed.text.startsWith("\n") ? "" : " "}${printed.text};`);
  }
  if (lines.length === 0) return { text: "{}", risky };
  return { text: `{\n${lines.join("\n")}\n${spaces(indent)}}`, risky };
}

function printMember(member: TsMember, indent: number): Printed {
  const doc = docComment(member.doc);
  const docLines = doc
    ? `${doc
        .split("\n")
        .map((line) => `${spaces(indent)}${line}`)
        .join("\n")}\n`
    : "";
  const lead = `${spaces(indent)}${member.readonly ? "readonly " : ""}${printKey(member.key)}${member.optional ? "?" : ""}:`;
  const printed = printType(member.type, { indent, column: lead.length + 1, trail: 1, position: "member" });
  const separator = printed.text.startsWith("\n") ? "" : " ";
  return { text: `${docLines}${lead}${separator}${printed.text};`, risky: printed.risky || isRiskyKey(member.key) };
}

/** Some valid rendering of any type, for prettier to lay out. */
function roughType(type: TsType): string {
  switch (type.kind) {
    case "object":
      return printObject(type, 0).text;
    case "union":
    case "intersection":
      return type.members.map((member) => `(${roughType(member)})`).join(type.kind === "union" ? " | " : " & ");
    case "array":
      return `Array<${roughType(type.element)}>`;
    case "tuple": {
      const parts = type.elements.map(roughType);
      if (type.rest) parts.push(`...Array<${roughType(type.rest)}>`);
      return `[${parts.join(", ")}]`;
    }
    case "name":
      return type.text;
  }
}
