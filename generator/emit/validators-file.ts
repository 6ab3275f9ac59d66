import { compareStrings } from "../../runtime/core/mod.ts";
import { standaloneCode } from "../util/ajv.ts";
import type { EmitContext } from "./context.ts";
import type { Printed } from "./print/layout.ts";
import { renderTemplate } from "./templates.ts";

/**
 * validators.js: ajv standalone ESM code exporting `args_<task>` and `result_<task>`. ajv's ESM
 * mode still writes `require(...)` for its runtime helpers and ajv-formats; those become imports
 * so the file is a real ES module. ajv prints one statement per line; the lines are indented by
 * brace depth here. prettier is not run on this file: it is machine code of several megabytes for
 * a large manifest, where prettier alone would take seconds.
 */
export function emitValidatorsJs(context: EmitContext): Printed {
  const { schemas, idents } = context;
  const exportsToKeys: Record<string, string> = {};
  for (const task of context.manifest.tasks) {
    const keys = schemas.keys.get(task.name)!;
    const ident = idents.get(task.name)!;
    exportsToKeys[ident.argsValidator] = keys.args;
    if (keys.result) exportsToKeys[ident.resultValidator] = keys.result;
  }
  const raw = standaloneCode(schemas.ajv, exportsToKeys);
  const imports = new Map<string, string>();
  const code = raw.replace(/^"use strict";\n?/, "").replace(/require\("([^"]+)"\)/g, (_match, module: string) => {
    const specifier = /\.[cm]?js$/.test(module) ? module : `${module}.js`;
    let local = imports.get(specifier);
    if (!local) {
      local = `__${specifier.replace(/\.[cm]?js$/, "").replace(/[^A-Za-z0-9]+/g, "_")}`;
      imports.set(specifier, local);
    }
    return local;
  });
  const text = renderTemplate("validators.js", {
    header: context.header,
    imports: [...imports]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([module, local]) => ({ module: JSON.stringify(module), local })),
    code: indentByBraces(code).trimEnd(),
  });
  return { text, risky: false };
}

/** Indents each line by two spaces per open `{` (outside string literals); blank runs collapse to one. */
function indentByBraces(code: string): string {
  let depth = 0;
  const out: string[] = [];
  for (const rawLine of code.split("\n")) {
    const line = rawLine.trim();
    if (!line) {
      if (out.length && out.at(-1) !== "") out.push("");
      continue;
    }
    const closing = /^}+/.exec(line)?.[0].length ?? 0;
    out.push(`${"  ".repeat(Math.max(0, depth - closing))}${line}`);
    depth = Math.max(0, depth + braceBalance(line));
  }
  return out.join("\n");
}

function braceBalance(line: string): number {
  let balance = 0;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "{") balance++;
    else if (ch === "}") balance--;
  }
  return balance;
}

/** validators.d.ts: declares each validator as the runtime's `ValidateFunction`. */
export function emitValidatorsDts(context: EmitContext): Printed {
  const tasks = context.manifest.tasks.map((task) => ({
    name: task.name,
    ...context.idents.get(task.name)!,
    hasResult: context.schemas.keys.get(task.name)!.result !== null,
  }));
  const text = renderTemplate("validators.d.ts", { header: context.header, runtimeImport: context.runtimeImport, tasks });
  return { text, risky: false };
}
