import { TaskArgumentsError, type ArgumentViolation } from "../errors/task-arguments-error.ts";
import { TaskArgumentsTooLargeError } from "./limits.ts";

/** How many non-JSON values one error lists; the rest are counted, so a huge bad array stays readable. */
const MAX_LISTED = 10;

/** An object or array still to look into, with the way back to the root (for error paths). */
interface Node {
  value: object;
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
  // Made at the first refusal, and no closure per call: this walk runs on every enqueue, and most
  // find nothing.
  let refusals: Refusals | null = null;
  if (typeof args !== "object" || args === null) {
    const problem = nonJson(args);
    if (problem !== null) throw new TaskArgumentsError(taskName, [{ path: "args", message: problem }]);
    return;
  }
  const stack: Node[] = [{ value: args, depth: 1, parent: null, key: "" }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const value = node.value;
    const proto = Object.getPrototypeOf(value);
    // Plain objects and arrays are walked; anything else with toJSON is sent as what that returns.
    if (
      proto !== Object.prototype &&
      proto !== Array.prototype &&
      proto !== null &&
      typeof (value as { toJSON?: unknown }).toJSON === "function"
    )
      continue;
    if (node.depth > maxDepth) throw new TaskArgumentsTooLargeError(taskName, `nested deeper than ${maxDepth} levels`);
    if (Object.getOwnPropertySymbols(value).length > 0)
      (refusals ??= new Refusals()).add(node.parent, node.key, "has a symbol key, which JSON cannot carry");
    const isArray = Array.isArray(value);
    const keys = isArray ? null : Object.keys(value);
    const count = isArray ? value.length : keys!.length;
    // Inlined rather than a helper per child: this walk runs on every enqueue.
    for (let i = count - 1; i >= 0; i--) {
      const key = isArray ? i : keys![i];
      const child = (value as Record<string | number, unknown>)[key];
      const type = typeof child;
      if (type === "object") {
        if (child !== null) stack.push({ value: child as object, depth: node.depth + 1, parent: node, key });
      } else if (type === "bigint" || type === "function" || type === "symbol") {
        (refusals ??= new Refusals()).add(node, key, nonJson(child)!);
      }
    }
  }
  if (refusals !== null) throw new TaskArgumentsError(taskName, (refusals as Refusals).list());
}

/** The values refused so far: the first {@link MAX_LISTED} with their paths, the rest counted. */
class Refusals {
  readonly #listed: ArgumentViolation[] = [];
  #more = 0;

  add(parent: Node | null, key: string | number, message: string): void {
    if (this.#listed.length < MAX_LISTED) this.#listed.push({ path: pathOf(parent, key), message });
    else this.#more++;
  }

  list(): ArgumentViolation[] {
    const more = this.#more;
    return more > 0
      ? [...this.#listed, { path: "args", message: `and ${more} more values JSON cannot carry` }]
      : this.#listed;
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
function pathOf(parent: Node | null, key: string | number): string {
  const parts: string[] = [];
  const push = (k: string | number) =>
    parts.push(typeof k === "number" ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);
  if (parent !== null) push(key);
  for (let n: Node | null = parent; n !== null && n.parent !== null; n = n.parent) push(n.key);
  return "args" + parts.reverse().join("");
}
