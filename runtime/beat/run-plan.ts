import { DEFAULT_ARGS_LIMITS } from "../client/limits.ts";
import { prepareCall } from "../client/prepare.ts";
import type { EnqueueItem } from "../broker/enqueue.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import { routeTask } from "../keys/shard-route.ts";
import type { AppSpec } from "../spec/types.ts";
import { PeriodicEntryError } from "./errors.ts";
import type { StoredDefinition } from "./types.ts";

/** How many ids the admin's recent-task index keeps (the broker's default, see enqueueBatch). */
const RECENT_CAP = 10_000;

/**
 * The KEYS tail a firing or run-now script enqueues one run with (see `enqueue_run` in
 * record-run.lua): task record, ready list, delayed set, signal, recent index. With no run (it is
 * skipped, or enqueued by its own call on a sharded queue's shard) placeholders the script never
 * touches, in the app's slot with the beat keys, as a Cluster needs.
 */
export function runKeys(ks: Keyspace, run: { id: string; queue: string; priority: number } | null): string[] {
  if (!run) return [ks.task("-"), ks.ready("-", 0), ks.delayed("-"), ks.signal("-"), ks.recent];
  return [ks.task(run.id), ks.ready(run.queue, run.priority), ks.delayed(run.queue), ks.signal(run.queue), ks.recent];
}

/** The KEYS and ARGV tail that the firing and run-now scripts need to enqueue one run. */
export interface RunPlan {
  taskId: string;
  /** task record, ready list, delayed, signal, recent */
  keys: string[];
  /** id, task name, args JSON, queue, priority, expires-at, result ttl, recent cap */
  args: (string | number)[];
  /**
   * Set when the run's queue is sharded: its shard lives in another slot than the beat's keys, so
   * the run is enqueued by a separate (idempotent, deterministic-id) call, not inside the firing
   * script; `keys`/`args` are then unused placeholders.
   */
  remote?: { queue: string; priority: number; item: EnqueueItem };
}

/**
 * Turns an entry into the message of one run, validating its args against the task's schema again
 * (the app may have changed since the entry was stored). Throws PeriodicEntryError when the task is
 * gone or the args no longer fit.
 */
export function planRun(
  app: AppSpec,
  ks: Keyspace,
  run: { definition: StoredDefinition; taskId: string; now: number },
): RunPlan {
  const def = run.definition;
  const spec = Object.hasOwn(app.tasks, def.task) ? app.tasks[def.task] : undefined;
  if (!spec)
    throw new PeriodicEntryError("task", `task "${def.task}" of periodic entry "${def.name}" is not part of this app`);
  let prepared;
  try {
    prepared = prepareCall(spec, def.args, {
      apply: {
        taskId: run.taskId,
        queue: def.queue ?? undefined,
        priority: def.priority ?? undefined,
        expires: def.expiresMs === null ? undefined : new Date(run.now + def.expiresMs),
      },
      limits: DEFAULT_ARGS_LIMITS,
      now: run.now,
      periodicId: true,
    });
  } catch (error) {
    throw new PeriodicEntryError("args", `periodic entry "${def.name}" cannot be sent: ${(error as Error).message}`);
  }
  const { queue, priority } = prepared;
  const route = routeTask(app, queue, prepared.items[0].id);
  const item = { ...prepared.items[0], id: route.id };
  if (route.shard) {
    const expiresAt = item.expiresInMs === null ? item.expiresAt : run.now + item.expiresInMs;
    return {
      taskId: item.id,
      keys: runKeys(ks, null),
      args: ["", "", "", "", 0, 0, 0, 0],
      remote: { queue: route.queue, priority, item: { ...item, expiresAt, expiresInMs: null } },
    };
  }
  return {
    taskId: item.id,
    keys: runKeys(ks, { id: item.id, queue, priority }),
    // A task's default expiry counts from this run's time (beat's clock follows Redis's).
    args: [
      item.id,
      item.name,
      item.argsJson,
      queue,
      priority,
      item.expiresInMs === null ? item.expiresAt : run.now + item.expiresInMs,
      item.resultExpiresMs,
      RECENT_CAP,
    ],
  };
}
