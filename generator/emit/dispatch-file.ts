import { relative } from "node:path";
import { compareStrings } from "../../runtime/core/mod.ts";
import { withImportExtension } from "../tsconfig/import-extension.ts";
import { siblingImports, type EmitContext } from "./context.ts";
import { PRINT_WIDTH, type Printed } from "./print/layout.ts";
import { printKey, printString } from "./print/strings.ts";
import { renderTemplate } from "./templates.ts";

/** Names dispatch.ts declares itself; a handler export with one of these names is imported under an alias. */
const RESERVED = new Set(["dispatch", "Handler", "Handlers", "TaskArgs", "TaskName", "TaskResults"]);

/**
 * dispatch.ts: imports every handler and lists it under its task name in a table typed
 * `Handlers`, so a handler that disagrees with the manifest is a type error on its entry.
 */
export function emitDispatch(context: EmitContext): Printed {
  const { manifest } = context;
  // module specifier -> export name -> local binding
  const bindings = new Map<string, Map<string, string>>();
  for (const task of manifest.tasks) {
    const module = importSpecifier(context, task.handler.file);
    if (!bindings.has(module)) bindings.set(module, new Map());
    bindings.get(module)!.set(task.handler.exportName, "");
  }
  const used = new Set(RESERVED);
  const modules = [...bindings.keys()].sort(compareStrings);
  for (const module of modules) {
    const names = bindings.get(module)!;
    for (const exportName of [...names.keys()].sort(compareStrings)) {
      const wanted = exportName === "default" ? `${moduleStem(module)}Default` : exportName;
      let local = wanted;
      for (let n = 2; used.has(local); n++) local = `${wanted}${n}`;
      used.add(local);
      names.set(exportName, local);
    }
  }
  const imports = modules.map((module) => {
    const names = bindings.get(module)!;
    const specifiers = [...names.keys()]
      .sort(compareStrings)
      .map((exportName) =>
        names.get(exportName) === exportName ? exportName : `${exportName} as ${names.get(exportName)}`,
      );
    const from = printString(module);
    const oneLine = `import { ${specifiers.join(", ")} } from ${from};`;
    // prettier's layout for an import that does not fit: one specifier per line.
    return {
      line:
        oneLine.length <= PRINT_WIDTH
          ? oneLine
          : `import {\n${specifiers.map((s) => `  ${s},`).join("\n")}\n} from ${from};`,
    };
  });
  const entries = manifest.tasks.map((task) => ({
    key: printKey(task.name),
    local: bindings.get(importSpecifier(context, task.handler.file))!.get(task.handler.exportName)!,
    comment: `${task.name}: ${task.handler.module}#${task.handler.exportName}`,
  }));
  const text = renderTemplate("dispatch.ts", {
    header: context.header,
    runtimeImport: context.runtimeImport,
    ...siblingImports(context),
    sourceName: manifest.sourceName,
    imports,
    entries,
  });
  return { text, risky: false };
}

/**
 * The handler module as imported from the output directory: relative, `/`-separated, its
 * TypeScript extension kept or written as the JavaScript one tsc emits (`.ts` -> `.js`).
 */
function importSpecifier(context: EmitContext, file: string): string {
  const rel = relative(context.outDir, file).split("\\").join("/");
  return withImportExtension(rel.startsWith(".") ? rel : `./${rel}`, context.importExtension);
}

function moduleStem(module: string): string {
  const base = module.slice(module.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "");
  const camel = base.replace(/[^A-Za-z0-9_$]+(.)?/g, (_m, next: string | undefined) =>
    next ? next.toUpperCase() : "",
  );
  return /^[A-Za-z_$]/.test(camel) ? camel : `_${camel}`;
}
