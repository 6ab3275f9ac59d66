import type { Keyspace } from "../keys/keyspace.ts";
import type { ScriptArg } from "./lua-script.ts";
import type { Claimed } from "./claim.ts";

/** What happened to one run; recorded atomically with releasing its lease. */
export type Outcome =
  | { kind: "ok"; claimed: Claimed; resultJson: string }
  | { kind: "fail"; claimed: Claimed; errorJson: string }
  | { kind: "retry"; claimed: Claimed; errorJson: string; dueAt: number; retries: number }
  | { kind: "release"; claimed: Claimed; dueAt: number }
  | { kind: "ack"; claimed: Claimed };

/** KEYS for a list of outcomes (see finish.lua for the layout). */
export function finishKeys(ks: Keyspace, outcomes: readonly Outcome[]): string[] {
  const keys: string[] = [];
  for (const { claimed } of outcomes) {
    keys.push(ks.task(claimed.id), ks.leases(claimed.queue), ks.delayed(claimed.queue), ks.stats(claimed.queue), ks.dead, ks.signal(claimed.queue));
  }
  return keys;
}

/** ARGV for a list of outcomes, 5 values each. */
export function finishArgs(outcomes: readonly Outcome[]): ScriptArg[] {
  const args: ScriptArg[] = [];
  for (const o of outcomes) {
    switch (o.kind) {
      case "ok":
        args.push("ok", o.claimed.member, o.resultJson, 0, 0);
        break;
      case "fail":
        args.push("fail", o.claimed.member, o.errorJson, 0, 0);
        break;
      case "retry":
        args.push("retry", o.claimed.member, o.errorJson, o.dueAt, o.retries);
        break;
      case "release":
        args.push("release", o.claimed.member, "", o.dueAt, 0);
        break;
      case "ack":
        args.push("ack", o.claimed.member, "", 0, 0);
        break;
    }
  }
  return args;
}
