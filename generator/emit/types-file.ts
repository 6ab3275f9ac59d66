import { docComment } from "./doc-comment.ts";
import type { EmitContext } from "./context.ts";
import { schemaToDeclaration } from "./schema-to-ts.ts";
import { renderTemplate } from "./templates.ts";

/** types.ts: per task an args and a result type from its JSON Schemas, and the name-indexed maps. */
export function emitTypes(context: EmitContext): string {
  const { manifest, idents } = context;
  const tasks = manifest.tasks.map((task) => {
    const ident = idents.get(task.name)!;
    return {
      name: task.name,
      argsType: ident.argsType,
      resultType: ident.resultType,
      argsDoc: docComment([`Arguments of \`${task.name}\`.`, task.description]),
      argsDeclaration: schemaToDeclaration(ident.argsType, task.args, { optionalDefaults: true }),
      resultDoc: docComment([`Result of \`${task.name}\`.`]),
      resultDeclaration: schemaToDeclaration(ident.resultType, task.result ?? true),
    };
  });
  return renderTemplate("types.ts", { header: context.header, sourceName: manifest.sourceName, tasks });
}
