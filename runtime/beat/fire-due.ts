import type { RedisClient } from "../config/connect.ts";
import { enqueueBatch } from "../broker/enqueue.ts";
import type { Keyspace } from "../keys/keyspace.ts";
import type { Logger } from "../log/logger.ts";
import type { AppSpec } from "../spec/types.ts";
import type { BeatKeys } from "./keys.ts";
import { parseDefinition } from "./read-entries.ts";
import { planRun, runKeys, type RunPlan } from "./run-plan.ts";
import { nextRunAfterFiring } from "./schedule.ts";
import { beatScripts } from "./scripts.ts";
import type { StoredDefinition } from "./types.ts";

/** One due entry from the due ZSET. */
export interface DueEntry {
  name: string;
  dueMs: number;
}

export interface FireContext {
  redis: RedisClient;
  ks: Keyspace;
  keys: BeatKeys;
  app: AppSpec;
  log: Logger;
  now: number;
}

/** Enqueue-free filler for the firing script when the run cannot be sent (keeps ARGV positions; keys come from `runKeys`). */
const NO_RUN: RunPlan = { taskId: "", keys: [], args: ["", "", "", "", 0, 0, 0, 0] };

/**
 * KEYS of one firing call (see fire.lua): the beat's due set, disabled set, run counts and last-run
 * times, then the run's keys (`runKeys`, placeholders when there is no run in this call).
 */
export function fireKeys(keys: BeatKeys, run: readonly string[]): string[] {
  return [keys.due, keys.disabled, keys.runCount, keys.lastRun, ...run];
}

/** What one batch did: runs sent, and entries Redis's clock said were not due yet. */
export interface FireResult {
  sent: number;
  early: number;
}

/**
 * Fires a batch of due entries, one atomic script each (sent back to back on one connection).
 * Returns how many runs were sent, and how many the script refused as not due yet by Redis's clock. An entry whose task vanished from the app or whose args no longer
 * validate is moved to its next slot without a run, and one whose schedule cannot be evaluated is
 * taken off the schedule, so neither can spin the scheduler.
 */
export async function fireDue(ctx: FireContext, due: readonly DueEntry[]): Promise<FireResult> {
  if (due.length === 0) return { sent: 0, early: 0 };
  const raw = await ctx.redis.hmget(ctx.keys.entries, ...due.map((d) => d.name));
  const calls = due.map((entry, i) => fireOne(ctx, entry, parseDefinition(raw[i])));
  const results = await Promise.all(calls);
  return { sent: results.filter((r) => r === "sent").length, early: results.filter((r) => r === "early").length };
}

async function fireOne(
  ctx: FireContext,
  entry: DueEntry,
  def: StoredDefinition | null,
): Promise<"sent" | "early" | "none"> {
  const { redis, keys, now } = ctx;
  let plan = NO_RUN;
  let next: number | null = null;
  let retire = false;
  if (def) {
    try {
      retire = def.oneOff || def.schedule.kind === "at";
      next = retire ? null : nextRunAfterFiring(def.schedule, { dueMs: entry.dueMs, nowMs: now });
      plan = planRun(ctx.app, ctx.ks, { definition: def, taskId: `periodic:${entry.name}:${entry.dueMs}`, now });
    } catch (error) {
      ctx.log.error("periodic entry skipped: its run cannot be sent", {
        entry: entry.name,
        error: (error as Error).message,
      });
    }
  } else {
    ctx.log.warn("due entry without a definition dropped from the schedule", { entry: entry.name });
  }
  const sending = plan !== NO_RUN;
  const callKeys = fireKeys(keys, sending ? plan.keys : runKeys(ctx.ks, null));
  const fire = (mode: string, args: readonly (string | number)[]) =>
    beatScripts.fire.run(redis, callKeys, [
      entry.name,
      entry.dueMs,
      next === null ? "" : next,
      retire ? "1" : "0",
      now,
      mode,
      ...args,
    ]);
  let result: unknown;
  if (sending && plan.remote) {
    // A sharded queue's run lives in another slot: check due-ness, enqueue under the deterministic
    // id (a repeat after a crash or a racing beat finds it and writes nothing), then advance.
    const checked = await fire("3", plan.args);
    if (checked !== 5) return checked === 4 ? "early" : "none";
    const [created] = await enqueueBatch(ctx, [plan.remote.item], {
      queue: plan.remote.queue,
      priority: plan.remote.priority,
    });
    result = await fire("2", [created ? "1" : "0", ...plan.args.slice(1)]);
  } else {
    result = await fire(sending ? "1" : "0", plan.args);
  }
  if (result === 1) {
    ctx.log.info("periodic task sent", {
      entry: entry.name,
      task: def!.task,
      id: plan.taskId,
      lateMs: now - entry.dueMs,
      next: next === null ? null : new Date(next).toISOString(),
    });
    return "sent";
  }
  if (result === 2) ctx.log.warn("periodic run existed already", { entry: entry.name, id: plan.taskId });
  return result === 4 ? "early" : "none";
}
