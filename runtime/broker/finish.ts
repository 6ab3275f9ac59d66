import type { Keyspace } from "../keys/keyspace.ts";
import type { ScriptArg } from "./lua-script.ts";
import type { Claimed } from "./claim.ts";
import { canvasFailKeys, canvasOkKeys } from "../canvas/record.ts";
import { isLocalEffect } from "../canvas/placement.ts";

/**
 * When a task put back runs again: `inMs` counts from Redis's clock when the outcome is recorded
 * (countdowns, backoff, rate-limit waits), `atMs` is an absolute time a user gave (an eta).
 */
export type Due = { inMs: number } | { atMs: number };

/** What happened to one run; recorded atomically with releasing its lease. */
export type Outcome =
  | {
      kind: "ok";
      claimed: Claimed;
      resultJson: string;
      /** ignore_result: record the state, not the result. */ ignoreResult?: boolean;
    }
  | { kind: "fail"; claimed: Claimed; errorJson: string }
  | { kind: "retry"; claimed: Claimed; errorJson: string; due: Due; retries: number }
  | { kind: "release"; claimed: Claimed; inMs: number }
  | { kind: "ack"; claimed: Claimed };

// Never a non-finite time: the script could not parse it and the task would never come due.
const dueArg = (due: Due): string =>
  "inMs" in due
    ? `+${Number.isFinite(due.inMs) ? Math.max(0, due.inMs) : 0}`
    : String(Number.isFinite(due.atMs) ? due.atMs : 0);

/** KEYS and ARGV of the finish part of a script (see finish.lua for the layout). */
export interface FinishLayout {
  keys: string[];
  args: ScriptArg[];
}

/**
 * Lays out outcomes for finish.lua: the keys of each queue once (a batch is mostly one queue), then
 * one record key per outcome; each outcome's ARGV names its queue by index.
 */
export function finishLayout(ks: Keyspace, outcomes: readonly Outcome[]): FinishLayout {
  const groups = new Map<string, number>();
  // One shard per call (the caller groups outcomes by it): the first outcome's names it.
  const keys: string[] = [ks.forQueue(outcomes[0]?.claimed.queue ?? "").dead];
  for (const { claimed } of outcomes) {
    if (groups.has(claimed.queue)) continue;
    groups.set(claimed.queue, groups.size + 1);
    keys.push(ks.leases(claimed.queue), ks.delayed(claimed.queue), ks.stats(claimed.queue), ks.signal(claimed.queue));
  }
  const args: ScriptArg[] = [groups.size, outcomes.length];
  const canvasKeys: string[] = [];
  for (const o of outcomes) {
    keys.push(ks.task(o.claimed.id));
    const { okKeys, extra, relay } = outcomeCanvasKeys(ks, o);
    canvasKeys.push(...extra);
    const group = groups.get(o.claimed.queue)!;
    const token = o.claimed.token ?? "";
    switch (o.kind) {
      case "ok":
        args.push(
          group,
          "ok",
          o.claimed.member,
          o.resultJson,
          okKeys.length,
          o.ignoreResult ? 1 : 0,
          token,
          relay ? "r" : extra.length,
        );
        break;
      case "fail":
        args.push(group, "fail", o.claimed.member, o.errorJson, 0, 0, token, relay ? "r" : extra.length);
        break;
      case "retry":
        args.push(group, "retry", o.claimed.member, o.errorJson, dueArg(o.due), o.retries, token, extra.length);
        break;
      case "release":
        args.push(group, "release", o.claimed.member, "", dueArg({ inMs: o.inMs }), 0, token, extra.length);
        break;
      case "ack":
        args.push(group, "ack", o.claimed.member, "", 0, 0, token, extra.length);
        break;
    }
  }
  keys.push(...canvasKeys);
  return { keys, args };
}

/**
 * The canvas keys one outcome's finish needs. A success also carries the failure's keys: a run
 * revoked with terminate that still returned reads REVOKED. When any of them lies outside the
 * record's slot, the only key is that slot's outbox (`relay`): the script defers the effect there.
 */
function outcomeCanvasKeys(ks: Keyspace, o: Outcome): { okKeys: string[]; extra: string[]; relay: boolean } {
  const cv = o.claimed.canvas;
  if (cv === undefined || (o.kind !== "ok" && o.kind !== "fail")) return { okKeys: [], extra: [], relay: false };
  const own = ks.forId(o.claimed.id);
  const local = isLocalEffect(ks, own.tag, "fail", cv) && (o.kind === "fail" || isLocalEffect(ks, own.tag, "ok", cv));
  if (!local) return { okKeys: [], extra: [own.canvasOutbox], relay: true };
  const okKeys = o.kind === "ok" ? canvasOkKeys(own, cv) : [];
  return { okKeys, extra: [...okKeys, ...canvasFailKeys(own, cv)], relay: false };
}
