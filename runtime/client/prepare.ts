import { randomUUID } from "node:crypto";
import type { EnqueueItem } from "../broker/enqueue.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { TaskArgumentsError, describeViolations } from "../errors/task-arguments-error.ts";
import type { TaskSpec } from "../spec/types.ts";
import type { ApplyOptions } from "../task/types.ts";
import { durationToMs, timeToMs } from "../time/duration.ts";
import { assertDepth, assertSize, type ArgsLimits } from "./limits.ts";

/** An enqueue ready to send, plus where it goes. */
export interface PreparedCall {
  item: EnqueueItem;
  queue: string;
  priority: number;
}

const TASK_ID = /^[A-Za-z0-9_.:-]{1,200}$/;
const QUEUE = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Validates arguments against the task's schema (filling defaults in a copy, never in the caller's
 * object) and resolves options. Everything that can be wrong fails here, before Redis is touched.
 */
export function prepareCall(spec: TaskSpec, args: unknown, call: { apply: ApplyOptions; limits: ArgsLimits; now?: number }): PreparedCall {
  const { apply: options, limits, now = Date.now() } = call;
  assertDepth(spec.name, args, limits.maxDepth);
  // Validate what the worker will receive: the JSON form (a Date becomes its ISO string, undefined
  // fields vanish). Parsing it also gives the copy that schema defaults are filled into.
  const sent = args === undefined ? "{}" : JSON.stringify(args);
  if (sent === undefined) throw new TaskArgumentsError(spec.name, [{ path: "args", message: "must be JSON-serializable" }]);
  const copy: unknown = JSON.parse(sent);
  if (!spec.validateArgs(copy)) throw new TaskArgumentsError(spec.name, describeViolations(spec.validateArgs.errors));
  const argsJson = JSON.stringify(copy);
  assertSize(spec.name, argsJson, limits.maxBytes);

  const priority = options.priority ?? spec.priority;
  if (!Number.isInteger(priority) || priority < 0 || priority > 9) throw new ConfigurationError(`priority must be an integer 0..9, got ${priority}`);
  const queue = options.queue ?? spec.queue;
  if (!QUEUE.test(queue)) throw new ConfigurationError(`queue "${queue}" is not a valid queue name ([A-Za-z0-9_.-], at most 100)`);
  const id = options.taskId ?? randomUUID();
  if (!TASK_ID.test(id)) throw new ConfigurationError(`taskId "${id}" is not valid ([A-Za-z0-9_.:-], at most 200 characters)`);

  let eta = 0;
  if (options.eta !== undefined) eta = timeToMs(options.eta, "eta");
  if (options.countdown !== undefined) eta = Math.max(eta, now + durationToMs(options.countdown, "countdown"));

  let expiresAt = 0;
  if (options.expires instanceof Date) expiresAt = timeToMs(options.expires, "expires");
  else if (options.expires !== undefined) expiresAt = now + durationToMs(options.expires, "expires");
  else if (spec.expiresMs !== null) expiresAt = now + spec.expiresMs;

  return {
    item: { id, name: spec.name, argsJson, eta, expiresAt, resultExpiresMs: spec.resultExpiresMs },
    queue,
    priority,
  };
}
