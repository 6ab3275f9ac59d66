import { TaskArgumentsError, type ArgumentViolation } from "../errors/task-arguments-error.ts";
import { TaskArgumentsTooLargeError } from "./limits.ts";

/** How many non-JSON values one error lists; the rest are counted, so a huge bad array stays readable. */
const MAX_LISTED = 10;

interface Node {
  value: unknown;
  depth: number;
  parent: Node | null;
  key: string | number;
}

/**
 * Checks, in one walk without recursion (hostile input cannot overflow the stack), that the
 * arguments nest no deeper than `maxDepth` and hold only values JSON keeps. `JSON.stringify`
 * throws a bare TypeError on a BigInt and silently drops functions and symbols (or turns them into
 * null in arrays), so the worker would receive something other than what the caller sent; each is
 * refused with its path instead. Objects with `toJSON` (a Date) are sent as what it returns.
 */
export function assertJsonArgs(taskName: string, args: unknown, maxDepth: number): void {
  const violations: ArgumentViolation[] = [];
  let more = 0;
  const refuse = (node: Node, message: string): void => {
    if (violations.length < MAX_LISTED) violations.push({ path: pathOf(node), message });
    else more++;
  };
  const root: Node = { value: args, depth: 1, parent: null, key: "" };
  const rootProblem = nonJson(args);
  if (rootProblem !== null) refuse(root, rootProblem);
  const stack: Node[] = [root];
  const visit = (parent: Node, key: string | number, child: unknown): void => {
    if (child === null) return;
    if (typeof child === "object") {
      stack.push({ value: child, depth: parent.depth + 1, parent, key });
      return;
    }
    const problem = nonJson(child);
    if (problem !== null) refuse({ value: child, depth: parent.depth + 1, parent, key }, problem);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const value = node.value;
    if (value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function") continue;
    if (node.depth > maxDepth) throw new TaskArgumentsTooLargeError(taskName, `nested deeper than ${maxDepth} levels`);
    if (Object.getOwnPropertySymbols(value).length > 0) refuse(node, "has a symbol key, which JSON cannot carry");
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) visit(node, i, value[i]);
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) visit(node, keys[i], (value as Record<string, unknown>)[keys[i]]);
    }
  }
  if (violations.length > 0) {
    if (more > 0) violations.push({ path: "args", message: `and ${more} more values JSON cannot carry` });
    throw new TaskArgumentsError(taskName, violations);
  }
}

function nonJson(value: unknown): string | null {
  switch (typeof value) {
    case "bigint":
      return "is a BigInt, which JSON cannot carry (send it as a string)";
    case "function":
      return "is a function, which JSON cannot carry";
    case "symbol":
      return "is a symbol, which JSON cannot carry";
    default:
      return null;
  }
}

/** `args.items[2].name`, built only for the values that are refused. */
function pathOf(node: Node): string {
  const parts: string[] = [];
  for (let n: Node | null = node; n !== null && n.parent !== null; n = n.parent) {
    parts.push(typeof n.key === "number" ? `[${n.key}]` : /^[A-Za-z_$][\w$]*$/.test(n.key) ? `.${n.key}` : `[${JSON.stringify(n.key)}]`);
  }
  return "args" + parts.reverse().join("");
}
