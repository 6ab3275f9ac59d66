import { compareStrings } from "../../runtime/core/mod.ts";
import { standaloneCode } from "../util/ajv.ts";
import type { EmitContext } from "./context.ts";
import type { Printed } from "./print/layout.ts";
import { renderTemplate } from "./templates.ts";

/**
 * validators.ts: ajv standalone ESM code exporting `args_<task>` and `result_<task>`, each typed
 * `ValidateFunction`. It is a TypeScript module (under `@ts-nocheck`) so that a user's `tsc` build
 * emits it beside the rest, with no `allowJs`. ajv's ESM mode still writes `require(...)` for its
 * runtime helpers and ajv-formats; those become namespace imports read through an interop helper
 * that agrees across Node, Deno and Bun. ajv prints one statement per line; the lines are indented
 * by brace depth here. prettier is not run on this file: it is machine code of several megabytes
 * for a large manifest, where prettier alone would take seconds.
 */
export function emitValidators(context: EmitContext): Printed {
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
  const code = raw
    .replace(/^"use strict";\n?/, "")
    .replace(/require\("([^"]+)"\)/g, (_match, module: string) => {
      const specifier = /\.[cm]?js$/.test(module) ? module : `${module}.js`;
      let local = imports.get(specifier);
      if (!local) {
        local = `__${specifier.replace(/\.[cm]?js$/, "").replace(/[^A-Za-z0-9]+/g, "_")}`;
        imports.set(specifier, local);
      }
      return local;
    })
    .replace(/^export const ([A-Za-z_$][\w$]*) = /gm, (line, name: string) =>
      Object.hasOwn(exportsToKeys, name) ? `export const ${name}: ValidateFunction = ` : line,
    );
  const text = renderTemplate("validators.ts", {
    header: context.header,
    runtimeImport: context.runtimeImport,
    imports: [...imports]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([module, local]) => ({ module: JSON.stringify(module), local, namespace: `${local}_namespace` })),
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
