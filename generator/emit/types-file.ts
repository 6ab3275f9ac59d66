import type { EmitContext } from "./context.ts";
import { docComment } from "./doc-comment.ts";
import type { Printed } from "./print/layout.ts";
import { named } from "./print/type-ast.ts";
import { printObject } from "./print/type-print.ts";
import { schemaToDeclaration } from "./schema-to-ts.ts";
import { renderTemplate } from "./templates.ts";

/** types.ts: per task an args and a result type from its JSON Schemas, and the name-indexed maps. */
export function emitTypes(context: EmitContext): Printed {
  const { manifest, idents } = context;
  let risky = false;
  const tasks = manifest.tasks.map((task) => {
    const ident = idents.get(task.name)!;
    const args = schemaToDeclaration(ident.argsType, task.args, { optionalDefaults: true });
    const result = schemaToDeclaration(ident.resultType, task.result ?? true);
    risky ||= args.risky || result.risky;
    return {
      argsDoc: docComment([`Arguments of \`${task.name}\`.`, task.description]),
      argsDeclaration: args.text,
      resultDoc: docComment([`Result of \`${task.name}\`.`]),
      resultDeclaration: result.text,
    };
  });
  const map = (pick: "argsType" | "resultType") =>
    printObject(
      {
        kind: "object",
        members: manifest.tasks.map((task) => ({
          key: task.name,
          optional: false,
          type: named(idents.get(task.name)![pick]),
          doc: [],
        })),
        index: null,
      },
      0,
    ).text;
  const text = renderTemplate("types.ts", {
    header: context.header,
    sourceName: manifest.sourceName,
    tasks,
    argsMap: map("argsType"),
    resultsMap: map("resultType"),
  });
  return { text, risky };
}
