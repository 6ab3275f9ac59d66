import { compareStrings } from "../../runtime/core/mod.ts";
import { siblingImports, type EmitContext } from "./context.ts";
import type { Printed } from "./print/layout.ts";
import { printString } from "./print/strings.ts";
import { named, type TsMember, type TsType } from "./print/type-ast.ts";
import { printObject } from "./print/type-print.ts";
import { renderTemplate } from "./templates.ts";

interface TreeNode {
  children: Map<string, TreeNode>;
  task?: { name: string; description: string | null };
}

/** client.ts: the `Tasks` tree type (dotted names as nested objects) and `createClient`. */
export function emitClient(context: EmitContext): Printed {
  const root: TreeNode = { children: new Map() };
  for (const task of context.manifest.tasks) {
    let node = root;
    for (const segment of task.name.split(".")) {
      let child = node.children.get(segment);
      if (!child) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.task = { name: task.name, description: task.description };
  }
  const tree = printObject(treeType(root), 0);
  const text = renderTemplate("client.ts", {
    header: context.header,
    runtimeImport: context.runtimeImport,
    ...siblingImports(context),
    sourceName: context.manifest.sourceName,
    tree: tree.text,
    exampleTask: context.manifest.tasks[0]?.name ?? "some.task",
  });
  return { text, risky: tree.risky };
}

function treeType(node: TreeNode): Extract<TsType, { kind: "object" }> {
  const members: TsMember[] = [...node.children.keys()].sort(compareStrings).map((segment) => {
    const child = node.children.get(segment)!;
    const type = child.task ? named(`TaskHandleOf<${printString(child.task.name)}>`) : treeType(child);
    return {
      key: segment,
      optional: false,
      readonly: true,
      type,
      doc: child.task?.description ? [child.task.description] : [],
    };
  });
  return { kind: "object", members, index: null };
}
