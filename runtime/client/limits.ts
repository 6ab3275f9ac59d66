import { CelerityError } from "../errors/celerity-error.ts";

/** Arguments too large or too deeply nested to send; thrown before anything is enqueued. */
export class TaskArgumentsTooLargeError extends CelerityError {
  constructor(taskName: string, detail: string) {
    super("TASK_ARGUMENTS_TOO_LARGE", `arguments of task "${taskName}" are rejected: ${detail}`);
  }
}

export interface ArgsLimits {
  /** Largest serialized argument object, in bytes (default 1 MiB). */
  maxBytes: number;
  /** Deepest nesting of objects and arrays (default 32). */
  maxDepth: number;
}

export const DEFAULT_ARGS_LIMITS: ArgsLimits = { maxBytes: 1 << 20, maxDepth: 32 };

/** Fails fast on nesting deeper than allowed, without recursion (so hostile input cannot overflow the stack). */
export function assertDepth(taskName: string, value: unknown, maxDepth: number): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth > maxDepth) throw new TaskArgumentsTooLargeError(taskName, `nested deeper than ${maxDepth} levels`);
    for (const child of Object.values(node))
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
}

export function assertSize(taskName: string, json: string, maxBytes: number): void {
  const bytes = Buffer.byteLength(json);
  if (bytes > maxBytes)
    throw new TaskArgumentsTooLargeError(taskName, `${bytes} bytes serialized, the limit is ${maxBytes}`);
}
