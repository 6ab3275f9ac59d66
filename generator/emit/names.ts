import { compareStrings } from "../../runtime/core/mod.ts";

/** Type names that types.ts declares itself and that task type names must not take. */
const RESERVED_TYPE_NAMES = new Set(["TaskArgs", "TaskResults", "TaskName"]);

/** Identifiers the generated code uses for one task. */
export interface TaskIdents {
  /** `EmailsSendWelcomeArgs` */
  argsType: string;
  /** `EmailsSendWelcomeResult` */
  resultType: string;
  /** `args_emails$send_welcome`: `$` cannot occur in a segment, so the mapping from names is one-to-one. */
  argsValidator: string;
  resultValidator: string;
}

/**
 * Assigns type and validator identifiers to every task. Type names are PascalCase of the name's
 * segments; when two names collapse to the same PascalCase (`a_b.c`, `a.b_c`), later names in sorted
 * order get a numeric suffix, so the assignment is stable for a given set of names.
 */
export function assignIdents(taskNames: readonly string[]): Map<string, TaskIdents> {
  const taken = new Set<string>();
  const out = new Map<string, TaskIdents>();
  for (const name of [...taskNames].sort(compareStrings)) {
    const pascal = pascalCase(name);
    let base = pascal;
    for (
      let n = 2;
      taken.has(base) || RESERVED_TYPE_NAMES.has(`${base}Args`) || RESERVED_TYPE_NAMES.has(`${base}Result`);
      n++
    ) {
      base = `${pascal}${n}`;
    }
    taken.add(base);
    const ident = name.replaceAll(".", "$");
    out.set(name, {
      argsType: `${base}Args`,
      resultType: `${base}Result`,
      argsValidator: `args_${ident}`,
      resultValidator: `result_${ident}`,
    });
  }
  return out;
}

function pascalCase(name: string): string {
  const words = name.split(/[._]+/).filter(Boolean);
  const joined = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return joined || "Task";
}

/** True when `text` can be written as an identifier (an unquoted property name or import binding). */
export function isIdentifier(text: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(text);
}
