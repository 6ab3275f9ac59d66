import { standaloneCode } from "../util/ajv.ts";
import type { EmitContext } from "./context.ts";
import { renderTemplate } from "./templates.ts";

/**
 * validators.js: ajv standalone ESM code exporting `args_<task>` and `result_<task>`. ajv's ESM
 * mode still writes `require(...)` for its runtime helpers and ajv-formats; those become imports
 * so the file is a real ES module.
 */
export function emitValidatorsJs(context: EmitContext): string {
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
  const code = raw.replace(/^"use strict";/, "").replace(/require\("([^"]+)"\)/g, (_match, module: string) => {
    const specifier = /\.[cm]?js$/.test(module) ? module : `${module}.js`;
    let local = imports.get(specifier);
    if (!local) {
      local = `__${specifier.replace(/\.[cm]?js$/, "").replace(/[^A-Za-z0-9]+/g, "_")}`;
      imports.set(specifier, local);
    }
    return local;
  });
  return renderTemplate("validators.js", {
    header: context.header,
    imports: [...imports].sort(([a], [b]) => (a < b ? -1 : 1)).map(([module, local]) => ({ module, local })),
    code,
  });
}

/** validators.d.ts: declares each validator as the runtime's `ValidateFunction`. */
export function emitValidatorsDts(context: EmitContext): string {
  const tasks = context.manifest.tasks.map((task) => ({
    name: task.name,
    ...context.idents.get(task.name)!,
    hasResult: context.schemas.keys.get(task.name)!.result !== null,
  }));
  return renderTemplate("validators.d.ts", { header: context.header, runtimeImport: context.runtimeImport, tasks });
}
