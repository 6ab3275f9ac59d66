import { randomUUID } from "node:crypto";
import type { EnqueueItem } from "../broker/enqueue.ts";
import { ConfigurationError } from "../errors/configuration-error.ts";
import { TaskArgumentsError, describeViolations } from "../errors/task-arguments-error.ts";
import type { TaskSpec } from "../spec/types.ts";
import type { ApplyOptions } from "../task/types.ts";
import { durationToMs } from "../core/mod.ts";
import { timeToMs } from "../time/instant.ts";
import { TASK_ID_PATTERN } from "../keys/task-id.ts";
import { QUEUE_NAME_PATTERN } from "../keys/queue-name.ts";
import { assertJsonArgs } from "./args-shape.ts";
import { assertSize, type ArgsLimits } from "./limits.ts";

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
  /** Only bounds how far ahead a time may point (a sanity check); relative times count from Redis's clock. */
  now?: number;
  /** Beat's own runs: lets the id be in the reserved `periodic:` namespace. Never set by the client. */
  periodicId?: boolean;
}

/** Ids beat gives its runs (`periodic:<name>:<due-ms>`); a client id there could displace a scheduled run. */
export const RESERVED_ID_PREFIX = "periodic:";

/**
 * The furthest ahead a countdown, eta or expiry may point: 10 years (3650 days). Beyond that it is a
 * unit mistake (`countdown: 1e20`), and past about 285,000 years the time is no longer a valid Date.
 */
export const MAX_SCHEDULE_AHEAD_MS = 3650 * 86_400_000;

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
  const { apply, limits, now = Date.now() } = options;
  const priority = apply.priority ?? spec.priority;
  if (!Number.isInteger(priority) || priority < 0 || priority > 9)
    throw new ConfigurationError(`priority must be an integer 0..9, got ${priority}`);
  const queue = apply.queue ?? spec.queue;
  if (!QUEUE_NAME_PATTERN.test(queue))
    throw new ConfigurationError(`queue "${queue}" is not a valid queue name ([A-Za-z0-9_.-], at most 100)`);
  const taskId = checkTaskId(apply.taskId, options.periodicId === true);

  // Relative times travel as durations and count from Redis's clock in the enqueue script (a client
  // whose clock is off must not shift them); an eta or expiry given as a date is absolute. `now` only
  // bounds how far ahead either may point, a sanity check a skewed clock does not upset.
  const eta = apply.eta !== undefined ? bounded(timeToMs(apply.eta, "eta"), now, "eta") : 0;
  const countdownMs =
    apply.countdown !== undefined ? bounded(durationToMs(apply.countdown, "countdown"), 0, "countdown") : null;

  let expiresAt = 0;
  let expiresInMs: number | null = null;
  if (apply.expires instanceof Date) expiresAt = bounded(timeToMs(apply.expires, "expires"), now, "expires");
  else if (apply.expires !== undefined) expiresInMs = bounded(durationToMs(apply.expires, "expires"), 0, "expires");
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

function checkTaskId(taskId: unknown, periodicId: boolean): string | undefined {
  if (taskId === undefined) return undefined;
  if (typeof taskId !== "string")
    throw new ConfigurationError(`taskId must be a string, got ${typeof taskId} ${String(taskId).slice(0, 50)}`);
  if (!TASK_ID_PATTERN.test(taskId))
    throw new ConfigurationError(`taskId "${taskId.slice(0, 250)}" is not valid (1 to 200 of [A-Za-z0-9_.:-])`);
  if (!periodicId && taskId.startsWith(RESERVED_ID_PREFIX)) {
    throw new ConfigurationError(
      `taskId "${taskId}" is in the "${RESERVED_ID_PREFIX}" namespace, which is reserved for beat's scheduled runs`,
    );
  }
  return taskId;
}

/** A finite time no further ahead than {@link MAX_SCHEDULE_AHEAD_MS}; a time in the past is fine (it is due now). */
function bounded(ms: number, now: number, what: string): number {
  if (!Number.isFinite(ms) || ms - now > MAX_SCHEDULE_AHEAD_MS) {
    throw new ConfigurationError(
      `${what} must be at most 3650 days (10 years) ahead, got ${Number.isFinite(ms) ? `${Math.round((ms - now) / 86_400_000)} days` : String(ms)}`,
    );
  }
  return ms;
}

/** The arguments as the worker will receive them: validated JSON, schema defaults filled in. */
function serializeArgs(spec: TaskSpec, args: unknown, limits: ArgsLimits): string {
  assertJsonArgs(spec.name, args, limits.maxDepth);
  // Validate what the worker will receive: the JSON form (a Date becomes its ISO string, undefined
  // fields vanish). Parsing it also gives the copy that schema defaults are filled into.
  const sent = args === undefined ? "{}" : JSON.stringify(args);
  if (sent === undefined)
    throw new TaskArgumentsError(spec.name, [{ path: "args", message: "must be JSON-serializable" }]);
  const copy: unknown = JSON.parse(sent);
  if (!spec.validateArgs(copy)) throw new TaskArgumentsError(spec.name, describeViolations(spec.validateArgs.errors));
  // The validator changes the copy only by filling in defaults; without any, the copy's JSON is
  // `sent` again (JSON.stringify of what JSON.parse made of its output gives that output back).
  const argsJson = fillsDefaults(spec) ? JSON.stringify(copy) : sent;
  assertSize(spec.name, argsJson, limits.maxBytes);
  return argsJson;
}

const defaultsBySpec = new WeakMap<TaskSpec, boolean>();

/** Whether validating a task's args may fill in defaults: its schema has a `default` anywhere (or is not known). */
function fillsDefaults(spec: TaskSpec): boolean {
  let fills = defaultsBySpec.get(spec);
  if (fills === undefined)
    defaultsBySpec.set(spec, (fills = spec.argsSchema === undefined || hasDefault(spec.argsSchema)));
  return fills;
}

function hasDefault(schema: unknown): boolean {
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (!Array.isArray(node) && Object.hasOwn(node, "default")) return true;
    stack.push(...Object.values(node));
  }
  return false;
}
