// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:6211fa06038e5345
import type { Handler } from "celerity";
import type { TaskArgs, TaskName, TaskResults } from "./types.ts";

/**
 * Declares the handler of task `name` (the name only picks the types): `fn` gets the task's
 * argument type and must return its result type, so a handler that disagrees with tasks.yaml
 * fails type checking at its own line.
 *
 * @example
 * export const add = defineHandler("math.add", ({ a, b }, ctx) => {
 *   ctx.log.info("adding", { a, b });
 *   return a + b;
 * });
 */
export function defineHandler<K extends TaskName>(
  name: K,
  fn: Handler<TaskArgs[K], TaskResults[K]>,
): Handler<TaskArgs[K], TaskResults[K]>;
// The implementation ignores the name (it only picks the types above); `_` keeps noUnusedParameters quiet.
export function defineHandler<K extends TaskName>(
  _name: K,
  fn: Handler<TaskArgs[K], TaskResults[K]>,
): Handler<TaskArgs[K], TaskResults[K]> {
  return fn;
}
