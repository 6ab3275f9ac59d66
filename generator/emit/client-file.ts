import { compareStrings } from "../util/json.ts";
import type { EmitContext } from "./context.ts";
import { isIdentifier } from "./names.ts";
import { renderTemplate } from "./templates.ts";

interface TreeNode {
  children: Map<string, TreeNode>;
  task?: string;
}

/** client.ts: the `Tasks` tree type (dotted names as nested objects) and `createClient`. */
export function emitClient(context: EmitContext): string {
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
    node.task = task.name;
  }
  return renderTemplate("client.ts", {
    header: context.header,
    runtimeImport: context.runtimeImport,
    tree: renderTree(root, context),
    exampleTask: context.manifest.tasks[0]?.name ?? "some.task",
  });
}

function renderTree(node: TreeNode, context: EmitContext): string {
  const members = [...node.children.keys()].sort(compareStrings).map((segment) => {
    const child = node.children.get(segment)!;
    const key = isIdentifier(segment) ? segment : JSON.stringify(segment);
    if (child.task !== undefined) {
      const name = JSON.stringify(child.task);
      const task = context.manifest.tasks.find((candidate) => candidate.name === child.task);
      const doc = task?.description ? `/** ${task.description.replace(/\*\//g, "*\\/").replace(/\s*\n\s*/g, " ")} */\n` : "";
      return `${doc}readonly ${key}: TaskHandle<TaskArgs[${name}], TaskResults[${name}]>;`;
    }
    return `readonly ${key}: ${renderTree(child, context)};`;
  });
  return members.length ? `{\n${members.join("\n")}\n}` : "{}";
}
