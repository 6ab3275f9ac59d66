import { randomUUID } from "node:crypto";
import type { EnqueueItem } from "../broker/enqueue.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { TaskArgumentsError, describeViolations } from "../errors/task-arguments-error.ts";
import type { TaskSpec } from "../spec/types.ts";
import type { ApplyOptions } from "../task/types.ts";
import { durationToMs, timeToMs } from "../time/duration.ts";
import { assertDepth, assertSize, type ArgsLimits } from "./limits.ts";

/** Enqueues ready to send, all to one queue and priority. */
export interface PreparedBatch {
  items: EnqueueItem[];
  queue: string;
  priority: number;
}

/** What preparing a call takes besides the task and its arguments. */
export interface PrepareOptions {
  apply: ApplyOptions;
  limits: ArgsLimits;
}

const TASK_ID = /^[A-Za-z0-9_.:-]{1,200}$/;
const QUEUE = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Validates arguments against the task's schema (filling defaults in a copy, never in the caller's
 * object) and resolves options. Everything that can be wrong fails here, before Redis is touched.
 */
export function prepareCall(spec: TaskSpec, args: unknown, options: PrepareOptions): PreparedBatch {
  return prepareMany(spec, [args], options);
}

/**
 * {@link prepareCall} for a list of argument objects sharing options: the options are resolved
 * once, every item is validated before any is returned (all-or-nothing).
 */
export function prepareMany(spec: TaskSpec, argsList: readonly unknown[], options: PrepareOptions): PreparedBatch {
  const { apply, limits } = options;
  const priority = apply.priority ?? spec.priority;
  if (!Number.isInteger(priority) || priority < 0 || priority > 9) throw new ConfigurationError(`priority must be an integer 0..9, got ${priority}`);
  const queue = apply.queue ?? spec.queue;
  if (!QUEUE.test(queue)) throw new ConfigurationError(`queue "${queue}" is not a valid queue name ([A-Za-z0-9_.-], at most 100)`);
  const taskId = apply.taskId;
  if (taskId !== undefined && !TASK_ID.test(taskId)) throw new ConfigurationError(`taskId "${taskId}" is not valid ([A-Za-z0-9_.:-], at most 200 characters)`);

  // Relative times travel as durations and count from Redis's clock in the enqueue script (a client
  // whose clock is off must not shift them); an eta or expiry given as a date is absolute.
  const eta = apply.eta !== undefined ? timeToMs(apply.eta, "eta") : 0;
  const countdownMs = apply.countdown !== undefined ? durationToMs(apply.countdown, "countdown") : null;

  let expiresAt = 0;
  let expiresInMs: number | null = null;
  if (apply.expires instanceof Date) expiresAt = timeToMs(apply.expires, "expires");
  else if (apply.expires !== undefined) expiresInMs = durationToMs(apply.expires, "expires");
  else if (spec.expiresMs !== null) expiresInMs = spec.expiresMs;

  const items = argsList.map((args): EnqueueItem => ({
    id: taskId ?? randomUUID(),
    name: spec.name,
    argsJson: serializeArgs(spec, args, limits),
    eta,
    countdownMs,
    expiresAt,
    expiresInMs,
    resultExpiresMs: spec.resultExpiresMs,
  }));
  return { items, queue, priority };
}

/** The arguments as the worker will receive them: validated JSON, schema defaults filled in. */
function serializeArgs(spec: TaskSpec, args: unknown, limits: ArgsLimits): string {
  assertDepth(spec.name, args, limits.maxDepth);
  // Validate what the worker will receive: the JSON form (a Date becomes its ISO string, undefined
  // fields vanish). Parsing it also gives the copy that schema defaults are filled into.
  const sent = args === undefined ? "{}" : JSON.stringify(args);
  if (sent === undefined) throw new TaskArgumentsError(spec.name, [{ path: "args", message: "must be JSON-serializable" }]);
  const copy: unknown = JSON.parse(sent);
  if (!spec.validateArgs(copy)) throw new TaskArgumentsError(spec.name, describeViolations(spec.validateArgs.errors));
  const argsJson = JSON.stringify(copy);
  assertSize(spec.name, argsJson, limits.maxBytes);
  return argsJson;
}
